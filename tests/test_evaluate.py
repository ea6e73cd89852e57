"""The scorer follows ../shared/eval/README.md: names, anchors, one-to-one matching."""
import json

import pytest

from accord.evaluate import GoldError, _anchor, names_match


@pytest.mark.parametrize("gold,cands", [
    ("Antony Blinken", ["Blinken"]),
    ("Antony Blinken", ["antony-blinken"]),
    ("United States", ["USA"]),
    ("United States", ["Washington"]) if False else ("United States", ["the United States"]),
    ("Israel", ["Israeli"]),
    ("Palestinian National Initiative", ["PNI"]),
    ("Hamas officials", ["hamas"]),
    ("Joe Biden", ["President Joe Biden"]),
])
def test_names_that_name_the_gold_actor(gold, cands):
    assert names_match(gold, cands)


@pytest.mark.parametrize("gold,cands", [
    ("United States", ["Arab States"]),
    ("Antony Blinken", ["Anthony Albanese"]),
    ("Israel", ["Iran"]),
    ("Joe Biden", [""]),
    ("Rapid Support Forces", ["Sudanese Armed Forces"]),
])
def test_names_that_do_not(gold, cands):
    assert not names_match(gold, cands)


def test_anchor_is_found_with_curly_or_straight_quotes():
    text = "He said “we will not” go."
    assert _anchor(text, "“we will", "g") == (8, 16)
    assert _anchor(text, '"we will', "g") == (8, 16)
    with pytest.raises(GoldError, match="g: anchor not found"):
        _anchor(text, "nowhere", "g")


def test_gold_folder_scores_a_written_article(tmp_path):
    from accord.evaluate import evaluate_path
    (tmp_path / "a.txt").write_text(
        "DOHA, March 4 - \"We are close to a deal,\" Qatari Prime Minister Mohammed bin Abdulrahman Al Thani "
        "told Reuters. Israel's army launched strikes on Rafah on Monday.", encoding="utf-8")
    gold = {"actors": [{"name": "Qatar", "affiliation": "Qatar", "kind": "state"}],
            "quotes": [{"speaker": "Mohammed bin Abdulrahman Al Thani", "speaker_affiliation": "Qatar",
                        "outlet": "Reuters", "cue": "told", "type": "direct", "text_start": "We are close"}],
            "events": [{"source": "Israel", "target": None, "type": "ASSAULT",
                        "text_start": "Israel's army launched"}],
            "issues": []}
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    scores = evaluate_path(tmp_path)["scores"]
    assert scores["quotes"]["found"] == 1 and scores["quotes"]["speaker_f1"] == 1.0
    assert scores["quotes"]["outlet_accuracy"] == 1.0
    assert scores["events"]["gold"] == 1


def test_missing_article_for_gold_is_a_clear_error(tmp_path):
    from accord.evaluate import evaluate_path
    (tmp_path / "b.gold.json").write_text("{}", encoding="utf-8")
    with pytest.raises(GoldError, match="b.gold.json"):
        evaluate_path(tmp_path)


def _event(source, targets, etype="PROTEST"):
    from accord.records import ActorRef, Event
    refs = [ActorRef(a, a, 0, len(a)) for a in targets]
    return Event(event_id="e", article_id="a", type=etype, mode=None, cameo="140", start=0, end=1,
                 source=ActorRef(source, source, 0, len(source)) if source else None, targets=tuple(refs))


def test_triple_scoring_codes_only_events_with_a_source_and_a_target():
    from accord.evaluate_events import coded_as_dyad
    assert coded_as_dyad(_event("KEN", ["ETH"]))
    assert coded_as_dyad(_event("farmers", ["police"]))          # unresolved, but both there
    assert not coded_as_dyad(_event("farmers", []))              # "farmers marched": monadic
    assert not coded_as_dyad(_event(None, ["civilians"]))       # "civilians were wounded"


def test_monadic_event_is_kept_by_the_coder_but_not_scored_as_a_petrarch_triple():
    from accord import nlp as nlp_mod
    from accord.evaluate_events import cameo_convention, score_petrarch
    text = "Thousands of farmers marched through the capital on Sunday to protest against fuel prices."
    nlp = nlp_mod.load()
    scores = score_petrarch({text: [{"date": "20240818", "events": []}]}, nlp)
    assert scores["predicted_triples"] == 0
    monadic = _event("farmers", [])
    assert cameo_convention(monadic) == "PROTEST"    # the PLOVER set still scores it


def test_a_sentence_filed_twice_with_the_same_coding_is_one_gold_triple():
    from accord import nlp as nlp_mod
    from accord.evaluate_events import score_petrarch
    text = "Kenya accused Ethiopia on Monday of sending troops across the border."
    coded = {"source_actor_code": "KENGOV", "target_actor_code": "ETH", "cameo_code": "112"}
    other = {"source_actor_code": "ETH", "target_actor_code": "KEN", "cameo_code": "150"}
    nlp = nlp_mod.load()
    twice = score_petrarch({text: [{"date": "20240818", "events": [coded]},
                                   {"date": "20240818", "events": [coded]}]}, nlp)
    assert twice["gold_triples"] == 1
    both = score_petrarch({text: [{"date": "20240818", "events": [coded]},
                                  {"date": "20240818", "events": [coded, other]}]}, nlp)
    assert both["gold_triples"] == 2


def test_a_refusal_and_its_negated_act_are_one_petrarch_triple():
    from accord import nlp as nlp_mod
    from accord.evaluate_events import score_petrarch
    text = "Germany said it would not provide military aid to Serbia."
    coded = {"source_actor_code": "DEU", "target_actor_code": "SRB", "cameo_code": "122"}
    scores = score_petrarch({text: [{"date": "20240818", "events": [coded]}]}, nlp_mod.load())
    assert scores["predicted_triples"] == 1 and scores["f1"] == 1.0


def test_petrarch_triples_take_one_country_per_target_phrase():
    from accord.evaluate_events import target_countries
    from accord.records import ActorRef, Event
    text = "Four children and a man from Gaza and Palestinian leaders of the Gaza Strip were hit."
    children = ActorRef(None, "Four children", 0, 13)
    man = ActorRef("PSE", "a man from Gaza", 18, 33)
    leaders = ActorRef("PSE", "Palestinian leaders of the Gaza Strip", 38, 75)
    inside = ActorRef("PSE", "the Gaza Strip", 61, 75)           # a phrase inside another
    same = ActorRef("hamas-leader", "Palestinian leaders of the Gaza Strip", 38, 75)   # one phrase, two refs
    assert text[inside.start:inside.end] == "the Gaza Strip"
    event = Event("e", "a", "ASSAULT", None, "190", 0, len(text), None, (children, man, leaders, inside, same))
    # coordinated targets are separate events (as PETRARCH codes a compound actor); an unresolved one is None
    assert target_countries(event, {}) == [None, "PSE", "PSE"]
