"""Language of an article, with py3langid (langid.py's model, probabilities normalised)."""
from __future__ import annotations

import functools
import re

# langid is unreliable on a sentence or two: under SHORT characters a non-English guess needs a
# probability of SURE_SHORT, else the text is taken as English (the extractors' language, and
# that of event-coding sets made of single sentences). Measured on the PETRARCH and PLOVER
# English sentences (684): no English sentence is then called non-English; 681 of 765 Spanish
# protest sentences (under 200 characters or not) are still called Spanish.
SHORT = 200
SURE_SHORT = 0.7
SAMPLE = 3_000         # langid is sure of a language within a few paragraphs; keeps ingest cheap

_CODE = re.compile(r"^[a-z]{2}$")


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
