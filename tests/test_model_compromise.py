"""Compromise model (capability x salience weighted mean) and weighted median, checked by hand."""
import numpy as np
import pytest

from accord.model import forecast
from accord.model.compromise import compromise, median, weighted_mean, weighted_median
from accord.model.scenario import Scenario


def test_weighted_mean_by_hand():
    # (0.5*0.8*20 + 1.0*0.5*60 + 0.2*1.0*90) / (0.4 + 0.5 + 0.2) = (8 + 30 + 18) / 1.1
    assert compromise([20, 60, 90], [0.8, 0.5, 1.0], [0.5, 1.0, 0.2]) == pytest.approx(56 / 1.1)


def test_weighted_median_is_where_half_the_weight_is_reached():
    # weights 0.4, 0.5, 0.2 of total 1.1: half is 0.55, reached at 60
    assert median([20, 60, 90], [0.8, 0.5, 1.0], [0.5, 1.0, 0.2]) == 60
    # a heavy actor is the median on its own
    assert weighted_median([10, 20, 30], [3, 1, 1]) == 10
    # unsorted input
    assert weighted_median([30, 10, 20], [1, 1, 1]) == 20


def test_exact_half_split_takes_the_lower_position():
    assert weighted_median([10, 20], [1, 1]) == 10
    assert weighted_median([0.1, 0.2, 0.3], [0.1, 0.1, 0.2]) == 0.2


def test_vectorised_over_draws():
    x = np.array([[20, 60, 90], [90, 60, 20]])
    w = np.array([[1, 1, 1], [1, 1, 3]])
    assert list(weighted_median(x, w)) == [60, 20]
    assert weighted_mean(x, w) == pytest.approx([170 / 3, (90 + 60 + 60) / 5])


def test_forecast_compromise_and_median_on_a_two_issue_scenario():
    sc = Scenario.model_validate({
        "actors": [{"id": "ISR", "capability": 0.9}, {"id": "hamas", "capability": 0.4},
                   {"id": "EGY", "capability": 0.5}],
        "issues": [{"id": "withdrawal"}, {"id": "hostages"}],
        "cells": [
            {"actor": "ISR", "issue": "withdrawal", "position": 10, "salience": 0.9},
            {"actor": "hamas", "issue": "withdrawal", "position": 100, "salience": 1.0},
            {"actor": "EGY", "issue": "withdrawal", "position": 70, "salience": 0.6},
            {"actor": "ISR", "issue": "hostages", "position": 100, "salience": 1.0},
            {"actor": "hamas", "issue": "hostages", "position": 40, "salience": 0.7},
        ]})
    res = forecast(sc, model="compromise")
    w = res["issues"]["withdrawal"]
    assert w["prediction"] == pytest.approx((0.81 * 10 + 0.4 * 100 + 0.3 * 70) / 1.51)
    assert forecast(sc, model="median")["issues"]["withdrawal"]["prediction"] == 10
    assert set(w["rounds"][0]) >= {"round", "median", "mean", "positions"}
