"""Tool failures (bad input, bad glossary), never findings: the CLI maps them to exit 2."""
from __future__ import annotations


class MtcheckError(Exception):
    """Base of every error the CLI reports as one line and exit code 2."""


class InputError(MtcheckError):
    """Input that cannot be read: the message names the file and, where known, the line."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.detail = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.detail}"

    def __reduce__(self):
        # Rebuilt from its own fields (a worker process hands it back pickled).
        return type(self), (self.path, self.detail, self.line)


class GlossaryError(InputError):
    """A glossary file that cannot be loaded."""
