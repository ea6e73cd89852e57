"""Acts done by saying: what a speaker's words commit him to, when no trigger verb of the
lexicon codes it.

- A warning that holds out a consequence on a condition, or names what another party will
  suffer, is a threat (CAMEO 13): "warned that the UAE would bear responsibility".
- A consequence a speaker holds out on another party's adverse move is a threat whatever its
  verb: '"If the ELN keeps kidnapping, there is no ceasefire," Petro wrote'.
- A matter called beyond negotiation is refused, or, when it is the other side's act, demanded:
  "our right to enrich is not negotiable".
- Calling another's act or statement a wrong or a lie accuses or rejects it; denying a charge
  rejects it; "X must ..." in a speaker's mouth demands it.
- Saying that another party failed at something, reneged or undermined it accuses that party,
  whatever it failed at: "Putin said Kyiv had failed to carry out the Minsk agreements".

Each function returns one draft event (a dict, as ``events._sentence_events`` builds them) or
None; the event coder merges and finishes the drafts with the rest.
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Span as SpacySpan, Token

from accord.kb.loader import load_kb
from accord.nlp import children, subtree, text_of
from accord.extract.event_lexicon import Lexicon, code_to_type
from accord.extract.event_grammar import (
    OBJECT_DEPS, agent_tokens, ancestors, head_of, infinitive, is_passive, lemma_of, match_verb, objects, prep_objects,
    subject_tokens)
from accord.extract.event_arguments import Context, counterpart, ref_key, same_side
from accord.extract.event_modality import Clause, analyse_clause, aux_modality, condition_mark, modality_of
from accord.records import ActorRef


def conditional_warning(ctx: Context, lex: Lexicon, warn: Token, drafts: list[dict], triggers: set[int]) -> dict | None:
    """"He warned that U.S. investment would be at risk if the two sides reopened old disputes":
    a consequence held out on a condition is a threat (CAMEO 13) by the one who warns, aimed at
    whoever the condition names, whatever the consequence's verb."""
    if any(d.get("speech") is not None and d["speech"].i == warn.i for d in drafts):
        return None   # the content is an act of its own ("warned it would strike if ...")
    content = next((c for c in children(warn) if c.dep_ == "ccomp"), None)
    if content is None:
        # "warned of very severe penalties if either side broke the deal": a consequence named
        # by a noun, held out on a condition
        named = any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" for o in children(c))
                    for c in children(warn))
        condition = next((c for c in children(warn) if c.dep_ == "advcl" and condition_mark(lex, c)), None)
        if not named or condition is None:
            return None
        clause = Clause()
        clause.condition = condition
    elif content.i in triggers and lemma_of(content) not in lex.prospect_verbs:
        return None   # ("would face NATO bombing": what one faces is no act of one's own, see events)
    else:
        clause = analyse_clause(ctx, lex, content, triggers)
    penalty = content is not None and _penalty(lex, content)
    if not penalty and (clause.condition is None or clause.weak_condition) \
            or not (clause.future or clause.hypothetical or content is None):
        return None
    sources = [r for r in ctx.refs(subject_tokens(warn)) if r.actor_id]
    if not sources:
        return None
    # who will suffer the penalty is warned; else whoever must meet the condition
    warned = [r for r in ctx.refs(subject_tokens(content)) if r.actor_id] if penalty else []
    if any(same_side(ctx, s, warned, None) for s in sources):
        return None   # "warned that Iran would pay a price": his own side's cost is a forecast
    if not warned and clause.condition is not None:
        warned = [r for r in ctx.refs(subject_tokens(clause.condition)) if r.actor_id]
    targets = [r for r in warned if ref_key(r) not in {ref_key(s) for s in sources}]
    clause.chain, clause.speech, clause.negated = [warn], None, False
    # "Britain, France and Germany have warned that they will ...": each warns
    return dict(tok=warn, code="130", type="THREATEN", mode=None, sources=sources, targets=targets,
                clause=clause, modality="conditional" if clause.condition is not None else "actual",
                quote=ctx.quote_at(warn.idx), speech=None)


def _penalty(lex: Lexicon, verb: Token) -> bool:
    """"would pay a heavy price", "would bear responsibility", "would be punished": what the
    subject will suffer, not what it will do."""
    if lemma_of(verb) not in lex.governors["penalties"]:
        return False
    things = objects(verb)
    if not things:
        return is_passive(verb) or lemma_of(verb) in ("pay", "regret", "suffer")
    return any(lemma_of(t) in lex.governors["penalty_objects"] for t in things)


def held_out(ctx: Context, lex: Lexicon, cond: Token, drafts: list[dict], hostile: set[int]) -> dict | None:
    """'"If the ELN keeps kidnapping, there is no ceasefire," Petro wrote', "his side will walk out
    if any participant is arrested, Amum said": a consequence a speaker holds out on another
    party's adverse move is a threat (CAMEO 13) whatever its verb, aimed at whoever the condition
    names, else at the speaker's counterpart. A consequence that is an act of its own is coded by
    that act's rules."""
    content, speech = head_of(cond), None
    if content.i == cond.i:
        return None
    if lemma_of(content) in lex.governors["speech"]:
        # 'If Hezbollah rebuilds, he told Army Radio, "we will hit them"': hung on the speech verb
        speech = content
        content = next((c for c in children(speech) if c.dep_ == "ccomp"), None)
        if content is None:
            return None
    if content.pos_ not in ("VERB", "AUX"):
        return None
    inside = range(content.left_edge.i, content.right_edge.i + 1)
    in_condition = range(cond.left_edge.i, cond.right_edge.i + 1)
    if any(d["tok"].i in inside and d["tok"].i not in in_condition and not d["clause"].negated for d in drafts):
        return None   # (an act refused, "there will be no negotiations", is the consequence)
    speaker, speech, quote = _voice(ctx, lex, content, speech)
    if speaker is None:
        return None
    said, asked = Clause(), Clause()
    aux_modality(lex, content, said, True)
    aux_modality(lex, cond, asked, False)
    refused = said.negated or _no_word(content)
    if not (said.future or said.hypothetical or refused and quote is not None) or _counterfactual(content):
        return None
    # (keeping on is adverse only with an act after it: "keeps kidnapping", not "keeps its word")
    move = next((c for c in children(cond) if c.dep_ == "xcomp"), None)
    adverse = refused or asked.negated or _no_word(cond) \
        or any(c.dep_ == "mark" and c.lower_ == "unless" for c in children(cond)) \
        or cond.i in hostile or (move is not None and move.i in hostile) \
        or lemma_of(cond) in lex.governors["adverse_moves"] and (lemma_of(cond) != "keep" or move is not None)
    if not adverse:
        return None
    theirs = [r for r in ctx.refs(subject_tokens(content)) if r.actor_id]
    if any(not same_side(ctx, speaker, [r], speech) for r in theirs):
        return None   # "if the talks fail, Iran will suffer": a forecast about another party
    targets = [r for r in ctx.refs(subject_tokens(cond)) if r.actor_id and not same_side(ctx, speaker, [r], speech)] \
        or counterpart(ctx, speaker, cond.idx)
    if not targets:
        return None
    clause = Clause()
    clause.condition = cond
    return dict(tok=content, code="130", type="THREATEN", mode=None, sources=[speaker], targets=targets,
                clause=clause, modality="conditional", quote=quote, speech=speech)


@functools.lru_cache(maxsize=4)
def _ruling_out(phrases: frozenset[str]) -> re.Pattern:
    """One pattern for the phrases, longest first, as whole words with any spacing between them
    (a phrase search over the sentence text: cheaper than a matcher run on every sentence)."""
    words = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w-])",
                      re.IGNORECASE)


def ruled_out(ctx: Context, lex: Lexicon, sent: SpacySpan) -> dict | None:
    """'"Zero enrichment is out of the question," Araqchi said', "Madrid said a referendum was not
    on the table": a speaker who calls a matter beyond negotiation refuses it (CAMEO 120), aimed at
    the other side; what the other side must do, called so ("the withdrawal of Rwandan forces is not
    negotiable"), is demanded (CAMEO 100). An expert's view is neither."""
    said = text_of(ctx.doc)[sent.start_char:sent.end_char]
    found = _ruling_out(frozenset(lex.governors["ruling_out"])).search(said)
    if found is None:
        return None
    span = ctx.doc.char_span(sent.start_char + found.start(), sent.start_char + found.end(), alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and head_of(verb).i != verb.i:
        verb = head_of(verb)
    if verb.pos_ not in ("VERB", "AUX") or lemma_of(verb) in lex.governors["speech"]:
        return None
    speaker, speech, quote = _voice(ctx, lex, verb)
    if speaker is None:
        return None
    demanded = any(lemma_of(t) in lex.classes.get("concessions", ()) for t in subject_tokens(verb))
    return dict(tok=verb, code="100" if demanded else "120", type="REQUEST" if demanded else "REJECT", mode=None,
                sources=[speaker], targets=[], clause=Clause(), modality="actual", quote=quote, speech=speech)


def _voice(ctx: Context, lex: Lexicon, content: Token, speech: Token | None = None):
    """Who says ``content``: the named subject of the speech verb above it, or the speaker of the
    quotation it is in; no one when that is an outlet or an expert (whose consequences are
    forecasts), or when the content is what the speaker foresees."""
    t = content
    while speech is None and t.dep_ in ("ccomp", "conj") and head_of(t).i != t.i:
        t = head_of(t)
        if lemma_of(t) in lex.governors["speech"]:
            speech = t
    quote = ctx.quote_at(content.idx)
    if speech is not None:
        speaker = next((r for r in ctx.refs(subject_tokens(speech)) if r.actor_id), None)
    elif quote is not None and quote.type in ("direct", "mixed") and quote.speaker is not None:
        speaker = quote.speaker if quote.speaker.actor_id else None
    else:
        speaker = None
    actor = ctx.actor(speaker.actor_id) if speaker is not None else None
    # (an unnamed group is named by its noun: "Analysts said")
    title = getattr(actor, "title", None) or (actor.name.split()[-1].lower().removesuffix("s")
                                              if actor is not None and actor.kind == "group" else None)
    expert = actor is not None and load_kb().title_class(title) == "expert"
    if actor is None or getattr(actor, "is_outlet", False) or expert or lemma_of(content) in lex.governors["foreseeing"]:
        return None, speech, quote
    return speaker, speech, quote


def _counterfactual(verb: Token) -> bool:
    """"there would have been nothing left to negotiate": a past that did not happen holds nothing out."""
    auxes = [c.lower_ for c in children(verb) if c.dep_ == "aux"]
    return "have" in auxes and any(a in ("would", "could", "might", "'d") for a in auxes)


def _no_word(verb: Token) -> bool:
    """"there will be no deal", "nobody will be handed over": a negation carried by an argument."""
    return any(c.lower_ in ("nobody", "nothing", "none") or c.lower_ == "no" and c.dep_ == "neg"
               or any(d.dep_ == "det" and d.lower_ == "no" for d in children(c))
               for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "neg"))


class _Names:
    """The words a thing is called by ("an interference in our affairs", "a historic moment"): the
    name's own words, not a clause inside it."""

    def __init__(self, names: list[Token]):
        self.names = names
        self.phrases = [" ".join(t.lower_ for t in subtree(n)) for n in names]
        own = [t for n in names for t in subtree(n)]
        clauses = {c.i for t in own if t.dep_ in ("relcl", "acl", "ccomp") for c in subtree(t)}
        self.judged = {lemma_of(t) for t in own if t.i not in clauses}
        # what a thing is called good, not what it is good for: "the last chance for a peaceful
        # solution" praises nothing (while "a recipe for disaster" condemns)
        aims = {t.i for n in names for p in children(n) if p.dep_ == "prep" and p.lower_ == "for" for t in subtree(p)}
        self.praised = {lemma_of(t) for t in own if t.i not in clauses and t.i not in aims}

    def named(self, kinds: set[str], good: bool = False) -> bool:
        return bool((self.praised if good else self.judged) & kinds) \
            or any(f" {b} " in f" {p} " for b in kinds if " " in b for p in self.phrases)

    def denied(self, words: tuple[str, ...] = ("no", "not", "never", "hardly")) -> bool:
        """"not a victory", "anything but a victory": no praise."""
        return any(c.dep_ == "neg" or c.lower_ in words for n in self.names for c in subtree(n))

    def for_someone(self, ctx: Context) -> bool:
        """"a victory for Tehran": said of a party's gain."""
        return any(r.actor_id for n in self.names for p in children(n) if p.dep_ == "prep" and p.lower_ == "for"
                   for o in children(p) if o.dep_ == "pobj" for r in ctx.refs([o]))


def name_calling(ctx: Context, lex: Lexicon, verb: Token, triggers: set[int]) -> dict | None:
    """"called the ruling an interference", "described the US demands as nonsense": a bad name
    condemns the thing named (CAMEO 111), or rejects it when it is something said (120); it is
    aimed at whoever the thing belongs to."""
    words = lex.name_calling
    thing = next((c for c in children(verb) if c.dep_ == "dobj"), None)
    names = [c for c in children(verb) if c.dep_ in ("oprd", "acomp") or (c.dep_ == "dobj" and c is not thing)]
    if thing is None:
        # "called the decision regrettable" parsed as one phrase: the noun is the name's compound
        thing = next((c for n in names for c in children(n) if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
    names += prep_objects(verb, {"as"})
    if thing is not None:
        # the parser may hang the name on the thing: "the proposals [as nonsense]", "the seizure
        # [an act of piracy]"
        # ... or after it, quoted: 'called the decision "regrettable"'
        names += prep_objects(thing, {"as"}) + [c for c in children(thing) if c.dep_ in ("npadvmod", "appos", "amod")
                                                and c.i > thing.i]
    # "described the talks as constructive": an adjective the parser hangs on "as"
    names += [c for p in children(verb) if p.dep_ == "prep" and p.lower_ == "as"
              for c in children(p) if c.dep_ in ("amod", "acomp")]
    if thing is None or not names:
        return None
    called = _Names(names)
    named = called.named
    # a bad word wins: "a historic mistake" condemns
    praise = not named(words.get("lies", set()) | words.get("wrong", set()))
    # praise is for a deal or a plan, or for a party called a good name ("called Abbas a serious
    # partner"); "described the talks as constructive" judges prospects
    on_the_way = words.get("good_meeting", set())
    deal = lemma_of(thing) in _judged_things(lex) and named(words.get("good", set()) | on_the_way, good=True) \
        or lemma_of(thing) in lex.classes.get("talks", ()) and named(on_the_way, good=True)
    owners = [r for r in ctx.refs([thing]) if r.actor_id]   # the party named, or whose the thing is
    party = named(words.get("good_people", set()), good=True) and bool(owners)
    if praise and (not (deal or party) or called.denied(("no", "not", "never", "hardly", "anything", "nobody"))):
        return None   # "called it anything but a victory": no praise
    if praise and called.for_someone(ctx):
        return None   # "a victory for Tehran": said of a rival's gain, no praise
    clause = analyse_clause(ctx, lex, verb, triggers)
    if clause.negated or clause.content_of is not None or clause.in_condition:
        return None
    sources = [r for r in ctx.refs(subject_tokens(verb)) if r.actor_id]
    if not sources:
        return None
    rejects = not praise and lemma_of(thing) in words.get("said", set())
    # whose the thing is: "the Israeli demands", "the seizure of its tanker by Britain"
    mine = {ref_key(s) for s in sources}
    targets = [r for r in owners if ref_key(r) not in mine] or [
        r for r in ctx.refs(prep_objects(thing, {"by"})) if r.actor_id and ref_key(r) not in mine]
    code = "051" if praise else "120" if rejects else "111"
    etype, mode = code_to_type(code)
    # its own act: "called the ruling an interference and accused Guyana of ..." is two
    return dict(tok=verb, code=code, type=etype, mode=mode, sources=sources[:1], targets=targets,
                clause=clause, modality=modality_of(clause), quote=ctx.quote_at(verb.idx), speech=clause.speech,
                unmerged=True)


def deal_verdict(ctx: Context, lex: Lexicon, be: Token, clause: Clause, speaker: ActorRef | None) -> dict | None:
    """"Annan said the signing was a historic moment", '"This agreement is a betrayal," he said': a
    speaker's good or bad name for a deal or a plan praises it (CAMEO 051) or condemns it (111), as
    calling it so does (``name_calling``, whose word lists it reads). The speaker is one
    ``events._speaker`` accepts; a verdict denied, diminished ("only a first step"), of a party's
    gain, supposed or under a condition is none. ``verdict_subject`` is the cheap test first."""
    if speaker is None or clause.speech is None and ctx.quote_at(be.idx) is None or clause.negated \
            or clause.hypothetical or clause.in_condition or clause.condition is not None:
        return None
    called = _Names([c for c in children(be) if c.dep_ in ("attr", "acomp")])
    words = lex.name_calling
    bad = called.named(words.get("wrong", set()))
    if not bad and (not called.named(words.get("good", set()) | words.get("good_meeting", set()), good=True)
                    or called.denied(("no", "not", "never", "hardly", "only", "just", "merely"))
                    or called.for_someone(ctx)):
        return None
    thing = verdict_subject(lex, be)
    owners = [r for r in ctx.refs([thing]) if r.actor_id and r.actor_id != speaker.actor_id]
    code = "111" if bad else "051"
    etype, mode = code_to_type(code)
    return dict(tok=be, code=code, type=etype, mode=mode, sources=[speaker], targets=owners if bad else [],
                clause=clause, modality=modality_of(clause), quote=ctx.quote_at(be.idx), speech=clause.speech,
                unmerged=True)


def verdict_subject(lex: Lexicon, be: Token) -> Token | None:
    """The deal or plan a copula with a predicate names ("the agreement was a historic step"), else None."""
    if lemma_of(be) != "be" or be.dep_ not in ("ccomp", "ROOT", "conj") \
            or not any(c.dep_ in ("attr", "acomp") for c in children(be)):
        return None
    thing = next((c for c in children(be) if c.dep_ == "nsubj"), None)
    return thing if thing is not None and lemma_of(thing) in _judged_things(lex) else None


def _judged_things(lex: Lexicon) -> set[str]:
    """What a good or bad name judges as a deal: a deal or a plan, or what talks came to ("the
    outcome", "the signing"), whether it is called so or said to be so."""
    return lex.classes.get("proposal", set()) | lex.name_calling.get("outcomes", set())


def denial(ctx: Context, lex: Lexicon, deny: Token, triggers: set[int]) -> dict | None:
    """"Azerbaijan denied that its forces had opened fire": denying what one is charged with
    rejects the charge (its author is found as replies' are, ``_answered``). The denied act stays
    coded, negated."""
    charge = head_of(deny) if deny.dep_ in ("relcl", "acl") and lex.replies.get(lemma_of(head_of(deny))) == "ACCUSE" else None
    if charge is None and deny.dep_ == "relcl" and any(c.lower_ == "which" for c in children(deny)):
        # "the rebels accused the army of shelling, which Damascus denied": the accusation told
        # just before
        charge = next((a for a in (head_of(deny), *ancestors(head_of(deny)))
                       if lemma_of(a) in lex.governors.get("alleging", set()) or a.pos_ == "VERB"
                       and (e := match_verb(ctx, lex, a)) is not None and code_to_type(e.code)[0] == "ACCUSE"), None)
    # "denied the charge", "refuted the report": what another side said, answered
    said = charge is None and any(c.dep_ == "dobj" and lemma_of(c) in lex.classes.get("assertions", ())
                                  for c in children(deny))
    if charge is None and not said and not any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ in OBJECT_DEPS and c.tag_ == "VBG")
                                               for c in children(deny)):
        return None   # what is denied is a clause or a gerund ("denied backing the rebels")
    clause = analyse_clause(ctx, lex, deny, triggers)
    if clause.negated or clause.content_of is not None or clause.in_condition:
        return None   # "did not deny that ...": an admission
    # ("a charge denied by the spokesman": the denial's agent)
    sources = [r for r in ctx.refs(agent_tokens(deny) if deny.dep_ == "acl" else subject_tokens(deny)) if r.actor_id]
    if not sources:
        return None
    targets = []
    if charge is not None:
        # "Western officials say Iran is hiding the stockpile, a charge Tehran denies"
        # ("Officials accused the guerrillas of kidnapping, a charge the URNG denied": the accuser)
        said = next((a for a in (charge, *ancestors(charge)) if lemma_of(a) in lex.governors["speech"]
                     | lex.governors.get("alleging", set())), None)
        targets = ctx.refs(subject_tokens(said)) if said is not None else []
    return dict(tok=deny, code="120", type="REJECT", mode=None, sources=sources[:1], targets=targets,
                clause=clause, modality=modality_of(clause), quote=ctx.quote_at(deny.idx), speech=clause.speech)


def failing(ctx: Context, lex: Lexicon, verb: Token, clause: Clause, speaker: ActorRef | None) -> dict | None:
    """"Gibbs said Iran had still failed to meet its obligations", "Putin said Kyiv had failed to
    carry out the Minsk agreements": a failing another party is said to have done (``lex.failings``)
    is the speaker's accusation of it (CAMEO 112); of one's own side ("Lapid said Netanyahu had
    failed", both Israel's) it is none, as with every act asserted of another. The speaker is one ``events._speaker`` accepts: "officials
    said" attributes news and accuses no one. A failing denied, planned or supposed is none."""
    if speaker is None or clause.speech is None or clause.negated or clause.future or clause.hypothetical \
            or clause.in_condition or clause.condition is not None:
        return None
    if lemma_of(verb) == "fail" and not any(c.dep_ == "xcomp" for c in children(verb)):
        return None   # "the talks failed": no party failed at an act
    doers = [r for r in ctx.refs(subject_tokens(verb)) if r.actor_id]
    if not doers or speaker.actor_id in {d.actor_id for d in doers} or same_side(ctx, speaker, doers, clause.speech):
        return None
    return dict(tok=verb, code="112", type="ACCUSE", mode="allege", sources=[speaker], targets=doers[:1],
                clause=Clause(), modality="actual", quote=ctx.quote_at(verb.idx), speech=clause.speech)


def deontic_demand(ctx: Context, lex: Lexicon, tok: Token) -> dict | None:
    """"Britain said Libya must hand over the suspects": an obligation another actor states
    is that actor's demand (CAMEO 10), whatever the verb; so is a mandative subjunctive ("Lebanon
    insisted that Israel withdraw at once")."""
    if tok.pos_ not in ("VERB", "AUX") or not (any(
            c.dep_ == "aux" and c.lower_ in lex.deontic_modals for c in children(tok)) or _mandative(lex, tok)
            or must_periphrasis(lex, tok)):
        return None
    cur, speech = tok, None
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "conj") or head_of(cur).i == cur.i:
            break
        cur = head_of(cur)
        if lemma_of(cur) in lex.governors["speech"] | lex.governors["stance"] | {"reiterate", "conclude", "remind"}:
            speech = cur
            break
    if speech is None:
        return None
    speakers = ctx.refs(subject_tokens(speech))
    targets = ctx.refs(subject_tokens(tok))
    if not speakers or not targets or ref_key(speakers[0]) in {ref_key(t) for t in targets}:
        return None
    if targets[0].actor_id is None and subject_tokens(tok)[0].pos_ == "PRON":
        return None
    if same_side(ctx, speakers[0], targets, speech):
        return None   # "Netanyahu says Israel must keep ...": a position, not a demand
    return dict(tok=tok, code="100", type="REQUEST", mode=None, sources=speakers[:1], targets=targets,
                clause=Clause(chain=[speech]), modality="actual", quote=ctx.quote_at(tok.idx), speech=speech)


def must_periphrasis(lex: Lexicon, tok: Token) -> bool:
    """"the DUP has to show it is serious", "Kyiv will have to accept": an obligation of the present
    or the future said with "have to" or "need to" (not "had to": a past obligation mostly tells
    what was done)."""
    # (not "will have no choice but to", nor an obligation that follows from a condition: "if voters
    # reject it, the government will have to give notice" tells a rule, not a demand)
    if lemma_of(tok) not in lex.governors.get("periphrastic_musts", ()) or tok.dep_ == "aux" \
            or any(c.dep_ in ("dobj", "advcl") for c in children(tok)):
        return False
    return any(c.dep_ == "xcomp" and infinitive(c) for c in children(tok)) and (
        tok.tag_ in ("VBZ", "VBP") or any(a.dep_ == "aux" and a.lower_ in lex.future_modals for a in children(tok)))


def _mandative(lex: Lexicon, tok: Token) -> bool:
    """"insisted that Israel withdraw": a bare verb with no auxiliary under a verb of insisting
    (a past one shows a present form is no backshifted statement: "insisted that they withdraw")."""
    gov = head_of(tok)
    if tok.dep_ != "ccomp" or lemma_of(gov) not in lex.governors["mandative"] \
            or any(c.dep_ in ("aux", "auxpass", "neg") for c in children(tok)):
        return False
    subj = subject_tokens(tok)
    return bool(subj) and subj[0].lower_ not in ("i", "you", "we") and (
        tok.tag_ == "VB" or tok.tag_ == "VBP" and gov.tag_ in ("VBD", "VBN"))
