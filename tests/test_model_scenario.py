"""Scenario table: validation, the file formats analysts have, writers, and the store builder."""
import warnings
from pathlib import Path

import pytest

from accord import records as R
from accord.model import forecast
from accord.model.scenario import (Scenario, ScenarioError, ScenarioWarning, from_store, load_scenario,
                                   read_decide, save_scenario, to_csv, to_yaml)

REF = Path(__file__).resolve().parents[2] / "shared" / "reference"

TWO_ACTORS = {
    "name": "rafah",
    "actors": [{"id": "ISR", "name": "Israel", "capability": 0.9}, {"id": "hamas", "capability": 0.4}],
    "issues": [{"id": "withdrawal", "low": "troops stay", "high": "full withdrawal"}],
    "cells": [
        {"actor": "ISR", "issue": "withdrawal", "position": 15, "salience": 0.9, "confidence": 0.7,
         "evidence": [["a1", 10, 80], "a2:5-60"]},
        {"actor": "hamas", "issue": "withdrawal", "position": 100, "salience": 1.0},
    ],
}


def test_cells_keep_their_evidence_spans_from_either_short_form():
    sc = Scenario.model_validate(TWO_ACTORS)
    ev = sc.cell("ISR", "withdrawal").evidence
    assert [(e.article_id, e.start, e.end) for e in ev] == [("a1", 10, 80), ("a2", 5, 60)]


@pytest.mark.parametrize("field,value,message", [
    ("salience", 1.4, "less than or equal to 1"),
    ("position", 140, "outside the issue's scale"),
    ("actor", "EGY", "'EGY' is not in actors"),
])
def test_bad_cells_are_rejected_with_the_field_named(field, value, message, tmp_path):
    data = {**TWO_ACTORS, "cells": [dict(TWO_ACTORS["cells"][1], **{field: value})]}
    path = tmp_path / "bad.yaml"
    path.write_text(to_yaml(Scenario.model_validate(TWO_ACTORS)).replace("x", "x"))
    import yaml
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert message in str(err.value) and "bad.yaml" in str(err.value)


def test_yaml_and_csv_round_trip(tmp_path):
    sc = Scenario.model_validate(TWO_ACTORS)
    for name in ("s.yaml", "s.csv"):
        save_scenario(sc, tmp_path / name)
        back = load_scenario(tmp_path / name)
        assert back.cell("ISR", "withdrawal") .position == 15
        assert back.cell("ISR", "withdrawal").evidence == sc.cell("ISR", "withdrawal").evidence
        assert back.capability(back.cell("hamas", "withdrawal")) == 0.4
    assert to_csv(sc).splitlines()[0].startswith("actor,actor_name,issue,position,salience,capability")


def test_analyst_override_replaces_one_cell_and_keeps_the_rest():
    sc = Scenario.model_validate(TWO_ACTORS).override("hamas", "withdrawal", position=80)
    assert sc.cell("hamas", "withdrawal").position == 80
    assert sc.cell("hamas", "withdrawal").source == "analyst"
    assert sc.cell("ISR", "withdrawal").position == 15
    with pytest.raises(Exception):
        sc.override("hamas", "withdrawal", salience=2)


def test_bdm_table_reads_as_one_issue_with_actor_capabilities():
    sc = load_scenario(REF / "bdm" / "sultan_actors.csv")
    assert len(sc.issues) == 1 and len(sc.actors) == 17
    fahd = next(a for a in sc.actors if a.id == "FAHD")
    assert fahd.capability == 1.05          # capabilities above 1 exist in the published table


def test_decide_file_reads_issue_bounds_and_per_cell_power():
    sc = load_scenario(REF / "exchange" / "sample_data.txt")
    assert (len(sc.actors), len(sc.issues), len(sc.cells)) == (10, 6, 60)
    assert (sc.issue("tol-hoogte").lower, sc.issue("tol-hoogte").upper) == (0.5, 7)
    assert sc.cell("Willems", "tol-hoogte").capability == 1.0


def test_stray_rows_in_a_decide_file_are_skipped_with_a_warning():
    text = ("'#A'\t'a'\t'A'\t''\n'#A'\t'b'\t'B'\t''\n'#P'\t'p'\t'p'\t''\n"
            "some text pasted by mistake\n'#X'\t'unknown'\n"
            "'#D'\t'a'\t'p'\t10\t0.5\t1\n'#D'\t'b'\t'p'\t90\t0.5\t1\n'#D'\t'zz'\t'p'\t50\t0.5\t1\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sc = read_decide(text)
    assert len(sc.cells) == 2
    assert sum(issubclass(w.category, ScenarioWarning) for w in caught) == 3


def test_unknown_format_is_a_clear_error(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("just some words\n")
    with pytest.raises(ScenarioError, match="cannot tell the scenario format"):
        load_scenario(p)


def _position(pid, art, actor, issue, value, conf, sal=None, start=0, end=40):
    return R.Position(position_id=pid, article_id=art, actor_id=actor, issue_id=issue, stance="demands",
                      value=value, salience=sal, start=start, end=end, confidence=conf)


def test_scenario_from_store_links_each_cell_to_its_evidence_and_uses_dossier_priors(tmp_path):
    from accord.store import Store
    store = Store(tmp_path / "s.duckdb")
    art1 = R.Article(article_id="art1", text="x" * 200, source="t1")
    art2 = R.Article(article_id="art2", text="y" * 200, source="t2")
    store.write([
        R.Extraction(article=art1, positions=[_position("p1", "art1", "hamas", "withdrawal", 100, 0.8, 0.9, 10, 60),
                                              _position("p2", "art1", "ISR", "withdrawal", 20, 0.6, None, 70, 120)]),
        R.Extraction(article=art2, positions=[_position("p3", "art2", "ISR", "withdrawal", 0, 0.2, 0.8, 5, 50),
                                              _position("p4", "art2", "ISR", "elsewhere", 50, 0.9)]),
    ])
    dossier = {"name": "gaza", "actors": [{"id": "ISR", "name": "Israel", "capability": 0.9},
                                          {"id": "hamas", "name": "Hamas", "capability": 0.3},
                                          {"id": "EGY", "name": "Egypt", "capability": 0.6}],
               "issues": [{"id": "withdrawal", "label": "Troop withdrawal", "low": "stay", "high": "leave"}],
               "priors": [{"actor": "EGY", "issue": "withdrawal", "value": 70, "salience": 0.6}]}
    sc = from_store(store, dossier=dossier)
    assert sc.issue_ids == ["withdrawal"]                    # the dossier's issues only
    isr = sc.cell("ISR", "withdrawal")
    assert isr.position == pytest.approx((0.6 * 20 + 0.2 * 0) / 0.8)
    assert isr.salience == 0.8 and isr.confidence == pytest.approx(1 - 0.4 * 0.8)
    assert {(e.article_id, e.start, e.end) for e in isr.evidence} == {("art1", 70, 120), ("art2", 5, 50)}
    egy = sc.cell("EGY", "withdrawal")
    assert egy.source == "prior" and egy.position == 70 and egy.evidence == ()
    assert sc.capability(sc.cell("hamas", "withdrawal")) == 0.3
    result = forecast(sc, model="all", draws=500, seed=3, sensitivity=False)
    assert result["models"]["compromise"]["prediction"] is not None
    store.close()


class _FakeStore:
    """Duck-typed store: ``records(table)`` is all the builder needs."""

    def __init__(self, positions):
        self._positions = positions

    def records(self, table, *args, **kwargs):
        return self._positions if table == "positions" else []


def test_a_persons_positions_count_for_the_actor_the_dossier_affiliates_them_with():
    store = _FakeStore([
        {"actor_id": "benjamin-netanyahu", "issue_id": "war-end", "value": 0.0, "salience": 1.0,
         "confidence": 0.9, "article_id": "a", "start": 0, "end": 30},
        {"actor_id": "hamas", "issue_id": "war-end", "value": 100.0, "salience": 1.0,
         "confidence": 0.9, "article_id": "b", "start": 3, "end": 40},
    ])
    dossier = {"actors": [{"id": "ISR", "kind": "state", "capability": 0.9},
                          {"id": "benjamin-netanyahu", "kind": "person", "affiliation": "ISR"},
                          {"id": "hamas", "kind": "organisation", "capability": 0.45}],
               "issues": [{"id": "war-end", "label": "End of the war"}]}
    sc = from_store(store, dossier)
    assert sc.actor_ids == ["ISR", "hamas"]
    assert sc.cell("ISR", "war-end").evidence[0].article_id == "a"
    assert sc.issue("war-end").name == "End of the war"


class _StoreWithActors(_FakeStore):
    def __init__(self, positions, actors):
        super().__init__(positions)
        self._actors = actors

    def records(self, table, *args, **kwargs):
        return self._actors if table == "actors" else super().records(table)


def test_without_a_dossier_a_spokesman_speaks_for_the_side_the_articles_give_him():
    store = _StoreWithActors([
        {"actor_id": "dmitry-peskov", "issue_id": "truce", "value": 20.0, "salience": 0.7,
         "confidence": 0.8, "article_id": "a", "start": 0, "end": 30},
        {"actor_id": "UKR", "issue_id": "truce", "value": 100.0, "salience": 0.9,
         "confidence": 0.8, "article_id": "a", "start": 40, "end": 80},
        {"actor_id": "analyst-x", "issue_id": "truce", "value": 50.0, "salience": 0.5,
         "confidence": 0.5, "article_id": "a", "start": 90, "end": 120},
    ], [
        {"actor_id": "dmitry-peskov", "kind": "person", "affiliation": "RUS", "name": "Dmitry Peskov"},
        {"actor_id": "RUS", "kind": "state", "affiliation": "RUS", "name": "Russia"},
        {"actor_id": "UKR", "kind": "state", "affiliation": "UKR", "name": "Ukraine"},
        {"actor_id": "analyst-x", "kind": "person", "affiliation": None, "name": "Analyst X"},
    ])
    sc = from_store(store)
    assert set(sc.actor_ids) == {"RUS", "UKR", "analyst-x"}
    assert sc.cell("RUS", "truce").position == 20.0


def test_gaza_dossier_forecast_runs_end_to_end_with_every_cell_traceable(tmp_path):
    """Store with two reported positions + the shipped Gaza dossier's priors -> all models."""
    from accord import dossiers
    from accord.store import Store
    try:
        dossier = dossiers.load("gaza-ceasefire-2024")
    except Exception:
        pytest.skip("the Gaza dossier is not shipped in this tree")
    issue = dossier.issues[0].id
    store = Store(tmp_path / "g.duckdb")
    art = R.Article(article_id="g1", text="z" * 300, source="t")
    store.write([R.Extraction(article=art, positions=[
        _position("q1", "g1", "hamas", issue, 100, 0.9, 0.95, 0, 90),
        _position("q2", "g1", "ISR", issue, 20, 0.7, 0.9, 100, 180)])])
    sc = from_store(store, dossier)
    for c in sc.cells:
        assert c.source in ("evidence", "prior")
        assert (c.source == "evidence") == bool(c.evidence)
    assert {(e.article_id, e.start, e.end) for e in sc.cell("ISR", issue).evidence} == {("g1", 100, 180)}
    result = forecast(sc, model="all", rounds=5, draws=300, seed=1, sensitivity=False)
    assert set(result["models"]) == {"bdm", "exchange", "compromise", "median", "nash"}
    assert result["models"]["exchange"]["issues"][issue]["rounds"][-1]["round"] == 5
    store.close()


def test_gaza_forecast_from_the_analysed_demo_store_traces_every_cell(demo_store):
    """The demo corpus, analysed with its dossiers, gives a Gaza scenario whose cells come from
    the Gaza articles' evidence (or the dossier's priors), and every model runs on it."""
    from accord import dossiers
    from accord.model import forecast
    from accord.model.scenario import from_store

    gaza = dossiers.load("gaza-ceasefire-2024")
    scen = from_store(demo_store, gaza)
    cells = scen.cells
    evidence_cells = [c for c in cells if c.source == "evidence"]
    assert evidence_cells
    texts = demo_store.article_texts()
    negotiation = dict(demo_store.con.execute("SELECT article_id, negotiation FROM articles").fetchall())
    for cell in evidence_cells:
        assert cell.evidence
        for ev in cell.evidence:
            assert negotiation[ev.article_id] == "gaza-ceasefire-2024"
            assert 0 <= ev.start < ev.end <= len(texts[ev.article_id])
    result = forecast(scen, model="all", draws=500)
    assert set(result["models"]) >= {"bdm", "exchange", "compromise", "median", "nash"}
