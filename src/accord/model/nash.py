"""Nash bargaining solution on one issue.

Each actor's utility for an outcome z on the issue's scale [lower, upper] falls linearly with the
distance from its position: u_i(z) = 1 - |z - x_i| / (upper - lower). The disagreement point is
each actor's worst outcome on the scale (its utility at the far end), unless one is given. The
(asymmetric) Nash bargaining solution maximises  sum_i w_i log(u_i(z) - d_i)  (Nash 1950; Harsanyi
& Selten 1972 for the weights), with weights capability x salience by default; equal weights
give the symmetric solution. The objective is concave in z, so the maximiser is unique on a
continuous scale; over a finite set of candidate outcomes the first best one is returned.
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar


def utilities(position, outcomes, lower: float, upper: float) -> np.ndarray:
    """u[i, k]: utility of actor i for outcome k."""
    x = np.asarray(position, dtype=float)[:, None]
    z = np.asarray(outcomes, dtype=float)[None, :]
    return 1.0 - np.abs(z - x) / (upper - lower)


def worst_utilities(position, lower: float, upper: float) -> np.ndarray:
    x = np.asarray(position, dtype=float)
    return 1.0 - np.maximum(np.abs(x - lower), np.abs(upper - x)) / (upper - lower)


def nash_objective(z, position, weights, lower, upper, disagreement=None) -> np.ndarray:
    """sum_i w_i log(u_i(z) - d_i) for each outcome z (-inf where someone gains nothing)."""
    d = worst_utilities(position, lower, upper) if disagreement is None else np.asarray(disagreement, float)
    gain = utilities(position, np.atleast_1d(z), lower, upper) - d[:, None]
    w = np.asarray(weights, dtype=float)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(w > 0, w * np.log(np.where(gain > 0, gain, 0.0)), 0.0)
    return terms.sum(axis=0)


def nash_point(position, weights=None, lower: float = 0.0, upper: float = 100.0,
               disagreement=None, candidates=None) -> float:
    """The outcome that maximises the weighted Nash product.

    ``candidates``: a finite set of outcomes to choose from (e.g. the options on the table);
    without it the whole interval [lower, upper] is searched.
    """
    x = np.asarray(position, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    if candidates is not None:
        cand = np.asarray(candidates, dtype=float)
        val = nash_objective(cand, x, w, lower, upper, disagreement)
        return float(cand[int(np.argmax(val))])
    active = w > 0
    if not active.any():
        return float("nan")
    lo, hi = float(x[active].min()), float(x[active].max())
    if hi == lo:
        return lo
    # The maximiser lies between the extreme positions of the actors who count.
    f = lambda z: -float(nash_objective(np.array([z]), x, w, lower, upper, disagreement)[0])
    res = minimize_scalar(f, bounds=(lo, hi), method="bounded", options={"xatol": 1e-10 * (upper - lower)})
    best, best_val = float(res.x), -res.fun
    # the objective has kinks at the actors' positions; a kink can be the maximum
    for k in x[active]:
        v = -f(float(k))
        if v > best_val:
            best, best_val = float(k), v
    return best
