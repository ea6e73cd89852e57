"""Language of an article, with py3langid (langid.py's model, probabilities normalised)."""
from __future__ import annotations

import functools
import re

# langid is unreliable on a sentence or two: under this many characters a non-English guess must
# be near certain, else the text is taken as English (the language of the extractors, and of
# event-coding sets made of single sentences).
SHORT = 200
SURE_SHORT = 0.99
SAMPLE = 20_000        # langid's features saturate long before; keeps huge texts fast

_CODE = re.compile(r"^[a-z]{2}$")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def code(value: object) -> str | None:
    """An ISO 639-1 code given in metadata ("en", "en-US", "EN"), or None."""
    if not isinstance(value, str):
        return None
    value = value.strip().lower().replace("_", "-").split("-")[0]
    return value if _CODE.match(value) else None


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``; short texts default to English unless clearly another language."""
    sample = text[:SAMPLE]
    if not sample.strip():
        return "en"
    lang, prob = _identifier().classify(sample)
    if lang != "en" and len(sample.strip()) < SHORT and prob < SURE_SHORT:
        return "en"
    return lang
