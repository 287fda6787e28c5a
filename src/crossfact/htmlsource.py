"""Article text out of an HTML page, with every position still a position in the file.

Editors save pages from the web; the article sits among scripts, menus and footers.
The page is read with the standard library's HTML parser (a real tokenizer: comments,
CDATA, attributes holding ``<`` and ``>`` all handled), and the text is laid out in a
buffer as long as the file: markup and boilerplate (script, style, nav, header,
footer, aside, ...) become spaces, each text run is written where it stands in the
file, and a block element's tag becomes a line break so headings and paragraphs stay
separate sentences. An entity ("&amp;", "&#8217;") is shorter once decoded, so the
rest of its text run moves left (a word is never split by padding); each character
keeps the file offset it came from, and ``HtmlSource.position`` maps through that, so
line:column of any claim is exactly line:column in the HTML file.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from html.parser import HTMLParser

from .errors import CrossfactError
from .model import Source

SKIP = frozenset("script style noscript template nav header footer aside form button select svg iframe "
                 "object canvas head".split())
BLOCK = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol br hr article section main blockquote figure figcaption "
                  "table tr td th dt dd pre title".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
DATE_KEYS = ("date", "article:published_time", "pubdate", "publish-date", "dc.date", "datepublished")


@dataclass(frozen=True)
class HtmlSource(Source):
    """A Source whose text characters each remember their offset in the HTML file."""

    origin: tuple[int, ...] = ()

    def position(self, index: int) -> tuple[int, int]:
        absolute = self.origin[min(index, len(self.origin) - 1)] if self.origin else index
        line = bisect_right(self.line_starts, absolute)
        return line, absolute - self.line_starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        absolute = self.line_starts[line - 1] + column - 1
        return bisect_left(self.origin, absolute) if self.origin else absolute


class _Text(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", raw)]
        self.buf = [" "] * len(raw)
        self.origin = list(range(len(raw)))
        self.cursor = 0
        self.run = False  # the last event was text: the next text continues where it ended
        self.skip: list[str] = []
        self.articles = 0  # inside <article>, a <header> holds the headline, not the site's banner
        self.meta: dict[str, str] = {}

    def _here(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def _write(self, text: str, entity: bool = False) -> None:
        if self.skip:
            return
        here = self._here()
        at = self.cursor if self.run else here  # inside a run: right after the entity before
        self.run = True
        text = re.sub(r"[\r\n\t\f\v]", " ", text)  # a line break in HTML text is a space
        text = text[: len(self.buf) - at]
        self.buf[at:at + len(text)] = list(text)
        self.origin[at:at + len(text)] = [here] * len(text) if entity else range(here, here + len(text))
        self.cursor = at + len(text)

    def _tag(self, tag: str) -> None:
        at = self._here()
        self.cursor, self.run = at, False
        if tag in BLOCK and not self.skip and at < len(self.buf):
            self.buf[at] = "\n"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag)
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key in DATE_KEYS and a.get("content"):
                self.meta.setdefault("date", a["content"][:10])
            elif key in ("og:title", "author", "og:site_name") and a.get("content"):
                self.meta.setdefault(key.split(":")[-1], a["content"])
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("date", a["datetime"][:10])
        self.articles += tag == "article"
        if tag in SKIP and tag not in VOID and not (tag == "header" and self.articles):
            self.skip.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def handle_endtag(self, tag: str) -> None:
        self.articles -= tag == "article" and self.articles > 0
        if tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
        self._tag(tag)

    def handle_comment(self, data: str) -> None:
        self.run = False

    handle_decl = handle_pi = unknown_decl = handle_comment

    def handle_data(self, data: str) -> None:
        self._write(data)

    def handle_entityref(self, name: str) -> None:
        self._write(html.unescape(f"&{name};"), entity=True)

    def handle_charref(self, name: str) -> None:
        self._write(html.unescape(f"&#{name};"), entity=True)


def parse(raw: str, path: str, source_id: str) -> Source:
    """The article text of page `raw` as a Source whose positions are the file's."""
    p = _Text(raw)
    try:
        p.feed(raw)
        p.close()
    except (AssertionError, ValueError) as exc:  # html.parser's rare hard failures
        raise CrossfactError(f"cannot parse HTML: {exc}", path=path) from None
    text = "".join(p.buf)
    if not text.strip():
        raise CrossfactError("no article text in the HTML page", path=path)
    date = p.meta.get("date")
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = None
    meta = tuple(sorted((k, v) for k, v in p.meta.items() if k != "date"))
    return HtmlSource(id=source_id, path=path, text=text, date=date, meta=meta, line_starts=tuple(p.starts),
                      origin=tuple(p.origin))
