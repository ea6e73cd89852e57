"""Quotes: Accord vs textacy's direct_quotations, on the demo corpus and the seed.

    .venv/bin/python bench/quotes.py [--repeats 5]

Prints, for each corpus, the median time of each extractor over repeats, the spaCy parse time,
quote extraction time as a share of parse time (goal <= 20 %), and on the seed gold: quotes found
P/R/F1 and speaker F1 for each extractor (scored as ../shared/eval/README.md describes; the
lead's ``accord eval`` is the reference scorer).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "eval" / "seed"
DEMO = ROOT / "data" / "demo"


# ---------------------------------------------------------------------------------------------
# Scoring (same rules as the eval README: overlap with the anchor, one-to-one matching)


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").replace("'s", "").split())


def _country_names(code: str) -> set[str]:
    try:
        import pycountry
        c = pycountry.countries.get(alpha_3=code.upper())
    except Exception:  # noqa: BLE001 - pycountry absent or odd code: no extra names
        c = None
    if c is None:
        return set()
    names = {c.name, getattr(c, "common_name", c.name), c.alpha_2, c.alpha_3}
    if c.alpha_3 == "USA":
        names |= {"United States", "US", "U.S.", "America", "Washington"}
    return {_norm(n) for n in names}


def names_of(speaker: dict | None, actors: dict) -> set[str]:
    if not speaker:
        return set()
    names = {_norm(speaker.get("text") or "")}
    aid = speaker.get("actor_id")
    if aid:
        names.add(_norm(aid.replace("-", " ")))
        actor = actors.get(aid)
        if actor is not None:
            names.add(_norm(actor.get("name", "")))
            names |= {_norm(a) for a in actor.get("aliases", ())}
        names |= _country_names(aid)
    return {n for n in names if n}


def speaker_matches(gold: str | None, speaker: dict | None, actors: dict) -> bool:
    if not gold:
        return speaker is None
    g = _norm(gold)
    surname = g.split()[-1]
    for n in names_of(speaker, actors):
        if n in ("he", "she", "they", "it", "we", "i"):
            continue
        words = n.split()
        if g == n or g in n or n in g and len(n) > 2 or surname in words:
            return True
    return False


def score(text: str, gold_quotes: list[dict], predicted: list[dict], actors: dict) -> dict:
    """predicted: export-shaped quote dicts (start, end, speaker dict)."""
    anchors = []
    for g in gold_quotes:
        a = text.find(g["text_start"])
        anchors.append((a, a + len(g["text_start"])))
    # one-to-one: greedy over gold in order, first free overlapping prediction, speaker match preferred
    free = list(range(len(predicted)))
    found = right = same_type = same_outlet = 0
    for g, (a, b) in zip(gold_quotes, anchors):
        hits = [i for i in free if predicted[i]["start"] < b and a < predicted[i]["end"]]
        if not hits:
            continue
        good = [i for i in hits if speaker_matches(g.get("speaker"), predicted[i].get("speaker"), actors)]
        pick = (good or hits)[0]
        free.remove(pick)
        found += 1
        right += bool(good)
        same_type += predicted[pick].get("type") == g.get("type")
        same_outlet += _norm(predicted[pick].get("outlet") or "") == _norm(g.get("outlet") or "")
    p = found / len(predicted) if predicted else 0.0
    r = found / len(gold_quotes) if gold_quotes else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    ps = right / len(predicted) if predicted else 0.0
    rs = right / len(gold_quotes) if gold_quotes else 0.0
    fs = 2 * ps * rs / (ps + rs) if ps + rs else 0.0
    return {"gold": len(gold_quotes), "predicted": len(predicted), "found": found, "precision": p,
            "recall": r, "f1": f1, "speaker_f1": fs,
            "type_accuracy": same_type / found if found else 0.0,
            "outlet_accuracy": same_outlet / found if found else 0.0}


# ---------------------------------------------------------------------------------------------
# Extractors under test


def actors_of(doc, article_id: str = "bench"):
    from accord.extract.actors import extract_actors

    return extract_actors(doc, article_id)


def accord_quotes(doc, actors):
    from accord.extract.quotes import extract_quotes
    from accord.records import to_dict

    quotes = [to_dict(q) for q in extract_quotes(doc, actors)]
    return quotes, {aid: to_dict(a) for aid, a in actors.actors.items()}


def textacy_quotes(doc):
    from textacy.extract.triples import direct_quotations

    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:   # textacy bails out on an odd number of quotation marks
        triples = []
    for sp, cue, content in triples:
        out.append({"start": content.start_char, "end": content.end_char, "type": "direct",
                    "speaker": {"text": " ".join(t.text for t in sp), "actor_id": None},
                    "cue": " ".join(t.text for t in cue)})
    return out


def _median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _load_demo() -> list[str]:
    if not DEMO.exists():
        return []
    try:   # every input kind through Accord's own ingest, when it is there
        from accord import ingest

        errors: list[str] = []
        articles = list(ingest.iter_articles([str(DEMO)], on_error=errors.append, stats=ingest.IngestStats()))
        texts = [a.text for a in articles if ingest_is_english(a)]
        if texts:
            return texts
    except Exception as exc:  # noqa: BLE001 - ingest still in the works: fall back to txt/jsonl
        print(f"demo corpus: ingest unavailable ({exc.__class__.__name__}); reading .txt and .jsonl only")
    texts = []
    for path in sorted(DEMO.rglob("*")):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if line.strip():
                    texts.append(json.loads(line).get("text", ""))
    return [t for t in texts if t.strip()]


def ingest_is_english(article) -> bool:
    return article.language in (None, "en")


def bench_corpus(name: str, nlp, texts: list[str], repeats: int) -> dict:
    parse = _median_time(lambda: list(nlp.pipe(texts)), max(1, repeats // 2))
    docs = list(nlp.pipe(texts))
    # the actor layer runs before quotes in the pipeline and is not part of this stage's cost
    actors = [actors_of(d) for d in docs]
    t_accord = _median_time(lambda: [accord_quotes(d, a) for d, a in zip(docs, actors)], repeats)
    t_textacy = _median_time(lambda: [textacy_quotes(d) for d in docs], repeats)
    n_accord = sum(len(accord_quotes(d, a)[0]) for d, a in zip(docs, actors))
    n_textacy = sum(len(textacy_quotes(d)) for d in docs)
    print(f"\n{name}: {len(texts)} articles, {sum(len(t) for t in texts):,} chars")
    print(f"  spaCy parse          {parse * 1000:9.1f} ms")
    print(f"  Accord quotes        {t_accord * 1000:9.1f} ms  ({n_accord} quotes, "
          f"{100 * t_accord / parse:.1f} % of parse time; goal <= 20 %)")
    print(f"  textacy direct quot. {t_textacy * 1000:9.1f} ms  ({n_textacy} quotes)")
    return {"docs": docs, "actors": actors, "parse": parse, "accord": t_accord, "textacy": t_textacy}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from accord import nlp as nlp_mod

    nlp = nlp_mod.load()
    demo = _load_demo()
    if demo:
        bench_corpus("demo corpus (data/demo)", nlp, demo, args.repeats)
    else:
        print("demo corpus: data/demo has no articles yet, skipped")
    if not (SEED / "seed.txt").exists():
        print("seed: ../shared/eval/seed not found, skipped")
        return 0
    text = (SEED / "seed.txt").read_text(encoding="utf-8")
    gold = json.loads((SEED / "seed.gold.json").read_text(encoding="utf-8"))["quotes"]
    res = bench_corpus("seed", nlp, [text], args.repeats)
    doc = res["docs"][0]
    accord, actors = accord_quotes(doc, res["actors"][0])
    for label, pred, acts in (("Accord", accord, actors), ("textacy", textacy_quotes(doc), {})):
        s = score(text, gold, pred, acts)
        print(f"  {label:8} found P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f}   "
              f"speaker F1 {s['speaker_f1']:.2f}   type acc {s['type_accuracy']:.2f}   "
              f"outlet acc {s['outlet_accuracy']:.2f}   ({s['found']}/{s['gold']} gold, {s['predicted']} predicted)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
