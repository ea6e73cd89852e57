"""Ingest throughput: the pipeline (actors only, and all stages) against raw ``nlp.pipe``.

    .venv/bin/python bench/ingest.py [--n 500] [--repeats 3] [--corpus demo|synth] [--analyze]

The corpus is ``data/demo`` repeated to ``--n`` articles, each copy with its numbers redrawn
so no two texts are equal (or ``bench/synth.py`` output with ``--corpus synth``). Every repeat
times, on the same texts and the same loaded model: raw ``nlp.pipe`` (parse only), then
``pipeline.extract_batch`` with the actors stage only, then with every stage. Repeats are
interleaved so a slow spell on the machine hits all three alike; medians are printed.
``--analyze`` also times ``pipeline.analyze`` (ingest + parse + actors + DuckDB store, what
``accord analyze`` runs) on a JSONL of the same texts into a fresh store.

Goal (issue 3): actors-only pipeline >= 0.85 of raw ``nlp.pipe`` articles/s.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
GOAL = 0.85


def demo_corpus(n: int, seed: int = 0) -> list:
    """``n`` articles from data/demo, copies varied by redrawing every number in the text."""
    from accord import ingest
    base = [a for a in ingest.iter_articles([str(DEMO)]) if a.language in (None, "en")]
    rng = random.Random(seed)
    out, seen = [], set()
    copy = 0
    while len(out) < n:
        for a in base:
            if len(out) >= n:
                break
            text = a.text if copy == 0 else re.sub(
                r"\d+", lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), a.text)
            aid = ingest.article_id(text)
            if aid in seen:     # an article with no number cannot be varied; keep one copy
                continue
            seen.add(aid)
            out.append(replace(a, text=text, article_id=aid))
        copy += 1
        if copy > 50 * n:
            break
    return out


def synth_corpus(n: int, seed: int = 0) -> list:
    from accord import ingest
    sys.path.insert(0, str(ROOT / "bench"))
    import synth
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synth.jsonl"
        synth.write_corpus(n, path, seed)
        return list(ingest.iter_articles([str(path)]))


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="articles (default 500)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--corpus", choices=("demo", "synth"), default="demo")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None)
    parser.add_argument("--analyze", action="store_true", help="also time pipeline.analyze into a DuckDB store")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)

    from accord import nlp as nlp_mod
    from accord import pipeline

    articles = demo_corpus(args.n) if args.corpus == "demo" else synth_corpus(args.n)
    texts = [a.text for a in articles]
    nlp = nlp_mod.load(args.model)
    list(nlp.pipe(texts[:16]))      # warm-up: first calls allocate and fill caches
    pipeline.extract_batch(nlp, articles[:16])

    runs = {
        "raw nlp.pipe": lambda: sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size)),
        "pipeline actors": lambda: pipeline.extract_batch(nlp, articles, stages=("actors",),
                                                          batch_size=args.batch_size),
        "pipeline all stages": lambda: pipeline.extract_batch(nlp, articles, batch_size=args.batch_size),
    }
    if args.analyze:
        tmp = tempfile.TemporaryDirectory()
        corpus = Path(tmp.name) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({"id": a.id or a.article_id, "text": a.text, "title": a.title,
                                    "outlet": a.outlet, "published": a.published}) + "\n")
        counter = iter(range(10 ** 6))

        def analyze() -> None:
            store = Path(tmp.name) / f"s{next(counter)}.duckdb"
            pipeline.analyze([corpus], store=str(store), model=args.model, batch_size=args.batch_size,
                             stages=("actors",))
        runs["accord analyze (actors, store)"] = analyze

    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, fn in runs.items():
            seconds[name].append(timed(fn))

    n = len(articles)
    rate = {name: n / statistics.median(s) for name, s in seconds.items()}
    raw = rate["raw nlp.pipe"]
    print(f"corpus: {args.corpus}, {n} articles, {sum(map(len, texts)) / n:.0f} chars on average; "
          f"model {nlp.meta.get('name')}; median of {args.repeats} repeats")
    for name, r in rate.items():
        spread = ", ".join(f"{n / s:.1f}" for s in seconds[name])
        ratio = "" if name == "raw nlp.pipe" else f"   ratio {r / raw:.2f}"
        print(f"  {name:32s} {r:7.1f} articles/s  (runs: {spread}){ratio}")
    actors_ratio = rate["pipeline actors"] / raw
    print(f"actors-only / raw nlp.pipe = {actors_ratio:.2f} (goal >= {GOAL}): "
          f"{'met' if actors_ratio >= GOAL else 'NOT met'}")
    print(f"all stages  / raw nlp.pipe = {rate['pipeline all stages'] / raw:.2f}")
    if args.json:
        print(json.dumps({"articles": n, "rates": rate, "actors_ratio": actors_ratio,
                          "all_stages_ratio": rate["pipeline all stages"] / raw}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
