"""The self-contained HTML report: one file, all scripts, styles and data inline, works offline.

Untrusted article text reaches the page only as JSON inside a ``<script type="application/json">``
element (with ``<``, ``>``, ``&`` and line separators escaped, so no ``</script>`` in a quote can
end it), and is put into the page with ``textContent`` — never ``innerHTML``.
"""
from __future__ import annotations

import functools
import json
import logging
from pathlib import Path

import jinja2

from accord.report import charts
from accord.report.data import collect
from accord.store import Store

log = logging.getLogger("accord")
TEMPLATES = Path(__file__).parent / "templates"


def safe_json(data: object) -> str:
    """JSON that can sit inside a <script> element whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


@functools.lru_cache(maxsize=1)
def vega_bundle() -> str:
    import vl_convert as vlc
    # the bundle is library code, but a literal "</script" inside it would still end the element
    return vlc.javascript_bundle().replace("</script", "<\\/script")


def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined)


def run_forecast(store: Store, dossier=None, draws: int = 2000) -> dict | None:
    """Forecast rows for the report: one scenario per negotiation (dossier) in the store, each
    from the positions of that negotiation's articles; None when there is nothing to model."""
    from accord import dossiers as dossiers_mod
    from accord.model import forecast, scenario

    if dossier is not None:
        chosen = [dossier] if not isinstance(dossier, (list, tuple)) else list(dossier)
    else:
        names = [r[0] for r in store.con.execute(
            "SELECT DISTINCT negotiation FROM articles WHERE negotiation IS NOT NULL ORDER BY 1").fetchall()]
        chosen = [dossiers_mod.load(n) for n in names if n in dossiers_mod.list_dossiers()]
    merged: dict = {"outcomes": [], "sensitivity": [], "zopa": {}, "blocking": [], "raw": {}}
    errors = []
    for d in chosen:
        try:
            scen = scenario.from_store(store, d)
            part = forecast_summary(forecast(scen, model="all", draws=draws), scen)
        except Exception as exc:  # one negotiation without positions must not hide the others
            errors.append(f"{d.name}: {exc}")
            continue
        for row in part["outcomes"]:
            merged["outcomes"].append(dict(row, issue=f"{d.name}: {row['issue']}"))
        merged["sensitivity"] += [dict(r, input=f"{d.name}: {r['input']}") for r in part["sensitivity"]]
        merged["zopa"][d.name] = part["zopa"]
        merged["blocking"] += [f"{d.name}: {b}" for b in part["blocking"]]
        merged["raw"][d.name] = part["raw"]
    merged["sensitivity"].sort(key=lambda r: -r["index"])
    if not merged["outcomes"]:
        return {"error": "; ".join(errors) or "no negotiation with positions to model"}
    if errors:
        merged["notes"] = errors
    return merged


def forecast_summary(result: dict, scen=None) -> dict:
    """Flatten the models' output into outcome rows and sensitivity rows for the charts."""
    rows, sens = [], []
    for model, out in (result.get("models") or {}).items():
        for issue, per in (out.get("issues") or {}).items():
            outcome = per.get("outcome")
            if outcome is None and per.get("rounds"):
                last = per["rounds"][-1]
                outcome = last.get("nbs", last.get("median", last.get("mean")))
            mc = per.get("montecarlo") or {}
            if outcome is not None:
                rows.append({"issue": issue, "model": model, "outcome": float(outcome),
                             "low": float(mc.get("p05", outcome)), "high": float(mc.get("p95", outcome))})
    for item in result.get("sensitivity") or []:
        sens.append({"input": str(item.get("input")), "index": float(item.get("index", 0.0))})
    zopa = result.get("zopa") or {}
    return {"outcomes": rows, "sensitivity": sens, "zopa": zopa, "blocking": blocking_issues(zopa), "raw": result}


def blocking_issues(zopa: dict, threshold: float = 0.5) -> list[str]:
    """Issues where a zone of agreement is less likely than not, the least likely first."""
    return [f"{issue} (P(zone of agreement) = {p:.2f})" for issue, p in sorted(zopa.items(), key=lambda kv: kv[1])
            if p is not None and p < threshold]


def build(store: Store, dossier=None, forecast: dict | None = None, title: str = "Accord report",
          api: bool = False, article_limit: int | None = None) -> tuple[str, dict]:
    """The report page and the chart specs it holds."""
    data = collect(store, dossier, forecast, article_limit=article_limit)
    fc = data["forecast"] or {}
    specs = {
        "timeline": charts.timeline(data["events"]),
        "prospects": charts.prospects(data["prospects"]),
        "forecast": charts.forecast_outcomes(fc.get("outcomes") or []),
        "sensitivity": charts.sensitivity(fc.get("sensitivity") or []),
    }
    data["charts"] = specs
    page = _env().get_template("report.html.j2").render(
        title=title, data_json=safe_json(data), vega=vega_bundle(), api=api,
        script=(TEMPLATES / "report.js").read_text(encoding="utf-8"),
        style=(TEMPLATES / "report.css").read_text(encoding="utf-8"))
    return page, specs


def write_report(store: Store, out: Path, dossier=None, with_forecast: bool = True,
                 figures: Path | None = None) -> Path:
    forecast = run_forecast(store, dossier) if with_forecast else None
    page, specs = build(store, dossier, forecast)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    if figures is not None:
        charts.export_figures(specs, figures)
    return out
