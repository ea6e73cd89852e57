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
                                   sentence_span, subject_of)
from accord.extract.voices import Voices
from accord.nlp import children, sent_of, subtree, text_of, tokens_of_pos, tokens_with

CLAUSE_DEPS = ("ccomp",)


def predicate_of(verb: Token) -> str:
    """Lemma of the claimed act: the verb with its particle, or "be" + complement ("be ready")."""
    if verb.lemma_ == "be":
        comp = [c for c in children(verb) if c.dep_ in ("acomp", "attr")]
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
    text = text_of(doc)
    claimant, subject = clean_ref(claimant, doc), clean_ref(subject, doc)
    return Claim(record_id("claim", article.article_id, ev[0], ev[1], cs, kind),
                 article.article_id, claimant, subject, Span(text[cs:ce], cs, ce), ev[0], ev[1],
                 polarity=polarity, predicate=predicate, kind=kind, target=target)


def _assertions(doc: Doc, actors, article: Article, voices: Voices, cues: Cues) -> Iterator[Claim]:
    for tok in tokens_of_pos(doc, "VERB", "AUX"):
        lemma = tok.lemma_.lower()
        if lemma in cues.reporting_verbs:
            voice = voices.speaker_at(tok.idx, tok.idx + len(tok.text))
            if lemma in cues.confirm_verbs and (is_negated(tok) or tok.dep_ == "xcomp" and
                                                cues.stance_of.get(tok.head.lemma_.lower()) == "rejects"):
                continue   # "never confirmed that X agreed" asserts nothing (a never_confirmed claim)
            claimant = _subject_ref(tok, actors, voice, None)
            if claimant is None or not claimant.actor_id:
                continue
            comps = [c for c in children(tok) if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")]
            subjects = []
            if lemma in ("accuse", "charge"):
                obj = [c for c in children(tok) if c.dep_ == "dobj"]
                of = [c for c in children(tok) if c.dep_ == "prep" and c.lower_ in ("of", "with")]
                pcomp = [g for p in of for g in children(p) if g.dep_ in ("pcomp", "pobj")]
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
                stop = {t.i for c in children(tok) if c.dep_ in ("conj", "cc") for t in subtree(c)}
                ev = clause_span(tok, stop)
                yield _claim(article, claimant, subject, comp, ev, -1 if is_negated(comp) else 1,
                             predicate_of(comp))
        elif tok.dep_ in ("ROOT", "conj", "ccomp") and \
                (voice := voices.speaker_at(tok.idx, tok.idx + len(tok.text))) is not None and \
                _reporting_ancestor(tok, cues) is None:
            # a clause about another actor in a speaker's own words
            if lemma in cues.confirm_verbs or lemma in cues.denial_verbs:
                continue
            if tok.dep_ == "conj" and tok.head.dep_ not in ("ROOT", "ccomp"):
                continue
            subj = [c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            subject = resolve_actor(subj[0], actors, fallback=voice)
            if subject is None or not subject.actor_id or subject.actor_id == voice.actor_id:
                continue
            stop = {t.i for c in children(tok) if c.dep_ in ("advcl",) for t in subtree(c)}
            ev = clause_span(tok, stop)
            yield _claim(article, voice, subject, tok, ev, -1 if is_negated(tok) else 1, predicate_of(tok))


def _denier(tok: Token, actors, voices: Voices) -> ActorRef | None:
    voice = voices.speaker_at(tok.idx, tok.idx + len(tok.text))
    # "X called the reports false", "X dismissed the claims": the subject of the governing verb
    head = tok
    for _ in range(4):
        subj = [c for c in children(head) if c.dep_ in ("nsubj",)]
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
    for c in children(noun):
        if c.dep_ == "poss" and c.lower_ not in ("our", "my", "their", "its", "his", "her"):
            ref = resolve_actor(c, actors)
            if ref is not None:
                return ref.actor_id
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of"):
            for g in children(c):
                ref = resolve_actor(g, actors)
                if ref is not None:
                    return ref.actor_id
    return None


def _noun_clause(noun: Token) -> Token | None:
    """The content clause of a statement noun: "reports that it had accepted" (the clause hangs
    on the noun, or on the verb governing it: "called claims by Kyiv that it had ... lies")."""
    def content_clause(c: Token) -> bool:
        # the small model tags this "that" as mark or (wrongly) dobj; a clause of its own has a subject
        return c.pos_ in ("VERB", "AUX") and c.doc[c.left_edge.i].lower_ == "that" and any(
            g.dep_ in ("nsubj", "nsubjpass") and g.lower_ != "that" for g in children(c))
    for c in children(noun):
        if c.dep_ in ("acl", "ccomp", "relcl") and content_clause(c):
            return c
    for c in children(noun.head):
        if c.dep_ == "ccomp" and c.i > noun.i and content_clause(c):
            return c
    return None


def _gerund(verb: Token) -> Token | None:
    """"denied agreeing to ...", "denies having accepted": the act denied."""
    for c in children(verb):
        if c.dep_ in ("xcomp", "dobj", "pcomp", "ccomp") and c.tag_ == "VBG":
            if c.lemma_ == "have":
                inner = [g for g in children(c) if g.dep_ in ("xcomp", "ccomp", "dobj") and g.pos_ == "VERB"]
                return inner[0] if inner else c
            return c
    return None


def _about(clause: Token | None, denier: ActorRef, actors, voice) -> tuple[ActorRef, str | None, Token | None]:
    """(subject, predicate, content token) of what a denial bears on; the denier itself when the
    clause names nobody else ("denied that it had accepted")."""
    if clause is None:
        return denier, None, None
    return (_subject_ref(clause, actors, voice, denier) or denier), predicate_of(clause), clause


def _self_denial(tok: Token, actors, voice, cues: Cues) -> tuple[ActorRef, ActorRef, Token] | None:
    """"Moscow said it had not agreed to a ceasefire", "Hamas said it never accepted the plan": a
    speaker saying it did not do something is a denial of it (past or perfect only: "will not
    accept" is a stance, not a denial)."""
    if tok.lemma_.lower() not in cues.reporting_verbs or tok.lemma_.lower() in cues.confirm_verbs:
        return None
    speaker = _subject_ref(tok, actors, voice, None)
    if speaker is None or not speaker.actor_id:
        return None
    for comp in (c for c in children(tok) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
        if not is_negated(comp):
            continue
        auxes = {c.lower_ for c in children(comp) if c.dep_ in ("aux", "auxpass")}
        past = comp.tag_ == "VBD" or bool(auxes & {"had", "has", "have", "did"})
        if not past or auxes & {"will", "would", "can", "could", "shall", "may", "might"}:
            continue
        subject = _subject_ref(comp, actors, voice, speaker)
        aff = _affiliation(actors, speaker.actor_id)
        if subject is not None and subject.actor_id in (speaker.actor_id, aff):
            return speaker, subject, comp
    return None


def _denials(doc: Doc, actors, article: Article, voices: Voices, cues: Cues) -> Iterator[Claim]:
    seen: set[int] = set()   # sentences with a denial already

    def voice_at(tok: Token):
        return voices.speaker_at(tok.idx, tok.idx + len(tok.text))

    # every branch below opens on a confirming, denying or reporting verb or a denial word
    for tok in tokens_with(doc, cues.confirm_verbs | cues.denial_verbs | cues.reporting_verbs | cues.denial_words):
        lemma = tok.lemma_.lower()
        sent_key = sent_of(tok).start
        declined = tok.dep_ == "xcomp" and cues.stance_of.get(tok.head.lemma_.lower()) == "rejects"
        if tok.pos_ in ("VERB", "AUX") and lemma in cues.confirm_verbs and (is_negated(tok) or declined):
            voice = voice_at(tok)
            # "has never confirmed this", "declined to confirm that it had agreed"
            denier = _subject_ref(tok, actors, voice, None)
            if denier is None:
                continue
            comps = [c for c in children(tok) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
            subject, predicate, content = _about(comps[0] if comps else None, denier, actors, voice)
            stop = {t.i for c in children(tok) if c.dep_ in ("advcl", "conj", "cc") for t in subtree(c)}
            if not comps:
                stop |= {t.i for c in children(tok) if c.dep_ == "ccomp" for t in subtree(c)}
            ev = clause_span(tok.head if declined else tok, stop)
            yield _claim(article, denier, subject, content or tok, ev, -1, predicate, kind="never_confirmed")
            seen.add(sent_key)
        elif tok.pos_ == "VERB" and lemma in cues.denial_verbs:
            voice = voice_at(tok)
            denier = _subject_ref(tok, actors, voice, None)
            if denier is None:
                continue
            comps = [c for c in children(tok) if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
            objs = [c for c in children(tok) if c.dep_ == "dobj" and c.tag_ != "VBG"]
            gerund = _gerund(tok)
            if comps or gerund is not None:
                clause = comps[0] if comps else gerund
                subject, predicate, content = _about(clause, denier, actors, voice)
                if gerund is not None and not comps:
                    subject = denier
                yield _claim(article, denier, subject, content, clause_span(tok), -1, predicate, kind="denial")
                seen.add(sent_key)
            elif objs and (objs[0].lemma_.lower() in cues.denial_targets or lemma == "deny"):
                # "dismissed reports that it had accepted the plan", "rejected claims by Moscow that ..."
                subject, predicate, content = _about(_noun_clause(objs[0]), denier, actors, voice)
                yield _claim(article, denier, subject, content or tok, clause_span(tok), -1, predicate,
                             kind="denial", target=_target_actor(objs[0], actors, voice))
                seen.add(sent_key)
        elif sent_key not in seen and tok.pos_ in ("VERB", "AUX") and lemma in cues.reporting_verbs and (
                found := _self_denial(tok, actors, voice_at(tok), cues)):
            speaker, subject, comp = found
            stop = {t.i for c in children(tok) if c.dep_ in ("conj", "cc") for t in subtree(c)}
            yield _claim(article, speaker, subject, comp, clause_span(tok, stop), -1, predicate_of(comp),
                         kind="denial")
            seen.add(sent_key)
        elif sent_key not in seen and _denial_word(tok, cues):
            noun = _denied_noun(tok, cues)
            if noun is None:
                continue
            denier = _denier(tok, actors, voices)
            if denier is None:
                continue
            voice = voice_at(tok)
            subject, predicate, content = _about(_noun_clause(noun), denier, actors, voice)
            s, e = sentence_span(tok)
            cs, ce = clause_span(content) if content is not None else (s, e)
            denier, subject = clean_ref(denier, doc), clean_ref(subject, doc)
            yield Claim(record_id("claim", article.article_id, s, e, "denial"), article.article_id, denier,
                        subject, Span(text_of(doc)[cs:ce], cs, ce), s, e, polarity=-1, predicate=predicate,
                        kind="denial", target=_target_actor(noun, actors, voice))
            seen.add(sent_key)


def _denial_word(tok: Token, cues: Cues) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "ADJ" and lemma in cues.denial_adjectives:
        return True
    if tok.pos_ in ("NOUN", "VERB") and lemma in cues.denial_nouns and tok.dep_ in ("attr", "oprd", "dobj", "appos"):
        return True   # "called the claims lies" (the small model often tags such a "lies" as a verb)
    if tok.pos_ == "NOUN" and lemma in cues.denial_nouns:
        return True
    if tok.lemma_ == "reflect":
        return is_negated(tok)
    if not (tok.pos_ == "ADJ" and lemma in cues.negated_denial_adjectives or
            tok.pos_ == "NOUN" and lemma in cues.negated_denial_nouns):
        return False
    # "there is no truth to reports that ...", "the reports are not true"
    return is_negated(tok) or is_negated(tok.head) or any(c.dep_ == "det" and c.lower_ == "no" for c in children(tok))


def _denied_noun(tok: Token, cues: Cues) -> Token | None:
    """The statement-like noun a denial word bears on ("false statements", "the report is untrue")."""
    cands = []
    if tok.dep_ == "amod":
        cands.append(tok.head)
    # "no truth to reports that ...", "no basis for the claims"
    cands += [g for c in children(tok) if c.dep_ == "prep" and c.lower_ in ("to", "in", "for", "behind")
              for g in children(c) if g.dep_ == "pobj"]
    if tok.dep_ in ("acomp", "attr", "oprd"):
        cands += [c for c in children(tok.head) if c.dep_ in ("nsubj", "dobj", "nsubjpass")]
    if tok.pos_ == "VERB":   # "do not reflect"
        cands += [c for c in children(tok) if c.dep_ in ("nsubj",)]
    for c in cands:
        if c.lemma_.lower() in cues.denial_targets:
            return c
    return None


def extract_claims(doc: Doc, actors, article: Article, voices: Voices, cues: Cues) -> list[Claim]:
    claims = {c.claim_id: c for c in _assertions(doc, actors, article, voices, cues)}
    for c in _denials(doc, actors, article, voices, cues):
        claims.setdefault(c.claim_id, c)
    return sorted(claims.values(), key=lambda c: (c.start, c.end))
