"""The parse caches event coding reads instead of spaCy's Token API (which builds new Token objects
on every call) give what the Token API gives, on news sentences written for these tests."""
from __future__ import annotations

import pytest

from accord import nlp as nlp_mod
from accord.extract import event_grammar as ev

TEXT = (
    "KHARTOUM, June 3 (Reuters) - Sudan's army and the Rapid Support Forces agreed on Saturday to a "
    "seven-day truce brokered by Saudi Arabia and the United States, mediators said.\n"
    "The two sides, which met in Jeddah, must open corridors for aid, according to a statement that "
    "officials released late on Friday.\n\n"
    "Egypt, whose diplomats have pushed for talks since April, welcomed the deal but warned it would "
    "collapse if fighting resumed in Omdurman."
)


@pytest.fixture(scope="module")
def doc():
    return nlp_mod.load()(TEXT)


def test_children_heads_and_lemmas_are_spacys(doc):
    for tok in doc:
        assert [c.i for c in ev.children(tok)] == [c.i for c in tok.children]
        assert ev.head_of(tok).i == tok.head.i
        assert ev.lemma_of(tok) == tok.lemma_.lower()


def test_subtrees_and_ancestors_are_spacys(doc):
    for tok in doc:
        assert [t.i for t in ev.subtree(tok)] == [t.i for t in tok.subtree]
        assert [t.i for t in ev.subtree_start(tok, 4)] == [t.i for t in tok.subtree][:4]
        assert [t.i for t in ev.ancestors(tok)] == [t.i for t in tok.ancestors]
        assert ev.phrase_start(tok) == min(t.idx for t in tok.subtree)


def test_line_ends_are_the_tokens_holding_a_line_break(doc):
    for sent in doc.sents:
        assert ev._line_ends(sent) == [t.i for t in sent if "\n" in t.text_with_ws]


def test_entity_of_a_token_is_the_entity_holding_it(doc):
    tree = ev.parse_tree(doc)
    for tok in doc:
        held = [e for e in doc.ents if e.start <= tok.i < e.end]
        got = tree.ent_at(tok.i)
        assert (got.start, got.end) == (held[0].start, held[0].end) if held else got is None


def test_cache_follows_the_doc_being_read(doc):
    other = nlp_mod.load()("Kenya sent police officers to Haiti in June.")
    assert [c.text for c in ev.children(other[1])] == [c.text for c in other[1].children]
    assert [c.i for c in ev.children(doc[5])] == [c.i for c in doc[5].children]
