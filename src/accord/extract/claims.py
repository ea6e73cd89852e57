"""Claims: A states that B holds, did or agreed X; and denials of such claims.

An assertion comes from a reporting verb whose complement clause has another actor as subject
("Blinken says Netanyahu has agreed"), from "accuse B of X", or from a clause about another
actor inside A's quote. A denial is an actor denying, calling false or never confirming what
was said about it; its ``claimant`` is the denier and ``target`` the actor denied, if named.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from accord.records import ActorRef, Article, Claim, Span, record_id
from accord.extract.stance import (Cues, clause_span, clean_ref, is_negated, phrasal_lemma, resolve_actor,
                                   subject_of)
from accord.extract.voices import Voices

CLAUSE_DEPS = ("ccomp",)


def predicate_of(verb: Token) -> str:
    """Lemma of the claimed act: the verb with its particle, or "be" + complement ("be ready")."""
    if verb.lemma_ == "be":
        comp = [c for c in verb.children if c.dep_ in ("acomp", "attr")]
        if comp:
            return f"be {comp[0].lemma_.lower()}"
    return phrasal_lemma(verb)


def _affiliation(actors, actor_id: str | None) -> str | None:
    actor = actors.actors.get(actor_id) if actor_id else None
    return actor.affiliation if actor is not None else None


def _actor_id(ref: ActorRef | None) -> str | None:
    return ref.actor_id if ref is not None else None


def _subject_ref(verb: Token, actors, voice: ActorRef | None, matrix: ActorRef | None) -> ActorRef | None:
    subj = subject_of(verb)
    if subj is None:
        return None
    ref = resolve_actor(subj, actors, fallback=voice)
    if ref is None and subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "he", "she"):
        # "X said it will ...": an unresolved pronoun in X's complement is X itself
        return matrix
    return ref


def _reporting_ancestor(verb: Token, cues: Cues) -> Token | None:
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ == "advcl":
            return None
        if tok.dep_ in ("ccomp", "xcomp") and (
                tok.head.lemma_.lower() in cues.reporting_verbs or tok.head.lemma_.lower() in cues.denial_verbs):
            return tok.head
        tok = tok.head
    return None


def _claim(article: Article, claimant, subject, content_tok: Token, ev: tuple[int, int], polarity: int,
           predicate: str | None, kind: str = "assertion", target: str | None = None) -> Claim:
    cs, ce = clause_span(content_tok)
    doc = content_tok.doc
    text = doc.text
    claimant, subject = clean_ref(claimant, doc), clean_ref(subject, doc)
    return Claim(record_id("claim", article.article_id, ev[0], ev[1], cs, kind),
                 article.article_id, claimant, subject, Span(text[cs:ce], cs, ce), ev[0], ev[1],
                 polarity=polarity, predicate=predicate, kind=kind, target=target)


def _assertions(doc: Doc, actors, article: Article, voices: Voices, cues: Cues) -> Iterator[Claim]:
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        voice = voices.speaker_at(tok.idx, tok.idx + len(tok.text))
        if lemma in cues.reporting_verbs:
            claimant = _subject_ref(tok, actors, voice, None)
            if claimant is None or not claimant.actor_id:
                continue
            comps = [c for c in tok.children if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")]
            subjects = []
            if lemma in ("accuse", "charge"):
                obj = [c for c in tok.children if c.dep_ == "dobj"]
                of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "with")]
                pcomp = [g for p in of for g in p.children if g.dep_ in ("pcomp", "pobj")]
                if obj and pcomp:
                    subjects.append((resolve_actor(obj[0], actors, voice), pcomp[0]))
            for comp in comps:
                subjects.append((_subject_ref(comp, actors, voice, claimant), comp))
            for subject, comp in subjects:
                if subject is None or not subject.actor_id or subject.actor_id == claimant.actor_id:
                    continue
                if _affiliation(actors, claimant.actor_id) == subject.actor_id:
                    continue   # a spokesman stating his own side's stance is a position, not a claim
                if comp.lemma_.lower() in cues.reporting_verbs or comp.lemma_.lower() in cues.confirm_verbs:
                    continue
                # the reporting clause only, not a coordinated clause after it ("..., but X never confirmed")
                stop = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
                ev = clause_span(tok, stop)
                yield _claim(article, claimant, subject, comp, ev, -1 if is_negated(comp) else 1,
                             predicate_of(comp))
        elif voice is not None and tok.dep_ in ("ROOT", "conj", "ccomp") and _reporting_ancestor(tok, cues) is None:
            # a clause about another actor in a speaker's own words
            if lemma in cues.confirm_verbs or lemma in cues.denial_verbs:
                continue
            if tok.dep_ == "conj" and tok.head.dep_ not in ("ROOT", "ccomp"):
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            subject = resolve_actor(subj[0], actors, fallback=voice)
            if subject is None or not subject.actor_id or subject.actor_id == voice.actor_id:
                continue
            stop = {t.i for c in tok.children if c.dep_ in ("advcl",) for t in c.subtree}
            ev = clause_span(tok, stop)
            yield _claim(article, voice, subject, tok, ev, -1 if is_negated(tok) else 1, predicate_of(tok))


def _denier(tok: Token, actors, voices: Voices) -> ActorRef | None:
    voice = voices.speaker_at(tok.idx, tok.idx + len(tok.text))
    # "X called the reports false", "X dismissed the claims": the subject of the governing verb
    head = tok
    for _ in range(4):
        subj = [c for c in head.children if c.dep_ in ("nsubj",)]
        if subj and head.pos_ in ("VERB", "AUX") and not (subj[0].lemma_.lower() in _target_lemmas()):
            ref = resolve_actor(subj[0], actors, fallback=voice)
            if ref is not None:
                return ref
        if head.head.i == head.i:
            break
        head = head.head
    return voice


def _target_lemmas() -> frozenset[str]:
    from accord.extract.stance import load_cues
    return load_cues().denial_targets


def _target_actor(noun: Token, actors, voice) -> str | None:
    """"Biden's statements", "claims by Washington": whose statement is denied."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ not in ("our", "my", "their", "its", "his", "her"):
            ref = resolve_actor(c, actors)
            if ref is not None:
                return ref.actor_id
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            for g in c.children:
                ref = resolve_actor(g, actors)
                if ref is not None:
                    return ref.actor_id
    return None


def _denials(doc: Doc, actors, article: Article, voices: Voices, cues: Cues) -> Iterator[Claim]:
    seen: set[int] = set()   # sentences with a denial already
    for tok in doc:
        lemma = tok.lemma_.lower()
        sent_key = tok.sent.start
        voice = voices.speaker_at(tok.idx, tok.idx + len(tok.text))
        if tok.pos_ in ("VERB", "AUX") and lemma in cues.confirm_verbs and is_negated(tok):
            denier = _subject_ref(tok, actors, voice, None)
            if denier is None:
                continue
            stop = {t.i for c in tok.children if c.dep_ in ("advcl", "ccomp", "conj", "cc") for t in c.subtree}
            ev = clause_span(tok, stop)
            yield _claim(article, denier, denier, tok, ev, -1, None, kind="never_confirmed")
            seen.add(sent_key)
        elif tok.pos_ == "VERB" and lemma in cues.denial_verbs:
            denier = _subject_ref(tok, actors, voice, None)
            if denier is None:
                continue
            comps = [c for c in tok.children if c.dep_ == "ccomp"]
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if comps:
                subject = _subject_ref(comps[0], actors, voice, denier) or denier
                yield _claim(article, denier, subject, comps[0], clause_span(tok), -1,
                             predicate_of(comps[0]), kind="denial")
                seen.add(sent_key)
            elif objs and (objs[0].lemma_.lower() in cues.denial_targets or lemma == "deny"):
                yield _claim(article, denier, denier, tok, clause_span(tok), -1, None, kind="denial",
                             target=_target_actor(objs[0], actors, voice))
                seen.add(sent_key)
        elif sent_key not in seen and _denial_word(tok, cues):
            noun = _denied_noun(tok, cues)
            if noun is None:
                continue
            denier = _denier(tok, actors, voices)
            if denier is None:
                continue
            s, e = tok.sent.start_char, tok.sent.start_char + len(tok.sent.text.rstrip())
            yield Claim(record_id("claim", article.article_id, s, e, "denial"), article.article_id, denier,
                        denier, Span(doc.text[s:e], s, e), s, e, polarity=-1, predicate=None, kind="denial",
                        target=_target_actor(noun, actors, voice))
            seen.add(sent_key)


def _denial_word(tok: Token, cues: Cues) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "ADJ" and lemma in cues.denial_adjectives:
        return True
    if tok.pos_ == "NOUN" and lemma in cues.denial_nouns:
        return True
    if tok.lemma_ == "reflect" and is_negated(tok):
        return True
    return False


def _denied_noun(tok: Token, cues: Cues) -> Token | None:
    """The statement-like noun a denial word bears on ("false statements", "the report is untrue")."""
    cands = []
    if tok.dep_ == "amod":
        cands.append(tok.head)
    if tok.dep_ in ("acomp", "attr", "oprd"):
        cands += [c for c in tok.head.children if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    if tok.pos_ == "VERB":   # "do not reflect"
        cands += [c for c in tok.children if c.dep_ in ("nsubj",)]
    for c in cands:
        if c.lemma_.lower() in cues.denial_targets:
            return c
    return None


def extract_claims(doc: Doc, actors, article: Article, voices: Voices, cues: Cues) -> list[Claim]:
    claims = {c.claim_id: c for c in _assertions(doc, actors, article, voices, cues)}
    for c in _denials(doc, actors, article, voices, cues):
        claims.setdefault(c.claim_id, c)
    return sorted(claims.values(), key=lambda c: (c.start, c.end))
