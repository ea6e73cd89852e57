"""The shortcuts the position, claim and issue extractors take for speed (per-Doc memo, cue
indexes, dependency tables) give exactly what the plain spaCy calls give."""
from __future__ import annotations

import pytest

from accord import nlp as nlp_mod
from accord.extract import stance
from accord.extract.actors import extract_actors
from accord.extract.positions import _stance_of_verb, extract_positions
from accord.records import ActorRef, Article

TEXT = (
    "GENEVA, March 3 (Reuters) - Armenia's foreign minister said on Tuesday that Yerevan would not "
    "accept any deal that left the border undefined, while Azerbaijan insisted that the constitution "
    "must be changed first.\n\n"
    "Mediators from Qatar and Egypt said the two sides remained far apart on the release of prisoners, "
    "the withdrawal of troops and the reopening of the Rafah crossing.\n\n"
    "The Kremlin denied that Putin had agreed to a ceasefire, calling the reports false and baseless.\n\n"
    "\u201cWe will keep talking, but we will walk away if the talks fail,\u201d the Hamas envoy told "
    "reporters in Doha. Israel has rejected the proposal and called for the return of all hostages, "
    "officials said, and Washington is ready to help bring the two sides closer."
)


@pytest.fixture(scope="module")
def nlp():
    return nlp_mod.load()


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def _ids(toks) -> list[int]:
    return [t.i for t in toks]


def test_dependency_helpers_give_spacy_tokens_in_spacy_order(doc):
    for tok in nlp_mod.tokens(doc):
        assert _ids(nlp_mod.children(tok)) == _ids(tok.children)
        assert _ids(nlp_mod.lefts(tok)) == _ids(tok.lefts)
        assert _ids(nlp_mod.rights(tok)) == _ids(tok.rights)
        assert _ids(nlp_mod.subtree(tok)) == _ids(tok.subtree)


def test_cue_index_finds_what_a_scan_of_the_doc_finds(doc):
    toks = nlp_mod.tokens(doc)
    lemmas, words = {"say", "insist", "deny", "agree"}, {"far", "ready", "false"}
    scan = [t.i for t in toks if t.lemma_.lower() in lemmas or t.lower_ in words]
    assert _ids(nlp_mod.tokens_with(doc, lemmas, words=words)) == scan
    assert _ids(nlp_mod.tokens_with(doc, lemma_if=lambda lemma: lemma.startswith("re"))) == \
        [t.i for t in toks if t.lemma_.lower().startswith("re")]
    assert _ids(nlp_mod.tokens_of_pos(doc, "VERB", "AUX")) == [t.i for t in toks if t.pos_ in ("VERB", "AUX")]
    assert _ids(nlp_mod.tokens_of_dep(doc, "ccomp", "attr")) == [t.i for t in toks if t.dep_ in ("ccomp", "attr")]


def test_every_stance_verb_starts_a_stance_cue(doc):
    # from_verbs and the role finder only look at verbs whose lemma is a first word of a cue
    cues = stance.load_cues()
    found = [t for t in nlp_mod.tokens(doc) if _stance_of_verb(t, cues)]
    assert found, "the text has stance verbs"
    assert all(t.lemma_.lower() in cues.stance_heads or " " in t.lemma_ for t in found)


def test_a_second_extraction_of_the_same_doc_gives_the_same_records(doc):
    article = Article("speed-1", TEXT, "test")
    first = extract_positions(doc, extract_actors(doc, "speed-1"), article, [], [])
    again = extract_positions(doc, extract_actors(doc, "speed-1"), article, [], [])
    assert first == again
    assert first[1], "the text holds positions"


def test_interleaved_docs_do_not_share_memoised_answers(nlp, doc):
    other = nlp("Hamas said it would not accept a temporary truce. Israel insisted on its demands.")
    article, other_article = Article("speed-1", TEXT, "test"), Article("speed-2", other.text, "test")
    alone = extract_positions(other, extract_actors(other, "speed-2"), other_article, [], [])
    extract_positions(doc, extract_actors(doc, "speed-1"), article, [], [])
    assert extract_positions(other, extract_actors(other, "speed-2"), other_article, [], []) == alone


class _OneActor:
    """An actor layer that names every token with one actor id."""

    def __init__(self, actor_id: str):
        self.actor_id = actor_id
        self.actors = {}

    def ref_for_token(self, tok):
        return ActorRef(self.actor_id, tok.text, tok.idx, tok.idx + len(tok.text))


def test_actor_lookups_follow_the_actor_layer_they_are_given(doc):
    tok = next(t for t in nlp_mod.tokens(doc) if t.text == "Kremlin")
    assert stance.resolve_actor(tok, _OneActor("a")).actor_id == "a"
    assert stance.resolve_actor(tok, _OneActor("b")).actor_id == "b"
    with stance.actor_memo(doc, _OneActor("c")):
        assert stance.resolve_actor(tok, _OneActor("d")).actor_id == "d"


def test_first_person_resolves_to_each_callers_speaker_within_one_extraction(doc):
    we = next(t for t in nlp_mod.tokens(doc) if t.lower_ == "we")
    actors = _OneActor("x")
    speaker_a, speaker_b = ActorRef("hamas", "Hamas", 0, 0), ActorRef("israel", "Israel", 0, 0)
    with stance.actor_memo(doc, actors):
        assert stance.resolve_actor(we, actors, fallback=speaker_a) == speaker_a
        assert stance.resolve_actor(we, actors, fallback=speaker_b) == speaker_b
        assert stance.resolve_actor(we, actors) is None
