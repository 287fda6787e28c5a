"""The one exception type for problems a user can fix (bad input, bad config)."""

from __future__ import annotations


class CrossfactError(Exception):
    """A problem in something a person wrote: reported as one line, exit code 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None, snippet: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.snippet = snippet

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = f"{where}error: {self.message}"
        if self.snippet:
            text += f"  | {self.snippet.strip()[:120]}"
        return text
