"""Forecast models over a scenario (actors x issues): BDM, exchange, compromise, median, Nash.

``forecast(scenario, model="all", rounds=10, draws=0)`` returns one JSON-ready dict:

- one-issue models (``bdm``, ``compromise``, ``median``, ``nash``) on a one-issue scenario:
  ``{"model", "issue", "elapsed_s", "prediction", "rounds": [{"round", "median", "mean",
  "positions": {actor: value}}, ...], "issues": {issue: <the same>}}``; on a scenario with
  several issues they run per issue: ``{"model", "elapsed_s", "issues": {issue: {"prediction",
  "outcome", "rounds": [...]}}}``. BDM rounds also carry ``risk`` (r per actor) and the result
  ``moves`` (each accepted offer); static models have one round 0.
- ``exchange``: ``{"model", "elapsed_s", "issues": {issue: {"prediction", "outcome", "rounds":
  [{"round", "nbs", "positions"}, ...]}}, "exchanges": [{"round", "realized": [...]}]}``.
- ``all``: ``{"model": "all", "elapsed_s", "models": {name: result}}``.
- ``draws > 0`` adds ``"montecarlo"`` per issue (see ``montecarlo.simulate``), a copy of each
  model's summary under ``issues[issue]["montecarlo"]``, and for ``all`` the flattened
  ``"zopa"`` ({issue: P(zone of agreement)}) and ``"sensitivity"`` (inputs by Sobol ST).

``to_table``/``rows`` flatten a result for tables and CSV; ``summary_rows`` gives one row per
model and issue with the Monte Carlo quantiles.

``elapsed_s`` is the model computation time, without reading files or building the scenario.
Positions are on each issue's own scale.
"""
from __future__ import annotations

import time
from pathlib import Path

from . import bdm as _bdm
from . import compromise as _compromise
from . import exchange as _exchange
from . import montecarlo as _mc
from . import nash as _nash
from .scenario import (Cell, Evidence, Scenario, ScenarioActor, ScenarioError, ScenarioIssue,
                       ScenarioWarning, from_store, load_scenario, save_scenario, to_csv, to_yaml)

MODELS = ("bdm", "exchange", "compromise", "median", "nash")

__all__ = ["forecast", "montecarlo", "load_scenario", "save_scenario", "from_store", "to_table", "rows",
           "summary_rows", "to_csv", "to_yaml",
           "Scenario", "ScenarioActor", "ScenarioIssue", "Cell", "Evidence", "ScenarioError",
           "ScenarioWarning", "MODELS", "exchange_input"]


def _as_scenario(scenario: Scenario | str | Path) -> Scenario:
    return scenario if isinstance(scenario, Scenario) else load_scenario(scenario)


def exchange_input(scenario: Scenario) -> _exchange.ExchangeInput:
    cells = {(c.actor, c.issue): (c.position, c.salience, scenario.capability(c)) for c in scenario.cells}
    bounds = {i.id: (i.lower, i.upper) for i in scenario.issues}
    return _exchange.ExchangeInput(scenario.actor_ids, scenario.issue_ids, bounds, cells)


def _static_round(names, x, s, c, prediction: float) -> dict:
    return {"round": 0, "median": float(_compromise.median(x, s, c)),
            "mean": float(_compromise.compromise(x, s, c)),
            "positions": dict(zip(names, map(float, x))), "prediction": prediction}


def _one_issue(model: str, scenario: Scenario, issue: str, rounds: int, q: float) -> dict:
    names, x, s, c = scenario.arrays(issue)
    if not names:
        return {"prediction": None, "rounds": []}
    iss = scenario.issue(issue)
    if model == "bdm":
        res = _bdm.run(names, c, x, s, rounds=rounds, q=q)
        out_rounds = [{"round": r.round, "median": r.median, "mean": r.mean, "positions": r.positions,
                       "risk": r.risk} for r in res.rounds]
        moves = [m.__dict__ for m in res.moves]
        return {"prediction": out_rounds[-1]["median"], "rounds": out_rounds, "moves": moves}
    if model == "compromise":
        p = float(_compromise.compromise(x, s, c))
    elif model == "median":
        p = float(_compromise.median(x, s, c))
    elif model == "nash":
        p = _nash.nash_point(x, s * c, iss.lower, iss.upper)
    else:
        raise ValueError(f"unknown model '{model}' (models: {', '.join(MODELS)}, all)")
    return {"prediction": p, "rounds": [_static_round(names, x, s, c, p)]}


def _run_model(model: str, scenario: Scenario, rounds: int, q: float, randomized, seed, exact) -> dict:
    t = time.perf_counter()
    if model == "exchange":
        out = _exchange.run(exchange_input(scenario), rounds=rounds, randomized=randomized,
                            seed=seed, exact=exact)
        issues = {}
        for i in scenario.issue_ids:
            rs = [{"round": r["round"], "nbs": r["issues"][i]["nbs"], "positions": r["issues"][i]["positions"]}
                  for r in out]
            issues[i] = {"prediction": rs[-1]["nbs"], "outcome": rs[-1]["nbs"], "rounds": rs}
        elapsed = time.perf_counter() - t
        return {"model": model, "elapsed_s": elapsed, "issues": issues,
                "exchanges": [{"round": r["round"], "realized": r.get("realized", [])} for r in out[1:]]}
    per_issue = {i: _one_issue(model, scenario, i, rounds, q) for i in scenario.issue_ids}
    elapsed = time.perf_counter() - t
    for res in per_issue.values():
        res["outcome"] = res["prediction"]
    if len(per_issue) == 1:
        # one issue: its rounds at the top, as the one-issue JSON shape has them; "issues" too,
        # so that code reading several issues reads this one the same way
        (issue, res), = per_issue.items()
        return {"model": model, "issue": issue, "elapsed_s": elapsed, **res, "issues": per_issue}
    return {"model": model, "elapsed_s": elapsed, "issues": per_issue}


def forecast(scenario: Scenario | str | Path, model: str = "all", rounds: int = 10, draws: int = 0,
             seed: int | None = None, q: float = 1.0, randomized: float | None = None,
             exact: bool = True, sensitivity: bool = True, spread: float = 0.25) -> dict:
    """Run one model (or ``"all"``) on a scenario; see the module docstring for the shape.

    ``draws``: Monte Carlo draws over the inputs' uncertainty (compromise, median and Nash are
    simulated; the round-based models are too slow per draw to include by default).
    ``randomized``: the exchange model's randomised exchange rate (0-1), with ``seed``.
    ``exact``: exchange arithmetic in Decimal as decide-exchange-model does (reproduces it).
    """
    sc = _as_scenario(scenario)
    if model == "all":
        t = time.perf_counter()
        models = {m: forecast(sc, m, rounds, 0, seed, q, randomized, exact) for m in MODELS}
        out = {"model": "all", "elapsed_s": 0.0, "models": models}
        if draws:
            mc = montecarlo(sc, draws, seed=seed, sensitivity=sensitivity, spread=spread)
            out["montecarlo"] = mc
            _attach_montecarlo(out, mc)
        out["elapsed_s"] = time.perf_counter() - t
        return out
    if model not in MODELS:
        raise ValueError(f"unknown model '{model}' (models: {', '.join(MODELS)}, all)")
    out = _run_model(model, sc, rounds, q, randomized, seed, exact)
    if draws:
        mc_models = (model,) if model in ("compromise", "median", "nash") else _mc.FAST_MODELS
        mc = montecarlo(sc, draws, models=mc_models, seed=seed, sensitivity=sensitivity, spread=spread)
        out["montecarlo"] = mc
        for issue, per in out.get("issues", {}).items():
            m = mc.get(issue, {}).get("models", {}).get(model)
            if m:
                per["montecarlo"] = m
    return out


def _attach_montecarlo(out: dict, mc: dict) -> None:
    """Copy Monte Carlo summaries next to each model's issue result, and flatten the
    zone-of-agreement probabilities and the sensitivity ranking (compromise model) to the top."""
    for name, res in out.get("models", {}).items():
        for issue, per in res.get("issues", {}).items():
            m = mc.get(issue, {}).get("models", {}).get(name)
            if m:
                per["montecarlo"] = m
    out["zopa"] = {issue: r["p_zone_of_agreement"] for issue, r in mc.items()}
    ranking = []
    for issue, r in mc.items():
        for item in (r.get("sensitivity") or {}).get("compromise", []):
            ranking.append({"issue": issue, "input": f"{issue}/{item['input']}", "index": item["ST"],
                            "S1": item["S1"]})
    ranking.sort(key=lambda x: -x["index"])
    out["sensitivity"] = ranking


def montecarlo(scenario: Scenario | str | Path, draws: int = 10_000, models=("compromise", "median", "nash"),
               seed: int | None = None, sensitivity: bool = True, spread: float = 0.25) -> dict:
    """Per issue: Monte Carlo outcome distributions, P(zone of agreement), Sobol ranking."""
    sc = _as_scenario(scenario)
    out = {}
    for i in sc.issue_ids:
        names, x, s, c = sc.arrays(i)
        if not names:
            continue
        conf = [sc.cell(a, i).confidence for a in names]
        iss = sc.issue(i)
        out[i] = _mc.simulate(names, x, s, c, conf, iss.lower, iss.upper, draws=draws, models=models,
                              seed=seed, sensitivity=sensitivity, spread=spread)
    return out


def to_table(result: dict) -> list[dict]:
    """Flat rows of a forecast result for tables and CSV: model, issue, round, actor, value.

    Aggregates are rows with actor ``__median__``, ``__mean__`` (one-issue models) or
    ``__nbs__`` (exchange); the prediction is a row with round ``final`` and actor ``__prediction__``.
    """
    if result.get("model") == "all":
        table = []
        for r in result["models"].values():
            table.extend(to_table(r))
        return table
    model = result["model"]
    per_issue = result["issues"] if "issues" in result else {result["issue"]: result}
    table = []
    for issue, res in per_issue.items():
        for r in res.get("rounds", []):
            for key in ("median", "mean", "nbs"):
                if key in r:
                    table.append({"model": model, "issue": issue, "round": r["round"],
                                  "actor": f"__{key}__", "value": r[key]})
            for actor, v in r["positions"].items():
                table.append({"model": model, "issue": issue, "round": r["round"], "actor": actor, "value": v})
        table.append({"model": model, "issue": issue, "round": "final", "actor": "__prediction__",
                      "value": res.get("prediction")})
    return table


def rows(result: dict, last_round_only: bool = False) -> list[tuple]:
    """(model, issue, round, actor, position) tuples of a forecast, for CSV and tables."""
    out = []
    for r in to_table(result):
        if last_round_only and r["round"] != "final":
            continue
        out.append((r["model"], r["issue"], r["round"], r["actor"], r["value"]))
    if last_round_only:
        # the final positions of every actor, then the prediction
        out = []
        for res_model, per_issue in _per_issue(result):
            for issue, res in per_issue.items():
                rs = res.get("rounds") or []
                if rs:
                    last = rs[-1]
                    for actor, v in last["positions"].items():
                        out.append((res_model, issue, last["round"], actor, v))
                out.append((res_model, issue, "final", "__prediction__", res.get("prediction")))
    return out


def _per_issue(result: dict):
    if result.get("model") == "all":
        for r in result["models"].values():
            yield from _per_issue(r)
        return
    yield result["model"], (result["issues"] if "issues" in result else {result["issue"]: result})


def summary_rows(result: dict) -> list[dict]:
    """One row per model and issue: the prediction, with Monte Carlo quantiles when present."""
    if result.get("model") == "all":
        found = []
        for name, r in result["models"].items():
            found.extend(summary_rows(r))
        mc = result.get("montecarlo", {})
        for row in found:
            m = mc.get(row["issue"], {}).get("models", {}).get(row["model"])
            if m:
                row.update({"p05": m["p05"], "p50": m["p50"], "p95": m["p95"],
                            "p_zone": mc[row["issue"]]["p_zone_of_agreement"]})
        return found
    model = result["model"]
    per_issue = result["issues"] if "issues" in result else {result["issue"]: result}
    found = []
    for issue, res in per_issue.items():
        row = {"model": model, "issue": issue, "prediction": res.get("prediction")}
        m = result.get("montecarlo", {}).get(issue, {})
        if m.get("models", {}).get(model):
            mm = m["models"][model]
            row.update({"p05": mm["p05"], "p50": mm["p50"], "p95": mm["p95"], "p_zone": m["p_zone_of_agreement"]})
        found.append(row)
    return found
