"""Monte Carlo over the scenario's uncertainty, zones of agreement and global sensitivity.

Every input of a cell (position, salience, capability) is drawn around its value with a spread
that grows as the evidence confidence falls: sd = (1 - confidence) x ``spread`` x the input's
scale (the issue's range for positions, 1 for salience, the capability itself for capability),
clipped to the valid range. A cell at confidence 1 is fixed.

Outputs per issue and model: the distribution of the predicted outcome (mean, sd, quantiles),
the probability that a zone of agreement exists, and a ranking of the inputs by their Sobol
total-order index (Saltelli sampling and analysis from SALib), i.e. which inputs move the
outcome most.

Zone of agreement: an actor accepts outcomes within (1 - salience) x range of its position (the
less an issue matters to it, the more it tolerates); a zone exists when every actor's accepted
interval overlaps the others', i.e. max(x_i - t_i) <= min(x_i + t_i).
"""
from __future__ import annotations

import numpy as np

from . import compromise as _compromise

FAST_MODELS = ("compromise", "median")


def _sd(conf: np.ndarray, spread: float) -> np.ndarray:
    return (1.0 - np.clip(conf, 0.0, 1.0)) * spread


def draw_inputs(x, s, c, confidence, lower, upper, draws: int, rng, spread: float = 0.25):
    """(X, S, C): draws x actors arrays of positions, saliences and capabilities."""
    x, s, c, conf = (np.asarray(a, dtype=float) for a in (x, s, c, confidence))
    n = len(x)
    k = _sd(conf, spread)
    z = rng.standard_normal((3, draws, n))
    X = np.clip(x + z[0] * k * (upper - lower), lower, upper)
    S = np.clip(s + z[1] * k, 0.0, 1.0)
    C = np.clip(c + z[2] * k * np.maximum(c, 1e-9), 0.0, None)
    return X, S, C


def zone_exists(X, S, lower, upper) -> np.ndarray:
    """Per draw: does an outcome exist that every actor accepts?"""
    t = (1.0 - S) * (upper - lower)
    return np.max(X - t, axis=-1) <= np.min(X + t, axis=-1)


def outcome(model: str, X, S, C, lower, upper, grid: int = 201) -> np.ndarray:
    """The model's predicted outcome for each draw (rows of X, S, C)."""
    if model == "compromise":
        return _compromise.compromise(X, S, C)
    if model == "median":
        return _compromise.median(X, S, C)
    if model == "nash":
        # on a grid of candidate outcomes, vectorised over draws (in chunks to bound memory)
        cand = np.linspace(lower, upper, grid)
        out = np.empty(X.shape[0])
        R = upper - lower
        for a in range(0, X.shape[0], 512):
            Xa, Wa = X[a:a + 512], (S * C)[a:a + 512]
            d = 1.0 - np.maximum(np.abs(Xa - lower), np.abs(upper - Xa)) / R          # draws x n
            gain = (1.0 - np.abs(cand[None, None, :] - Xa[:, :, None]) / R) - d[:, :, None]
            # log(0) for an actor who gains nothing: a huge finite penalty keeps 0 x log 0 at 0
            obj = (Wa[:, :, None] * np.log(np.maximum(gain, 1e-300))).sum(axis=1)
            out[a:a + 512] = cand[np.argmax(obj, axis=1)]
        return out
    raise ValueError(f"model '{model}' has no vectorised Monte Carlo; use one of compromise, median, nash")


def summarise(values: np.ndarray) -> dict:
    v = values[np.isfinite(values)]
    if v.size == 0:
        return {"mean": None, "sd": None, "p05": None, "p25": None, "p50": None, "p75": None, "p95": None}
    q = np.quantile(v, [0.05, 0.25, 0.5, 0.75, 0.95])
    return {"mean": float(v.mean()), "sd": float(v.std()), "p05": float(q[0]), "p25": float(q[1]),
            "p50": float(q[2]), "p75": float(q[3]), "p95": float(q[4])}


def simulate(actors, x, s, c, confidence, lower, upper, draws: int = 10_000,
             models=FAST_MODELS, seed: int | None = None, spread: float = 0.25,
             sensitivity: bool | tuple = True, keep_draws: bool = False) -> dict:
    """Monte Carlo for one issue: outcome distributions, P(zone of agreement), sensitivity.

    ``sensitivity``: True ranks the inputs for the first model (Sobol analysis costs far more
    than the draws), a tuple of model names ranks them for each, False skips it.
    """
    rng = np.random.default_rng(seed)
    X, S, C = draw_inputs(x, s, c, confidence, lower, upper, draws, rng, spread)
    result: dict = {"draws": draws, "p_zone_of_agreement": float(zone_exists(X, S, lower, upper).mean()),
                    "models": {}}
    for m in models:
        vals = outcome(m, X, S, C, lower, upper)
        entry = summarise(vals)
        if keep_draws:
            entry["values"] = vals
        result["models"][m] = entry
    if sensitivity:
        ranked = sensitivity if isinstance(sensitivity, tuple) else tuple(models[:1])
        result["sensitivity"] = {m: sobol_ranking(actors, x, s, c, confidence, lower, upper, m,
                                                  spread=spread, seed=seed)
                                 for m in ranked}
    return result


def sobol_ranking(actors, x, s, c, confidence, lower, upper, model: str = "compromise",
                  n_base: int = 256, spread: float = 0.25, seed: int | None = None) -> list[dict]:
    """Inputs ranked by Sobol total-order index ST (SALib), with first-order S1.

    Inputs are the uncertain ones only (confidence < 1); each is normal around its value with
    the Monte Carlo spread, clipped to its valid range as in ``draw_inputs``.
    """
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import sobol as sobol_sample

    x, s, c, conf = (np.asarray(a, dtype=float) for a in (x, s, c, confidence))
    k = _sd(conf, spread)
    names, bounds, slots = [], [], []
    for i, a in enumerate(actors):
        if k[i] <= 0:
            continue
        for kind, mu, sd in (("position", x[i], k[i] * (upper - lower)), ("salience", s[i], k[i]),
                             ("capability", c[i], k[i] * max(c[i], 1e-9))):
            names.append(f"{kind}:{a}")
            bounds.append([mu, sd])
            slots.append((kind, i))
    if not names:
        return []
    problem = {"num_vars": len(names), "names": names, "bounds": bounds, "dists": ["norm"] * len(names)}
    sample = sobol_sample.sample(problem, n_base, calc_second_order=False, seed=seed)
    rows = sample.shape[0]
    X = np.broadcast_to(x, (rows, len(x))).copy()
    S = np.broadcast_to(s, (rows, len(s))).copy()
    C = np.broadcast_to(c, (rows, len(c))).copy()
    for col, (kind, i) in enumerate(slots):
        {"position": X, "salience": S, "capability": C}[kind][:, i] = sample[:, col]
    X = np.clip(X, lower, upper)
    S = np.clip(S, 0.0, 1.0)
    C = np.clip(C, 0.0, None)
    y = outcome(model, X, S, C, lower, upper)
    if not np.isfinite(y).all() or np.ptp(y) == 0:
        return [{"input": nm, "ST": 0.0, "S1": 0.0} for nm in names]
    res = sobol_analyze.analyze(problem, y, calc_second_order=False, print_to_console=False,
                                seed=seed, num_resamples=50)
    ranking = [{"input": nm, "ST": float(st), "S1": float(s1)}
               for nm, st, s1 in zip(names, res["ST"], res["S1"])]
    ranking.sort(key=lambda r: -r["ST"])
    return ranking
