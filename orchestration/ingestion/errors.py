"""Errors that stop one user's ingestion. They always name the user, and the file and line when known."""

from __future__ import annotations


class ExportError(Exception):
    """The user's export cannot be ingested; their previously loaded data stays in place."""

    def __init__(self, user_id: str, problem: str, file: str | None = None, line: int | None = None):
        self.user_id = user_id
        self.problem = problem
        self.file = file
        self.line = line
        super().__init__(self.message)

    def __reduce__(self):  # picklable with its fields (errors come back from parsing worker processes)
        return (type(self), (self.user_id, self.problem, self.file, self.line))

    @property
    def message(self) -> str:
        where = ""
        if self.file:
            where = f", file '{self.file}'" + (f" line {self.line}" if self.line else "")
        return f"user '{self.user_id}'{where}: {self.problem}"


class InvalidUserId(ExportError):
    """A folder under data/raw/ whose name is not a safe user id."""
