"""A denial answering another party's statement is coded as a rejection of it (REJECT, CAMEO 120)."""

from accord import pipeline
from accord.records import Article


def _events(nlp, text):
    article = Article(article_id="t", text=text, source="t", published="2025-03-12")
    return pipeline.extract(nlp(text), article).events


def _derived(events):
    return [e for e in events if e.type == "REJECT" and e.trigger is None]


def test_calling_a_statement_false_rejects_its_author(nlp):
    events = _events(nlp, "Sudan's army chief Abdel Fattah al-Burhan said on Tuesday that the Rapid Support Forces "
                          "were backing out of the truce. \"These false claims do not reflect our position,\" the "
                          "RSF said on Wednesday.")
    [reject] = _derived(events)
    assert reject.cameo == "120" and reject.modality == "actual"
    assert reject.source.actor_id == "rapid-support-forces"
    assert reject.targets[0].actor_id in ("SDN", "abdel-fattah-al-burhan")
    assert reject.date == "2025-03-12"
    assert reject.quote_id is not None      # said in the RSF's own words


def test_a_negated_statement_of_ones_own_rejects_nothing(nlp):
    events = _events(nlp, "Armenia's prime minister said Azerbaijan had agreed to the text. \"We have never been "
                          "this close to a treaty,\" Azerbaijan's foreign minister told reporters.")
    assert not _derived(events)


def test_an_explicit_rejection_is_not_coded_twice(nlp):
    events = _events(nlp, "Israel's prime minister said Hamas was backing out of the deal. Hamas rejected the "
                          "claim as false on Wednesday.")
    rejects = [e for e in events if e.type == "REJECT"]
    assert rejects and not _derived(events)
