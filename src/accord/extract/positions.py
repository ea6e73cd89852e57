"""Positions: where each actor stands on each issue, who says so, and how firmly.

A position comes from a stance verb whose subject is an actor ("Hamas has insisted that it will
only accept a permanent truce"; "X refuses to withdraw"), a stance noun with a possessor ("Israel's
demand for..."), a speaker's commitment about its own conduct ("Iran said it will refrain ... but
will respond if the talks fail" -> conditions), a speaker's verdict on something ("these are very
serious problems" -> rejects), or an event record of type AGREE/REJECT/REQUEST (a signature
is an event, no stance). When the words are
a third party's (a reporting verb's subject or a quote's speaker), that party is ``reported_by``.

``extract_positions`` also returns the article's issues, claims and contradictions, and adds
roles (party, mediator, ...) to the actors it was given.

Issues: a dossier issue when the dossier's signals recognise the words; else an issue discovered
in the article ("disagreements remain over X"); else the object of the stance when it is a
substantive common-noun phrase (``issue_filter`` in kb/stance_cues.yaml lists the light heads
that are not); else "overall-deal", the deal as a whole. A deal noun ("the bridging proposal for
a ceasefire", "the plan") is always the deal as a whole, so one proposal is one issue in every
article that names it.

Value (0-100 on the issue's scale) and salience (0-1), without a dossier, come from the stance
alone, as set per stance in kb/stance_cues.yaml: demands, insists, accepts and proposes put the
actor at 100 toward what its words name, rejects at 0, conditions at 60 (yes, on terms).
Salience follows firmness: insists/red line 0.85 > demands, rejects 0.7 > conditions 0.65 >
accepts, proposes 0.5, raised by intensifiers ("only", "never", "firmly") up to +0.2. A dossier's
low/high signals move the value to the pole the words name.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Container, Iterable

from spacy.tokens import Doc, Token

from accord.contradictions import find_contradictions
from accord.extract.claims import extract_claims
from accord.extract.event_lexicon import lexicon
from accord.extract.issues import discover_issues, match_issue, normalise
from accord.extract.stance import (Cues, actor_memo, clean_ref, has_condition, in_quote_marks, is_negated, load_cues,
                                   phrasal_lemma, resolve_actor, sent_tokens, sentence_span, slug, subject_of, within)
from accord.extract.voices import Voices, find_voices
from accord.ingest.text import headline_end
from accord.records import ActorRef, Article, Event, Issue, Position, Quote, record_id
from accord.nlp import (children, lefts, rights, sent_of, subtree, text_of, tokens, tokens_of_dep, tokens_of_pos,
                        tokens_with)

FLIP = {"accepts": "rejects", "demands": "rejects", "insists": "rejects", "proposes": "rejects",
        "rejects": "accepts", "conditions": "conditions"}
EVENT_STANCE = {"AGREE": "accepts", "CONCEDE": "accepts", "REJECT": "rejects", "REQUEST": "demands",
                "THREATEN": "rejects"}
# an act a party says it will do is a commitment ("Oslo would fund the process"): a stance, like an
# offer; the same act reported as done is not
INTENDED_STANCE = {"AID": "accepts", "SUPPORT": "accepts", "COOPERATE": "accepts", "RETREAT": "accepts"}


# ---------------------------------------------------------------------------------------------
# the object of a stance: what it is about


def _object_tokens(verb: Token) -> list[Token]:
    """The tokens a stance bears on: object, complement clause or prepositional object."""
    deps = ("dobj", "ccomp", "xcomp", "prep", "oprd", "attr", "acomp", "pobj", "dative", "advcl")
    out: list[Token] = []
    for c in children(verb):
        if c.dep_ in deps and not (c.dep_ == "advcl" and any(g.dep_ == "mark" for g in children(c))):
            out.extend(subtree(c))
    return sorted(out, key=lambda t: t.i)


def _object_label(verb: Token, actors, cues: Cues) -> str:
    """Short issue label from a stance's object ("a permanent, not temporary, truce" -> "permanent
    truce"); "" when the object names no matter in dispute (see ``issue_filter`` in the cues)."""
    comps = sorted((c for c in children(verb) if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                    and c.i > verb.i), key=lambda c: c.dep_ != "xcomp")
    for c in comps:
        inner = _object_label(c, actors, cues)
        subj = [g for g in children(c) if g.dep_ == "nsubj" and g.pos_ == "NOUN"]
        has_object = any(g.dep_ in ("dobj", "attr", "oprd") for g in children(c))
        if subj and not has_object and actors.ref_for_token(subj[0]) is None and \
                subj[0].lemma_.lower() not in cues.light_nouns:
            # "that the war can only end ...": an intransitive clause's subject names the issue
            return subj[0].lemma_.lower() if c.lemma_ == "be" else f"{subj[0].lemma_.lower()} {c.lemma_.lower()}"
        lemma = phrasal_lemma(c)
        if c.lemma_.lower() in cues.light_verbs or lemma in cues.stance_of or c.lemma_.lower() in cues.stance_of:
            return inner
        if c.lemma_.lower() in cues.commitment_verbs:
            return inner or lemma
        return f"{lemma} {inner}".strip() if inner else ""
    for c in children(verb):
        # "will not recognise any of the occupied land": the quantifier's "of" object
        if c.dep_ == "dobj" and c.pos_ in ("PRON", "DET", "NUM"):
            for g in (g for p in children(c) if p.dep_ == "prep" and p.lower_ == "of" for g in children(p)):
                if g.dep_ == "pobj" and g.pos_ == "NOUN":
                    return _np_label(g, cues)
    for dep in ("dobj", "pobj", "attr", "oprd"):
        for c in children(verb):
            if c.dep_ == dep and c.pos_ in ("NOUN", "PROPN") and actors.ref_for_token(c) is None:
                label = _np_label(c, cues)
                if label:
                    return label   # else "close any path to a weapon": the verb's "to" object
    for c in children(verb):
        if c.dep_ == "prep" and c.lower_ in cues.object_preps:
            for g in children(c):
                if g.dep_ == "pobj" and g.pos_ == "NOUN":
                    return _np_label(g, cues)
                if g.dep_ == "pcomp" and g.pos_ == "VERB":
                    inner = _object_label(g, actors, cues)
                    light = g.lemma_.lower() in cues.light_verbs or g.lemma_.lower() in cues.stance_of
                    return inner if light or not inner else f"{g.lemma_.lower()} {inner}"
    return ""


def _np_label(head: Token, cues: Cues | None = None, depth: int = 0) -> str:
    """Label of the noun phrase headed by ``head``: its modifiers, the head, an "of" complement.

    A deal noun ("the bridging proposal for a ceasefire") is the deal itself, whatever it is for,
    so one proposal lands on one issue in every article that names it. A light noun ("the number
    of troops", "any path to a weapon", "its right to enrich uranium") passes to its complement."""
    cues = cues or load_cues()
    lemma = head.lemma_.lower()
    if lemma in cues.deal_nouns:
        return lemma
    if lemma in cues.light_nouns or head.pos_ == "PRON":
        if depth >= 3:
            return ""
        for c in rights(head):
            if c.dep_ == "prep" and c.lower_ in cues.object_preps:
                for g in children(c):
                    if g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_:
                        return _np_label(g, cues, depth + 1)
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.tag_ == "VB":
                # "its right to enrich uranium": the infinitive names the matter
                obj = [g for g in children(c) if g.dep_ == "dobj" and g.pos_ == "NOUN"]
                if obj:
                    inner = _np_label(obj[0], cues, depth + 1)
                    return f"{c.lemma_.lower()} {inner}".strip() if inner else ""
        return ""
    words = []
    for c in lefts(head):
        if c.dep_ in ("amod", "compound") and not any(g.dep_ == "neg" for g in children(c)) and c.pos_ != "PROPN":
            if c.lemma_.lower() in ("only", "such", "other", "new", "latest") or c.tag_ in ("JJR", "JJS", "RBR"):
                continue
            words.append(c.lemma_.lower())
    words.append(lemma)
    for c in rights(head):
        if c.dep_ == "prep" and c.lower_ in ("of", "to", "for", "on"):
            for g in children(c):
                if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() not in cues.light_nouns:
                    words.append(g.lemma_.lower())
            break
    return " ".join(words[-4:])


# ---------------------------------------------------------------------------------------------
# issues and values


class IssueBook:
    """Issues known while reading one article: the dossier's, discovered ones, and ones made
    from the objects of stances when nothing else fits."""

    def __init__(self, article: Article, dossier, discovered: list[Issue], extra: Iterable[Issue] = (),
                 cues: Cues | None = None):
        self.cues = cues or load_cues()
        self.article = article
        self.dossier = dossier
        self.issues: dict[str, Issue] = {}
        if dossier is not None:
            for di in dossier.issues:
                self.issues[di.id] = Issue(di.id, di.label, di.description, di.low, di.high, origin="dossier")
        self.used: set[str] = set()
        for i in (*extra, *discovered):
            # with a dossier, a discovered issue its signals recognise is the dossier's issue
            di = self._dossier_match(f"{i.label} {i.description or ''}") if dossier is not None else None
            if di is not None:
                if i in discovered:
                    self.used.add(di.id)
                continue
            self.issues.setdefault(i.issue_id, i)
            if i in discovered:
                self.used.add(i.issue_id)

    def _dossier_match(self, text: str):
        words = " " + " ".join(normalise(text)) + " "
        best, best_n = None, 0
        for di in self.dossier.issues:
            n = sum(f" {' '.join(normalise(p))} " in words for p in (*di.signals, *di.low_signals, *di.high_signals))
            if n > best_n:
                best, best_n = di, n
        return best

    def value(self, issue_id: str, text: str, stance: str, cues: Cues) -> float:
        base = cues.value.get(stance, 50.0)
        di = self.dossier.issue(issue_id) if self.dossier is not None else None
        if di is None:
            return base
        words = " " + " ".join(normalise(text)) + " "

        def hits(phrases):
            n = 0
            for p in phrases:
                key = f" {' '.join(normalise(p))} "
                at = words.find(key)
                if at >= 0 and not words[max(0, at - 5):at].endswith(" not"):
                    n += 1
            return n
        high, low = hits(di.high_signals), hits(di.low_signals)
        if high == low:
            return base
        pole = 100.0 if high > low else 0.0
        if stance == "rejects":
            pole = 100.0 - pole
        elif stance == "conditions":
            pole = 0.6 * pole + 0.4 * 50.0
        return pole

    def find(self, text: str, label: str, exclude: Iterable[str], evidence: tuple[int, int]) -> Issue:
        if self.dossier is not None:
            di = self._dossier_match(text)
            if di is not None:
                self.used.add(di.id)
                return self.issues[di.id]
        hit = match_issue(label, self.issues.values(), exclude=exclude) if label else None
        deal = not label or label.split()[-1] in self.cues.deal_nouns
        if hit is None and (not label or not deal):
            hit = match_issue(text, self.issues.values(), exclude=exclude)
        if hit is not None:
            self.used.add(hit.issue_id)
            return hit
        if deal:
            iid, dlabel = self.cues.default_issue
            self.issues.setdefault(iid, Issue(iid, dlabel, origin="discovered", article_id=self.article.article_id,
                                              start=evidence[0], end=evidence[1]))
            self.used.add(iid)
            return self.issues[iid]
        iid = slug(label)
        if iid not in self.issues:
            self.issues[iid] = Issue(iid, label, description=None, origin="discovered",
                                     article_id=self.article.article_id, start=evidence[0], end=evidence[1])
        self.used.add(iid)
        return self.issues[iid]

    def article_issues(self) -> list[Issue]:
        return [i for iid, i in self.issues.items() if iid in self.used]


# ---------------------------------------------------------------------------------------------
# who reports a stance


def _reporter(verb: Token, actor_id: str, actors, voices: Voices, cues: Cues) -> str | None:
    """The outermost third party whose words carry the stance: a quote's speaker, else the subject of
    a reporting verb governing it ("X says Netanyahu wants ...")."""
    voice = voices.speaker_at(verb.idx, verb.idx + len(verb.text))
    # "Saudi Arabia wants a buffer zone, according to two sources": the sources report it, whatever
    # a quote span around the sentence says
    for tok in (verb, *verb.ancestors):
        for prep in children(tok):
            if prep.dep_ == "prep" and prep.lower_ == "according":
                objs = [g for to in children(prep) for g in children(to) if g.dep_ == "pobj"]
                ref = resolve_actor(objs[0], actors) if objs else None
                return ref.actor_id if ref is not None and ref.actor_id and ref.actor_id != actor_id else None
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in children(verb)) \
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in children(verb)) \
            and not within(verb.idx, verb.idx + len(verb.text), in_quote_marks(verb.doc)):
        # "X demanded ..., while Y sought ...": Y's clause is narration beside X's words, even
        # when a quote span swallows the whole sentence
        return None
    if voice is not None and voice.actor_id and voice.actor_id != actor_id:
        span = verb.doc.char_span(voice.start, voice.end, alignment_mode="expand")
        speaker = actors.actors.get(voice.actor_id)
        if span is not None and speaker is not None and speaker.kind != "person":
            person = _named_person_in(span.root, actors, actor_id)
            if person is not None:
                return person.actor_id
        return voice.actor_id
    if voice is not None and voice.actor_id == actor_id and within(
            verb.idx, verb.idx + len(verb.text), in_quote_marks(verb.doc)):
        # the actor's own quoted words; a parse that hangs the quote on the next paragraph's
        # "Y said" must not make Y its reporter
        return None
    reporter = None
    tok = verb
    while tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ == "advcl":
            break   # "X insisted ..., while Y insisted ...": Y's clause is not X's words
        # a complement of a reporting verb is its subject's words; a coordinated verb is not
        if tok.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in cues.reporting_verbs:
            subj = subject_of(head)
            ref = resolve_actor(subj, actors, fallback=voice) if subj is not None else None
            if subj is not None and subj.pos_ == "NOUN":
                # a title heads the phrase; the person it names is the speaker, not the state
                # or body the title mentions ("U.S. senior adviser ... Massad Boulos")
                ref = _named_person_in(subj, actors, actor_id) or ref
            if ref is not None and ref.actor_id and ref.actor_id != actor_id:
                reporter = ref.actor_id
        if (tok.dep_ == "dobj" or tok.dep_ == "prep" and tok.lower_ == "of") and head.lemma_.lower() in ("accuse", "charge"):
            subj = subject_of(head)
            ref = resolve_actor(subj, actors, fallback=voice) if subj is not None else None
            if ref is not None and ref.actor_id != actor_id:
                reporter = ref.actor_id
        tok = head
    return reporter


def _named_person_in(subj: Token, actors, actor_id: str) -> ActorRef | None:
    """"U.S. senior adviser for Africa Massad Boulos, who ..., said": the parse may hang the name
    under the title, so the person named in the subject phrase (outside its relative clauses)
    is the speaker."""
    skip = {t.i for c in subtree(subj) if c.dep_ in ("relcl", "acl") for t in subtree(c)}
    for t in subtree(subj):
        if t.i in skip or t.pos_ != "PROPN":
            continue
        ref = actors.ref_for_token(t)
        a = actors.actors.get(ref.actor_id) if ref is not None and ref.actor_id else None
        if a is not None and a.kind == "person" and ref.actor_id != actor_id:
            return ref
    return None


# ---------------------------------------------------------------------------------------------
# positions


def _salience(stance: str, toks: Iterable[Token], cues: Cues, intensifiers: Container[int]) -> float:
    """``intensifiers``: indices of the Doc's tokens that are intensifiers, by word or lemma."""
    s = cues.salience.get(stance, 0.5)
    boost = sum(0.08 for t in toks if t.i in intensifiers)
    return round(min(1.0, s + min(boost, 0.2)), 2)


def _hedged(toks: Iterable[Token], hedges: Container[int]) -> bool:
    """``hedges``: indices of the Doc's tokens that are hedges, by word or lemma."""
    # modal hedges only as modals ("may" the verb, not May the month)
    return any(t.i in hedges and (t.pos_ != "PROPN") and (t.tag_ == "MD" or t.pos_ in ("ADV", "VERB"))
               for t in toks)


def _actor_for(verb: Token, actors, voices: Voices) -> ActorRef | None:
    voice = voices.speaker_at(verb.idx, verb.idx + len(verb.text))
    subj = subject_of(verb)
    if subj is None and verb.dep_ == "pcomp" and verb.pos_ == "VERB" and verb.head.lower_ == "of" and \
            verb.head.head.lemma_.lower() in ("accuse", "charge"):
        # "accused the RSF of refusing to open corridors": the accused is the one said to refuse
        subj = next((c for c in children(verb.head.head) if c.dep_ == "dobj"), None)
    if subj is None:
        return None
    if subj.dep_ == "nsubjpass" and subj.head.i == verb.i and verb.tag_ == "VBN":
        # "it is backed by a monitoring mechanism", "Biden was asked by reporters": the agent takes
        # the stance, not the passive subject
        agent = [g for c in children(verb) if c.dep_ == "agent" for g in children(c) if g.dep_ == "pobj"]
        if agent:
            return resolve_actor(agent[0], actors, fallback=voice)
    bound = _bound_pronoun(verb, subj, actors, voice)
    if bound is not False:
        return bound
    ref = resolve_actor(subj, actors, fallback=voice)
    if ref is None and subj.lemma_.lower() in load_cues().government_nouns:
        # "the government of Prime Minister X"
        ref = next((resolve_actor(g, actors) for c in children(subj) if c.dep_ == "prep" and c.lower_ == "of"
                    for g in children(c) if g.dep_ == "pobj"), None)
        if ref is not None:
            ref = ActorRef(ref.actor_id, subj.doc[subj.left_edge.i:subj.right_edge.i + 1].text,
                           subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text))
    ref = _government_state(subj, ref, actors)
    if ref is None and subj.pos_ == "NOUN" and verb.dep_ == "conj" and subj.head.i != verb.i:
        # "X said the talks had made progress and called for ...": the parse joins "called" to
        # the reported clause; an inanimate inherited subject takes no stance, the reporter does
        head = verb.head
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in load_cues().reporting_verbs:
            s = subject_of(head.head)
            if s is not None:
                ref = resolve_actor(s, actors, fallback=voice)
    if ref is None and subj.pos_ == "PRON" and subj.lower_ in ("it", "they", "he", "she"):
        # "X has insisted that it will ...", "X said it will ...": the matrix subject
        tok = verb
        while tok.head.i != tok.i and tok.dep_ in ("ccomp", "xcomp", "conj", "advcl"):
            tok = tok.head
            s = subject_of(tok)
            if s is not None and s.i != subj.i:
                ref = resolve_actor(s, actors, fallback=voice)
                if ref is not None:
                    break
    return ref


def _government_state(subj: Token, ref: ActorRef | None, actors) -> ActorRef | None:
    """"His government proposed", "the government of Prime Minister X demanded": a leader's
    government speaks for the leader's state, not for the leader in person."""
    if ref is None or subj.lemma_.lower() not in load_cues().government_nouns:
        return ref
    person = actors.actors.get(ref.actor_id)
    if person is None or person.kind != "person" or not person.affiliation:
        return ref
    state = actors.actors.get(person.affiliation)
    if state is None or state.kind != "state":
        return ref
    return ActorRef(state.actor_id, ref.text, ref.start, ref.end)


def _bound_pronoun(verb: Token, subj: Token, actors, voice) -> ActorRef | None | bool:
    """"Aid agencies said they needed safe routes": a pronoun subject of a reported clause whose
    number agrees with the reporting verb's subject refers to that subject (None when the subject
    is no actor); False when the rule does not apply."""
    if subj.pos_ != "PRON" or subj.lower_ not in ("they", "it") or verb.dep_ != "ccomp":
        return False
    matrix = subject_of(verb.head)
    if matrix is None or matrix.pos_ != "NOUN":
        return False   # names and pronouns are the actor layer's to resolve
    plural = matrix.tag_ == "NNS"
    if (subj.lower_ == "they") != plural:
        return False
    return resolve_actor(matrix, actors, fallback=voice)


def _stance_of_verb(verb: Token, cues: Cues) -> str | None:
    # a verb with its preposition first: "warn against" rejects, "push for" demands
    for c in children(verb):
        if c.dep_ == "prep" and f"{verb.lemma_.lower()} {c.lower_}" in cues.stance_of:
            return cues.stance_of[f"{verb.lemma_.lower()} {c.lower_}"]
    lemma = phrasal_lemma(verb)
    stance = cues.stance_of.get(lemma) or cues.stance_of.get(verb.lemma_.lower())
    if stance is None:
        return None
    # "call" is a demand only as "call for" / "call on"; "back" only with an object
    # ("called for the US to remove ...": "for" may be parsed as the mark of the clause)
    if verb.lemma_ == "call" and not any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in children(verb)) \
            and not any(g.dep_ == "mark" and g.lower_ == "for" and g.i == verb.i + 1
                        for c in children(verb) for g in children(c)):
        return None
    # "warned that Israel might reject it": a forecast; "warned Iran to stop" is the demand
    if verb.lemma_ == "warn" and any(c.dep_ == "ccomp" for c in children(verb)) and \
            not any(c.dep_ == "xcomp" for c in children(verb)):
        return None
    if verb.lemma_.lower() in cues.clause_only_verbs and not any(
            c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in children(verb)):
        return None
    if verb.lemma_ in ("back", "support", "want", "need", "seek", "accept", "reject", "oppose") and not any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "prep") for c in children(verb)) and lemma == verb.lemma_:
        return None
    return stance


def _not_a_stance(verb: Token, cues: Cues) -> bool:
    """Stance words that take no position: refusing to speak ("declined to comment on the
    details"), judging progress ("did not expect a breakthrough", "reached a better
    understanding"), a passive with no agent ("it was agreed that ...": nobody named agrees)."""
    lemma = verb.lemma_.lower()
    if verb.dep_ != "relcl" and any(t.tag_ in ("WDT", "WP") and t.dep_ in ("dobj", "det") and t.i < verb.i
                                    for t in subtree(verb)):
        return True   # "what guarantees Europe would offer": an open question, not an offer
    if lemma in cues.no_comment_verbs and verb.dep_ == "xcomp" and \
            cues.stance_of.get(verb.head.lemma_.lower()) == "rejects":
        return True
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in cues.no_comment_verbs for c in children(verb)) and \
            cues.stance_of.get(lemma) == "rejects":
        return True
    for c in children(verb):
        if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN":
            head = c.lemma_.lower()
            comparative = any(g.tag_ in ("JJR", "RBR") or g.lower_ in ("some", "more") for g in children(c))
            if head in cues.progress_nouns or (head in cues.deal_nouns | {"understanding"} and comparative):
                return True
    if any(c.dep_ == "nsubjpass" or c.dep_ == "auxpass" for c in children(verb)) and \
            not any(c.dep_ == "agent" for c in children(verb)):
        # adjectival passives still take a stance: "Israel is opposed to", "committed to"
        if not any(c.dep_ == "prep" and c.lower_ == "to" for c in children(verb)):
            return True
    return False


def _demanded_of(verb: Token, actor: ActorRef, actors, voices: Voices, cues: Cues) -> bool:
    """"Washington wants Iran to give up ...": the complement of another actor's demand or proposal
    is what that actor asks for, not the stance of the complement's subject."""
    if verb.dep_ not in ("ccomp", "xcomp"):
        return False
    head = verb.head
    # "Russia insists that Ukraine abandon its bid": a mandative subjunctive (bare verb, no
    # auxiliary) after a verb of insisting states the demand, not the complement subject's stance
    subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    bare = verb.tag_ == "VB" or verb.tag_ == "VBP" and subj is not None and subj.tag_ in ("NNP", "NN")
    mandative = bare and not any(c.dep_ in ("aux", "auxpass") for c in children(verb)) and \
        cues.stance_of.get(phrasal_lemma(head)) in ("insists", "demands")
    if head.lemma_.lower() in cues.reporting_verbs and not mandative:
        return False
    if cues.stance_of.get(phrasal_lemma(head)) not in ("demands", "proposes") and not mandative:
        return False
    other = _actor_for(head, actors, voices)
    return other is not None and other.actor_id != actor.actor_id


def _speculated(verb: Token, actor: ActorRef, actors, voices: Voices, cues: Cues) -> bool:
    """"A diplomat warned that the coalition partners could still block a deal": what another
    party might do, in someone else's words, is a forecast, not that party's stated position."""
    if verb.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may")
                                       for c in children(verb)):
        return False
    if verb.head.lemma_.lower() not in cues.reporting_verbs:
        return False
    subj = subject_of(verb.head)
    other = resolve_actor(subj, actors) if subj is not None else None
    return other is None or other.actor_id != actor.actor_id


def _denied_content(verb: Token, cues: Cues) -> str | None:
    """Whether a clause is what someone denies ("denied that it had agreed", "denied agreeing"),
    or words nobody asserts: the content of a report or claim ("reports that Israel had
    accepted"), or of a confirmation withheld ("declined to confirm that it had agreed")."""
    head = verb.head
    if verb.dep_ in ("ccomp", "xcomp", "dobj", "pcomp") and head.lemma_.lower() in cues.denial_verbs:
        return "denied"
    if verb.dep_ == "ccomp" and head.lemma_.lower() in cues.confirm_verbs and (
            is_negated(head) or head.dep_ == "xcomp" and cues.stance_of.get(head.head.lemma_.lower()) == "rejects"):
        return "unasserted"
    has_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in children(verb))
    if has_that and verb.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and \
            head.lemma_.lower() in cues.denial_targets:
        return "unasserted"
    if has_that and verb.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in cues.denial_targets
                                                 and c.pos_ == "NOUN" and c.i < verb.i for c in children(head)):
        return "unasserted"
    return None


def _commitment(verb: Token, cues: Cues) -> bool:
    """A future commitment about one's own conduct: "it will refrain", "we will not attend"."""
    if verb.lemma_.lower() not in cues.commitment_verbs:
        return False
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in children(verb)):
        if not (verb.dep_ == "conj" and any(c.dep_ == "aux" and c.lower_ in ("will", "would")
                                            for c in children(verb.head))):
            return False
    return True


def _tied_acts(doc: Doc, cues: Cues) -> list[Token]:
    """"Pristina will create the association only after Serbia signals ...": any act a party
    says it will do only on a condition is a conditional commitment, whatever the verb."""
    out = []
    for mark in tokens_with(doc, words=cues.restrictive_marks):
        clause = mark.head if mark.dep_ == "mark" else None
        if clause is None or clause.dep_ != "advcl" or clause.head == clause:
            continue
        if mark.lower_ not in ("unless", "until") and (mark.i == 0 or mark.nbor(-1).lower_ != "only"):
            continue   # "after the talks" is a time; "only after" a condition
        act = clause.head
        if act.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in children(act)) \
                and act not in out:
            out.append(act)
    return out


def _conditional(verb: Token, cues: Cues) -> bool:
    if has_condition(verb, cues) is not None:
        return True
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in children(verb))
    for c in verb.conjuncts:
        # "warned it will strike if ..., and Netanyahu urged ...": a conjunct with its own subject
        # does not share the other's condition
        if own_subject and any(g.dep_ in ("nsubj", "nsubjpass") for g in children(c)):
            continue
        if has_condition(c, cues) is not None:
            return True
    if any(t.lemma_.lower() in ("conditional", "contingent") for t in subtree(verb)):
        return True
    # prepositional conditions: "in exchange for", "in return for", "on condition that"
    words = " ".join(t.lower_ for t in subtree(verb))
    return any(f" {m} " in f" {words} " for m in cues.condition_markers if " " in m and m != "only if")


def _noun_headed(label: str, sent: list[Token]) -> bool:
    """Whether a label made from a stance's object holds a common noun of its sentence (tokens)."""
    words = set(label.split())
    return any(t.pos_ == "NOUN" and t.ent_type_ == "" and t.lemma_.lower() in words for t in sent)


class _Builder:
    def __init__(self, doc: Doc, actors, article: Article, voices: Voices, book: IssueBook, cues: Cues):
        self.doc, self.actors, self.article, self.voices, self.book, self.cues = doc, actors, article, voices, book, cues
        self.positions: dict[str, Position] = {}
        self.taken: set[tuple[str, int]] = set()    # (actor, token index) already used
        self.seen: set[tuple] = set()                # one position per actor, sentence, stance, reporter
        self._names: list[str] | None = None
        # the Doc's intensifiers and hedges, by word or lemma, found once rather than per position
        self.intensifiers = {t.i for t in tokens_with(doc, cues.intensifiers, words=cues.intensifiers)}
        self.hedges = {t.i for t in tokens_with(doc, cues.hedges, words=cues.hedges)}
        self.head_end = headline_end(text_of(doc), article)

    def names(self) -> list[str]:
        if self._names is None:   # the actors' names do not change while positions are found
            self._names = [a.name for a in self.actors.actors.values()] + [m.text for m in self.actors.mentions]
        return self._names

    def add(self, actor: ActorRef, stance: str, verb: Token, evidence: tuple[int, int], content: list[Token],
            label: str, confidence: float, modality: str = "actual") -> Position | None:
        if evidence[0] < self.head_end:
            return None   # the headline restates the story; its positions are in the text
        actor = clean_ref(actor, self.doc)
        # words and lemmas, so "retaliating" meets the signal "retaliate"
        toks_ = content or sent_tokens(verb)
        text = " ".join(t.text for t in toks_) + " | " + " ".join(t.lemma_ for t in toks_)
        if label and not _noun_headed(label, sent_tokens(verb)):
            # "refused to do so", "said it would happen", "Moscow": no issue is named, so the
            # stance bears on the deal as a whole rather than on an invented issue
            label = ""
        issue = self.book.find(text, label, self.names(), evidence)
        reported = _reporter(verb, actor.actor_id, self.actors, self.voices, self.cues)
        spokesman = self.actors.actors.get(reported) if reported else None
        if spokesman is not None and spokesman.affiliation == actor.actor_id:
            # an official speaking for their own side states its position: "Peskov said Moscow was
            # open to dialogue" is Peskov's (the scenario folds him into Russia)
            reported = None
            subj = subject_of(verb)
            if spokesman.kind == "person" and not (
                    subj is not None and subj.lemma_.lower() in self.cues.government_nouns
                    and any(c.dep_ == "poss" for c in children(subj))):
                # ("his government had proposed": the government's act, its state's position;
                # "said the government remained open to dialogue" is the speaker's)
                actor = self._mention_ref(spokesman.actor_id, verb) or actor
        toks = sent_tokens(verb)
        if reported:
            confidence -= 0.2
        if _hedged(toks, self.hedges):
            confidence -= 0.15
        key = (actor.actor_id, sent_of(verb).start, stance, reported)
        if key in self.seen:
            return None
        self.seen.add(key)
        value = self.book.value(issue.issue_id, text, stance, self.cues)
        pid = record_id("position", self.article.article_id, actor.actor_id, issue.issue_id, verb.idx)
        pos = Position(pid, self.article.article_id, actor.actor_id, issue.issue_id, stance, value,
                       _salience(stance, toks, self.cues, self.intensifiers), evidence[0], evidence[1], actor=actor,
                       reported_by=reported, confidence=round(max(0.1, min(0.95, confidence)), 2),
                       text=text_of(self.doc)[evidence[0]:evidence[1]], modality=modality)
        self.positions.setdefault(pid, pos)
        return pos

    def _mention_ref(self, actor_id: str, tok: Token) -> ActorRef | None:
        """A reference to the actor at its mention in ``tok``'s sentence, else its last one before."""
        sent = sent_of(tok)
        lo, hi = sent.start_char, sent.end_char
        mine = [m for m in self.actors.mentions if m.actor_id == actor_id and m.start < hi]
        inside = [m for m in mine if m.start >= lo]
        best = min(inside, key=lambda m: m.start) if inside else max(mine, key=lambda m: m.start, default=None)
        return ActorRef(actor_id, best.text, best.start, best.end) if best is not None else None

    def consume(self, actor_id: str, verb: Token, spare: Iterable[Token] = ()) -> None:
        """Mark the verbs under ``verb`` as used for the actor, except those under ``spare``."""
        spared = {t.i for c in spare for t in subtree(c)}
        for t in subtree(verb):
            if t.i in spared:
                continue
            if t.pos_ not in ("VERB", "AUX") or subject_of(t) is None:
                continue
            ref = _actor_for(t, self.actors, self.voices)
            if ref is None or ref.actor_id == actor_id:
                self.taken.add((actor_id, t.i))
            elif t.i != verb.i and t.dep_ == "ccomp" and self._same_side(ref.actor_id, actor_id):
                # "Netanyahu insisted that Israel will keep the right ...": the leader's insisting
                # is the position; his state's clause inside it is not a second one
                self.taken.add((ref.actor_id, t.i))

    def _same_side(self, a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        x, y = self.actors.actors.get(a), self.actors.actors.get(b)
        return bool(x is not None and x.affiliation == b or y is not None and y.affiliation == a)

    def from_verbs(self) -> None:
        cues = self.cues
        # heads before dependents, so "insisted that it will only accept" is one position; only a
        # verb that may be a stance verb (see Cues.stance_heads) or a commitment verb is looked at
        verbs = [t for t in tokens_with(self.doc, cues.stance_heads | cues.commitment_verbs, spaced=True)
                 if t.pos_ in ("VERB", "AUX")]
        tied = _tied_acts(self.doc, cues)
        verbs += [t for t in tied if t not in verbs]
        order = sorted(verbs, key=lambda t: (sent_of(t).start, sum(1 for _ in t.ancestors), t.i))
        for verb in order:
            stance = _stance_of_verb(verb, cues)
            commitment = stance is None and (_commitment(verb, cues) or verb in tied)
            if stance is None and not commitment:
                continue
            if verb.dep_ in ("amod", "acl", "relcl") and verb.tag_ == "VBN":
                continue   # "the proposed deal": no stance-taker
            if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children(verb)):
                continue   # "if Kyiv accepted ...": a hypothesis, not a stance
            if any(c.dep_ == "dobj" and c.lemma_.lower() in cues.denial_targets and c.pos_ == "NOUN"
                   for c in children(verb)) and stance in ("rejects", "accepts"):
                continue   # "rejected the accusation" is a denial (claims.py), not a stance on an issue
            if _not_a_stance(verb, cues):
                continue
            actor = _actor_for(verb, self.actors, self.voices)
            if actor is None or not actor.actor_id or (actor.actor_id, verb.i) in self.taken:
                continue
            if _demanded_of(verb, actor, self.actors, self.voices, cues):
                continue
            if _speculated(verb, actor, self.actors, self.voices, cues):
                continue
            a = self.actors.actors.get(actor.actor_id)
            if a is not None and a.is_outlet:
                continue
            negated = is_negated(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("refuse", "decline", "fail"))
            # "the Kremlin denied that Putin had agreed": the denied act did not happen
            denied = _denied_content(verb, cues)
            if denied == "unasserted":
                continue
            if denied == "denied":
                negated = not negated
            if commitment:
                stance = "rejects" if negated else "accepts"
            elif negated:
                # "will never give up its right": refusing to relinquish is insisting
                never = any(c.lower_ == "never" for c in children(verb))
                relinquish = phrasal_lemma(verb) in cues.relinquish_verbs or verb.lemma_.lower() in cues.relinquish_verbs
                stance = "insists" if (never or relinquish) and stance == "rejects" else FLIP[stance]
            modality = "actual"
            # "it will keep talking, but will walk away if ...": one conditional commitment
            linked = [verb]
            if commitment:
                linked += [t for t in sent_tokens(verb) if t.i != verb.i and t.pos_ == "VERB"
                           and any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in children(t))
                           and (a2 := _actor_for(t, self.actors, self.voices)) is not None
                           and a2.actor_id == actor.actor_id]
            if any(_conditional(v, cues) for v in linked):
                stance, modality = "conditions", "conditional"
            content = _object_tokens(verb)
            label = _object_label(verb, self.actors, cues)
            # the stance of a denied claim ("never agreed") still counts: it is the actor's word
            evidence = sentence_span(verb)
            conf = 0.75 if not self.voices.speaker_at(verb.idx, verb.idx + 1) else 0.8
            if self.add(actor, stance, verb, evidence, content, label, conf if not commitment else conf - 0.1,
                        modality):
                # "Thailand and Cambodia wanted a ceasefire": each coordinated subject holds it
                for other in self._co_subjects(verb, actor):
                    if (other.actor_id, verb.i) not in self.taken and \
                            self.add(other, stance, verb, evidence, content, label, conf - 0.05, modality):
                        self.taken.add((other.actor_id, verb.i))
                # "reject any withdrawal and want recognition": a coordinated verb of another
                # stance is a position of its own
                own = [c for c in verb.conjuncts if c.i > verb.i and stance != "conditions"
                       and _stance_of_verb(c, cues) not in (None, stance)]
                self.consume(actor.actor_id, verb, spare=own)
                for v in linked[1:]:
                    self.taken.add((actor.actor_id, v.i))
                for c in verb.conjuncts:
                    if c in own:
                        continue
                    if c.i > verb.i and (stance == "conditions" or subject_of(c) is None or (subject_of(verb) is not None and subject_of(c).i == subject_of(verb).i)):
                        self.consume(actor.actor_id, c)

    def _co_subjects(self, verb: Token, actor: ActorRef) -> list[ActorRef]:
        subj = subject_of(verb)
        if subj is None or subj.pos_ == "PRON":
            return []
        voice = self.voices.speaker_at(verb.idx, verb.idx + 1)
        out = []
        for c in subj.conjuncts:
            ref = resolve_actor(c, self.actors, fallback=voice)
            if ref is not None and ref.actor_id and ref.actor_id != actor.actor_id and \
                    all(r.actor_id != ref.actor_id for r in out):
                out.append(ref)
        return out

    def from_nouns(self) -> None:
        """"Israel's demand for ...", "Hamas's rejection of ..."."""
        for tok in tokens_with(self.doc, self.cues.noun_stance):
            if tok.pos_ != "NOUN":
                continue
            stance = self.cues.noun_stance.get(tok.lemma_.lower())
            if stance is None or stance == "rejects" and tok.lemma_.lower() in ("problem", "obstacle"):
                continue
            poss = [c for c in children(tok) if c.dep_ == "poss"]
            if not poss:
                continue
            if poss[0].pos_ == "PRON":
                continue
            voice = self.voices.speaker_at(tok.idx, tok.idx + 1)
            actor = resolve_actor(poss[0], self.actors, fallback=voice)
            if actor is None or (actor.actor_id, tok.i) in self.taken:
                continue
            content = [t for c in children(tok) if c.dep_ in ("prep", "acl") for t in subtree(c)]
            label = _object_label(tok, self.actors, self.cues)
            self.add(actor, stance, tok, sentence_span(tok), content, label, 0.6)
            self.taken.add((actor.actor_id, tok.i))

    def from_verdicts(self) -> None:
        """A speaker's verdict: "these are very serious problems", "this is unacceptable"."""
        for tok in tokens_of_dep(self.doc, "attr", "acomp"):
            lemma = tok.lemma_.lower()
            if tok.dep_ not in ("attr", "acomp") or tok.head.lemma_ != "be":
                continue
            mods = " ".join(c.lower_ for c in lefts(tok) if c.dep_ in ("amod", "compound"))
            stance = self.cues.adj_stance.get(lemma) or (
                (self.cues.noun_stance.get(f"{mods} {lemma}".strip()) or self.cues.noun_stance.get(lemma))
                if tok.pos_ == "NOUN" else None)
            if stance not in ("rejects", "insists"):
                continue
            # whose verdict: the quote's speaker, else the subject of the verb reporting it
            voice = self.voices.speaker_at(tok.idx, tok.idx + 1)
            if (voice is None or not voice.actor_id) and tok.head.dep_ == "ccomp" and \
                    tok.head.head.lemma_.lower() in self.cues.reporting_verbs:
                subj = subject_of(tok.head.head)
                voice = resolve_actor(subj, self.actors) if subj is not None else None
            if voice is None or not voice.actor_id:
                continue
            if (voice.actor_id, tok.head.i) in self.taken:
                continue
            subj = [c for c in children(tok.head) if c.dep_ in ("nsubj", "expl")]
            target = subj[0] if subj else None
            if target is not None and target.lower_ == "it" and any(
                    c.dep_ in ("xcomp", "ccomp") for c in (*children(tok.head), *children(tok))):
                continue   # "it is impossible to predict": extraposition, no verdict on a thing
            if target is not None and target.lower_ in ("these", "this", "that", "those", "it"):
                prev = sent_of(tok).start - 1
                text_toks = sent_tokens(self.doc[prev]) if prev >= 0 else sent_tokens(tok)
            else:
                text_toks = list(subtree(target)) if target is not None else sent_tokens(tok)
            label = _np_label(target, self.cues) if target is not None and target.pos_ == "NOUN" else ""
            self.add(voice, stance, tok.head, sentence_span(tok), text_toks, label, 0.6)

    def _verdict_voice(self, tok: Token, head: Token) -> ActorRef | None:
        """Whose verdict a copular sentence is: the quote's speaker, else the subject of the verb
        reporting it."""
        voice = self.voices.speaker_at(tok.idx, tok.idx + 1)
        if (voice is None or not voice.actor_id) and head.dep_ == "ccomp" and \
                head.head.lemma_.lower() in self.cues.reporting_verbs:
            subj = subject_of(head.head)
            voice = resolve_actor(subj, self.actors) if subj is not None else None
        return voice if voice is not None and voice.actor_id else None

    def from_red_lines(self) -> None:
        """Red lines said of the matter itself: "the withdrawal is not negotiable", "that is not up
        for discussion", "there is no treaty without a new constitution"."""
        cues = self.cues
        for head in tokens_with(self.doc, ("be",)):
            if head.lemma_ == "be" and not is_negated(head):
                self._rejected_outright(head)
            if head.lemma_ != "be" or not is_negated(head) and not any(
                    c.dep_ == "expl" for c in children(head)):
                continue
            subj = next((c for c in children(head) if c.dep_ in ("nsubj", "expl")), None)
            after = " ".join(t.lower_ for t in head.doc[head.i + 1:sent_of(head).end])
            after = after.replace("not ", "", 1).replace("n't ", "", 1)
            red = any(c.dep_ == "acomp" and c.lemma_.lower() in cues.red_line_adjectives for c in children(head)) \
                or any(after.startswith(p) for p in cues.red_line_phrases)
            target = subj
            if not red and subj is not None and subj.dep_ == "expl":
                # "there is no X without Y": X only on condition of Y
                attr = next((c for c in children(head) if c.dep_ == "attr"), None)
                red = attr is not None and any(c.lower_ == "no" for c in children(attr)) and any(
                    c.dep_ == "prep" and c.lower_ == "without" for c in children(attr))
                target = attr
            if not red or not is_negated(head) and (subj is None or subj.dep_ != "expl"):
                continue
            voice = self._verdict_voice(head, head)
            if voice is None or (voice.actor_id, head.i) in self.taken:
                continue
            if target is not None and target.lower_ in ("these", "this", "that", "those", "it"):
                prev = sent_of(head).start - 1
                text_toks = sent_tokens(self.doc[prev]) if prev >= 0 else sent_tokens(head)
                label = ""
            else:
                text_toks = list(subtree(target)) if target is not None else sent_tokens(head)
                label = _np_label(target, cues) if target is not None and target.pos_ == "NOUN" else ""
            if self.add(voice, "insists", head, sentence_span(head), text_toks, label, 0.6):
                self.taken.add((voice.actor_id, head.i))

    def _rejected_outright(self, head: Token) -> None:
        """"Zero enrichment is out of the question", "that plan is off the table": the speaker
        rejects what the sentence's subject names."""
        subj = next((c for c in children(head) if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON" and subj.lower_ not in ("this", "that", "it"):
            return
        after = " ".join(t.lower_ for t in head.doc[head.i + 1:min(head.i + 6, sent_of(head).end)])
        if not any(after.startswith(p) for p in self.cues.rejected_phrases):
            return
        voice = self._verdict_voice(head, head)
        if voice is None or (voice.actor_id, head.i) in self.taken:
            return
        label = _np_label(subj, self.cues) if subj.pos_ == "NOUN" else ""
        if self.add(voice, "rejects", head, sentence_span(head), list(subtree(subj)), label, 0.6):
            self.taken.add((voice.actor_id, head.i))

    def from_refusals(self) -> None:
        """"We are not going to open the prison doors", "Serbia would never hand over a citizen":
        an actor's negated future act, whatever the verb, is a refusal (a red line) on it."""
        cues = self.cues
        for neg in tokens_of_dep(self.doc, "neg"):
            verb = neg.head
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "be":
                continue
            going = verb.lower_ == "going" and next((c for c in children(verb) if c.dep_ == "xcomp"
                                                     and c.pos_ == "VERB"), None)
            act = going or verb
            # "Washington cannot allow even one percent": a party that says it cannot do a thing
            # refuses it as surely as one that says it will not
            cannot = any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in children(verb)) and (
                verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues.reporting_verbs
            ) and not any(c.tag_ in ("WRB", "WP") for c in children(verb))   # not "knows why she cannot run"
            if not going and not cannot and not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall", "wo")
                                                    for c in children(verb)):
                continue   # a past or present fact ("did not attend"), not a commitment
            if _stance_of_verb(act, cues) is not None or (act.lemma_.lower() in cues.commitment_verbs and not cannot):
                continue   # the stance and commitment verbs have their own reading
            if act.dep_ in ("advcl", "relcl", "acl") or _not_a_stance(act, cues):
                continue   # "if Kyiv would not ...", "a deal that would not last"
            subj = subject_of(verb)
            if subj is not None and subj.lower_ == "i":
                continue   # "I would not bet on a breakthrough": a personal judgement, not a side's refusal
            actor = _actor_for(verb, self.actors, self.voices)
            if actor is None or not actor.actor_id or (actor.actor_id, act.i) in self.taken:
                continue
            a = self.actors.actors.get(actor.actor_id)
            if a is not None and a.is_outlet:
                continue
            conditional = _conditional(act, cues)
            stance = "conditions" if conditional else "rejects"
            if self.add(actor, stance, act, sentence_span(act), _object_tokens(act),
                        _object_label(act, self.actors, cues), 0.6, "conditional" if conditional else "actual"):
                self.taken.add((actor.actor_id, act.i))

    def from_passive_conditions(self) -> None:
        """"X said the treaty could only be signed if ...": an agentless passive stance under a
        reporting verb, with a condition, is the reporter's own condition for the deal."""
        cues = self.cues
        for verb in tokens_of_dep(self.doc, "ccomp"):
            if verb.tag_ != "VBN" or verb.dep_ != "ccomp" or not any(c.dep_ == "auxpass" for c in children(verb)):
                continue
            if any(c.dep_ == "agent" for c in children(verb)) or _stance_of_verb(verb, cues) not in ("accepts", "proposes"):
                continue
            if has_condition(verb, cues) is None or verb.head.lemma_.lower() not in cues.reporting_verbs:
                continue
            voice = self.voices.speaker_at(verb.idx, verb.idx + 1)
            subj = subject_of(verb.head)
            actor = resolve_actor(subj, self.actors, fallback=voice) if subj is not None else voice
            if actor is None or not actor.actor_id or (actor.actor_id, verb.i) in self.taken:
                continue
            content = list(subtree(verb))
            if self.add(actor, "conditions", verb, sentence_span(verb), content,
                        _object_label(verb, self.actors, cues), 0.65, "conditional"):
                self.taken.add((actor.actor_id, verb.i))

    def from_obligations(self) -> None:
        """"Kyiv says any deal must include security guarantees": what the deal must contain,
        in the reported words of X, is X's demand; "X made Y a condition for Z": X's condition."""
        cues = self.cues
        for verb in tokens_of_pos(self.doc, "VERB", "AUX"):
            if verb.lemma_ == "make":
                cond = [c for c in children(verb) if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp")
                        and c.lemma_.lower() in cues.condition_nouns]
                if not cond:
                    continue
                actor = _actor_for(verb, self.actors, self.voices)
                stance, content = "conditions", list(subtree(verb))
            else:
                # a reported obligation ("Kyiv says any deal must include ..."), or one a party's
                # speaker states in its own quoted words ('"Every prisoner must come home," he wrote')
                if verb.dep_ not in ("ROOT", "ccomp"):
                    continue
                subj = next((c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None:
                    continue
                # the grammatical tests first, the speaker and the actors only for an obligation
                if any(c.dep_ == "aux" and c.lower_ == "have" for c in children(verb)):
                    continue   # "must have known": a guess, not an obligation
                if any(c.dep_ == "auxpass" for c in children(verb)):
                    continue   # "the deal should be signed next week": a forecast as often as a demand
                before = " ".join(t.lower_ for t in tokens(self.doc)[subj.i + 1:verb.i])
                # "any agreement has to end the war": "has" heads the clause, its xcomp says what
                periphrastic = verb.lemma_ in ("have", "need") and any(c.dep_ == "xcomp" for c in children(verb)) \
                    and any(m.startswith(verb.lemma_) or m.startswith(verb.lower_) for m in cues.obligation_modals)
                if not periphrastic and not any(before == m or before.endswith(" " + m) or before.startswith(m + " ")
                                                for m in cues.obligation_modals):
                    continue
                if verb.dep_ == "ccomp" and cues.stance_of.get(phrasal_lemma(verb.head)):
                    continue   # "insisted that Yerevan must ...": the insisting is the position
                voice = self.voices.speaker_at(verb.idx, verb.idx + 1)
                reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues.reporting_verbs
                quoted = voice is not None and within(verb.idx, verb.idx + 1, in_quote_marks(self.doc))
                if not reported and not quoted:
                    continue
                s = subject_of(verb.head) if verb.dep_ == "ccomp" else None
                actor = resolve_actor(s, self.actors, fallback=voice) if s is not None else voice
                # "Hamas said Israel must withdraw first": one party saying what another must do
                other = resolve_actor(subj, self.actors) if subj.pos_ != "PRON" else None
                addressed = other is not None and other.actor_id and actor is not None and \
                    other.actor_id != actor.actor_id
                own_words = quoted and subj.lower_ not in ("we", "i", "you", "it", "this", "that")
                if subj.lemma_.lower() not in cues.deal_nouns and not addressed and not own_words:
                    continue
                stance = "demands"
                content = [t for c in children(verb) if c.dep_ in ("dobj", "prep", "xcomp", "ccomp") for t in subtree(c)]
            if actor is None or not actor.actor_id or (actor.actor_id, verb.i) in self.taken:
                continue
            if self.add(actor, stance, verb, sentence_span(verb), content,
                        _object_label(verb, self.actors, cues), 0.65,
                        "conditional" if stance == "conditions" else "actual"):
                self.taken.add((actor.actor_id, verb.i))

    def from_readiness(self) -> None:
        """"Russia remained ready to continue the talks if ...", "Hamas is willing to ..."."""
        for tok in tokens_with(self.doc, self.cues.adj_stance, words=self.cues.adj_stance):
            # "prepared" is often tagged as a participle
            # the adjective may head its clause itself ("Islamabad was prepared to talk")
            own_clause = tok.pos_ == "ADJ" and any(c.dep_ in ("nsubj", "nsubjpass") for c in children(tok))
            if tok.pos_ not in ("ADJ", "VERB") or tok.dep_ not in ("acomp", "oprd") and not own_clause:
                continue
            if (self.cues.adj_stance.get(tok.lemma_.lower()) or self.cues.adj_stance.get(tok.lower_)) != "accepts":
                continue
            head = tok if own_clause else tok.head
            if any(c.dep_ == "xcomp" and c.lemma_.lower() in self.cues.help_verbs for c in children(tok)):
                continue   # "ready to play a constructive role": good offices, not a stance
            actor = _actor_for(head, self.actors, self.voices)
            if actor is None or not actor.actor_id or (actor.actor_id, head.i) in self.taken:
                continue
            stance = "rejects" if is_negated(head) or is_negated(tok) else "accepts"
            # "ready to walk away", "willing to abandon the truce": readiness to reject
            if any(c.dep_ == "xcomp" and _stance_of_verb(c, self.cues) == "rejects" for c in children(tok)):
                stance = "accepts" if stance == "rejects" else "rejects"
            modality = "actual"
            if _conditional(head, self.cues):
                stance, modality = "conditions", "conditional"
            content = [t for c in children(tok) if c.dep_ in ("xcomp", "prep") for t in subtree(c)]
            label = _object_label(tok, self.actors, self.cues)
            self.add(actor, stance, head, sentence_span(tok), content, label, 0.7, modality)
            self.taken.add((actor.actor_id, head.i))

    def from_events(self, events: Iterable[Event], denials: Iterable = ()) -> None:
        denied = [(c.claimant.actor_id, c.start, c.end) for c in denials if c.claimant is not None]
        for ev in events:
            if ev.source is not None and any(a == ev.source.actor_id and s < ev.end and ev.start < e
                                             for a, s, e in denied):
                continue   # "rejected the accusation": a denial, kept as a claim
            stance = EVENT_STANCE.get(ev.type) or (
                INTENDED_STANCE.get(ev.type) if ev.modality in ("future", "conditional") else None)
            if stance is None or ev.source is None or not ev.source.actor_id:
                continue
            if ev.modality in ("hypothetical", "alleged"):
                continue   # "if Washington stopped ...": a hypothesis, not a stance; a claimed act neither
            if any(p.actor_id == ev.source.actor_id and p.start <= ev.start < p.end or
                   p.actor_id == ev.source.actor_id and ev.start <= p.start < ev.end
                   for p in self.positions.values()):
                continue
            if ev.trigger is not None and ev.type == "AGREE":
                lex = self.cues.stance_of.get(ev.trigger.text.lower().split()[0]) or self.cues.stance_of.get(
                    ev.trigger.text.lower())
                stance = "proposes" if lex == "proposes" or any(
                    ev.trigger.text.lower().startswith(v) for v, s in self.cues.stance_of.items()
                    if s == "proposes" and len(v) > 4) else stance
            if ev.negated:
                stance = FLIP[stance]
            if ev.modality == "conditional" or ev.condition is not None:
                stance = "conditions"
            span = self.doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None:
                continue
            trigger = span.root
            if ev.trigger is not None:
                t = self.doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")
                trigger = t.root if t is not None else trigger
            if _not_a_stance(trigger, self.cues) or _denied_content(trigger, self.cues) == "unasserted":
                continue
            if ev.type == "AGREE" and trigger.lemma_.lower() in lexicon().signing_verbs:
                # "X and Y signed the accord": the signature is an event (and makes the deal's
                # provisions the signatories' terms, ``from_provisions``), not a stance X states
                continue
            if _demanded_of(trigger, ev.source, self.actors, self.voices, self.cues):
                continue   # "Washington pressed both sides to agree": what Washington asks, not their stance
            if trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                               for c in children(trigger)):
                continue   # the condition itself ("if Washington stopped its pressure") is no stance
            source = ev.source
            src = self.doc.char_span(source.start, source.end, alignment_mode="expand")
            if src is not None:
                source = _government_state(src.root, source, self.actors)
            self.add(source, stance, trigger, (ev.start, ev.end), tokens(self.doc)[span.start:span.end],
                     _object_label(trigger, self.actors, self.cues), 0.6,
                     "conditional" if stance == "conditions" else ev.modality)

    def from_provisions(self, events: Iterable[Event]) -> None:
        """"Under the accord, the south will run its own affairs": a provision of the deal the
        parties signed is a term each of them accepted. The parties are the signatories (CAMEO
        057), bodies and states before persons."""
        unders = tokens_with(self.doc, words={"under"})
        if not unders:
            return
        signers: dict[str, ActorRef] = {}
        for ev in events:
            if ev.cameo == "057" and not ev.negated and ev.modality == "actual" and ev.source is not None \
                    and ev.source.actor_id:
                signers.setdefault(ev.source.actor_id, ev.source)
        bodies = [r for a, r in signers.items() if getattr(self.actors.actors.get(a), "kind", None) != "person"]
        parties = bodies or list(signers.values())
        if not 2 <= len(parties) <= 3:
            return
        for tok in unders:
            if tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
                continue
            deal = next((c for c in children(tok) if c.dep_ == "pobj"), None)
            if deal is None or deal.lemma_.lower() not in self.cues.deal_nouns \
                    or not any(c.dep_ in ("det", "poss") for c in children(deal)):
                continue
            verb, sent = tok.head, sent_of(tok)
            if any(p.start <= sent.start_char < p.end or sent.start_char <= p.start < sent.end_char
                   for p in self.positions.values()):
                continue   # the sentence's own actors have their stances already
            content = [t for t in sent_tokens(verb) if not tok.left_edge.i <= t.i <= tok.right_edge.i]
            for party in parties:
                self.add(party, "accepts", verb, (sent.start_char, sent.end_char), content,
                         _object_label(verb, self.actors, self.cues), 0.5)


# ---------------------------------------------------------------------------------------------
# roles


def _mediation_roles(doc: Doc, actors, voices: Voices, cues: Cues) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}

    def give(ref: ActorRef | None, role: str) -> None:
        if ref is not None and ref.actor_id in actors.actors:
            roles.setdefault(ref.actor_id, set()).add(role)
            aff = actors.actors[ref.actor_id].affiliation
            if role == "mediator" and aff in actors.actors:
                roles.setdefault(aff, set()).add(role)

    # only a mediation verb or noun, or a stance verb (a bridging proposal), gives a role
    for tok in tokens_with(doc, cues.mediation_heads | cues.mediation_nouns | cues.stance_heads, spaced=True):
        lemma = phrasal_lemma(tok) if tok.pos_ == "VERB" else tok.lemma_.lower()
        if tok.pos_ == "VERB" and (lemma in cues.mediation_verbs or tok.lemma_.lower() in cues.mediation_verbs):
            actor = _actor_for(tok, actors, voices)
            give(actor, "mediator")
            subj = subject_of(tok)
            for c in (subj.conjuncts if subj is not None else ()):
                give(actors.ref_for_token(c), "mediator")
            for t in subtree(tok):
                if t.lower_ == "between" and t.dep_ == "prep":
                    for g in subtree(t):
                        if g.pos_ == "PROPN":
                            give(actors.ref_for_token(g), "party")
        elif tok.pos_ == "VERB" and _stance_of_verb(tok, cues) == "proposes":
            lemmas = {t.lemma_.lower() for t in subtree(tok)} | {t.lower_ for t in subtree(tok)}
            if any(set(b.split()) <= lemmas for b in cues.bridging):
                give(_actor_for(tok, actors, voices), "mediator")
                subj = subject_of(tok)
                for c in (subj.conjuncts if subj is not None else ()):
                    give(actors.ref_for_token(c), "mediator")
                # the sides are in the proposal's object ("to bring Israel and Hamas closer"), not its subject
                for c in children(tok):
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        continue
                    for t in subtree(c):
                        if t.dep_ in ("dobj", "conj") and t.pos_ == "PROPN" and t.head.pos_ in ("VERB", "PROPN"):
                            give(actors.ref_for_token(t), "party")
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.mediation_nouns and tok.lemma_.lower() != "envoy":
            # "Qatar, a key mediator", "mediators Egypt and Qatar"
            if tok.dep_ == "appos":
                give(actors.ref_for_token(tok.head), "mediator")
            for c in children(tok):
                # "mediators Egypt and Qatar", "Saudi and American mediators"
                if c.dep_ in ("appos", "compound", "amod") and c.pos_ in ("PROPN", "ADJ"):
                    give(actors.ref_for_token(c), "mediator")
                    for g in c.conjuncts:
                        give(actors.ref_for_token(g), "mediator")
            if tok.dep_ == "attr":
                subj = [c for c in children(tok.head) if c.dep_ == "nsubj"]
                if subj:
                    give(resolve_actor(subj[0], actors), "mediator")
    return roles


def _party_roles(positions: list[Position], actors) -> dict[str, set[str]]:
    """Actors that take opposing own stances on the same issue are the sides of the dispute."""
    by_issue: dict[str, dict[str, list[float]]] = {}
    for p in positions:
        if p.reported_by or p.value is None:
            continue
        a = actors.actors.get(p.actor_id)
        if a is None or a.kind == "person":
            continue
        by_issue.setdefault(p.issue_id, {}).setdefault(p.actor_id, []).append(p.value)
    roles: dict[str, set[str]] = {}
    for issue, by_actor in by_issue.items():
        means = {a: sum(v) / len(v) for a, v in by_actor.items()}
        if len(means) >= 2 and max(means.values()) - min(means.values()) >= 50:
            for a in means:
                roles.setdefault(a, set()).add("party")
    return roles


def assign_roles(doc: Doc, actors, positions: list[Position], voices: Voices, cues: Cues, dossier=None) -> None:
    """Add roles to ``actors.actors`` (Actor records are immutable: replaced, not mutated)."""
    found: dict[str, set[str]] = {}
    if dossier is not None:
        for da in dossier.actors:
            if da.id in actors.actors and da.roles:
                found.setdefault(da.id, set()).update(da.roles)
    for extra in (_mediation_roles(doc, actors, voices, cues), _party_roles(positions, actors)):
        for aid, roles in extra.items():
            if dossier is not None and dossier.actor(aid) is not None and dossier.actor(aid).roles:
                continue   # the analyst's frame wins over behaviour
            if "mediator" in found.get(aid, set()) | roles and "party" in roles:
                roles = roles - {"party"}
            found.setdefault(aid, set()).update(roles)
    for aid, roles in found.items():
        actor = actors.actors[aid]
        merged = tuple(sorted(set(actor.roles) | roles))
        if merged != actor.roles:
            actors.actors[aid] = dataclasses.replace(actor, roles=merged)


# ---------------------------------------------------------------------------------------------


def extract_positions(doc: Doc, actors, article: Article, quotes: list[Quote], events: list[Event],
                      dossier=None, known_issues: Iterable[Issue] = ()):
    """-> (issues, positions, claims, contradictions) of one article.

    ``known_issues``: issues already in the store, so positions in this article can reuse them."""
    if isinstance(dossier, str):
        from accord.dossiers import load
        dossier = load(dossier)
    with actor_memo(doc, actors):
        return _extract_positions(doc, actors, article, quotes, events, dossier, known_issues)


def _extract_positions(doc: Doc, actors, article: Article, quotes: list[Quote], events: list[Event],
                       dossier, known_issues: Iterable[Issue]):
    cues = load_cues()
    voices = find_voices(doc, actors, list(quotes or ()), cues)
    discovered = discover_issues(doc, article, cues)
    book = IssueBook(article, dossier, discovered, known_issues, cues)
    builder = _Builder(doc, actors, article, voices, book, cues)
    builder.from_verbs()
    builder.from_nouns()
    builder.from_verdicts()
    builder.from_red_lines()
    builder.from_refusals()
    builder.from_passive_conditions()
    builder.from_obligations()
    builder.from_readiness()
    claims = extract_claims(doc, actors, article, voices, cues)
    builder.from_events(events or (), [c for c in claims if c.kind != "assertion"])
    builder.from_provisions(events or ())
    positions = sorted(builder.positions.values(), key=lambda p: (p.start, p.actor_id))
    contradictions = find_contradictions(positions, claims,
                                         {k: a.affiliation for k, a in actors.actors.items()})
    assign_roles(doc, actors, positions, voices, cues, dossier)
    return book.article_issues(), positions, claims, contradictions
