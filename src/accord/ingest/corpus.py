"""Corpus files: JSON Lines (one article per line) or JSON (a list of articles or one article).

Format of ``../shared/eval/README.md``: ``text`` required; ``id``, ``url``, ``title``,
``outlet``, ``published`` used when present. Event-coding sets (PETRARCH, PLOVER) are read too:
their ``date`` is ``YYYYMMDD`` or ISO, and a ``language`` field, when given, is trusted.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import BinaryIO

from accord.records import Article
from accord.ingest.article import MAX_CHARS, make_article
from accord.ingest.text import NotText, decode

# A JSON-escaped text can take 6 bytes a character (a backslash-u escape); a longer line is skipped unread.
MAX_LINE_BYTES = MAX_CHARS * 6 + 65_536
# A .json file is parsed whole, so it is capped; JSON Lines streams and has no cap.
MAX_JSON_BYTES = 256 * 1024 * 1024
# After this many broken lines in one file, the rest are counted in one closing message.
MAX_LINE_MESSAGES = 10

_DATE_KEYS = ("published", "date", "date_publish", "pubdate")


def record_article(record: object, source: str, where: str, on_error: Callable[[str], None]) -> Article | None:
    """An Article from one corpus record (a dict), or None (reported)."""
    if not isinstance(record, dict):
        on_error(f"{where}: not a JSON object, skipped")
        return None
    if not isinstance(record.get("text"), str):
        on_error(f"{where}: no \"text\" field, skipped")
        return None
    published = next((record[k] for k in _DATE_KEYS if isinstance(record.get(k), (str, int)) and record[k]), None)
    return make_article(
        record["text"], source, where, on_error,
        id=record.get("id"), url=record.get("url"), title=record.get("title"),
        outlet=record.get("outlet"), published=published, language=record.get("language"),
    )


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of each line; None for a line over MAX_LINE_BYTES (skipped unread)."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE_BYTES)
        if not line:
            return
        number += 1
        if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def read_jsonl(stream: BinaryIO, source: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    """Articles of a JSON Lines stream; a broken line is reported with its number and skipped."""
    broken = 0
    seen_any = False

    def report(message: str) -> None:
        nonlocal broken
        broken += 1
        if broken <= MAX_LINE_MESSAGES:
            on_error(message)

    for number, line in _lines(stream):
        where = f"{source}:{number}"
        if line is None:
            report(f"{where}: line longer than {MAX_LINE_BYTES // 2**20} MB, skipped")
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            try:
                line_text = line.decode("utf-8")
            except UnicodeDecodeError:
                line_text = decode(line, where, report)
            record = json.loads(line_text)
        except (NotText, ValueError, RecursionError) as exc:
            report(f"{where}: invalid JSON line, skipped ({_reason(exc)})")
            continue
        article = record_article(record, source, where, report)
        if article:
            yield article
    if broken > MAX_LINE_MESSAGES:
        on_error(f"{source}: {broken - MAX_LINE_MESSAGES} more bad lines skipped")
    if not seen_any:
        on_error(f"{source}: empty file, skipped")


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 120 else text[:117] + "..."


def read_json(stream: BinaryIO, source: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    """Articles of a .json file: a list of records, one record, or (often so named) JSON Lines."""
    data = stream.read(MAX_JSON_BYTES + 1)
    if len(data) > MAX_JSON_BYTES:
        on_error(f"{source}: JSON file larger than {MAX_JSON_BYTES // 2**20} MB; use JSON Lines (.jsonl), skipped")
        return
    if not data.strip():
        on_error(f"{source}: empty file, skipped")
        return
    try:
        document = json.loads(decode(data, source, on_error))
    except NotText as exc:
        on_error(f"{source}: {exc}, skipped")
        return
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":       # several JSON values: JSON Lines in a .json file
            import io
            yield from read_jsonl(io.BytesIO(data), source, on_error)
            return
        on_error(f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}), skipped")
        return
    except (ValueError, RecursionError) as exc:
        on_error(f"{source}: invalid JSON ({_reason(exc)}), skipped")
        return
    if isinstance(document, dict):
        article = record_article(document, source, source, on_error)
        if article:
            yield article
        return
    if not isinstance(document, list):
        on_error(f"{source}: JSON holds neither an article nor a list of articles, skipped")
        return
    # Records without text (e.g. a documentation header in an event-coding set) are counted in one line.
    missing = 0
    for index, record in enumerate(document, start=1):
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            article = record_article(record, source, f"{source}[{index}]", on_error)
            if article:
                yield article
        else:
            missing += 1
    if missing:
        on_error(f"{source}: {missing} of {len(document)} records have no \"text\", skipped")


def read(stream: BinaryIO, source: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    if source.lower().removesuffix(".gz").endswith(".json"):
        yield from read_json(stream, source, on_error)
    else:
        yield from read_jsonl(stream, source, on_error)
