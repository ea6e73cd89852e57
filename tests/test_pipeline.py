"""The pipeline: per-article dossier choice, stage isolation, non-English articles."""
import pytest

from accord import dossiers, pipeline
from accord.ingest import make_article

GAZA = ("CAIRO, June 3 - Egyptian and Qatari mediators met Hamas negotiators on Monday while Israel weighed the "
        "latest proposal for a ceasefire in Gaza, officials said.")
SUDAN = ("JEDDAH, May 20 - Sudan's army and the Rapid Support Forces agreed to a week-long truce on Saturday "
         "after talks brokered by Saudi Arabia and the United States, the mediators said.")
WEATHER = "Heavy rain is expected across the region on Sunday, forecasters said, with flooding possible in the valleys."


def _article(text):
    return make_article(text, "mem.txt", "mem.txt", lambda m: None)


def test_each_article_gets_the_dossier_of_the_negotiation_it_names(nlp):
    shipped = [dossiers.load(n) for n in dossiers.list_dossiers()]
    chosen = {}
    for name, text in (("gaza", GAZA), ("sudan", SUDAN), ("weather", WEATHER)):
        from accord.extract.actors import extract_actors
        found = extract_actors(nlp(text), "a")
        d = pipeline.choose_dossier(found, shipped)
        chosen[name] = d.name if d else None
    assert chosen["gaza"].startswith("gaza")
    assert chosen["sudan"].startswith("sudan")
    assert chosen["weather"] is None


def test_a_failing_stage_is_reported_and_the_rest_is_kept(nlp, monkeypatch):
    from accord.extract import events

    def broken(*args, **kwargs):
        raise IndexError("boom")
    monkeypatch.setattr(events, "extract_events", broken)
    monkeypatch.setattr(pipeline, "STRICT", False)
    ex = pipeline.extract(nlp(GAZA), _article(GAZA))
    assert ex.events == []
    assert ex.mentions
    assert any("events extraction failed" in w and "boom" in w for w in ex.warnings)


def test_a_failing_stage_raises_in_strict_mode(nlp, monkeypatch):
    from accord.extract import events

    def broken(*args, **kwargs):
        raise IndexError("boom")
    monkeypatch.setattr(events, "extract_events", broken)
    monkeypatch.setattr(pipeline, "STRICT", True)
    with pytest.raises(IndexError, match="boom"):
        pipeline.extract(nlp(GAZA), _article(GAZA))


def test_non_english_article_is_kept_without_extraction(nlp):
    art = _article("Los negociadores se reunieron el lunes en El Cairo para discutir una tregua en Gaza, "
                   "según fuentes diplomáticas egipcias y cataríes que siguen de cerca las conversaciones.")
    assert art.language != "en"
    [ex] = pipeline.extract_batch(nlp, [art])
    assert ex.article == art and ex.mentions == [] and ex.quotes == []
