"""HTML pages: main text, title, date and site name (as outlet) with trafilatura.

trafilatura drops boilerplate, scripts and event handlers and never runs anything; for a page or
fragment too small for its extractor (it wants a few hundred characters of body text) the
visible text is taken with lxml instead.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO

from accord.records import Article
from accord.ingest.article import make_article

MAX_BYTES = 10 * 1024 * 1024
# trafilatura takes about 2.5 s a megabyte on a page of many small blocks; news pages are well
# under this, and a larger page has its visible text taken with lxml (no boilerplate removal).
MAX_EXTRACTOR_BYTES = 2 * 1024 * 1024
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
           "article", "header", "footer", "pre", "dd", "dt", "figcaption", "table", "ul", "ol")
_HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "title"}
_MAX_DEPTH = 1000       # libxml2 stops at 256 levels unless told otherwise; a guard all the same
_BLANK_LINES = re.compile(r"[ \t]*\n[ \t\n]*\n[ \t]*")
# Only the page's own metadata: htmldate's "extensive search" would take any date in the body.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# trafilatura and htmldate log every page they cannot parse at ERROR level; ingestion reports
# such a page itself, in one line, so their messages would only repeat it.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def html_to_text(markup: str | bytes) -> str:
    """Visible text of an HTML page or fragment, one blank line between blocks."""
    import lxml.html
    from lxml import etree

    if isinstance(markup, str):
        if "<" not in markup:
            return markup.strip()
        markup = markup.encode("utf-8", "replace")    # lxml rejects str with an encoding declaration
    try:
        root = etree.fromstring(markup, parser=lxml.html.HTMLParser(recover=True, no_network=True))
    except (etree.LxmlError, ValueError):
        return ""
    if root is None:
        return ""
    pieces: list[str] = []
    _visible(root, pieces, 0)
    text = "".join(pieces)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _visible(node, pieces: list[str], depth: int) -> None:
    """Text a reader sees, in order: no hidden elements or comments, block ends as blank lines."""
    tag = node.tag.lower() if isinstance(node.tag, str) else None    # comments have a function as tag
    if tag is not None and tag not in _HIDDEN and depth < _MAX_DEPTH:
        if tag == "br":
            pieces.append("\n")
        if node.text:
            pieces.append(node.text)
        for child in node:
            _visible(child, pieces, depth + 1)
        if tag in _BLOCKS:
            pieces.append("\n\n")
    if node.tail and depth > 0:
        pieces.append(node.tail)


def extract(data: bytes | str, where: str, url: str | None = None) -> dict | None:
    """Fields of an HTML page (text, title, published, outlet, url, language), or None when it has no text."""
    import trafilatura

    doc = None
    try:
        if len(data) > MAX_EXTRACTOR_BYTES:
            raise OverflowError("page too large for the boilerplate remover")
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params=_DATE_PARAMS)
    except Exception:            # trafilatura/lxml on hostile markup; the lxml fallback below still tries
        doc = None
    fields = doc.as_dict() if doc is not None else {}
    text = fields.get("text") or ""
    if not text.strip():
        text = html_to_text(data)
        if text.strip() and not fields.get("title"):
            fields["title"] = _title(data)
    if not text.strip():
        return None
    return {"text": text, "title": fields.get("title"), "published": fields.get("date"),
            "outlet": fields.get("sitename"), "url": url or fields.get("url"),
            "language": fields.get("language")}


def _title(data: bytes | str) -> str | None:
    m = re.search(rb"<title[^>]*>([^<]{1,300})</title>", data if isinstance(data, bytes) else data.encode(), re.I)
    return m.group(1).decode("utf-8", "replace").strip() if m else None


def looks_truncated(data: bytes) -> bool:
    """A whole page (it opens <html>) that never closes it was cut short."""
    head, tail = data[:2048].lower(), data[-2048:].lower()
    return b"<html" in head and b"</html" not in tail


def read(stream: BinaryIO, source: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    data = stream.read(MAX_BYTES)
    cut = bool(stream.read(1))
    if not data.strip():
        on_error(f"{source}: empty file, skipped")
        return
    fields = extract(data, source)
    truncated = looks_truncated(data) and not cut
    if fields is None:
        why = " (truncated?)" if truncated else ""
        on_error(f"{source}: no article text found in the HTML{why}, skipped")
        return
    # one line per file: the first problem found
    problems = []
    if cut:
        problems.append(f"{source}: HTML file larger than {MAX_BYTES // 2**20} MB; only the start is read")
    elif len(data) > MAX_EXTRACTOR_BYTES:
        problems.append(f"{source}: HTML page over {MAX_EXTRACTOR_BYTES // 2**20} MB; all visible text kept, boilerplate not removed")
    elif truncated:
        problems.append(f"{source}: HTML ends before </html> (truncated?); text taken from what is there")
    if problems:
        on_error(problems[0])
    article = make_article(fields.pop("text"), source, source, on_error, noted=bool(problems), **fields)
    if article:
        yield article
