"""BDM expected-utility model against the Scholz/McKibben/Masad replication outputs."""
import csv
import json
from pathlib import Path

import pytest

from accord.model import bdm, forecast, load_scenario

REF = Path(__file__).resolve().parents[2] / "shared" / "reference" / "bdm"


def _run(case):
    rows = list(csv.DictReader(open(REF / f"{case}_actors.csv")))
    names = [r["Actor"] for r in rows]
    res = bdm.run(names, [float(r["Capability"]) for r in rows], [float(r["Position"]) for r in rows],
                  [float(r["Salience"]) for r in rows], rounds=10)
    expected = list(csv.DictReader(open(REF / f"{case}_expected_rounds.csv")))
    return names, res, expected


@pytest.mark.parametrize("case", ["eu_emissions", "sultan"])
def test_positions_medians_means_and_risk_match_the_replication_every_round(case):
    names, res, expected = _run(case)
    assert len(res.rounds) == len(expected) == 11
    for exp, got in zip(expected, res.rounds):
        assert got.round == int(exp["round"])
        assert got.median == pytest.approx(float(exp["median"]), abs=1e-6)
        assert got.mean == pytest.approx(float(exp["mean"]), abs=1e-6)
        for a in names:
            assert got.positions[a] == pytest.approx(float(exp[a]), abs=1e-6), (exp["round"], a)
            assert got.risk[a] == pytest.approx(float(exp["r_" + a]), abs=1e-6), (exp["round"], a)


def test_eu_moves_are_the_replications_thirty_offers():
    names, res, _ = _run("eu_emissions")
    expected = json.loads((REF / "eu_emissions_expected_moves.json").read_text())
    assert len(res.moves) == len(expected) == 30
    for exp, got in zip(expected, res.moves):
        assert (got.round, got.actor, got.offer_type, got.counterpart) == (
            exp["round"], exp["actor"], exp["offer_type"], exp["counterpart"])
        assert got.new_position == pytest.approx(exp["new_position"], abs=1e-9)
        assert got.eu_actor_vs_counterpart == pytest.approx(exp["eu_actor_vs_counterpart"], abs=1e-9)
        assert got.eu_counterpart_vs_actor == pytest.approx(exp["eu_counterpart_vs_actor"], abs=1e-9)


def test_belgium_jumps_to_the_netherlands_side_in_round_four_by_scholzs_compromise_rule():
    _, res, _ = _run("eu_emissions")
    move = next(m for m in res.moves if m.round == 4 and m.actor == "Belgium")
    assert move.offer_type == "compromise" and move.counterpart == "Netherlands"
    assert move.new_position == pytest.approx(4.80, abs=0.01)


def test_sultan_case_never_moves():
    names, res, _ = _run("sultan")
    assert all(r.positions == res.rounds[0].positions for r in res.rounds)
    assert {r.median for r in res.rounds} == {13.9}


def test_forecast_api_gives_the_one_issue_json_shape_from_a_bdm_table():
    result = forecast(load_scenario(REF / "eu_emissions_actors.csv"), model="bdm", rounds=10)
    assert result["model"] == "bdm" and result["elapsed_s"] >= 0
    assert [r["round"] for r in result["rounds"]] == list(range(11))
    last = result["rounds"][-1]
    assert last["median"] == pytest.approx(7.0, abs=1e-6)
    assert last["positions"]["Belgium"] == pytest.approx(4.291541, abs=1e-6)
    assert set(last) >= {"round", "median", "mean", "positions"}


def test_everyone_at_one_position_is_a_fixed_point():
    res = bdm.run(["a", "b"], [1, 1], [5, 5], [0.5, 0.5], rounds=3)
    assert [r.median for r in res.rounds] == [5.0] * 4
