"""Sentence-level scoring on the public event-coding sets (``../shared/eval/events/``).

- PETRARCH validation (``petr2_gsr_validation.jsonl``): precision, recall and F1 on
  (source country, target country, PLOVER type) triples. Gold countries are the first three
  letters of the CAMEO actor codes ("---" = unknown); gold types come from the CAMEO root
  (02 appeals -> REQUEST; 01 public statements have no PLOVER type and are left out).
- PLOVER gold-standard records (``plover_gsr_cameo_v0.5b1.jsonl``): type recall (a gold
  record is found when the sentence has a predicted event of its type) and type precision;
  the 0.5b1 names are mapped to v2 as the set's README says.

Countries are the first three letters of a CAMEO actor code: intergovernmental organisations
are "IGO" and non-state actors take the home CAMEO gives them (``cameo_home`` in the lexicon).
One event gives one triple per target phrase (coordinated targets are separate events, as
PETRARCH codes compound actors; see ``target_countries``); several events of a sentence are
matched one-to-one (multiset intersection). CAMEO 01 has no PLOVER type and is
left out; Accord never predicts it, so both sides are consistent.

PETRARCH codes only dyadic events (its documented default ``require_dyad = True``): an event with
no source argument or no target argument at all is not coded. The triple scoring follows it;
Accord's own output keeps monadic events ("protesters rallied"), and the PLOVER set, which codes
monadic records, is scored on them (``coded_as_dyad`` applies to ``score_petrarch`` only).

Accord keeps the act and its modality apart ("will provide aid" is AID, future); CAMEO and
PLOVER code intentions as AGREE and refusals as REJECT, and do not code conjectures ("could
strike"). ``cameo_convention`` converts before comparing.
"""
from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

from accord.kb.loader import read_yaml
from accord.extract.event_arguments import ref_country
from accord.extract.event_lexicon import LEXICON_PATH
from accord.kb.plover import cameo_root_to_plover
from accord.records import Article, Event, record_id

GSR_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
             "SACTION": "SANCTION"}
COOPERATIVE_ACTS = {"SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "CONSULT", "AGREE"}
INTENT_AS_AGREE = {"SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}


def cameo_convention(event: Event) -> str | None:
    """The event's type as CAMEO/PLOVER coders would write it, or None if they would not code it."""
    if event.modality == "hypothetical" and not event.negated:
        return None              # "could strike", "might want": CAMEO codes acts and intentions, not conjectures
    if event.negated:
        if event.type in COOPERATIVE_ACTS and event.modality in ("actual", "future", "conditional"):
            return "REJECT"      # "will not provide support": decline (CAMEO 12)
        return None
    if event.type in INTENT_AS_AGREE and event.modality in ("future", "conditional"):
        return "AGREE"           # "will provide aid": express intent (CAMEO 03)
    return event.type


def coded_as_dyad(event: Event) -> bool:
    """PETRARCH's ``require_dyad``: both a source and at least one target were found (an
    argument whose country is unknown still counts: it is there, only not coded to a state)."""
    return event.source is not None and bool(event.targets)


def _date(raw: str | None) -> str | None:
    if raw and len(raw) == 8 and raw.isdigit():
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


def _read(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows[:limit] if limit else rows


def _group(rows: list[dict]) -> dict[str, list[dict]]:
    """Records by sentence text: a repeated sentence is one article with all its gold events."""
    out: dict[str, list[dict]] = {}
    for r in rows:
        text = (r.get("text") or "").strip()
        if text:
            out.setdefault(text, []).append(r)
    return out


def _extract(texts: list[str], dates: list[str | None], nlp,
             warnings: list[str] | None = None) -> list[tuple[list[Event], dict]]:
    """Events and actors of each text; a stage that failed on one is told in ``warnings``
    (its score would otherwise fall with no word why)."""
    from accord import pipeline

    out = []
    for text, date, doc in zip(texts, dates, nlp.pipe(texts, batch_size=64)):
        article = Article(article_id=record_id(text), text=text, source=f"eval: {text[:60]!r}", published=date)
        ex = pipeline.extract(doc, article, stages=("actors", "quotes", "events"))
        if warnings is not None:
            warnings.extend(ex.warnings)
        out.append((ex.events, ({a.actor_id: a for a in ex.actors}, ex.mentions)))
    return out


@functools.lru_cache(maxsize=1)
def _cameo_homes() -> dict[str, str]:
    """Actor id -> the three letters CAMEO files it under, for actors that are not states."""
    homes = dict(read_yaml(LEXICON_PATH).get("cameo_home") or {})
    igos = read_yaml(Path(LEXICON_PATH).parent / "igos.yaml").get("actors") or []
    from accord.kb.loader import slug
    for item in igos:
        homes.setdefault(item.get("id") or slug(item["name"]), "IGO")
    return homes


def cameo_country(ref, table: dict, mentions=()) -> str | None:
    """First three letters of the CAMEO code of an argument: its state, else the home CAMEO
    gives a non-state actor ("hamas" -> PSE, "un" -> IGO), followed up the affiliation chain."""
    if ref is None:
        return None
    got = ref_country(ref, table, mentions)
    if got:
        return got
    homes = _cameo_homes()
    ids = [ref.actor_id] + [m.actor_id for m in mentions
                            if ref.start <= m.start and m.end <= ref.end and m.actor_id != ref.actor_id]
    for aid in ids:
        seen = set()
        while aid and aid not in seen:
            seen.add(aid)
            if aid in homes:
                return homes[aid]
            actor = table.get(aid)
            aid = actor.affiliation if actor is not None else None
    return None


def target_countries(event: Event, table: dict, mentions=()) -> list[str | None]:
    """One country per target phrase: coordinated targets ("Four children and a man were killed")
    are separate events, as PETRARCH codes a compound actor; refs of one phrase (a person and the
    state a title gives him) and a phrase inside another ("the Brotherhood" in "leaders of Egypt's
    Brotherhood") are one target."""
    by_span: dict[tuple[int, int], list] = {}
    for t in event.targets:
        by_span.setdefault((t.start, t.end), []).append(t)
    outer = [k for k in by_span if not any(o != k and o[0] <= k[0] and k[1] <= o[1] for o in by_span)]
    return [next((c for c in (cameo_country(t, table, mentions) for t in by_span[k]) if c), None) for k in outer]


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _cameo_country(code: str | None) -> str | None:
    if not code or code.startswith("---"):
        return None
    return code[:3].upper()


def score_petrarch(groups: dict[str, list[dict]], nlp, warnings: list[str] | None = None) -> dict:
    texts = list(groups)
    dates = [_date(groups[t][0].get("date")) for t in texts]
    results = _extract(texts, dates, nlp, warnings)
    tp = n_pred = n_gold = skipped = 0
    type_tp = 0
    for text, (events, actors) in zip(texts, results):
        gold: Counter = Counter()
        for rec in groups[text]:
            coded: Counter = Counter()
            for ev in rec.get("events") or []:
                etype = cameo_root_to_plover(ev.get("cameo_code"))
                if etype is None:
                    skipped += 1
                    continue
                coded[(_cameo_country(ev.get("source_actor_code")), _cameo_country(ev.get("target_actor_code")),
                       etype)] += 1
            # a sentence filed twice with the same coding is one event, not two: union, not sum
            gold |= coded
        pred: Counter = Counter()
        for e in events:
            etype = cameo_convention(e)
            if etype is None or not coded_as_dyad(e):
                continue
            table, mentions = actors
            src = cameo_country(e.source, table, mentions)
            for tgt in target_countries(e, table, mentions) or [None]:
                pred[(src, tgt, etype)] += 1
        tp += sum((gold & pred).values())
        type_tp += sum((Counter(k[2] for k in gold.elements()) & Counter(k[2] for k in pred.elements())).values())
        n_pred += sum(pred.values())
        n_gold += sum(gold.values())
    out = {"sentences": len(texts), "gold_triples": n_gold, "predicted_triples": n_pred,
           "skipped_cameo01": skipped, **_prf(tp, n_pred, n_gold)}
    out["type_only"] = _prf(type_tp, n_pred, n_gold)
    return out


def score_plover_gsr(groups: dict[str, list[dict]], nlp, warnings: list[str] | None = None) -> dict:
    texts = list(groups)
    results = _extract(texts, [None] * len(texts), nlp, warnings)
    found = n_gold = pred_types = pred_right = 0
    per_type: dict[str, list[int]] = {}
    for text, (events, _actors) in zip(texts, results):
        predicted = {t for t in (cameo_convention(e) for e in events) if t}
        gold_types = []
        for rec in groups[text]:
            etype = GSR_NAMES.get(rec.get("event", ""), rec.get("event"))
            gold_types.append(etype)
            hit = etype in predicted
            found += hit
            n_gold += 1
            per_type.setdefault(etype, [0, 0])
            per_type[etype][0] += hit
            per_type[etype][1] += 1
        pred_types += len(predicted)
        pred_right += len(predicted & set(gold_types))
    recall = found / n_gold if n_gold else 0.0
    precision = pred_right / pred_types if pred_types else 0.0
    return {"sentences": len(texts), "gold_records": n_gold, "type_recall": round(recall, 4),
            "type_precision": round(precision, 4),
            "per_type_recall": {k: round(v[0] / v[1], 3) for k, v in sorted(per_type.items())}}


def score_event_set(path, nlp=None, model: str | None = None, limit: int | None = None,
                    warnings: list[str] | None = None) -> dict:
    """Scores for one public event set, recognised by its records' fields."""
    path = Path(path)
    if nlp is None:
        from accord import nlp as nlp_mod
        nlp = nlp_mod.load(model)
    rows = _read(path, limit)
    groups = _group(rows)
    if rows and "event" in rows[0]:
        return score_plover_gsr(groups, nlp, warnings)
    if rows and rows[0].get("language", "en") != "en":
        return {"skipped": f"{path.name}: not English"}
    return score_petrarch(groups, nlp, warnings)
