"""Building an Article from what a reader found: id, size cap, language, date.

Every reader (text, html, corpus, feed, warc) hands its fields to ``make_article`` so the
rules below hold for every input kind alike.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable

from accord.records import Article

# spaCy refuses texts longer than ``nlp.max_length`` (1,000,000 characters by default) and its
# parser needs memory in proportion to the text, so longer inputs are truncated, with a warning,
# at the last whitespace before the cap. A news article is rarely over 50,000 characters.
MAX_CHARS = 1_000_000

# Quote marks and apostrophes that differ only typographically (Unicode "Pi"/"Pf" quotes and
# primes); NFKC does not fold them, so the same wire story typeset twice would hash differently.
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The comparison form of a text: NFKC, straight quotes, one space per whitespace run."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def article_id(text: str) -> str:
    """Id of an article: the first 16 hex digits of the SHA-1 of its normalised text."""
    return hashlib.sha1(normalise(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def cap_text(text: str, where: str, on_error: Callable[[str], None]) -> str:
    """Truncate an over-long text at a whitespace before MAX_CHARS, reporting it once."""
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", MAX_CHARS - 10_000, MAX_CHARS)
    cut = max(cut, text.rfind("\n", MAX_CHARS - 10_000, MAX_CHARS))
    cut = cut if cut > 0 else MAX_CHARS
    on_error(f"{where}: text longer than {MAX_CHARS:,} characters; truncated to the first {cut:,}")
    return text[:cut]


def _clean(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def make_article(text: str, source: str, where: str, on_error: Callable[[str], None], *,
                 id: object = None, url: object = None, title: object = None, outlet: object = None,
                 published: object = None, language: object = None, noted: bool = False) -> Article | None:
    """An Article from a reader's fields, or None (reported) when there is no text.

    ``where`` names the input in messages (path, or path:line for a corpus line); ``noted`` says
    the caller already reported a problem with it, so truncation adds no second line.
    """
    from accord.ingest import dates, language as language_mod

    if not isinstance(text, str) or not text.strip():
        on_error(f"{where}: no article text, skipped")
        return None
    if not any(ch.isalpha() for ch in text[:10_000]):
        on_error(f"{where}: no words in the text, skipped")
        return None
    text = cap_text(text, where, (lambda _: None) if noted else on_error)
    return Article(
        article_id=article_id(text),
        text=text,
        source=source,
        id=_clean(id),
        url=_clean(url),
        title=_clean(title),
        outlet=_clean(outlet),
        published=dates.normalise_date(published) or dates.from_dateline(text),
        language=language_mod.code(language) or language_mod.detect(text),
    )
