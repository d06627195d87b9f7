"""`connection-score`: answer the common questions from the serving file (never the warehouse).

    connection-score users                     # who has a score, and how fresh it is
    connection-score score alice               # total, band and the six components
    connection-score reengage alice            # top people to re-engage
    connection-score sql "select ..."          # any query against the serving snapshot
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from ..settings import Settings

QUERIES = {
    "users": "select * from connection_score order by user_id",
    "score": "select * from connection_score where user_id = ?",
    "trend": "select * from connection_score_history where user_id = ? order by score_date",
    "reengage": "select * from reengage where user_id = ? order by 1, 2 limit 15",
    "waiting": "select * from waiting_on_you where user_id = ? limit 15",
    "mix": "select * from industry_mix where user_id = ? order by share desc",
}


def connect(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    path = path or Settings.from_env().serving_path
    if not Path(path).exists():
        raise SystemExit(f"no serving file at {path}: run `make demo` or a refresh first")
    return duckdb.connect(str(path), read_only=True)


def render(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None, vertical: bool = False) -> str:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    if vertical:
        width = max(len(n) for n in names)
        return "\n\n".join("\n".join(f"{n:<{width}}  {v}" for n, v in zip(names, r)) for r in rows) or "(no rows)"
    cells = [names] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [min(40, max(len(c[i]) for c in cells)) for i in range(len(names))]
    lines = ["  ".join(c[i][:40].ljust(widths[i]) for i in range(len(names))) for c in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="connection-score", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--serving", type=Path, help="serving DuckDB file (default: data/serving.duckdb)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("users", help="every user's score")
    for name in ("score", "trend", "reengage", "waiting", "mix"):
        sub.add_parser(name, help=f"{name} for one user").add_argument("user_id")
    sql = sub.add_parser("sql", help="run a query against the serving snapshot")
    sql.add_argument("query")
    args = parser.parse_args(argv)
    with connect(args.serving) as con:
        if args.command == "sql":
            print(render(con, args.query))
        elif args.command == "users":
            print(render(con, "select user_id, as_of, total_score, band, confidence from connection_score "
                              "order by user_id"))
        else:
            print(render(con, QUERIES[args.command], [args.user_id], vertical=args.command == "score"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
