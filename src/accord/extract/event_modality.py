"""Clause analysis for event coding: the governing verbs, auxiliaries, conditions and hedges above a
trigger, which give its polarity and modality."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from accord.nlp import children, text_of
from accord.extract.event_lexicon import CONTENT_PREPS, Lexicon, PRESUPPOSING_PREPS
from accord.extract.event_grammar import (
    OBJECT_DEPS, SUBJECT_CONTROL_PREPS, SUBJECT_DEPS, ancestors, control_complement, for_to, head_of, infinitive, lemma_of,
    match_noun, parse_tree, speech_conjunct, subject_tokens, subtree_start)
from accord.extract.event_arguments import Context


# Prepositions whose gerund is an act beside the governing one, not its content: "met without
# agreeing", "left after signing" ("by" gives the means, read apart below).
ADJUNCT_PREPS = SUBJECT_CONTROL_PREPS - {"by", "instead"}


@dataclass
class Clause:
    """What the governing chain of a trigger says about it."""
    chain: list[Token] = field(default_factory=list)   # governing verbs, nearest first
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    alleged: bool = False
    condition: Token | None = None     # head of the conditional clause
    speech: Token | None = None        # nearest governing speech verb
    content_of: Token | None = None    # a governing trigger this act is the content of
    stance: bool = False               # inside a held position ("insists that ...")
    weak_condition: bool = False       # "while"/"when": conditional only for a promised act
    deontic: bool = False              # "must", "should", "has to": an obligation
    purpose: bool = False              # "to protest", "to protect": the aim of another act
    in_condition: bool = False         # inside an if/unless clause: a condition, not an act


def aux_modality(ctx_lex: Lexicon, tok: Token, clause: Clause, under_past_speech: bool) -> None:
    for c in children(tok):
        lem = c.text.lower()
        if c.dep_ in ("aux",) and c.tag_ == "MD":
            if lem in ctx_lex.future_modals:
                clause.future = True
            elif lem in ("would", "'d") and under_past_speech:
                clause.future = True       # reported future: "said it would allow"
            elif lem in ctx_lex.deontic_modals:
                clause.deontic = True
                clause.hypothetical = True
            elif lem in ctx_lex.hypothetical_modals:
                clause.hypothetical = True
        elif c.dep_ == "aux" and lem == "going":
            clause.future = True
        if c.dep_ == "neg" or (c.dep_ == "advmod" and lem in ("never",)):
            clause.negated = not clause.negated
        if c.dep_ == "advmod" and lem in ctx_lex.alleged_adverbs:
            clause.alleged = True
        if c.dep_ == "prep" and lem == "according":
            clause.alleged = True
        if c.dep_ == "advcl" and clause.condition is None:
            words = " ".join(t.text.lower() for t in subtree_start(c, 4))
            if any(words.startswith(w + " ") or words == w for w in ctx_lex.conditions_always):
                clause.condition = c
            elif any(words.startswith(w + " ") for w in ctx_lex.conditions_future):
                clause.condition = c
                clause.weak_condition = True


def _past_speech_above(tok: Token, lex: Lexicon) -> bool:
    t = tok
    for _ in range(6):
        if t.dep_ not in ("ccomp", "xcomp", "conj") or head_of(t).i == t.i:
            return False
        t = head_of(t)
        if lemma_of(t) in lex.governors["speech"]:
            if t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp") and head_of(t).i != t.i:
                # "he said, adding that Pakistan would strike": the participle is as past as its verb
                return head_of(t).tag_ in ("VBD", "VBN")
            return t.tag_ in ("VBD", "VBN")
    return False


def analyse_clause(ctx: Context, lex: Lexicon, trigger: Token, triggers: set[int]) -> Clause:
    clause = Clause()
    gov_sets = lex.governors
    under_past_speech = _past_speech_above(trigger, lex)
    tok = trigger
    # a noun event takes the clause of the verb it is an argument of, unless it sits in a
    # presupposing adjunct ("following the assassination of ...")
    # ("if Angola attacks": a verb the tagger read as a plural noun still heads its clause)
    if tok.pos_ in ("NOUN", "PROPN") and not (tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in children(tok))):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in children(tok)):
            clause.negated = True
        head, via = tok, None
        while head.dep_ in ("pobj", "prep", "compound", "conj", "appos") and head_of(head).i != head.i:
            if head.dep_ == "pobj" and (lemma_of(head_of(head)) in PRESUPPOSING_PREPS
                                        or head_of(head).lower_ in PRESUPPOSING_PREPS) \
                    and not (lemma_of(head_of(head)) == "of" and lemma_of(head_of(head_of(head))) in lex.measure_nouns):
                return clause   # "following the invasion" (lemmatised "follow"); not "a round of talks"
            if head.dep_ == "prep":
                via = head
            head = head_of(head)
        if via is not None and head_of(via).i == head.i and head.i in triggers and head.pos_ in ("VERB", "AUX") \
                and via.lower_ in CONTENT_PREPS:
            clause.content_of = head   # "called for the release of", "warned against an attack"
            return clause
        if head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head_of(head).pos_ in ("VERB", "AUX"):
            tok = head_of(head)
            if tok.i in triggers:
                clause.content_of = tok
                return clause
            # ("He said the talks would open in Geneva": the verb's "would" is the speech's future)
            under_past_speech = _past_speech_above(tok, lex)
            if head.dep_ in ("nsubj", "nsubjpass") and any(
                    lemma_of(g) in gov_sets["future"] and any(x.dep_ == "xcomp" for x in children(g))
                    for g in [tok] + [c for c in children(tok) if c.dep_ == "acomp"]):
                clause.future = True   # "talks are expected to resume", "a round is due to open"
            if head.dep_ in ("nsubj", "nsubjpass") and lemma_of(tok) == "be" and any(
                    x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(x))
                    for x in children(tok)):
                clause.future = True   # "negotiations are to resume within two months"
        else:
            return clause
    aux_modality(lex, tok, clause, under_past_speech)
    # walk up the governing chain
    cur = tok
    for _ in range(8):
        dep = cur.dep_
        adjunct = False   # an act in an adjunct of another ("met without agreeing") is its own
        if dep == "conj":
            # a coordinated verb shares its first conjunct's auxiliaries and governors,
            # unless it has its own subject or auxiliary
            own_aux = any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in children(cur))
            # ("said he had not been consulted and rejected the agreement": a finite verb takes no
            # auxiliary, so the participle's "had not been" is not its own)
            own_aux = own_aux or (cur.tag_ in ("VBD", "VBZ", "VBP") and head_of(cur).tag_ in ("VBN", "VB"))
            cur = speech_conjunct(cur) or head_of(cur)
            if not own_aux:
                aux_modality(lex, cur, clause, under_past_speech)
            continue
        if dep in ("xcomp", "ccomp") or control_complement(cur):
            gov = head_of(cur)
        elif dep == "pcomp" and head_of(cur).dep_ == "prep" and lemma_of(head_of(cur)) == "by" \
                and head_of(head_of(cur)).pos_ == "VERB":
            cur = head_of(head_of(cur))   # "retaliated by imposing sanctions": the governor's clause
            aux_modality(lex, cur, clause, under_past_speech)
            continue
        elif dep == "pcomp" and cur.i == trigger.i and head_of(cur).dep_ == "prep" and lemma_of(head_of(cur)) == "with" \
                and any(c.dep_ in SUBJECT_DEPS for c in children(cur)):
            break   # "met, with each side accusing the other": a clause with its own subject
        elif dep == "pcomp" and head_of(cur).dep_ == "prep":
            gov = head_of(head_of(cur))
            adjunct = lemma_of(head_of(cur)) in ADJUNCT_PREPS
            if lemma_of(head_of(cur)) == "without":
                clause.negated = not clause.negated   # "left without agreeing on a date"
            if gov.dep_ in OBJECT_DEPS and head_of(gov).i in triggers and head_of(gov).i != trigger.i and (
                    gov.pos_ == "PROPN" or gov.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                    or lemma_of(gov) in lex.agent_nouns):
                clause.content_of = head_of(gov)   # "accused [Armenian forces of opening fire]"
                break
            if gov.pos_ == "NOUN" and head_of(cur).lower_ in CONTENT_PREPS and match_noun(lex, gov) is not None:
                clause.content_of = gov   # "an appeal for deploying troops", "the threat of invading"
                break
            if gov.pos_ == "NOUN" and lemma_of(head_of(cur)) == "include" and match_noun(lex, gov) is not None:
                clause.content_of = gov   # "issued 13 demands, including that Qatar shut down Al Jazeera"
                break
        elif dep == "acl" and head_of(cur).pos_ in ("NOUN", "PROPN") and (cur.tag_ in ("VB", "VBG") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ == "VB" and c.lower_ == "be" for c in children(cur))):
            # (a subjunctive passive too: "the demand that Gaza be disarmed")
            gov = head_of(cur)
            if gov.i in triggers:
                clause.content_of = gov
            elif infinitive(cur) and not (lemma_of(gov) in lex.governors.get("attempting", ())
                                          and lemma_of(head_of(gov)) not in lex.governors["denying"]):
                clause.future = True    # "permission to help", "a plan to attack": not done
                # ("an attempt to assassinate him": tried, so done, as "tried to" is; one denied is not)
            elif any(m.dep_ == "mark" and m.lower_ == "that" for m in children(cur)) and not infinitive(cur):
                # "the demand that Gaza be disarmed": a subjunctive, wanted by someone, intended by no one
                clause.hypothetical = True
            break
        elif dep == "advcl" and for_to(cur):
            # "the deal calls for the rebels to withdraw": a for-to clause is wanted, not done
            if head_of(cur).i in triggers and head_of(cur).i != trigger.i and any(
                    r.actor_id for r in ctx.refs(subject_tokens(head_of(cur)))):
                clause.content_of = head_of(cur)
            else:
                clause.future = True
            break
        elif dep == "advcl" and infinitive(cur) and not any(c.dep_ in SUBJECT_DEPS for c in children(cur)):
            clause.future = clause.purpose = True   # purpose: "sent troops to protect"
            break
        elif dep == "advcl" and (condition_mark(lex, cur) or _pending(lex, cur)):
            clause.hypothetical = True  # the condition of another act, not an act reported
            clause.in_condition = True
            break
        else:
            break
        if "\n" in text_of(tok.doc)[min(gov.idx, cur.idx):max(gov.idx, cur.idx)]:
            break   # a headline run into the lede by the parser governs nothing below it
        if dep == "ccomp" and gov.i > cur.i and _noun_read_as_verb(gov):
            break
        lem = lemma_of(gov)
        if gov.i in triggers and gov.i != trigger.i and not adjunct:
            clause.content_of = gov
            break
        clause.chain.append(gov)
        if gov.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in children(gov)):
            clause.negated = not clause.negated   # "had no intention of attacking"
        if lem in gov_sets["negating"]:
            clause.negated = not clause.negated
        elif dep == "ccomp" and lem in gov_sets["stance"]:
            clause.stance = True
            if lem in gov_sets.get("vowing_stance", ()) and any(
                    c.dep_ == "aux" and (c.lower_ in lex.future_modals or c.lower_ == "would") for c in children(cur)):
                clause.speech = gov   # a vow insisted on: said, for threats and refusals (events)
            break
        elif dep == "ccomp" or lem in gov_sets["speech"]:
            if lem in gov_sets["speech"]:
                clause.speech = gov
                if clause.condition is None:
                    # 'If Hezbollah rebuilds, he told Army Radio, "we will hit them"': the parser
                    # hangs a fronted condition on the speech verb; it conditions what is said
                    clause.condition = next((c for c in children(gov) if c.dep_ == "advcl" and c.i < gov.i
                                             and condition_mark(lex, c)), None)
                if lem in gov_sets.get("denying", ()) and not _denies_a_charge(lex, gov, cur):
                    clause.negated = not clause.negated   # "denied that the army attacked"
                if lem in gov_sets["alleging"]:
                    clause.alleged = True
                for c in children(gov):
                    if c.dep_ == "advmod" and c.text.lower() in lex.alleged_adverbs:
                        clause.alleged = True
            break
        elif lem in ("have", "be") and dep == "xcomp" and infinitive(cur) and any(
                c.dep_ == "advmod" and c.lower_ == "yet" for c in children(gov)):
            # "the parties have yet to agree", "are yet to sign": not done so far
            clause.negated = not clause.negated
        elif lem in gov_sets["future"] or _be_to(gov, cur):
            clause.future = True
        elif lem in gov_sets.get("obliging", ()) and dep == "xcomp" and infinitive(cur) and gov.tag_ not in ("VBD", "VBN"):
            # ("Hamas had to release them": a past obligation mostly tells what was done)
            clause.deontic = clause.hypothetical = True
        elif lem in gov_sets["actual"]:
            pass
        else:
            break
        if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "amod"):
            gov = head_of(gov)     # "is ready to", "was quick to": the copula carries tense
        aux_modality(lex, gov, clause, under_past_speech)
        cur = gov
    if clause.condition is not None and clause.weak_condition and not clause.future:
        clause.condition = None   # "while"/"when" only condition a promised act
    if not clause.in_condition and clause.content_of is None and any(
            a.dep_ == "advcl" and (condition_mark(lex, a) or _pending(lex, a)) for a in ancestors(trigger)):
        # "only after Serbia signals that it accepts Kosovo's independence": an act inside a
        # condition, however deep, is not reported
        clause.hypothetical = clause.in_condition = True
    return clause


def _noun_read_as_verb(gov: Token) -> bool:
    """"Both sides have accused each other of ..., charges both governments deny": a plural
    noun after a comma, with a relative clause and no subject, that the parser read as the verb
    governing the sentence before it."""
    return gov.tag_ == "VBZ" and gov.i > 0 and gov.doc[gov.i - 1].text == "," \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children(gov)) \
        and any(c.dep_ == "relcl" for c in children(gov))


def _be_to(gov: Token, cur: Token) -> bool:
    """"Rwanda is to withdraw", "the envoy is due to meet": "be" with only an infinitive as its
    predicate plans the act ("was first to announce" and "it was not possible to" do not)."""
    if lemma_of(gov) != "be" or cur.dep_ != "xcomp" or not infinitive(cur):
        return False
    kids = children(gov)
    subject = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ != "it" and not any(
        c.dep_ in ("acomp", "attr", "oprd") for c in kids)


def _denies_a_charge(lex: Lexicon, denial: Token, content: Token) -> bool:
    """"X accused Y of Z, a charge Y denies": the denial answers the charge; the accusation stands."""
    if any(c.dep_ in OBJECT_DEPS for c in children(denial)):
        return True
    between = parse_tree(denial.doc).toks[content.right_edge.i + 1: denial.i]
    return any(lex.replies.get(lemma_of(t)) == "ACCUSE" for t in between)


def condition_mark(lex: Lexicon, tok: Token) -> bool:
    words = " ".join(t.text.lower() for t in subtree_start(tok, 4))
    return any(words.startswith(w + " ") for w in lex.conditions_always)


def _pending(lex: Lexicon, tok: Token) -> bool:
    """"until their demands are met", "before they demobilize": a present-tense clause under
    "until" or "before" is an act still awaited, not one reported."""
    if not any(c.dep_ == "mark" and c.lower_ in lex.pending_marks for c in children(tok)):
        return False
    tags = {tok.tag_} | {c.tag_ for c in children(tok) if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBP", "VBZ", "VB"}) and not tags & {"VBD", "MD"}


def modality_of(clause: Clause) -> str:
    if clause.condition is not None:
        return "conditional"
    if clause.hypothetical and not clause.future:
        return "hypothetical"
    if clause.future:
        return "future"   # "is due to travel ..., according to aides": planned, not alleged
    if clause.alleged:
        return "alleged"
    return "actual"
