"""Command line: `python -m orchestration.generator {export,users,demo} ...` (also `linkedin-export-gen`)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from .archive import KINDS, LAYOUTS
from .eras import ERA_NAMES
from .export import GeneratedExport, generate_export, generate_users, write_demo_users
from .personas import PERSONA_NAMES


def _describe(ge: GeneratedExport) -> str:
    rows = ", ".join(f"{k}={v}" for k, v in ge.expected_rows.items() if v)
    who = f"{ge.user_id}: " if ge.user_id else ""
    return f"{who}{ge.path}  [{ge.persona}, seed {ge.seed}, {ge.era}, {ge.kind}, as of {ge.as_of}]  {rows}"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m orchestration.generator",
                                description="Generate synthetic, format-faithful LinkedIn data exports.")
    sub = p.add_subparsers(dest="cmd", required=True)

    e = sub.add_parser("export", help="write one export")
    e.add_argument("--out", required=True, type=Path, help="folder to write the export into")
    e.add_argument("--persona", default="typical", choices=PERSONA_NAMES)
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--era", default="current", choices=ERA_NAMES)
    e.add_argument("--kind", default="Complete", choices=KINDS)
    e.add_argument("--layout", default="zip", choices=LAYOUTS)
    e.add_argument("--as-of", type=date.fromisoformat, default=None, help="export date YYYY-MM-DD")
    e.add_argument("--split-rows", type=int, default=None, help="split messages.csv into parts of this many rows")
    e.add_argument("--n-connections", type=int, default=None, help="override the persona's network size")
    e.add_argument("--messages-variant", choices=("drafts", "attachments", "plain"), default=None)
    e.add_argument("--bom", action="append", default=[], metavar="FILE", help="simulate an Excel re-save (BOM) of FILE")
    e.add_argument("--name-artifact", default="", help='browser artefact in the zip name: " (1)" or ".zip"')

    u = sub.add_parser("users", help="write N users (scale mode): OUT/user-00000/...")
    u.add_argument("--out", required=True, type=Path)
    u.add_argument("--n", type=int, required=True)
    u.add_argument("--seed", type=int, default=0)
    u.add_argument("--as-of", type=date.fromisoformat, default=None)
    u.add_argument("--era", default="current", choices=ERA_NAMES)
    u.add_argument("--variety", action="store_true", help="mix Basic/Complete, folders and export dates")
    u.add_argument("--quiet", action="store_true", help="only print a summary")

    d = sub.add_parser("demo", help="write the three demo users: OUT/{collector,specialist,new_grad}/")
    d.add_argument("--out", type=Path, default=Path("data/raw"))
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    t0 = time.perf_counter()
    if args.cmd == "export":
        over: dict[str, object] = {}
        if args.n_connections is not None:
            over["n_connections"] = args.n_connections
        if args.messages_variant:
            over["messages_variant"] = args.messages_variant
        if args.bom:
            over["bom_files"] = tuple(args.bom)
        if args.name_artifact:
            over["name_artifact"] = args.name_artifact
        ge = generate_export(args.out, persona=args.persona, seed=args.seed, as_of=args.as_of, era=args.era,
                             kind=args.kind, layout=args.layout, split_rows=args.split_rows, **over)
        print(_describe(ge))
        print(f"owner: {ge.owner_name} <{ge.owner_profile_url}>  files: {len(ge.files)}")
    elif args.cmd == "users":
        out = generate_users(args.out, args.n, seed=args.seed, as_of=args.as_of, era=args.era, variety=args.variety)
        if not args.quiet:
            for ge in out:
                print(_describe(ge))
        sizes = sorted(ge.expected_rows["connections"] for ge in out)
        if sizes:
            print(f"{len(out)} users under {args.out}; connections median {sizes[len(sizes) // 2]}, max {sizes[-1]}")
    else:
        for ge in write_demo_users(args.out):
            print(_describe(ge))
    print(f"done in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
