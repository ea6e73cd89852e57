"""RSS and Atom feeds with feedparser: one article per entry.

An entry's text is its full content when the feed carries it, else its summary, with the HTML
stripped; link, published date and the feed's title (as outlet) come along. Nothing is fetched:
an entry with neither content nor summary is reported and skipped.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO

from accord.records import Article
from accord.ingest.article import make_article
from accord.ingest.html import html_to_text

MAX_BYTES = 50 * 1024 * 1024


def _entry_text(entry) -> str:
    for content in entry.get("content") or ():
        if content.get("value", "").strip():
            return html_to_text(content["value"])
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def read(stream: BinaryIO, source: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    import feedparser

    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        on_error(f"{source}: feed larger than {MAX_BYTES // 2**20} MB, skipped")
        return
    if not data.strip():
        on_error(f"{source}: empty file, skipped")
        return
    # A stream, never bytes or str: feedparser opens a str or bytes naming a file or URL
    # (feedparser/api.py, _open_resource), so a feed file holding "/etc/passwd" would read it.
    # feedparser flags bad XML with ``bozo`` and parses leniently, but a numeric character
    # reference outside Unicode ("&#99999999999;", a surrogate) raises inside it: make those
    # U+FFFD first, and report anything else it raises as a bad feed.
    data = _BAD_CHARREF.sub(_replace_charref, data)
    try:
        parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    except (ValueError, OverflowError, UnicodeError, RecursionError) as exc:
        on_error(f"{source}: malformed feed ({_reason(exc)}), skipped")
        return
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not entries:
        if problem is not None:
            on_error(f"{source}: malformed feed XML ({_reason(problem)}), skipped")
        elif not parsed.get("version"):
            on_error(f"{source}: not an RSS or Atom feed, skipped")
        else:
            on_error(f"{source}: feed has no entries")
        return
    if problem is not None and not isinstance(problem, (feedparser.CharacterEncodingOverride,)):
        on_error(f"{source}: malformed feed XML ({_reason(problem)}); {len(entries)} entries read leniently")
    outlet = parsed.get("feed", {}).get("title")
    empty = 0
    for index, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        if not text.strip():
            empty += 1
            continue
        published = (entry.get("published_parsed") or entry.get("updated_parsed")
                     or entry.get("published") or entry.get("updated"))
        article = make_article(
            text, source, f"{source}[entry {index}]", on_error,
            id=entry.get("id"), url=entry.get("link"), title=entry.get("title"), outlet=outlet,
            published=published, language=entry.get("language") or parsed.get("feed", {}).get("language"))
        if article:
            yield article
    if empty and problem is None:     # a malformed feed was already reported once
        on_error(f"{source}: {empty} of {len(entries)} entries have no content or summary, skipped")


_BAD_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def _replace_charref(m: re.Match) -> bytes:
    try:
        code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    except ValueError:
        return b"&#xFFFD;"
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code == 0:
        return b"&#xFFFD;"
    return m.group(0)


def _reason(exc: object) -> str:
    text = str(getattr(exc, "getMessage", lambda: exc)()) or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "..."
