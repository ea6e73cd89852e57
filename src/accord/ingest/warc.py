"""Web archives (WARC, WARC.gz) with warcio: one article per HTML or plain-text response.

Records are streamed one at a time; a record's payload is read up to ``MAX_RECORD_BYTES``.
HTML goes through the same extractor as ``.html`` files; the target URI is the article's url.
"""
from __future__ import annotations

import zlib

from collections.abc import Callable, Iterator
from typing import BinaryIO

from accord.records import Article
from accord.ingest import html as html_mod
from accord.ingest.article import make_article
from accord.ingest.text import NotText, decode

MAX_RECORD_BYTES = html_mod.MAX_BYTES
_KINDS = ("response", "resource", "conversion")


def _content_type(record) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def read(stream: BinaryIO, source: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    count = empty = 0
    try:
        for record in ArchiveIterator(stream, check_digests=False):
            count += 1
            if record.rec_type not in _KINDS:
                continue
            if record.rec_type == "response" and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue
            kind = _content_type(record)
            if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source} ({url or 'record %d' % count})"
            payload = record.content_stream().read(MAX_RECORD_BYTES)
            if len(payload) < MAX_RECORD_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
                # the archive ended (or its compression broke) inside this record
                on_error(f"{where}: corrupt WARC, record cut short; the rest skipped")
                return
            if kind == "text/plain":
                try:
                    fields = {"text": decode(payload, where, on_error), "url": url}
                except NotText:
                    fields = None
            else:
                fields = html_mod.extract(payload, where, url=url)
            if fields is None or not fields["text"].strip():
                empty += 1
                continue
            article = make_article(fields.pop("text"), source, where, on_error,
                                   id=record.rec_headers.get_header("WARC-Record-ID"), **fields)
            if article:
                yield article
    # warcio raises AttributeError/TypeError on records with missing headers (e.g. a response
    # without WARC-Target-URI, warcio/recordloader.py): a corrupt archive, not a crash
    except (ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, OSError, ValueError, zlib.error,
            AttributeError, TypeError, UnicodeError) as exc:
        on_error(f"{source}: corrupt WARC after {count} records ({_reason(exc)}); the rest skipped")
    if count == 0:
        on_error(f"{source}: no readable WARC records (corrupt or empty), skipped")
    elif empty:
        on_error(f"{source}: {empty} HTML/text records had no article text, skipped")


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) < 120 else text[:117] + "..."
