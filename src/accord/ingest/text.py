"""Plain-text files: one file, one article. UTF-8, else the encoding charset-normalizer detects."""
from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from typing import BinaryIO

from accord.records import Article
from accord.ingest.article import MAX_CHARS, make_article

# Enough bytes for MAX_CHARS characters of any UTF-8 text; the rest of a huge file is never read.
MAX_BYTES = MAX_CHARS * 4
_SNIFF = 8192
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class NotText(ValueError):
    """The bytes are not text in any encoding we can trust (a binary file)."""


# C0/C1 control characters (not whitespace), and the replacement character a failed decoding leaves.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _looks_binary(text: str) -> bool:
    # Control characters are near absent from real prose; random or binary bytes decoded as a
    # single-byte code page give about 12% of them (32 + 33 of 256 byte values).
    sample = text[:20_000]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > 0.05


def decode(data: bytes, where: str, on_error: Callable[[str], None], complete: bool = True) -> str:
    """Text of ``data``: by BOM, as UTF-8, else as detected (reported once); NotText for binary.

    ``complete`` False means ``data`` is a prefix of a longer file, so a character cut at the
    end is not an error.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = codecs.getincrementaldecoder(encoding)("replace").decode(data, final=complete)
            if encoding == "utf-8-sig" or not _looks_binary(text):
                return text.lstrip("\ufeff")
    if b"\x00" in data[:_SNIFF]:
        raise NotText("binary file")
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=complete)
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:MAX_BYTES]).best()
        if best is None:
            raise NotText("binary file (no text encoding fits)") from None
        text = str(best)
        if _looks_binary(text):
            raise NotText("binary file")
        on_error(f"{where}: not valid UTF-8; decoded as {best.encoding}")
        return text
    if _looks_binary(text):
        raise NotText("binary file")
    return text


def read_text(stream: BinaryIO, where: str, on_error: Callable[[str], None]) -> str | None:
    """Decoded text of a stream, at most MAX_BYTES of it; None (reported) when unusable."""
    data = stream.read(MAX_BYTES)
    complete = not stream.read(1)
    if not data.strip():
        on_error(f"{where}: empty file, skipped")
        return None
    try:
        text = decode(data, where, on_error, complete=complete)
    except NotText as exc:
        on_error(f"{where}: {exc}, skipped")
        return None
    if not text.strip():
        on_error(f"{where}: empty file, skipped")
        return None
    if not complete and len(text) <= MAX_CHARS:
        # the unread rest of the file is over the cap either way
        on_error(f"{where}: file larger than {MAX_BYTES:,} bytes; only the first {len(text):,} characters are read")
    return text


# A plain-text article often opens with its headline: one short line, then a blank line.
_HEADLINE = re.compile(r"\A[ \t]*([^\n]{3,200}?)[ \t]*\r?\n[ \t]*\r?\n\s*\S")


def headline(text: str) -> str | None:
    """The opening line when it stands alone and reads as a headline (no closing full stop)."""
    m = _HEADLINE.match(text[:400])
    if not m or m.group(1).endswith((".", ":", ",", ";")):
        return None
    return m.group(1)


def headline_end(text: str, article: Article | None = None) -> int:
    """End of the headline line standing alone atop the text, or 0. The extractors code the
    story, not its headline (a headline restates the lead in fewer, vaguer words)."""
    title = article.title if article is not None and article.title else None
    if not title or not text.lstrip().startswith(title):
        title = headline(text)
    if not title:
        return 0
    return text.find(title) + len(title)


def read(stream: BinaryIO, source: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    text = read_text(stream, source, on_error)
    if text is not None:
        article = make_article(text, source, source, on_error, title=headline(text))
        if article:
            yield article
