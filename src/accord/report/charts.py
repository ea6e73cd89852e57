"""Vega-Lite chart specs for the report, and their static PNG/SVG export (vl-convert)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

COLORS = {"domain": ["cooperation", "conflict"], "range": ["#2b8a3e", "#c92a2a"]}


def timeline(events: list[dict]) -> dict | None:
    rows = [{"day": e["day"], "type": e["type"], "side": e["side"]} for e in events if e.get("day")]
    if not rows:
        return None
    days = sorted(r["day"] for r in rows)
    # bars a day wide vanish on a corpus spanning years: count by month then
    span = (date.fromisoformat(days[-1][:10]) - date.fromisoformat(days[0][:10])).days
    unit = "yearmonthdate" if span <= 120 else "yearmonth"
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Events by day and PLOVER type", "width": "container", "height": 220,
        "data": {"values": rows},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "x": {"field": "day", "type": "temporal", "timeUnit": unit, "title": "date"},
            "y": {"aggregate": "count", "title": "events"},
            "color": {"field": "side", "type": "nominal", "scale": COLORS, "title": ""},
            "detail": {"field": "type"},
        },
    }


def prospects(index: list[dict]) -> dict | None:
    if not index:
        return None
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Deal prospects: mean polarity of distinct holders per day", "width": "container", "height": 160,
        "data": {"values": index},
        "mark": {"type": "line", "point": True, "tooltip": True},
        "encoding": {
            "x": {"field": "day", "type": "temporal", "title": "date"},
            "y": {"field": "mean_polarity", "type": "quantitative", "scale": {"domain": [-1, 1]},
                  "title": "polarity"},
        },
    }


def forecast_outcomes(rows: list[dict]) -> dict | None:
    """rows: {"issue", "model", "outcome", "low", "high"} (low/high: Monte Carlo interval)."""
    if not rows:
        return None
    base = {"y": {"field": "model", "type": "nominal", "title": None},
            "color": {"field": "model", "type": "nominal", "legend": None}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Forecast outcome per issue (0-100) with Monte Carlo 90% interval",
        "data": {"values": rows},
        "facet": {"row": {"field": "issue", "type": "nominal", "title": None}},
        "spec": {
            "width": 420, "height": {"step": 18},
            "layer": [
                {"mark": "rule", "encoding": {**base, "x": {"field": "low", "type": "quantitative",
                                                             "scale": {"domain": [0, 100]}, "title": "position"},
                                               "x2": {"field": "high"}}},
                {"mark": {"type": "point", "filled": True, "size": 60, "tooltip": True},
                 "encoding": {**base, "x": {"field": "outcome", "type": "quantitative"}}},
            ],
        },
    }


def sensitivity(rows: list[dict]) -> dict | None:
    """rows: {"input", "index"} (global sensitivity of the outcome to each input)."""
    if not rows:
        return None
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Inputs that move the outcome most (sensitivity index)", "width": 420,
        "height": {"step": 16},
        "data": {"values": rows[:20]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {"y": {"field": "input", "type": "nominal", "sort": "-x", "title": None},
                     "x": {"field": "index", "type": "quantitative", "title": "index"}},
    }


def export_figures(specs: dict[str, dict | None], out: Path, formats=("png", "svg")) -> list[Path]:
    """Static files of each chart for people who paste figures into briefs."""
    import vl_convert as vlc

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, spec in specs.items():
        if not spec:
            continue
        spec = dict(spec, width=600) if spec.get("width") == "container" else spec
        if "png" in formats:
            (out / f"{name}.png").write_bytes(vlc.vegalite_to_png(spec, scale=2))
            written.append(out / f"{name}.png")
        if "svg" in formats:
            (out / f"{name}.svg").write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
            written.append(out / f"{name}.svg")
    return written
