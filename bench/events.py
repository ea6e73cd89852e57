"""Event coding speed: sentences per second and the cost added over the spaCy parse.

Reads the public event sets under ../shared/eval/events (sentence-level news) at run time.
Usage: .venv/bin/python bench/events.py [--repeat N]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from accord import nlp as nlp_mod
from accord.extract.actors import extract_actors
from accord.extract.events import extract_events
from accord.records import Article, record_id

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "events"
SETS = ("plover_gsr/plover_gsr_cameo_v0.5b1.jsonl", "petrarch_validation/petr2_gsr_validation.jsonl")


def sentences() -> list[str]:
    out = []
    for name in SETS:
        for line in open(SHARED / name, encoding="utf-8"):
            text = json.loads(line).get("text", "").strip()
            if text:
                out.append(text)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    texts = sentences() * args.repeat
    nlp = nlp_mod.load()
    list(nlp.pipe(texts[:50]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = [extract_actors(d, record_id(d.text)) for d in docs]
    actors = time.perf_counter() - t0
    t0 = time.perf_counter()
    n_events = 0
    for d, a in zip(docs, found):
        art = Article(article_id=a.article_id, text=d.text, source="bench")
        n_events += sum(1 for _ in extract_events(d, a, art, ()))
    events = time.perf_counter() - t0
    n = sum(len(list(d.sents)) for d in docs)
    print(json.dumps({
        "texts": len(texts), "sentences": n, "events": n_events,
        "parse_s": round(parse, 3), "actors_s": round(actors, 3), "events_s": round(events, 3),
        "parse_sentences_per_s": round(n / parse, 1),
        "events_sentences_per_s": round(n / events, 1),
        "events_cost_over_parse_pct": round(100 * events / parse, 1),
        "actors_plus_events_cost_over_parse_pct": round(100 * (actors + events) / parse, 1),
    }, indent=1))


if __name__ == "__main__":
    main()
