"""Monte Carlo over input uncertainty: distributions, zone of agreement, Sobol ranking."""
import numpy as np

from accord.model import forecast, montecarlo as mc_api
from accord.model.montecarlo import draw_inputs, simulate, zone_exists
from accord.model.scenario import Scenario


def test_certain_inputs_give_a_point_distribution():
    res = simulate(["a", "b"], [20, 80], [0.5, 0.5], [1, 1], [1.0, 1.0], 0, 100, draws=200, seed=1,
                   sensitivity=False)
    assert res["models"]["compromise"]["p05"] == res["models"]["compromise"]["p95"] == 50


def test_less_confident_evidence_widens_the_outcome_distribution():
    args = (["a", "b", "c"], [20, 50, 80], [0.5, 0.7, 0.9], [1, 0.5, 0.8])
    sure = simulate(*args, [0.9] * 3, 0, 100, draws=4000, seed=2, sensitivity=False)
    unsure = simulate(*args, [0.2] * 3, 0, 100, draws=4000, seed=2, sensitivity=False)
    assert unsure["models"]["compromise"]["sd"] > 3 * sure["models"]["compromise"]["sd"]


def test_draws_stay_on_the_scale():
    rng = np.random.default_rng(0)
    X, S, C = draw_inputs([0, 100], [0, 1], [0.1, 2], [0, 0], 0, 100, 1000, rng)
    assert X.min() >= 0 and X.max() <= 100 and S.min() >= 0 and S.max() <= 1 and C.min() >= 0


def test_zone_of_agreement_needs_overlapping_tolerances():
    # tolerance (1 - salience) x range: 30 and 40 around 20 and 80 overlap; 10 and 10 do not
    assert zone_exists(np.array([[20.0, 80.0]]), np.array([[0.7, 0.6]]), 0, 100).tolist() == [True]
    assert zone_exists(np.array([[20.0, 80.0]]), np.array([[0.9, 0.9]]), 0, 100).tolist() == [False]


def test_sensitivity_ranks_the_uncertain_heavy_actor_first():
    res = simulate(["big", "small"], [10, 90], [0.9, 0.2], [1.0, 0.2], [0.2, 0.95], 0, 100, draws=100,
                   seed=4, models=("compromise",))
    ranking = res["sensitivity"]["compromise"]
    assert ranking[0]["input"].endswith(":big")
    assert ranking[0]["ST"] >= ranking[-1]["ST"]


def test_forecast_with_draws_reports_probability_of_a_zone_per_issue():
    sc = Scenario.model_validate({
        "actors": [{"id": "USA", "capability": 1.0}, {"id": "IRN", "capability": 0.6}],
        "issues": [{"id": "enrichment"}],
        "cells": [{"actor": "USA", "issue": "enrichment", "position": 10, "salience": 0.8, "confidence": 0.5},
                  {"actor": "IRN", "issue": "enrichment", "position": 70, "salience": 0.6, "confidence": 0.5}]})
    res = forecast(sc, model="compromise", draws=2000, seed=5, sensitivity=False)
    mc = res["montecarlo"]["enrichment"]
    assert 0.0 <= mc["p_zone_of_agreement"] <= 1.0
    assert mc["models"]["compromise"]["p05"] < res["prediction"] < mc["models"]["compromise"]["p95"]
    assert set(mc_api(sc, draws=100, seed=1, sensitivity=False)["enrichment"]["models"]) == {"compromise", "median", "nash"}
