"""What the report and the web UI show, gathered from the store in one place.

Everything here is plain data (dicts and lists of export records plus a few aggregates); the
HTML is rendered in the browser from it with DOM text nodes, never by pasting strings.
"""
from __future__ import annotations

import logging
import re
from collections import Counter

from accord.store import Store

log = logging.getLogger("accord")

# PLOVER types on the cooperation side of the scale; the others are conflict (PLOVER manual's
# quad classes: verbal/material cooperation vs verbal/material conflict).
COOPERATION = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"}


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def event_day(event: dict, published: str | None) -> str | None:
    """The day an event is placed on the timeline: its own date (a range's end), else the article's."""
    date = event.get("date")
    if isinstance(date, dict):
        date = date.get("end") or date.get("start")
    for day in (date, published):
        if isinstance(day, str) and _ISO_DAY.match(day):
            return day
    return None


def collect(store: Store, dossier=None, forecast: dict | None = None, article_limit: int | None = None) -> dict:
    articles = store.records("articles", order="published NULLS LAST, article_id", limit=article_limit)
    keep = {a["article_id"] for a in articles}
    published = {a["article_id"]: a["published"] for a in articles}

    def rows(table: str) -> list[dict]:
        return [r for r in store.iter_records(table) if article_limit is None or r.get("article_id") in keep]

    actors = store.records("actors")
    quotes, events, positions = rows("quotes"), rows("events"), rows("positions")
    assessments = rows("assessments")
    contradictions = [c for c in store.iter_records("contradictions")
                      if article_limit is None or c["a_article_id"] in keep or c["b_article_id"] in keep]
    names = {a["actor_id"]: a["name"] for a in actors}

    for e in events:
        e["day"] = event_day(e, published.get(e["article_id"]))
        e["side"] = "cooperation" if e["type"] in COOPERATION else "conflict"

    dates = sorted(d for d in published.values() if d)
    quotes = [_slim(q, QUOTE_FIELDS) for q in quotes]
    events = [_slim(e, EVENT_FIELDS) for e in events]
    positions = [_slim(p, POSITION_FIELDS) for p in positions]
    assessments = [_slim(a, ASSESSMENT_FIELDS) for a in assessments]
    return {
        "overview": {
            "counts": store.counts(),
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
            "outlets": Counter(a["outlet"] for a in articles if a["outlet"]).most_common(),
            "languages": Counter(a["language"] or "?" for a in articles).most_common(),
            "distinct_reports": sum(1 for a in articles if not a.get("duplicate_of")),
        },
        "articles": articles,
        "names": names,
        "quotes": quotes,
        "events": events,
        "issues": store.records("issues"),
        "positions": positions,
        "contradictions": contradictions,
        "assessments": assessments,
        "network": network(events, names),
        "prospects": prospects_by_day(assessments, articles, dossier),
        "forecast": forecast,
    }


# What the page shows of each record; the rest (ids, offsets of parts, texts the article holds)
# stays in the store and the API, which keeps a report of 1,000 articles under 10 MB.
QUOTE_FIELDS = ("article_id", "start", "end", "type", "speaker", "cue", "outlet")
EVENT_FIELDS = ("article_id", "start", "end", "type", "cameo", "source", "targets", "negated", "modality",
                "day", "side")
POSITION_FIELDS = ("article_id", "start", "end", "actor_id", "issue_id", "stance", "value", "salience",
                   "reported_by")
ASSESSMENT_FIELDS = ("article_id", "start", "end", "holder", "polarity", "cue", "negated", "reported_by")


def _slim(rec: dict, fields: tuple[str, ...]) -> dict:
    out = {}
    for f in fields:
        v = rec.get(f)
        if isinstance(v, dict) and "actor_id" in v:
            v = {"actor_id": v["actor_id"], "text": v["text"]}
        elif isinstance(v, dict) and "text" in v:
            v = {"text": v["text"]}
        elif isinstance(v, list):
            v = [{"actor_id": t["actor_id"], "text": t["text"]} if isinstance(t, dict) else t for t in v]
        out[f] = v
    return out


def network(events: list[dict], names: dict[str, str]) -> dict:
    """Who acts on whom: edge weight = events, colour = share of cooperation."""
    weight: Counter = Counter()
    coop: Counter = Counter()
    for e in events:
        src = (e.get("source") or {}).get("actor_id")
        for t in e.get("targets") or []:
            tgt = t.get("actor_id")
            if src and tgt and src != tgt:
                weight[(src, tgt)] += 1
                coop[(src, tgt)] += e["type"] in COOPERATION
    nodes = sorted({n for pair in weight for n in pair})
    degree = Counter()
    for (s, t), w in weight.items():
        degree[s] += w
        degree[t] += w
    return {
        "nodes": [{"id": n, "name": names.get(n, n), "degree": degree[n]} for n in nodes],
        "edges": [{"source": s, "target": t, "weight": w, "cooperation": coop[(s, t)] / w}
                  for (s, t), w in sorted(weight.items())],
    }


def prospects_by_day(assessments: list[dict], articles: list[dict], dossier=None) -> list[dict]:
    """The prospects index (mean polarity of distinct holders per day), for the timeline."""
    from accord.extract.prospects import prospects_index
    return [dict(row, day=row["date"], mean_polarity=row["polarity"])
            for row in prospects_index(assessments, articles, dossier) if row["date"]]
