"""The shortcuts the actors, quotes and prospects extractors take for speed give what the spaCy
objects they stand in for give."""
from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from accord import nlp as nlp_mod
from accord.extract import actors as actors_mod
from accord.extract import prospects, quotes
from accord.kb.loader import load_kb

TEXT = (
    "DOHA, March 3 (Gulf Wire) - Qatar's prime minister said on Monday that talks between the\n"
    "two sides were \"close to a final agreement\", though the army warned the truce could collapse.\n\n"
    "\"We are not there yet,\" a senior Hamas official told reporters. \"The gaps remain wide.\"\n"
    "According to Egyptian officials, the mediators expect to resume the talks next week.\n\n"
    "The junta, which seized power last year, said it had not been consulted, and the militant\n"
    "group accused Israel of stalling. Hopes for a deal faded after the strike ; ,\n"
    "Prospects were not good, analysts said.\n"
)


@pytest.fixture(scope="module")
def doc():
    return nlp_mod.load()(TEXT)


def test_columns_match_token_attributes(doc):
    cols = nlp_mod.columns(doc)
    assert cols.lower == [t.lower_ for t in doc]
    assert cols.lemma == [t.lemma_ for t in doc]
    assert cols.lemma_lower == [t.lemma_.lower() for t in doc]
    assert cols.pos == [t.pos_ for t in doc]
    assert nlp_mod.columns(doc) is cols        # kept for the Doc being extracted


def test_root_of_is_span_root_for_every_short_range(doc):
    art = actors_mod._Article(doc, "a1", actors_mod._index_for(doc.vocab, load_kb()))
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 10) + 1):
            assert art.root_of(start, end).i == doc[start:end].root.i, (start, end)
    assert art.root_of(0, len(doc)).i == doc[0:len(doc)].root.i


def test_text_of_is_span_text(doc):
    art = actors_mod._Article(doc, "a1", actors_mod._index_for(doc.vocab, load_kb()))
    for start in range(0, len(doc), 3):
        for end in range(start + 1, min(len(doc), start + 8) + 1):
            assert art.text_of(start, end) == doc[start:end].text


def test_nouns_headed_are_the_nouns_with_that_text_or_lemma(doc):
    art = actors_mod._Article(doc, "a1", actors_mod._index_for(doc.vocab, load_kb()))
    heads = frozenset({"army", "junta", "official"})
    expected = [t.i for t in doc if t.pos_ == "NOUN" and (t.lower_ in heads or t.lemma_.lower() in heads)]
    assert [t.i for t in art._nouns_headed(heads)] == expected
    assert expected       # the text has such nouns


def test_quote_units_split_at_line_breaks_as_token_whitespace_says(doc):
    ctx = quotes._Context(doc, actors_mod.extract_actors(doc, "a1"))
    units = []
    for sent in nlp_mod.sentences(doc):
        start = sent.start
        for i in range(sent.start + 1, sent.end):
            if "\n" in doc[i - 1].text_with_ws:
                units.append((start, i))
                start = i
        units.append((start, sent.end))
    units = [(a, b) for a, b in units if any(not doc[i].is_space for i in range(a, b))]
    assert ctx.units == units
    assert len(units) > len(nlp_mod.sentences(doc)) - 1


def test_context_spans_are_the_docs_spans(doc):
    ctx = quotes._Context(doc, actors_mod.extract_actors(doc, "a1"))
    for a in range(0, len(doc) - 4, 5):
        b = a + 3
        span = doc[a:b + 1]
        assert ctx.span_text(a, b) == span.text
        got = ctx.span(a, b)
        assert (got.text, got.start, got.end) == (span.text, span.start_char, span.end_char)


def test_placeholder_patterns_match_alone_as_in_one_matcher(doc):
    lex = prospects.load_lexicon()
    together = Matcher(doc.vocab)
    for phrase in lex.cues:
        if any(p in phrase for p in prospects.PLACEHOLDERS):
            together.add(phrase, [prospects._placeholder_pattern(phrase, lex)])
    expected = {(doc.vocab.strings[m], sent.start + s, sent.start + e)
                for sent in nlp_mod.sentences(doc) for m, s, e in together(sent)}
    assert set(prospects._placeholder_matches(doc, lex)) == expected
    assert any(phrase.lstrip("=").startswith("close to") for phrase, _, _ in expected)


def test_phrase_matches_scan_every_token(doc):
    lex = prospects.load_lexicon()
    index = prospects._phrases_by_first_word(lex)
    forms = [(t.lower_, t.lemma_.lower()) for t in doc]
    expected = set()
    for i, (lower, lemma) in enumerate(forms):
        for phrase, words in index.get(lower, []) + (index.get(lemma, []) if lemma != lower else []):
            if i + len(words) <= len(doc) and all(w in forms[i + k] for k, w in enumerate(words)):
                expected.add((phrase, i, i + len(words)))
    assert set(prospects._phrase_matches(doc, lex)) == expected


def test_token_paragraphs_are_para_of_each_token(doc):
    ctx = quotes._Context(doc, actors_mod.extract_actors(doc, "a1"))
    assert ctx.token_paras == [ctx.para_of(t.idx) for t in doc]
    assert len(set(ctx.token_paras)) > 2


def test_no_extractor_reads_doc_text_directly():
    # Doc.text joins every token's text on each call (a millisecond an article where it was read
    # once per mention pass); the extractors read nlp.text_of, kept per Doc
    import re
    from pathlib import Path
    src = Path(actors_mod.__file__).parent
    readers = [f"{p.name}:{n}" for p in sorted(src.glob("*.py"))
               for n, line in enumerate(p.read_text().splitlines(), 1) if re.search(r"\bdoc\.text\b", line)]
    assert readers == []
