"""Ingestion: every input kind -> Article records, streamed, deduplicated, errors reported.

``iter_articles(paths, on_error, stats)`` is the one entry point. Paths may be files,
directories (walked recursively in sorted order) or ``-`` for standard input. Each file is read
by the module for its kind (``text``, ``html``, ``corpus``, ``feed``, ``warc``), chosen by its
suffix, or by its first bytes when the suffix says nothing. A bad input gives one line through
``on_error`` naming the file (and line), and the batch goes on.

Texts over ``MAX_CHARS`` (spaCy's default ``max_length``, 1,000,000 characters) are truncated
at a whitespace with a warning line, so a 50 MB text file is one article read in bounded memory
(only its first 4 MB are read). Exact duplicates are skipped by id; the set of ids seen is the
only state that grows with the corpus (about 70 bytes an article).
"""
from __future__ import annotations

import importlib
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from accord.ingest.article import MAX_CHARS, article_id, make_article, normalise
from accord.records import Article

__all__ = ["IngestStats", "iter_articles", "iter_files", "normalise", "article_id", "make_article",
           "read_stream", "MAX_CHARS"]

STDIN = "-"
_SNIFF = 4096

# Suffix -> reader module. Anything else is recognised by its first bytes (``sniff``).
_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "corpus", ".ndjson": "corpus", ".json": "corpus",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
# In a directory walk: annotation beside an article (../shared/eval/README.md) and a folder's
# own documentation are not articles. Named explicitly, any file is read.
_IGNORED_SUFFIXES = (".gold.json",)
_IGNORED_NAMES = ("readme", "license", "licence", "changelog", "notice", "copying")


@dataclass
class IngestStats:
    files: int = 0          # files opened (stdin counts as one)
    articles: int = 0       # articles yielded
    duplicates: int = 0     # exact duplicates (same article_id) skipped
    errors: int = 0         # lines reported through on_error (skips, and warnings such as truncation)


def suffix_kind(name: str) -> str | None:
    lower = name.lower()
    for suffix in sorted(_BY_SUFFIX, key=len, reverse=True):
        if lower.endswith(suffix):
            return _BY_SUFFIX[suffix]
    return None


def sniff(head: bytes) -> str:
    """Reader for a file whose suffix says nothing, from its first bytes."""
    if head.startswith((b"WARC/", b"\x1f\x8b")):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:_SNIFF].lower()
    if start.startswith((b"{", b"[")):
        return "corpus"
    if start.startswith(b"<"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "feed"
        return "html"
    return "text"


def _reader(kind: str):
    return importlib.import_module(f"accord.ingest.{kind}")


def _is_binary_head(head: bytes, kind: str) -> bool:
    # WARC may be gzipped; UTF-16/32 text starts with a BOM and is left to the text decoder.
    if kind == "warc" or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def read_stream(stream: BinaryIO, name: str, on_error: Callable[[str], None],
                inner_name: str | None = None) -> Iterator[Article]:
    """Articles of one open binary stream called ``name`` (its reader chosen by suffix or content).

    ``inner_name`` is the name that says the kind when ``name`` is that of a gzip wrapper.
    """
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)
    kind = suffix_kind(inner_name or name)
    if kind is None and inner_name is None and name.lower().endswith(".gz"):
        # corpus.jsonl.gz, page.html.gz: read through gzip as the inner name says
        import gzip
        import zlib

        inner = io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb"))
        try:
            yield from read_stream(inner, name, on_error, inner_name=name[:-3])
        except (OSError, EOFError, zlib.error) as exc:
            on_error(f"{name}: corrupt gzip ({exc}); the rest skipped")
        return
    head = stream.peek(_SNIFF)[:_SNIFF]
    kind = kind or sniff(head)
    if not head:
        on_error(f"{name}: empty file, skipped")
        return
    if _is_binary_head(head, kind):
        on_error(f"{name}: binary file, skipped")
        return
    yield from _reader(kind).read(stream, name, on_error)


def _ignored(name: str) -> bool:
    lower = name.lower()
    return (lower.startswith(".") or lower.endswith(_IGNORED_SUFFIXES)
            or lower.split(".")[0] in _IGNORED_NAMES)


def iter_files(paths: Iterable[str], on_error: Callable[[str], None]) -> Iterator[str]:
    """Files named by ``paths``: directories walked recursively (sorted, hidden entries skipped)."""
    for path in paths:
        path = str(path)
        if path == STDIN:
            yield path
        elif os.path.isdir(path):
            found = False
            for root, dirs, files in os.walk(path, onerror=lambda e: on_error(f"{e.filename}: {e.strerror}")):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not _ignored(name):
                        found = True
                        yield os.path.join(root, name)
            if not found:
                on_error(f"{path}: directory holds no files")
        elif os.path.exists(path):
            yield path
        else:
            on_error(f"{path}: no such file or directory")


def _read_path(path: str, on_error: Callable[[str], None]) -> Iterator[Article]:
    if path == STDIN:
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:       # a text-only stdin (embedded interpreters, some test runners)
            stdin = io.BytesIO((sys.stdin.read() if sys.stdin else "").encode("utf-8", "surrogateescape"))
        yield from read_stream(stdin, "<stdin>", on_error)
        return
    try:
        stream = open(path, "rb")
    except OSError as exc:
        on_error(f"{path}: cannot open ({exc.strerror or exc})")
        return
    with stream:
        yield from read_stream(stream, path, on_error)


def iter_articles(paths: Iterable[str], on_error: Callable[[str], None] | None = None,
                  stats: IngestStats | None = None) -> Iterator[Article]:
    """Every article under ``paths``, once each (exact duplicates after normalising are skipped)."""
    stats = stats if stats is not None else IngestStats()

    def report(message: str) -> None:
        stats.errors += 1
        if on_error:
            on_error(message)

    # ids as ints: about a third of the memory of hex strings for corpora of millions
    seen: set[int] = set()
    for path in iter_files(paths, report):
        stats.files += 1
        try:
            for article in _read_path(path, report):
                key = int(article.article_id, 16)
                if key in seen:
                    stats.duplicates += 1
                    continue
                seen.add(key)
                stats.articles += 1
                yield article
        except Exception as exc:     # a reader's bug or a library's surprise must not end the batch
            name = "<stdin>" if path == STDIN else path
            report(f"{name}: could not be read ({type(exc).__name__}: {exc})")
