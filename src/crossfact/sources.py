"""Load reports from files and directories into `Source` values.

Metadata is either a leading ``date YYYY-MM-DD`` (a bare date line, as wire copy
is often stored) or YAML front matter between ``---`` lines. The metadata is
blanked out with spaces rather than cut, so every character keeps its place and
line:column in the text is line:column in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from .errors import CrossfactError
from .model import Source

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
DATE_LINE = re.compile(r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})\b")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$", re.S | re.M)
MAX_BYTES = 20_000_000


def discover(paths: Iterable[str]) -> list[Path]:
    """Files to read, in a stable order; a directory contributes its reports."""
    found: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in p.rglob("*"):
                if child.is_file() and child.suffix.lower() in EXTENSIONS and not child.name.startswith("."):
                    if child.name not in ("EXPECTED.yaml", "README.md", "ANSWERS.md"):
                        found.add(child)
        elif p.exists():
            found.add(p)
        else:
            raise CrossfactError("no such file or directory", path=str(raw))
    return sorted(found, key=lambda q: (q.stem, str(q)))


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks where they are."""
    middle = re.sub(r"[^\r\n]", " ", text[start:end])
    return text[:start] + middle + text[end:]


def line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", text):
        starts.append(m.end())
    return tuple(starts)


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise CrossfactError("empty report", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise CrossfactError("binary file (contains NUL bytes); not a text report", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CrossfactError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", path=path,
                             line=line) from None


def parse(text: str, path: str, source_id: str) -> Source:
    meta: dict[str, str] = {}
    m = FRONT_MATTER.match(text)
    if m:
        try:
            data = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            raise CrossfactError(f"bad front matter: {getattr(exc, 'problem', exc)}", path=path,
                                 line=line, column=(mark.column + 1) if mark else None) from None
        if not isinstance(data, dict):
            raise CrossfactError("front matter must be a mapping", path=path, line=2)
        meta = {str(k): str(v) for k, v in data.items() if v is not None}
        text = _blank(text, 0, m.end())
    else:
        d = DATE_LINE.match(text)
        if d:
            meta["date"] = d.group(1)
            text = _blank(text, 0, d.end())
    date = meta.get("date")
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date[:10]):
        raise CrossfactError(f"date {date!r} is not YYYY-MM-DD", path=path, line=1)
    return Source(id=source_id, path=path, text=text, date=date[:10] if date else None,
                  meta=tuple(sorted(meta.items())), line_starts=line_starts(text))


def load_file(path: Path, display: str | None = None, max_bytes: int = MAX_BYTES) -> Source:
    shown = display or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CrossfactError(f"report is {size} bytes, over the limit of {max_bytes}; skipped",
                                 path=shown)
        data = path.read_bytes()
    except OSError as exc:
        raise CrossfactError(f"cannot read: {exc.strerror}", path=shown) from None
    if path.suffix.lower() in (".html", ".htm"):  # article text out of the page: see htmlsource
        from .htmlsource import parse as parse_html

        return parse_html(decode(data, shown), shown, path.stem)
    return parse(decode(data, shown), shown, path.stem)


def load(paths: Iterable[str]) -> Iterator[Source | CrossfactError]:
    """Yield each source, or the error that kept it out; one bad file never stops the rest."""
    for path in discover(paths):
        try:
            yield load_file(path)
        except CrossfactError as err:
            yield err
