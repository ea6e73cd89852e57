"""Bueno de Mesquita's expected-utility ("challenge") model, as replicated by Scholz, Calbert & Smith.

Scholz, J. B., Calbert, G. J. & Smith, G. A. (2011), "Unravelling Bueno De Mesquita's group decision
model", Journal of Theoretical Politics 23(4): 510-531. The quirks of that replication are kept on
purpose, because they decide the published numbers (see ``../shared/reference/bdm/README.md``):

- the position range is fixed from the initial positions;
- the win probability divides by the sum of |vote| over *all* actors and *all ordered pairs*,
  which makes probabilities tiny;
- every utility is computed with the risk exponent of the actor doing the evaluating;
- risk exponents are recomputed each round from danger levels with every r reset to 1;
- a compromise is chosen by the lowest |EU|-weighted position, not by the smallest move;
- all actors move at the same time.

Everything per round is a handful of n x n (and one n x n x n) NumPy arrays.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Move:
    round: int
    actor: str
    offer_type: str          # confrontation | compromise
    counterpart: str
    eu_actor_vs_counterpart: float
    eu_counterpart_vs_actor: float
    new_position: float


@dataclass(frozen=True)
class Round:
    round: int
    positions: dict[str, float]
    risk: dict[str, float]
    median: float
    mean: float


@dataclass(frozen=True)
class BDMResult:
    rounds: list[Round]
    moves: list[Move] = field(default_factory=list)


def weighted_mean(x: np.ndarray, c: np.ndarray, s: np.ndarray) -> float:
    w = c * s
    return float(np.sum(w * x) / np.sum(w))


def distinct_positions(x: np.ndarray) -> list[float]:
    # The replication iterates a Python set of floats; the median's tie-breaking follows that
    # order, so the same construction is used to get the same candidate order.
    return list({float(v) for v in x})


def vote_median(x: np.ndarray, c: np.ndarray, s: np.ndarray, position_range: float) -> float:
    """Pairwise-vote median (r = 1): a candidate replaces the incumbent when its vote sum is > 0."""
    candidates = distinct_positions(x)
    cand = np.array(candidates)
    w = c * s
    dist = np.abs(x[:, None] - cand[None, :]) / position_range      # actor x candidate
    median = 0
    for b in range(1, len(candidates)):
        votes = float(np.sum(w * (dist[:, median] - dist[:, b])))
        if votes > 0:
            median = b
    return candidates[median]


def _distance_powers(x: np.ndarray, r: np.ndarray, position_range: float) -> np.ndarray:
    """D[k, a] = (|x_k - x_a| / range) ** r_k: actor k's (risk-shaped) distance to actor a."""
    return (np.abs(x[:, None] - x[None, :]) / position_range) ** r[:, None]


def win_probability(x: np.ndarray, c: np.ndarray, s: np.ndarray, r: np.ndarray,
                    position_range: float) -> np.ndarray:
    """P[i, j]: probability that i's position prevails over j's (Scholz's normalisation)."""
    w = c * s
    d = _distance_powers(x, r, position_range)
    # vote of k for a over b: w_k * (D[k, b] - D[k, a]); index [k, a, b]
    votes = w[:, None, None] * (d[:, None, :] - d[:, :, None])
    denominator = np.abs(votes).sum()
    numerator = np.maximum(votes, 0.0).sum(axis=0)                  # [a, b]
    with np.errstate(invalid="ignore", divide="ignore"):
        p = numerator / denominator if denominator > 0 else np.zeros_like(numerator)
    p[x[:, None] == x[None, :]] = 0.0
    return p


def challenge_utilities(x, c, s, r, position_range, q=1.0, p=None):
    """(E_own, E_other), both from actor i's point of view (r_i):

    E_own[i, j]   = EU of i challenging j,
    E_other[i, j] = EU of j challenging i.
    """
    if p is None:
        p = win_probability(x, c, s, r, position_range)
    half_gap = 0.5 * np.abs(x[:, None] - x[None, :]) / position_range
    rr = r[:, None]
    u_success = 2 - 4 * (0.5 - half_gap) ** rr
    u_failure = 2 - 4 * (0.5 + half_gap) ** rr
    u_status_quo = (2 - 4 * 0.5 ** r)[:, None]
    e_own = (s[None, :] * (p * u_success + (1 - p) * u_failure)
             + (1 - s[None, :]) * u_success - q * u_status_quo)
    pt = p.T
    e_other = (s[:, None] * (pt * u_success + (1 - pt) * u_failure)
               + (1 - s[:, None]) * u_success - q * u_status_quo)
    return e_own, e_other


def risk_exponents(x, c, s, position_range, q=1.0) -> np.ndarray:
    """r_i from danger levels (the EU others expect from challenging i), every r reset to 1."""
    n = len(x)
    ones = np.ones(n)
    _, e_other = challenge_utilities(x, c, s, ones, position_range, q)
    np.fill_diagonal(e_other, 0.0)
    danger = e_other.sum(axis=1)
    hi, lo = danger.max(), danger.min()
    if hi == lo:
        return ones
    risk = (2 * danger - hi - lo) / (hi - lo)
    return (1 - risk / 3.0) / (1 + risk / 3.0)


def run(actors: list[str], capability, position, salience, rounds: int = 10, q: float = 1.0,
        record_moves: bool = True) -> BDMResult:
    """Run the model; round 0 is the input, round k the positions after k simultaneous updates."""
    c = np.asarray(capability, dtype=float)
    s = np.asarray(salience, dtype=float)
    x = np.asarray(position, dtype=float).copy()
    n = len(actors)
    start = distinct_positions(x)
    position_range = max(start) - min(start)
    if position_range == 0:
        # Everyone agrees: nothing can move, and every distance-based term would divide by zero.
        out = [Round(k, dict(zip(actors, map(float, x))), {a: 1.0 for a in actors},
                     float(x[0]), weighted_mean(x, c, s)) for k in range(rounds + 1)]
        return BDMResult(out)

    out = [Round(0, dict(zip(actors, map(float, x))), {a: 1.0 for a in actors},
                 vote_median(x, c, s, position_range), weighted_mean(x, c, s))]
    moves: list[Move] = []
    for k in range(1, rounds + 1):
        r = risk_exponents(x, c, s, position_range, q)
        e_own, e_other = challenge_utilities(x, c, s, r, position_range, q)
        new_x = x.copy()
        for i in range(n):
            move = _best_offer(i, x, e_own[i], e_other[i])
            if move is None:
                continue
            kind, j, pos = move
            new_x[i] = pos
            if record_moves:
                moves.append(Move(k, actors[i], kind, actors[j], float(e_own[i, j]),
                                  float(e_other[i, j]), float(pos)))
        x = new_x
        out.append(Round(k, dict(zip(actors, map(float, x))), dict(zip(actors, map(float, r))),
                         vote_median(x, c, s, position_range), weighted_mean(x, c, s)))
    return BDMResult(out, moves)


def _best_offer(i, x, eu_ij, eu_ji):
    """The offer actor i accepts: the nearest confrontation, else Scholz's compromise rule."""
    xi = x[i]
    others = x != xi
    confront = others & (eu_ji > eu_ij) & (eu_ij > 0)
    if confront.any():
        idx = np.flatnonzero(confront)
        j = idx[np.argmin(np.abs(xi - x[idx]))]      # argmin keeps the first of equals
        return "confrontation", int(j), float(x[j])
    compromise = others & (eu_ji > 0) & (eu_ij < 0) & (eu_ji > np.abs(eu_ij))
    if compromise.any():
        idx = np.flatnonzero(compromise)
        a, b = np.abs(eu_ij[idx]), np.abs(eu_ji[idx])
        key = (a * xi + b * x[idx]) / (a + b)
        pick = int(np.argmin(key))
        j = idx[pick]
        new = xi + (x[j] - xi) * abs(eu_ij[j] / eu_ji[j])
        return "compromise", int(j), float(new)
    # The replication's capitulation test (EU_ji < |EU_ji|) can never hold, so there is no third case.
    return None
