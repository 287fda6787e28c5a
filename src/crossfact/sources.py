"""Load reports from files and directories into `Source` values.

Metadata is either a leading ``date YYYY-MM-DD`` (a bare date line, as wire copy
is often stored) or YAML front matter between ``---`` lines. The metadata is
blanked out with spaces rather than cut, so every character keeps its place and
line:column in the text is line:column in the file, whatever the line endings
(LF, CRLF or a lone CR all end a line).

Reports come from anywhere, so a file that is not a clean text report (empty,
binary, a stray NUL, not UTF-8, too big, a symlink loop, a link out of the folder
being scanned) is one CrossfactError naming the file and, where there is one, the
line:column; `load` yields it and goes on with the rest. Text that is not UTF-8 is
refused rather than guessed: Latin-1 and Windows-1252 decode any bytes at all, so a
guess would silently turn a misencoded name into a "misspelling" finding.
"""

from __future__ import annotations

import codecs
import datetime
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import safeyaml
from .errors import CrossfactError
from .model import Source

EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
DATE_LINE = re.compile(r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})\b")
FRONT_MATTER = re.compile(r"\A---[ \t]*(?:\r\n|\r|\n)(.*?)(?<=[\r\n])---[ \t]*(?=[\r\n]|\Z)", re.S)
BREAK = re.compile(r"\r\n|\r|\n")
MAX_BYTES = 10_000_000  # ~1.5 million words, a hundred long features; crossfact.yaml max-report-size overrides
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
CONTROL = bytes(set(range(32)) - {9, 10, 12, 13})


def discover(paths: Iterable[str], errors: list[CrossfactError] | None = None) -> list[str]:
    """Files to read, in a stable order (by file stem, then path); a directory contributes its reports.

    Paths come back as strings written as `pathlib` writes them (no "./", no doubled slashes):
    no Path object is built per file, which an unchanged run would otherwise spend most of its
    time on. A path that cannot be read raises, or, given `errors`, is appended there and skipped.
    A directory scan never follows a symlink out of the directory: a stray or hostile
    link would otherwise pull any file on the machine into the report.
    """
    def fail(message: str, path: Path) -> None:
        err = CrossfactError(message, path=str(path))
        if errors is None:
            raise err
        errors.append(err)

    found: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            base = p.resolve()
            top = str(p)
            cut = 2 if top == "." else 0  # scandir(".") writes "./name"; Path("./name") is "name"
            for entry in _walk(top, fail):
                name = entry.name
                if os.path.splitext(name)[1].lower() not in EXTENSIONS or name.startswith("."):
                    continue
                if name in ("README.md", "ANSWERS.md"):
                    continue
                if entry.is_symlink():
                    problem = _link_problem(Path(entry.path), base)
                    if problem:
                        fail(problem, Path(entry.path[cut:]))
                        continue
                if entry.is_file():
                    found.add(entry.path[cut:])
        elif p.is_file():
            found.add(str(p))
        elif p.is_symlink():
            fail(_link_problem(p, None) or "not a regular file", p)
        else:
            fail("not a regular file" if p.exists() else "no such file or directory", p)
    return sorted(found, key=lambda q: (_stem(q), q))


def _stem(path: str) -> str:
    """Path(path).stem, without building the Path."""
    name = os.path.basename(path)
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def _walk(top: str, fail: Callable[[str, Path], None]) -> Iterator[os.DirEntry]:
    """Every entry under `top` that is not a directory, without following links to directories.
    os.scandir's entries know their type from the directory listing: no stat per file."""
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                for entry in listing:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                    else:
                        yield entry
        except OSError as exc:
            fail(f"cannot read folder: {exc.strerror or exc}; its reports are not checked", Path(folder))


def _link_problem(link: Path, base: Path | None) -> str | None:
    """Why a symlink cannot be read as a report (loop, dangling, out of `base`), or None."""
    try:
        target = link.resolve(strict=True)
    except (RuntimeError, OSError) as exc:  # Python < 3.13 raises RuntimeError on a loop
        looping = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == 40
        return "symlink loop; skipped" if looping else "broken symlink; skipped"
    if base is not None and base != target and base not in target.parents:
        return f"symlink to {target}, outside {base}; skipped"
    return None


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] by spaces, keeping line breaks where they are."""
    middle = re.sub(r"[^\r\n]", " ", text[start:end])
    return text[:start] + middle + text[end:]


def line_starts(text: str) -> tuple[int, ...]:
    return (0, *(m.end() for m in BREAK.finditer(text)))


def _where(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of text[index], with the same line breaks as `line_starts`."""
    starts = line_starts(text[:index])
    return len(starts), index - starts[-1] + 1


def decode(data: bytes, path: str) -> str:
    """The text of a report file, or a CrossfactError saying why it is not one."""
    encoding = next((enc for bom, enc in BOMS if data.startswith(bom)), None)
    head = data[:8192]
    if encoding is None and head.count(0) and sum(map(head.count, CONTROL)) > len(head) // 20:
        hint = " (UTF-16 without a byte-order mark?)" if head[1::2].count(0) > len(head) // 4 else ""
        raise CrossfactError(f"binary file, not a text report{hint}; skipped", path=path)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        if encoding:
            raise CrossfactError(f"not valid {encoding.upper().replace('-SIG', '')} although it starts with "
                                 "that byte-order mark; skipped", path=path) from None
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        raise CrossfactError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); if it is Latin-1 or Windows-1252, "
                             "save it as UTF-8 (iconv -f windows-1252 -t utf-8); skipped", path=path,
                             line=data[:exc.start].count(b"\n") + 1, column=column) from None
    if not text.strip():
        raise CrossfactError("empty report; skipped", path=path)
    nul = text.find("\x00")
    if nul >= 0:
        line, column = _where(text, nul)
        raise CrossfactError("NUL character in the text (a damaged or binary file); skipped", path=path,
                             line=line, column=column)
    return text


SIMPLE_LINE = re.compile(r"([A-Za-z_][\w-]*):[ \t]+([\w .,;'’()/+-]*[\w.)])[ \t]*")


def _simple_front_matter(block: str) -> dict[str, tuple[str, int]] | None:
    """Front matter of plain `key: value` lines (what newsroom tools write), read without a YAML
    parser: {key: (value, line index)}. Anything else (quotes, lists, colons in values) returns None
    and goes through the safe YAML loader, so both readings agree where this one answers."""
    out: dict[str, tuple[str, int]] = {}
    for i, line in enumerate(block.splitlines()):
        m = SIMPLE_LINE.fullmatch(line)
        if m is None or m.group(1) in out or m.group(2).lower() in YAML_WORDS:
            return None
        if not (m.group(2)[0].isalpha() or ISO_DATE.fullmatch(m.group(2))):
            return None  # numbers and the like: YAML would read them as something else
        if ISO_DATE.fullmatch(m.group(2)):
            try:
                datetime.date.fromisoformat(m.group(2))
            except ValueError:
                return None  # the YAML reading reports an impossible date, at its line:column
        out[m.group(1)] = (m.group(2), i)
    return out


# `key: text`, the text not opening anything YAML reads as more than text ([ { & * ! | > % @ ` # - ?);
# a quote may open it (`title: 'No regrets' - the coach speaks`: YAML refused it, so it is not one
# quoted string); a YAML comment after it (" # draft") is not part of it
FLAT_LINE = re.compile(r"([A-Za-z_][\w-]*):[ \t]+([^\s\[\]{}&*!|>%@`#?,-][^\n]*?)(?:[ \t]+#[^\n]*)?[ \t]*")
FLAT_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]")  # YAML refuses these


def _flat_front_matter(block: str) -> list[str] | None:
    """Front matter that YAML refuses because a text has a colon in it (`title: Rates cut: why`) or opens
    with a quote it does not end with (`title: 'No regrets' - the coach`), every
    line being `key: text` or blank: the block rewritten with each text quoted, line for line and
    column for column, so YAML reads it and still locates what it reports. None for anything else:
    then YAML's error stands."""
    if FLAT_REFUSED.search(block):
        return None
    out, colon = [], False
    for line in BREAK.split(block):
        m = FLAT_LINE.fullmatch(line)
        if m is None and line.strip():
            return None
        if m:
            colon = colon or ": " in m.group(2) or m.group(2)[0] in "'\""
            line = line[:m.start(2)] + _quoted(m.group(2))
        out.append(line)
    return out if colon else None


def _quoted(value: str) -> str:
    """A text as a YAML double-quoted string, so that any colon or quote in it is text."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def parse(text: str, path: str, source_id: str) -> Source:
    meta: dict[str, str] = {}
    date_at = (1, 1)
    m = FRONT_MATTER.match(text)
    simple = _simple_front_matter(m.group(1)) if m else None
    if m and simple is not None:  # plain "key: value" lines: read directly, no YAML parser needed
        body_line = _where(text, m.start(1))[0]
        meta = {k: v for k, (v, _) in simple.items()}
        date_at = (body_line + simple["date"][1], len("date:") + 2) if "date" in simple else (body_line, 1)
        text = _blank(text, 0, m.end())
    elif m:
        body_line = _where(text, m.start(1))[0]
        try:
            data, node = safeyaml.compose(m.group(1), path, "front matter", first_line=body_line)
        except CrossfactError as refused:
            # a headline with a colon in it ("title: Rates cut: what it means") is not YAML, but
            # it is what a newsroom writes: each line is read as its key, then the rest of the line
            flat = _flat_front_matter(m.group(1))
            if flat is None:
                raise
            try:
                data, node = safeyaml.compose("\n".join(flat), path, "front matter", first_line=body_line)
            except CrossfactError:
                raise refused from None
        if not isinstance(data or {}, dict):
            raise CrossfactError("front matter must be a mapping (key: value lines)", path=path, line=body_line)
        meta = {str(k): str(v) for k, v in (data or {}).items() if v is not None}
        at = safeyaml.locate(node, ["date"]) if node is not None else None
        date_at = (at[0] + body_line - 1, at[1]) if at else (body_line, 1)
        text = _blank(text, 0, m.end())
    else:
        d = DATE_LINE.match(text)
        if d:
            meta["date"] = d.group(1)
            date_at = _where(text, d.start(1))
            text = _blank(text, 0, d.end())
    date = meta.get("date")
    if date:
        try:  # stored as YYYY-MM-DD whatever ISO form was written ("2031-W15-6", "20310412")
            date = datetime.date.fromisoformat(date[:10]).isoformat()
        except ValueError:
            raise CrossfactError(f"date {date!r} is not a YYYY-MM-DD date", path=path, line=date_at[0],
                                 column=date_at[1]) from None
    return Source(id=source_id, path=path, text=text, date=date[:10] if date else None,
                  meta=tuple(sorted(meta.items())), line_starts=line_starts(text))


def load_file(path: Path, display: str | None = None, max_bytes: int | None = None,
              data: bytes | None = None) -> Source:
    """One report; `data`: its bytes, when the caller has read them already."""
    shown = display or str(path)
    limit = MAX_BYTES if max_bytes is None else max_bytes
    def too_big(size: int) -> CrossfactError:
        return CrossfactError(f"report is {size} bytes, over the limit of {limit} (max-report-size in "
                              "crossfact.yaml); skipped", path=shown)

    if data is None:
        try:
            with open(path, "rb") as fh:  # one open: the size checked is the size read
                size = os.fstat(fh.fileno()).st_size
                if size > limit:
                    raise too_big(size)
                data = fh.read(limit + 1)
        except OSError as exc:
            raise CrossfactError(f"cannot read: {exc.strerror or exc}", path=shown) from None
        if len(data) > limit:  # it grew after the size was checked
            raise CrossfactError(f"report is over the limit of {limit} bytes; skipped", path=shown)
    elif len(data) > limit:
        raise too_big(len(data))
    if path.suffix.lower() in (".html", ".htm"):  # article text out of the page: see htmlsource
        from .htmlsource import parse as parse_html

        return parse_html(decode(data, shown), shown, path.stem)
    return parse(decode(data, shown), shown, path.stem)


def load(paths: Iterable[str], max_bytes: int | None = None, found: list[str] | None = None,
         read: dict[str, bytes] | None = None) -> Iterator[Source | CrossfactError]:
    """Yield each source, or the error that kept it out; one bad file never stops the rest.
    `found`: what `discover(paths)` gave, and `read`: path -> bytes of files read already, when
    the caller has them (each is used once, then dropped)."""
    errors: list[CrossfactError] = []
    if found is None:
        found = discover(paths, errors)
    yield from errors
    read = read or {}
    for path in found:
        try:
            yield load_file(Path(path), max_bytes=max_bytes, data=read.pop(path, None))
        except CrossfactError as err:
            yield err


# a report that says it is a translation: "outlet: Kicker (translated from German)", "language: de", or a
# first line "[English translation of a Dutch-language report]"; not a headline about translators
TRANSLATION_NOTE = re.compile(r"\btranslated\b|\btranslation\b", re.I)
NOTE_KEYS = frozenset("outlet source publication publisher note notes translated translation".split())
BRACKET_NOTE = re.compile(r"\s*\[[^\]\n]*\btranslat(?:ed|ion)\b", re.I)


def translated(src: Source | None) -> bool:
    """Does the report say its text is a translation (its quotes and its spelling of names
    are then a translator's)?"""
    if src is None:
        return False
    for key, value in src.meta:
        k = key.lower()
        if (k in NOTE_KEYS and TRANSLATION_NOTE.search(value)) or (
                k in ("language", "lang") and value.strip() and value.strip()[:2].lower() != "en"):
            return True
    return bool(BRACKET_NOTE.match(src.text))
