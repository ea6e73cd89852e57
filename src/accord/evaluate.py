"""Scoring against gold annotations (`accord eval`), per the rules of ../shared/eval/README.md.

A gold item is anchored by ``text_start``, the first words of its content or evidence. Quotes are
found by overlap of the predicted content span with the anchor span; events and positions when a
predicted evidence span of the same type (or actor) contains the anchor's first character.
Matching is one-to-one. Names are matched the way the README says a human would: the same person
by full name or surname, the same state by name, demonym or ISO code, the same organisation by
name or acronym.
"""
from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from accord.records import Extraction


class GoldError(ValueError):
    """Gold or input that cannot be scored, with a message naming the file."""


# -- name matching ----------------------------------------------------------------------------
_STOP = {"the", "a", "an", "of", "side", "officials", "official", "government", "administration"}


def _norm(name: str) -> str:
    # slug ids ("antony-blinken") read as names; hyphens inside names ("el-Sisi") count as spaces
    return " ".join(re.findall(r"[\w']+", (name or "").lower().replace("’", "'")))


def _state_code(name: str) -> str | None:
    """ISO alpha-3 for a state's name, code or demonym (via the actor KB when it knows it)."""
    if not name:
        return None
    text = name.strip()
    if re.fullmatch(r"[A-Z]{3}", text) and pycountry.countries.get(alpha_3=text):
        return text
    found = _kb_states().get(_norm(re.sub(r"^the\s+", "", text, flags=re.I)))
    if found:
        return found
    try:
        return pycountry.countries.lookup(re.sub(r"^the\s+", "", text, flags=re.I)).alpha_3
    except LookupError:
        return None


@functools.lru_cache(maxsize=1)
def _kb_states() -> dict[str, str]:
    """State names, demonyms and capitals from the actor KB ("Israeli" -> ISR)."""
    from accord.kb.loader import load_kb
    return {_norm(n.text): n.actor_id for n in load_kb().names
            if re.fullmatch(r"[A-Z]{3}", n.actor_id) and n.via in ("name", "demonym", "acronym")}


def _content_words(name: str) -> list[str]:
    return [w for w in _norm(name).split() if w not in _STOP]


def names_match(gold: str, candidates: Iterable[str]) -> bool:
    """True when any candidate string names the gold actor."""
    g = _norm(gold)
    if not g:
        return False
    g_code = _state_code(gold)
    g_words = _content_words(gold)
    for cand in candidates:
        c = _norm(cand)
        if not c:
            continue
        if c == g:
            return True
        if g_code and (_state_code(cand) == g_code):
            return True
        c_words = _content_words(cand)
        if not c_words or not g_words:
            continue
        # surname: the last word of a full name names the person (not "United States"/"Arab States")
        # (a longer name must then hold all of the other's words: "Sudanese Armed Forces" does not
        # name "Rapid Support Forces", "President Joe Biden" names "Joe Biden")
        if not g_code and c_words[-1] == g_words[-1] and len(g_words[-1]) > 2 and (
                len(c_words) == 1 or len(g_words) == 1 or set(c_words) <= set(g_words) or set(g_words) <= set(c_words)):
            return True
        # acronym: "PNI" for "Palestinian National Initiative"
        initials = "".join(w[0] for w in g_words)
        if len(c_words) == 1 and len(initials) > 1 and c_words[0] == initials:
            return True
        # an organisation named inside a longer description ("Hamas officials")
        if len(c_words) == 1 and c_words[0] in g_words and len(c_words[0]) > 3 and len(g_words) <= 2:
            return True
    return False


@dataclass
class Actors:
    """What a prediction knows about each actor id, for name matching."""
    names: dict[str, set[str]] = field(default_factory=dict)

    def add(self, ex: Extraction) -> None:
        for a in ex.actors:
            self.names.setdefault(a.actor_id, set()).update({a.actor_id, a.name, *a.aliases})
        for m in ex.mentions:
            self.names.setdefault(m.actor_id, set()).add(m.text)

    def strings(self, actor_id: str | None, text: str | None = None) -> set[str]:
        out = set(self.names.get(actor_id, ())) | ({actor_id} if actor_id else set())
        if text:
            out.add(text)
        return out


# -- counting ---------------------------------------------------------------------------------
@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    right: int = 0                       # found with the right speaker/arguments/holder
    attrs: dict[str, list[int]] = field(default_factory=dict)   # name -> [right, scored]

    def attr(self, name: str, ok: bool) -> None:
        cell = self.attrs.setdefault(name, [0, 0])
        cell[0] += int(ok)
        cell[1] += 1

    def scores(self, right_name: str) -> dict[str, float | int]:
        def prf(tp: int) -> tuple[float, float, float]:
            p = tp / self.predicted if self.predicted else 0.0
            r = tp / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)
        p, r, f = prf(self.found)
        out: dict[str, float | int] = {"gold": self.gold, "predicted": self.predicted, "found": self.found,
                                       "precision": p, "recall": r, "f1": f}
        if right_name:
            out[f"{right_name}_f1"] = prf(self.right)[2]
        for name, (ok, n) in sorted(self.attrs.items()):
            out[f"{name}_accuracy"] = ok / n if n else 0.0
        return out


def _anchor(text: str, start: str, name: str) -> tuple[int, int]:
    pos = text.find(start)
    if pos < 0:
        # gold made from a copy with normalised quote marks: search a normalised copy (same length)
        pos = _quotes_plain(text).find(_quotes_plain(start))
    if pos < 0:
        raise GoldError(f"{name}: anchor not found in the article text: {start[:50]!r}")
    return pos, pos + len(start)


def _quotes_plain(s: str) -> str:
    return s.translate(str.maketrans("“”„‘’«»", "\"\"\"''\"\""))


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def match(gold: list[dict], preds: list, tally: Tally, anchor, candidate, right):
    """One-to-one matching shared by every record type: a gold item, anchored at ``anchor(g)``
    (start, end), is found by the first unused prediction ``candidate(g, p, span)`` accepts,
    preferring one that is ``right(g, p)`` (two speakers of one sentence need two quotes).
    Yields (gold item, prediction, right) for the attributes each type scores on found items."""
    tally.gold += len(gold)
    tally.predicted += len(preds)
    used: set[int] = set()
    for g in gold:
        span = anchor(g)   # a bad anchor is an error in the gold, found or not
        cands = [i for i, p in enumerate(preds) if i not in used and candidate(g, p, span)]
        if not cands:
            continue
        best = next((i for i in cands if right(g, preds[i])), cands[0])
        used.add(best)
        ok = right(g, preds[best])
        tally.found += 1
        tally.right += ok
        yield g, preds[best], ok


def score_quotes(gold: list[dict], ex: Extraction, names: Actors, tally: Tally, gold_name: str) -> None:
    text = ex.article.text

    def overlaps(g, q, span) -> bool:
        return q.start < span[1] and q.end > span[0]

    def speaker_ok(g, q) -> bool:
        sp = q.speaker
        return bool(sp) and names_match(g.get("speaker") or "", names.strings(sp.actor_id, sp.text))

    anchor = _anchors(text, "text_start", gold_name)
    for g, q, ok in match(gold, list(ex.quotes), tally, anchor, overlaps, speaker_ok):
        tally.attr("speaker", ok)
        if g.get("speaker_affiliation"):
            tally.attr("affiliation", names_match(g["speaker_affiliation"], names.strings(q.speaker_affiliation))
                       or (ok and names_match(g["speaker_affiliation"], names.strings(q.speaker.actor_id))))
        gold_outlet = g.get("outlet")
        tally.attr("outlet", (q.outlet is None) if gold_outlet is None
                   else bool(q.outlet) and names_match(gold_outlet, [q.outlet]))
        tally.attr("type", q.type == g.get("type", "direct"))


def _arg_ok(gold_name: str | None, ref, names: Actors) -> bool:
    if gold_name is None:
        return ref is None
    return ref is not None and names_match(gold_name, names.strings(ref.actor_id, ref.text))


def _anchors(text: str, key: str, gold_name: str):
    return lambda g: _anchor(text, g[key], gold_name)


def _covers(p, span) -> bool:
    """The prediction's evidence span holds the anchor's first character."""
    return p.start <= span[0] < p.end


def score_events(gold: list[dict], ex: Extraction, names: Actors, tally: Tally, gold_name: str) -> None:
    def args_ok(g, e) -> bool:
        targets = _as_list(g.get("target"))
        src = _arg_ok(g.get("source"), e.source, names)
        tgt = (not targets and not e.targets) or any(_arg_ok(t, r, names) for t in targets for r in e.targets)
        return src and tgt

    anchor = _anchors(ex.article.text, "text_start", gold_name)
    for g, e, _ in match(gold, list(ex.events), tally, anchor,
                         lambda g, e, span: e.type == g["type"] and _covers(e, span), args_ok):
        tally.attr("modality", e.modality == g.get("modality", "actual"))
        tally.attr("negated", e.negated == bool(g.get("negated", False)))


def score_positions(gold_issues: list[dict], ex: Extraction, names: Actors, tally: Tally, gold_name: str) -> None:
    gold = [p for issue in gold_issues for p in issue.get("positions", [])]

    def same_actor(g, p, span) -> bool:
        return _covers(p, span) and names_match(g["actor"], names.strings(p.actor_id, p.actor.text if p.actor else None))

    def by_ok(g, p) -> bool:
        gold_by = g.get("reported_by")
        return (p.reported_by is None) if not gold_by else names_match(gold_by, names.strings(p.reported_by))

    anchor = _anchors(ex.article.text, "evidence_start", gold_name)
    for _, _, ok in match(gold, list(ex.positions), tally, anchor, same_actor, by_ok):
        tally.attr("reported_by", ok)


def _sign(value) -> int:
    if isinstance(value, str):
        return {"positive": 1, "negative": -1}.get(value.lower(), 0)
    return (value > 0) - (value < 0)


def score_assessments(gold: list[dict], ex: Extraction, names: Actors, tally: Tally, gold_name: str) -> None:
    """Prospects (an extension of the gold format): {"holder", "polarity": "positive|negative|
    uncertain" or a number, "text_start"}; found like events, right when the holder matches."""
    def holder_ok(g, p) -> bool:
        return p.holder is not None and names_match(g.get("holder") or "", names.strings(p.holder.actor_id,
                                                                                         p.holder.text))

    anchor = _anchors(ex.article.text, "text_start", gold_name)
    for g, p, _ in match(gold, list(ex.assessments), tally, anchor, lambda g, p, span: _covers(p, span), holder_ok):
        want, got = _sign(g.get("polarity", 0)), _sign(p.polarity)
        tally.attr("polarity", got == want or (want == 0 and got <= 0))


def score_actors(gold: list[dict], ex: Extraction, tally: Tally) -> None:
    preds = [a for a in ex.actors]
    tally.gold += len(gold)
    tally.predicted += len(preds)
    used: set[str] = set()
    by_id = {a.actor_id: a for a in preds}
    for g in gold:
        match = next((a for a in preds if a.actor_id not in used
                      and names_match(g["name"], {a.actor_id, a.name, *a.aliases})
                      and (g.get("kind") != "person" or a.kind == "person")), None)
        if match is None:
            continue
        used.add(match.actor_id)
        tally.found += 1
        tally.attr("kind", match.kind == g.get("kind") or (g.get("affiliation") == "media" and match.is_outlet))
        aff = g.get("affiliation")
        if aff == "media":
            ok = match.is_outlet
        elif aff and names_match(aff, [g["name"]]):      # a state or group is its own affiliation
            ok = match.affiliation in (None, match.actor_id)
        elif aff:
            parent = by_id.get(match.affiliation)
            ok = bool(match.affiliation) and names_match(
                aff, {match.affiliation, *((parent.name, *parent.aliases) if parent else ())})
        else:
            ok = True
        tally.right += ok
        tally.attr("affiliation", ok)


# -- drivers ----------------------------------------------------------------------------------
def _gold_pairs(path: Path) -> list[tuple[Path, Path | None, dict | None]]:
    """(gold file, article .txt or None, corpus record or None) for every gold file under path."""
    path = Path(path)
    golds = sorted(path.glob("*.gold.json")) if path.is_dir() else [path] if path.name.endswith(".gold.json") else []
    if not golds and path.suffix == ".txt":
        golds = [path.with_name(path.stem + ".gold.json")]
    corpus: dict[str, dict] = {}
    folder = path if path.is_dir() else path.parent
    for jl in folder.glob("*.jsonl"):
        for line in jl.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and rec.get("id") and rec.get("text"):
                corpus[str(rec["id"])] = rec
    pairs = []
    for gold in golds:
        if not gold.exists():
            raise GoldError(f"{gold}: no gold file")
        name = gold.name[: -len(".gold.json")]
        txt = gold.with_name(name + ".txt")
        if txt.exists():
            pairs.append((gold, txt, None))
        elif name in corpus:
            pairs.append((gold, None, corpus[name]))
        else:
            raise GoldError(f"{gold}: no article {name}.txt or corpus line with id {name!r} beside it")
    return pairs


def _is_event_set(path: Path) -> bool:
    if path.suffix not in (".jsonl", ".json") or path.name.endswith(".gold.json"):
        return False
    with path.open(encoding="utf-8", errors="replace") as fh:
        first = fh.readline()
    try:
        rec = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(rec, dict) and ("events" in rec or "event" in rec) and "text" in rec


def evaluate_path(path: Path, model: str | None = None, limit: int | None = None) -> dict:
    path = Path(path)
    warnings: list[str] = []
    if path.is_file() and _is_event_set(path):
        from accord import evaluate_events
        scores = evaluate_events.score_event_set(path, model=model, limit=limit, warnings=warnings)
        return _with_warnings({"path": str(path), "scores": scores}, warnings)
    if path.is_dir() and not list(path.glob("*.gold.json")):
        sets = [p for p in sorted(path.glob("*.jsonl")) if _is_event_set(p)]
        if sets:
            from accord import evaluate_events
            scores = {}
            for p in sets:
                for k, v in evaluate_events.score_event_set(p, model=model, limit=limit, warnings=warnings).items():
                    scores[f"{p.stem}:{k}"] = v
            return _with_warnings({"path": str(path), "scores": scores}, warnings)
    return evaluate_gold(_gold_pairs(path), model=model)


def _with_warnings(result: dict, warnings: list[str]) -> dict:
    """A stage that failed on an article lowers the scores; the result says which and why."""
    if warnings:
        result["warnings"] = list(warnings)
    return result


def evaluate_gold(pairs, model: str | None = None) -> dict:
    from accord import nlp as nlp_mod, pipeline
    from accord.ingest import corpus, make_article

    nlp = nlp_mod.load(model)
    tallies = {k: Tally() for k in ("actors", "quotes", "events", "positions", "assessments")}
    warnings: list[str] = []
    for gold_path, txt, record in pairs:
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise GoldError(f"{gold_path}: cannot read gold ({exc})") from exc
        problems: list[str] = []
        if record:
            article = corpus.record_article(record, str(gold_path), str(gold_path), problems.append)
        else:
            article = make_article(txt.read_text(encoding="utf-8"), str(txt), str(txt), problems.append)
        if article is None:
            raise GoldError(f"{gold_path}: article cannot be read ({'; '.join(problems)})")
        ex = pipeline.extract(nlp(article.text), article)
        warnings.extend(ex.warnings)
        names = Actors()
        names.add(ex)
        # a record type whose key is absent was not annotated in this file (an empty list was)
        if "actors" in gold:
            score_actors(gold["actors"], ex, tallies["actors"])
        if "quotes" in gold:
            score_quotes(gold["quotes"], ex, names, tallies["quotes"], str(gold_path))
        if "events" in gold:
            score_events(gold["events"], ex, names, tallies["events"], str(gold_path))
        if "issues" in gold:
            score_positions(gold["issues"], ex, names, tallies["positions"], str(gold_path))
        if "assessments" in gold:
            score_assessments(gold["assessments"], ex, names, tallies["assessments"], str(gold_path))
    right = {"actors": "affiliation", "quotes": "speaker", "events": "arguments", "positions": "reported_by",
             "assessments": "holder"}
    return _with_warnings({"articles": len(pairs),
                           "scores": {k: t.scores(right[k]) for k, t in tallies.items() if t.gold or t.predicted}},
                          warnings)
