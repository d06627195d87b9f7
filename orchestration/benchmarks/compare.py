"""Did the pipeline and the limit do the same work? Compare tables of two DuckDB files, all columns,
floats rounded to 1e-9, as multisets of rows (EXCEPT ALL both ways)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

FLOAT_TYPES = ("DOUBLE", "FLOAT", "REAL")


@dataclass
class TableDiff:
    table: str
    rows_a: int = 0
    rows_b: int = 0
    only_a: int = 0
    only_b: int = 0
    columns_a: list[str] = field(default_factory=list)
    columns_b: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def equal(self) -> bool:
        return not self.error and self.only_a == 0 and self.only_b == 0 and self.columns_a == self.columns_b

    def describe(self) -> str:
        if self.error:
            return f"{self.table}: {self.error}"
        if self.columns_a != self.columns_b:
            return (f"{self.table}: columns differ: only in pipeline {sorted(set(self.columns_a) - set(self.columns_b))}, "
                    f"only in limit {sorted(set(self.columns_b) - set(self.columns_a))}")
        state = "equal" if self.equal else "DIFFERENT"
        out = f"{self.table}: {state} ({self.rows_a} vs {self.rows_b} rows; {self.only_a} only in pipeline, {self.only_b} only in limit)"
        return out + "".join(f"\n    {e}" for e in self.examples)


def comparable_expr(name: str, type_: str, float_digits: int = 9) -> str:
    """A column expression that compares equal when values are equal up to 10^-digits. Pure."""
    col = '"' + name.replace('"', '""') + '"'
    t = type_.upper()
    if t in FLOAT_TYPES or t.startswith("DECIMAL"):
        return f"round({col}::double, {float_digits}) as {col}"
    if "[]" in t or t.startswith(("STRUCT", "MAP", "LIST")):
        return f"{col}::varchar as {col}"
    return col


def compare_tables(path_a: Path, path_b: Path, table: str, exclude: tuple[str, ...] = (),
                   only: tuple[str, ...] | None = None, examples: int = 3) -> TableDiff:
    """Compare `schema.table` of two DuckDB files (a = pipeline, b = limit)."""
    diff = TableDiff(table)
    con = duckdb.connect()
    try:
        con.execute(f"attach '{path_a}' as a (read_only)")
        con.execute(f"attach '{path_b}' as b (read_only)")
        schema, name = table.split(".")

        def cols(db: str) -> list[tuple[str, str]]:
            return con.execute(
                "select column_name, data_type from duckdb_columns() where database_name = ? and schema_name = ? "
                "and table_name = ? order by column_index", [db, schema, name]).fetchall()

        ca, cb = cols("a"), cols("b")
        if not ca or not cb:
            diff.error = f"missing in {'pipeline' if not ca else 'limit'}"
            return diff
        keep = [c for c in ca if c[0] not in exclude and (only is None or c[0] in only)]
        diff.columns_a = [c[0] for c in keep]
        diff.columns_b = [c[0] for c in cb if c[0] not in exclude and (only is None or c[0] in only)]
        if diff.columns_a != diff.columns_b:
            # compare the common columns anyway, but report the difference
            common = [c for c in keep if c[0] in diff.columns_b]
        else:
            common = keep
        select = ", ".join(comparable_expr(n, t) for n, t in common)
        diff.rows_a = con.execute(f"select count(*) from a.{table}").fetchone()[0]
        diff.rows_b = con.execute(f"select count(*) from b.{table}").fetchone()[0]
        con.execute(f"create temp table _a as select {select} from a.{table}")
        con.execute(f"create temp table _b as select {select} from b.{table}")
        diff.only_a = con.execute("select count(*) from (select * from _a except all select * from _b)").fetchone()[0]
        diff.only_b = con.execute("select count(*) from (select * from _b except all select * from _a)").fetchone()[0]
        if diff.only_a or diff.only_b:
            for side, q in (("pipeline", "select * from _a except all select * from _b"),
                            ("limit", "select * from _b except all select * from _a")):
                cur = con.execute(f"{q} limit {examples}")
                names = [d[0] for d in cur.description]
                for row in cur.fetchall():
                    diff.examples.append(f"only in {side}: " + ", ".join(f"{n}={v!r}" for n, v in zip(names, row))[:600])
    except duckdb.Error as exc:
        diff.error = f"comparison failed: {exc}"
    finally:
        con.close()
    return diff


# Raw columns the comparison skips: the load time, and inventory details no model reads (see limit_ingest).
RAW_EXCLUDE = {
    "*": ("loaded_at",),
    "raw.export_files": ("loaded_at", "encoding", "delimiter", "line_ending"),
    "raw.exports": ("loaded_at", "warnings"),
}


def compare_raw(path_a: Path, path_b: Path, tables: list[str]) -> list[TableDiff]:
    return [compare_tables(path_a, path_b, f"raw.{t}", exclude=RAW_EXCLUDE.get(f"raw.{t}", RAW_EXCLUDE["*"]))
            for t in tables]
