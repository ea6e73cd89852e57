"""Contradictions: pairs of records that cannot both be true, within an article or across a store.

- denial / never_confirmed: A claimed something of B; B denies it, calls it false or never
  confirmed it (a denial Claim whose claimant is B).
- disputed_fact: two sources make opposite claims about the same act of the same actor.
- opposite_stance: a third party reports B's stance on an issue; B's own stance is the opposite.

Records may be dataclasses (records.py) or the dicts the store returns; the function is the
same for one article and for a whole store.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from accord.records import Contradiction, record_id

PRO = ("demands", "insists", "accepts", "proposes")


def _get(rec: Any, name: str, default=None):
    if isinstance(rec, dict):
        return rec.get(name, default)
    return getattr(rec, name, default)


def _actor(ref: Any) -> str | None:
    if ref is None:
        return None
    return _get(ref, "actor_id")


def _text(rec: Any) -> str:
    content = _get(rec, "content")
    if content is not None and _get(rec, "kind", "assertion") == "assertion":
        return _get(content, "text", "") or ""
    return _get(rec, "text", "") or (_get(content, "text", "") if content is not None else "")


def _make(kind: str, a: Any, b: Any, actors: tuple[str, ...], explanation: str,
          a_text: str = "", b_text: str = "") -> Contradiction:
    a_art, b_art = _get(a, "article_id"), _get(b, "article_id")
    return Contradiction(
        record_id("contradiction", kind, a_art, _get(a, "start"), b_art, _get(b, "start")),
        kind, a_art, _get(a, "start"), _get(a, "end"), b_art, _get(b, "start"), _get(b, "end"),
        actors=actors, a_text=a_text, b_text=b_text, explanation=explanation,
        article_id=a_art, start=_get(a, "start"), end=_get(a, "end"))


def _act(predicate: str | None) -> str | None:
    """One name per kind of act: "agree", "accept" and "approve" are the same act (the stance
    lexicon puts them in one class), so a denial of having accepted answers a claim of agreeing."""
    if predicate is None:
        return None
    from accord.extract.stance import load_cues
    stance_of = load_cues().stance_of
    return stance_of.get(predicate) or stance_of.get(predicate.split()[0]) or predicate


def _same_act(a: Any, b: Any) -> bool:
    pa, pb = _act(_get(a, "predicate")), _act(_get(b, "predicate"))
    return pa is None or pb is None or pa == pb


def _common(text: str) -> str:
    """The text without capitalised words: names of places and people say where, not what (two
    claims about Ukraine are not thereby about the same thing)."""
    import re
    return re.sub(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'-]*", " ", text.strip())


def _content_words(rec: Any) -> set[str]:
    """Content words of what a claim is about, deal nouns as one word ("the plan" = "the proposal")."""
    from accord.extract.issues import content_words
    from accord.extract.stance import load_cues
    cues = load_cues()
    content = _get(rec, "content")
    text = _get(content, "text", "") if content is not None else ""
    from spacy.lang.en.stop_words import STOP_WORDS
    pred = (_get(rec, "predicate") or "").split()
    words = set()
    for w in content_words(_common(text or "")):
        if w in cues.deal_nouns:
            words.add("deal")
        elif len(w) > 2 and w not in cues.light_nouns and w not in STOP_WORDS and \
                not (pred and w.startswith(pred[0][:5])):   # the act itself ("accepted")
            words.add(w)
    return words


def _about_same(a: Any, d: Any, subject_words: set[str]) -> bool:
    """Across articles a denial must bear on the claimed act and, when both name what the act was
    about, on the same thing: a denial of accepting a prisoner swap does not answer a claim of
    accepting a ceasefire plan."""
    if _get(d, "predicate") is None:
        return bool(_get(d, "target"))
    if not _same_act(a, d):
        return False
    wa = _content_words(a) - subject_words
    wd = _content_words(d) - subject_words
    pred = {_get(a, "predicate"), _get(d, "predicate")}
    wa, wd = {w for w in wa if w not in pred}, {w for w in wd if w not in pred}
    return not wa or not wd or bool(wa & wd)


def _side(aff: Mapping[str, str | None]):
    """Two actor ids are the same side when equal or one is affiliated to the other
    (a Kremlin spokesman denies what was said about Russia)."""
    def same(x: str | None, y: str | None) -> bool:
        return x is not None and y is not None and (x == y or aff.get(x) == y or aff.get(y) == x)
    return same


def _denials(claims: list, texts: dict, aff: Mapping[str, str | None]) -> Iterable[Contradiction]:
    same = _side(aff)
    assertions = [c for c in claims if _get(c, "kind", "assertion") == "assertion" and _get(c, "polarity", 1) > 0]
    # a denial answers only assertions about its own side, so assertions are looked up by
    # subject (and the subject's affiliation both ways) rather than scanned: a store holds
    # hundreds of thousands of claims
    by_subject: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(assertions):
        subj = _actor(_get(a, "subject"))
        if subj is not None:
            by_subject[subj].append(i)
    members: dict[str, list[str]] = defaultdict(list)
    for x, y in aff.items():
        if y is not None:
            members[y].append(x)

    def candidates(*ids: str | None) -> list:
        keys = {k for x in ids if x is not None for k in (x, aff.get(x), *members.get(x, ()))}
        return [assertions[i] for i in sorted({i for k in keys if k is not None for i in by_subject.get(k, ())})]

    for d in claims:
        kind = _get(d, "kind", "assertion")
        if kind not in ("denial", "never_confirmed"):
            continue
        denier = _actor(_get(d, "claimant"))
        subject = _actor(_get(d, "subject")) or denier
        target = _get(d, "target")
        same_article, other = [], []
        for a in candidates(subject, denier):
            if not (same(_actor(_get(a, "subject")), subject) or same(_actor(_get(a, "subject")), denier)):
                continue
            claimant = _actor(_get(a, "claimant"))
            if claimant is None or same(claimant, denier) or (target and claimant != target):
                continue
            if _get(a, "article_id") == _get(d, "article_id"):
                if _get(a, "start") < _get(d, "end") and _get(a, "end") <= _get(d, "end") and \
                        _get(a, "claim_id") != _get(d, "claim_id") and _same_act(a, d):
                    same_article.append(a)
            # across articles a denial must name what or whom it denies
            elif _about_same(a, d, _names(a) | _names(d)):
                other.append(a)
        if same_article:
            # "these false statements": every claim the latest claimant made about the denier
            last = max(same_article, key=lambda a: _get(a, "start"))
            chosen = [a for a in same_article if _actor(_get(a, "claimant")) == _actor(_get(last, "claimant"))]
            if kind == "never_confirmed":
                chosen = [last]   # "has never confirmed this": the one claim just made
        else:
            chosen = other
        for a in chosen:
            claimant = _actor(_get(a, "claimant"))
            word = "never confirmed" if kind == "never_confirmed" else "denies"
            about = _actor(_get(a, "subject")) or denier
            yield _make(kind, a, d, (claimant, denier),
                        f"{claimant} says {about} {_get(a, 'predicate') or 'did so'}; {denier} {word} it",
                        texts.get(id(a), ""), texts.get(id(d), ""))


def _names(rec: Any) -> set[str]:
    from accord.extract.issues import content_words
    out = set()
    for part in ("claimant", "subject"):
        ref = _get(rec, part)
        if ref is not None:
            out |= set(content_words(_get(ref, "text", "") or ""))
    return out


def _disputed(claims: list, texts: dict) -> Iterable[Contradiction]:
    groups = defaultdict(list)
    for c in claims:
        if _get(c, "kind", "assertion") == "assertion" and _get(c, "predicate"):
            groups[(_actor(_get(c, "subject")), _act(_get(c, "predicate")))].append(c)
    for (subject, predicate), items in groups.items():
        pos = [c for c in items if _get(c, "polarity", 1) > 0]
        neg = [c for c in items if _get(c, "polarity", 1) < 0]
        for a in pos:
            for b in neg:
                ca, cb = _actor(_get(a, "claimant")), _actor(_get(b, "claimant"))
                if ca == cb:
                    continue
                if _get(a, "article_id") != _get(b, "article_id"):
                    wa, wb = _content_words(a) - _names(a), _content_words(b) - _names(b)
                    if wa and wb and not wa & wb:
                        continue   # same act, but about different things
                yield _make("disputed_fact", a, b, (ca, cb, subject),
                            f"{ca} says {subject} did '{predicate}', {cb} says it did not",
                            texts.get(id(a), ""), texts.get(id(b), ""))


def _direction(p: Any) -> int:
    stance, value = _get(p, "stance"), _get(p, "value")
    if value is not None:
        return 1 if value >= 60 else -1 if value <= 40 else 0
    return 1 if stance in PRO else -1 if stance == "rejects" else 0


def _topic_words(text: str) -> set[str]:
    """What a position's sentence is about, without names of days, stance and reporting verbs."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from accord.extract.issues import content_words
    from accord.extract.stance import CALENDAR_WORDS, load_cues
    cues = load_cues()
    verbs = _verb_stems()
    out = set()
    for w in content_words(_common(text or "")):
        if len(w) <= 3 or w in STOP_WORDS or w in CALENDAR_WORDS or w[:5] in verbs:
            continue
        out.add("deal" if w in cues.deal_nouns else w)
    return out


@functools.lru_cache(maxsize=1)
def _verb_stems() -> frozenset[str]:
    """First five letters of every stance, reporting and denial verb (a store compares thousands
    of sentences against them)."""
    from accord.extract.stance import load_cues
    cues = load_cues()
    return frozenset(v.split()[0][:5] for v in (*cues.stance_of, *cues.reporting_verbs, *cues.denial_verbs))


def _same_matter(r: Any, o: Any, issue: str) -> bool:
    """Across articles, the deal as a whole is only the same deal when the two sentences share
    what they are about ("the bridging proposal"): a store may hold several negotiations."""
    from accord.extract.stance import load_cues
    if _get(r, "article_id") == _get(o, "article_id") or issue != load_cues().default_issue[0]:
        return True
    names = {_get(_get(p, "actor") or {}, "text", "") for p in (r, o)}
    skip = {w for n in names if n for w in _topic_words(n)} | {"deal"}   # every deal is a "deal"
    return bool((_topic_words(_get(r, "text", "")) & _topic_words(_get(o, "text", ""))) - skip)


def _opposite(positions: list, texts: dict) -> Iterable[Contradiction]:
    groups = defaultdict(list)
    for p in positions:
        groups[(_get(p, "actor_id"), _get(p, "issue_id"))].append(p)
    for (actor, issue), items in groups.items():
        own = [p for p in items if not _get(p, "reported_by")]
        reported = [p for p in items if _get(p, "reported_by") and _get(p, "reported_by") != actor]
        for r in reported:
            for o in own:
                dr, do = _direction(r), _direction(o)
                if dr and do and dr != do and _same_matter(r, o, issue):
                    yield _make("opposite_stance", r, o, (_get(r, "reported_by"), actor),
                                f"{_get(r, 'reported_by')} reports {actor} {_get(r, 'stance')} on {issue}; "
                                f"{actor} itself {_get(o, 'stance')}",
                                _get(r, "text", ""), _get(o, "text", ""))


def find_contradictions(positions: Iterable = (), claims: Iterable = (),
                        affiliations: Mapping[str, str | None] | None = None) -> list[Contradiction]:
    """Contradictions among positions and claims of one article or of many (a whole store).

    ``affiliations``: actor_id -> affiliation actor_id (from the actors table), so a spokesman's
    denial answers a claim about the state or group he speaks for."""
    claims, positions = list(claims), list(positions)
    texts = {id(c): _text(c) for c in claims}
    found: dict[str, Contradiction] = {}
    for c in (*_denials(claims, texts, affiliations or {}), *_disputed(claims, texts), *_opposite(positions, texts)):
        found.setdefault(c.contradiction_id, c)
    return sorted(found.values(), key=lambda c: (c.a_article_id, c.a_start, c.b_start))
