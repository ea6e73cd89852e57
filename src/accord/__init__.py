"""Accord: evidence-linked models and forecasts of political negotiations from news.

    import accord
    summary = accord.analyze(["data/demo"], store="accord.duckdb")
    store = accord.Store("accord.duckdb")
    result = accord.forecast(scenario, model="all")
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["analyze", "Store", "forecast", "__version__"]


def analyze(paths, store="accord.duckdb", **options):
    """Analyse files, directories or '-' (stdin) into a store; see pipeline.analyze."""
    from accord.pipeline import analyze as _analyze
    return _analyze(paths, store=store, **options)


def forecast(scenario, model: str = "all", **options):
    """Run negotiation models on a scenario (actors x issues); see accord.model."""
    from accord.model import forecast as _forecast
    return _forecast(scenario, model=model, **options)


def __getattr__(name):
    if name == "Store":
        from accord.store import Store
        return Store
    raise AttributeError(name)
