"""Events: who did what to whom, coded in PLOVER v2 (and CAMEO), from a spaCy parse.

Triggers are verbs and nouns of the lexicon (``kb/event_lexicon.yaml``). Each trigger's
arguments come from the dependency parse (subjects, passive agents, objects, with/to/against
phrases, possessives), resolved to actors by the actor layer. A trigger's clause tells its
polarity and modality: the chain of governing verbs ("agreed to", "plans to", "refrained
from", "said that") and auxiliaries ("will", "would"), conditional subordinate clauses ("if",
"unless") and hedges ("reportedly"). "Would" under a past speech verb is the reported "will"
(backshift): "Malaysia said it would send observers" is a future act, as "Malaysia said: we will
send observers" is; "would" elsewhere, "could" and "might" are hypothetical. Two coding
conventions of CAMEO are kept:
- a hostile act planned or promised by its own actor is a threat (THREATEN);
- a hostile act asserted by one actor about another is an accusation (ACCUSE) by the speaker;
  a cooperative act a third party reports in its own words is coded alleged (the claims
  extractor keeps the claim too), and one it says is planned, or a request, future ("Gambari
  said Annan would ask the Security Council to ..."); one inside a third party's direct
  quotation is left to the claims extractor.
Agents are coded as CAMEO/PETRARCH code them: a generic agent ("police", "protesters",
"residents"; ``local_agents`` in the lexicon) with no nationality in its own phrase belongs to
the state where the act happens ("police fired on protesters in Nairobi": KEN and KEN); a
capital or territory in an argument's place stands for its state ("travelled to Canberra",
"fired from the Gaza Strip"); two agents of one state of different kinds are two parties
("Kenyan students attacked Kenyan police"); a protest abroad is against its host state.
An agentless attack takes the state named on its weapon or strike as its agent ("killed in an
Israeli air strike"); troops arriving somewhere deploy, they do not visit; a dateline is never an
argument; a news epithet ("the Gulf state") stands for the fitting state named just before.
A threat uttered for one's own side ("Netanyahu warned Israel would strike") is the speaker's;
judging an act ("condemned Russia's invasion") is aimed at its doer, not at its victim.
Acts done by saying with no trigger of their own (a warning's consequence, a matter ruled out, a
name called, a charge denied) are coded in ``speech_acts``; the parse helpers are in
``event_grammar``, the arguments in ``event_arguments``, the clause's modality in ``event_modality``.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from accord.extract.dates import resolve_date
from accord.extract.quotes import lexicon as quote_lexicon
from accord.ingest.text import headline_end
from accord.records import ActorRef, Article, Event, Quote, Span, record_id
from accord.nlp import children, sentences, subtree, text_of
from accord.extract.event_lexicon import (
    ACCUSABLE, Entry, HOSTILE, Lexicon, PRESUPPOSING_PREPS, SYMMETRIC, TARGET_PREPS, THREAT_CODE, VERBAL, code_to_type,
    lexicon)
from accord.extract.event_grammar import (
    DASH_CHARS, NAMED, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS, POS_AUX, POS_VERB, ParseTree, RELATIVE,
    SUBJECT_DEPS, agent_tokens, conjuncts, conjuncts_verbs, control_complement, existential,
    head_of, hyphen_agents, infinitive, is_passive, lemma_of, match_noun, match_verb, misread_participle,
    names_people, objects, parse_tree, prep_objects, reciprocal, span_tokens, speech_conjunct, subject_tokens,
    there_is, tree_slot)
from accord.extract.event_arguments import (
    Context, accused, agent_heads, complement_targets, counterpart, dateline_subject, holders, home_organs,
    instrument_states, localise_agents, location_for, location_span, measure_doer, naming_near, noun_arguments,
    pair_refs, place_country_of, ref_key, same_party, same_side, story_sides, troop_movement, verb_arguments)
from accord.extract.event_modality import Clause, aux_modality, analyse_clause, condition_mark, modality_of
from accord.extract.speech_acts import (
    conditional_warning, deal_verdict, deontic_demand, denial, failing, held_out, must_periphrasis, name_calling,
    ruled_out, verdict_subject)


COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
# The refusal (CAMEO 12) a side states when it says it will not do a cooperative act: to meet
# (125), to accept a plan (127), to yield (124), to cooperate or aid (121, 122).
REFUSAL_CODES = {"CONSULT": "125", "AGREE": "127", "SUPPORT": "120", "CONCEDE": "124", "RETREAT": "124",
                 "COOPERATE": "121", "AID": "122"}


def _subject_denies(subj: list[Token]) -> bool:
    """"No mediator can sign", "nobody agrees on": the subject negates the act."""
    return bool(subj) and (subj[0].lower_ in ("nobody", "none", "neither", "nothing") or any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in children(subj[0])))


def _present_tense(tok: Token) -> bool:
    """"does not recognise", "do not allow": a standing refusal; "has not signed" is a fact."""
    return tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "do" for c in children(tok)))


PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\S)")


@dataclass
class Candidate:
    trigger: Token
    entry: Entry
    noun: Token | None = None        # the event noun of a light-verb construction
    nominal: bool = False            # a stand-alone noun event
    addressee: Token | None = None   # who is appealed to ("wants Putin to attack")


CRITICISM_CODE = "111"


def _not_this_act(lex: Lexicon, tok: Token, entry: Entry) -> bool:
    """A trigger whose use here is not the act its entry codes."""
    lem = lemma_of(tok)
    if lem in lex.active_only and (tok.dep_ == "acomp" or any(
            c.dep_ in ("auxpass", "aux") and lemma_of(c) == "be" for c in children(tok))):
        return True   # "was committed to the truce" states a stance; "committed to withdrawing" promises
    if entry.code == "042" and any(o.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")
                                   for x in [tok] + [c for c in children(tok) if c.dep_ == "advmod"]
                                   for p in children(x) if p.dep_ == "prep" and p.lower_ == "to"
                                   for o in children(p) if o.dep_ == "pobj"):
        return True   # "wants to go back to 145%": a level returned to, no journey
    if entry.code == "057" and any(lemma_of(o) in lex.classes.get("signature", ()) for o in objects(tok)) \
            and not prep_objects(tok, {"to", "on"}):
        return True   # a signature put "to" or "on" a text signs it; "beside a settler" does not
    head = tok.head
    if tok.dep_ == "conj" and tok.tag_ == "VBD" and head.tag_ == "VB" \
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in children(head)) \
            and any(c.dep_ in OBJECT_DEPS and c.i < tok.i for c in children(head)) \
            and any(c.dep_ == "dobj" and c.i == tok.i + 1 and c.pos_ == "NOUN" for c in children(tok)) \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "xcomp", "ccomp") for c in children(tok)) \
            and speech_conjunct(tok) is None:
        # "will release all prisoners and detained civilians": a past form cannot share the
        # modal; it is a participle describing the next noun, misread as a second verb
        return True
    if entry.code.startswith("02") and any(c.dep_ == "oprd" for c in children(tok)) \
            and any(c.dep_ == "dobj" for c in children(tok)):
        return True   # "called the signing a great day for Russia": a name given, no call for anything
    if entry.code.startswith("02") and any(
            c.dep_ in ("xcomp", "ccomp") and lemma_of(c) in lex.anonymity_verbs and is_passive(c) for c in children(tok)):
        return True   # "an official, who asked not to be named, said": a source's anonymity, no appeal
    # "to finance their operations": paying for one's own is no aid
    return lem in lex.self_directed and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                            for o in objects(tok) for c in children(o))


def _ended_together(ctx: Context, verb: Token) -> bool:
    """"India and Pakistan ended a summit in Agra without agreement": two parties who end a
    meeting together close it; one party ending talks with another breaks them off."""
    subj = subject_tokens(verb)
    return len({r.actor_id for r in ctx.refs([c for s in subj for c in conjuncts(s)]) if r.actor_id}) >= 2


def _their_own(lex: Lexicon, verb: Token, obj: Token) -> bool:
    """"Reagan and Gorbachev ended their summit", "the two sides concluded their talks": the
    meeting ended is the subjects' own, held together, not one side's break with the other."""
    if not any(c.dep_ == "poss" and c.lower_ == "their" for c in children(obj)):
        return False
    subj = subject_tokens(verb)
    return bool(subj) and (len(conjuncts(subj[0])) > 1 or lemma_of(subj[0]) in lex.plural_pair_nouns
                           and subj[0].tag_ == "NNS")


def _candidates(ctx: Context, lex: Lexicon, sent: SpacySpan) -> list[Candidate]:
    found: list[Candidate] = []
    consumed: set[int] = set()
    tree = parse_tree(sent.doc)
    toks, tags, lemmas = tree.toks, tree.pos, tree.lemmas
    lo, hi = sent.start, sent.end
    for i in tree.verbal[bisect.bisect_left(tree.verbal, lo):bisect.bisect_left(tree.verbal, hi)]:
        tok, pos = toks[i], tags[i]
        # "Obama wants Putin to attack": wanting another actor to act is an appeal to it
        if pos == POS_VERB and lemmas[i] in lex.appeal_governors:
            objs = [c for c in children(tok) if c.dep_ in OBJECT_DEPS]
            # ("wanted the document to name Kashmir": the parser may hang the infinitive on the
            # object; not "wants a document to sign", where the object is the infinitive's own)
            if not (objs and (any(c.dep_ == "xcomp" for c in children(tok)) or any(
                    c.dep_ == "acl" and infinitive(c) and any(d.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp")
                                                              for d in children(c)) for c in children(objs[0])))):
                # the parser may attach "X to attack" as a clause with X as its subject
                objs = [s for c in children(tok) if c.dep_ == "ccomp" and infinitive(c)
                        for s in children(c) if s.dep_ in SUBJECT_DEPS]
            # ("we expect the other side to do the same": the pair noun stands for the other party)
            if objs and (ctx._direct(objs[0]) is not None or lemma_of(objs[0]) in lex.pair_nouns
                         and any(r.actor_id for r in ctx.refs([objs[0]]))):
                found.append(Candidate(tok, Entry("020", lemma_of(tok)), addressee=objs[0]))
                continue
            if objs and lemmas[i] in lex.governors.get("wanting", ()) \
                    and any(r.actor_id for r in ctx.refs(subject_tokens(tok))) \
                    and lemma_of(objs[0]) not in lex.classes.get("concessions", ()):
                # "Pakistan wanted the document to name Kashmir": a state of things a party wants
                # brought about is its demand, made of the other party
                found.append(Candidate(tok, Entry("020", lemma_of(tok))))
                continue
        if pos == POS_VERB or (pos == POS_AUX and tok.dep_ not in ("aux", "auxpass")):
            specific = None
            entry = match_verb(ctx, lex, tok)
            if entry is None and lemmas[i] in lex.governors.get("departing", ()) and any(
                    lemma_of(s) in lex.classes.get("troops", ()) for s in subject_tokens(tok)):
                entry = Entry("087", lemmas[i])   # "all American forces are to leave South Vietnam"
            if entry is None and lemmas[i] not in lex.light_verbs and lemmas[i] not in lex.concluding_verbs:
                continue   # no trigger: most verbs of a sentence
            if entry is not None and _not_this_act(lex, tok, entry):
                continue
            if entry is not None and entry.specificity > 0:
                specific = entry
            objs = objects(tok)
            if entry is not None and any(lemma_of(o) in lex.idiom_objects.get(lemmas[i], ()) for o in objs):
                continue   # "struck a harder tone", "the talks hit a snag", "met its obligations"
            if entry is not None and code_to_type(entry.code)[0] == "ASSAULT" and entry.obj_class is None and objs \
                    and all(lemma_of(o) in lex.classes.get("proposal", ()) for o in objs):
                # "Netanyahu has attacked the deal", "hit the plan hard": an assault on a text
                # is its criticism (CAMEO 111)
                entry = replace(entry, code=CRITICISM_CODE)
            retort_at = None
            saying = next((c for c in children(tok) if c.dep_ == "advcl" and c.tag_ == "VBG"
                           and lemmas[c.i] in lex.governors["speech"]), None) if entry is not None and not objs else None
            if saying is not None and code_to_type(entry.code)[0] == "ASSAULT":
                # "Lapid hit back, saying Netanyahu had failed": a retort, not a blow (CAMEO 111),
                # aimed at whom it speaks of
                entry = replace(entry, code=CRITICISM_CODE)
                retort_at = next((s for c in children(saying) if c.dep_ == "ccomp" for s in children(c)
                                  if s.dep_ in ("nsubj", "nsubjpass") and ctx._direct(s) is not None), None)
            if lemmas[i] in lex.concluding_verbs and (any(
                    any(c.dep_ == "nummod" for c in children(o)) or lemma_of(o) in lex.measure_nouns
                    or _their_own(lex, tok, o) for o in objs) or _ended_together(ctx, tok)):
                # "ended two days of talks", "X and Y ended their summit": a round is over,
                # nothing broken off; the sides met
                talks = lex.classes.get("talks", set())
                met = next(((w, ne) for w in objs if lemma_of(w) in talks
                            for ne in [match_noun(lex, w)] if ne is not None), None)
                if met is not None:
                    # read as a light verb: "wrapped up a round of talks" as "held a round of talks"
                    found.append(Candidate(tok, met[1], noun=met[0]))
                    consumed.update(x.i for o in objs for x in subtree(o))
                continue
            if specific is None and lemma_of(tok) in lex.light_verbs:
                for o in objs:
                    if _of_what_is_told(lex, tok, o):
                        continue
                    # "launched a mediation effort": the event noun may be the compound, unless
                    # the head names people ("carrying truce monitors", "sent aid workers")
                    # ("gets sanctions relief": a head that undoes the compound names no act of it)
                    ne = match_noun(lex, o) or (None if names_people(lex, o) or lemma_of(o) in lex.classes.get(
                        "undoing", ()) else next(
                        filter(None, (match_noun(lex, c) for c in children(o) if c.dep_ == "compound")), None))
                    allowed = lex.light_verb_types.get(lemma_of(tok))
                    if ne is not None and allowed and code_to_type(ne.code)[0] not in allowed:
                        ne = None   # "had donations" is no act; "had talks" is
                    if ne is not None:
                        found.append(Candidate(tok, ne, noun=o))
                        consumed.update(x.i for x in conjuncts(o))
                        break
                else:
                    if entry is not None:
                        found.append(Candidate(tok, entry))
                        consumed.update(o.i for o in objs)
                continue
            if entry is not None and lemmas[i] in lex.governors["helping"] and any(
                    c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and match_verb(ctx, lex, c) is not None
                    for c in children(tok)):
                continue   # "helped broker the deal": the act helped is the event, with the helper's part
            if entry is not None:
                noun = None
                if entry.obj_class and entry.obj_class not in ("actor", "object"):
                    members = lex.classes.get(entry.obj_class, set())
                    noun = next((o for o in objs if lemma_of(o) in members), None)
                found.append(Candidate(tok, entry, noun=noun, addressee=retort_at))
                consumed.update(o.i for o in objs)
    for i in tree.nominal[bisect.bisect_left(tree.nominal, lo):bisect.bisect_left(tree.nominal, hi)]:
        tok = toks[i]
        if lemmas[i] not in lex.nouns and tok.text.lower() not in lex.nouns:
            continue   # no event noun (match_noun's first test, before the costlier ones)
        if tok.i in consumed or tok.ent_type_ in NAMED or tok.dep_ == "compound":
            continue   # "sanctions relief", "ceasefire proposal": the head noun names the thing
        if tok.ent_type_ in ("DATE", "TIME"):
            continue   # "in March" is a month, not a march
        ne = match_noun(lex, tok)
        if ne is None:
            continue
        # "took part in talks with", "engaged in fighting": the verb lends its subject
        if tok.dep_ == "pobj" and lemma_of(head_of(tok)) in ("in", "into", "under") and head_of(head_of(tok)).pos_ == "VERB" \
                and head_of(head_of(tok)).i not in {c.trigger.i for c in found} and not is_passive(head_of(head_of(tok))) \
                and lemma_of(head_of(head_of(tok))) not in lex.undergoing_verbs:
            found.append(Candidate(head_of(head_of(tok)), ne, noun=tok))
            continue
        found.append(Candidate(tok, ne, nominal=True))
    return found


def _line_span(doc: Doc, sent: SpacySpan, char: int) -> tuple[int, int]:
    """The sentence, cut at line breaks: headlines have no full stop."""
    text = text_of(doc)
    start, end = sent.start_char, sent.end_char
    nl = text.rfind("\n", start, char)
    if nl != -1:
        start = nl + 1
    else:
        # "CAIRO, Aug 20 (Reuters) - Blinken met ...": the parser often ends a sentence at the
        # dateline's dash; the dateline belongs to the lede's evidence
        line = text.rfind("\n", 0, start) + 1
        before = text[line:start].rstrip()
        if 0 < len(before) <= 80 and before[-1:] in DASH_CHARS and any(c.isupper() for c in before[:3]):
            start = line
    nl = text.find("\n", char, end)
    if nl != -1:
        end = nl
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _date_for(ctx: Context, toks: list[Token], sent: SpacySpan, future: bool, use_root: bool = True):
    anchors = ctx.date_anchors(sent)
    if not anchors:
        return None
    for tok in toks + ([ctx.root_of(sent)] if use_root else []):
        for e, root, h, over in anchors:
            if h == tok or (over is not None and over == tok) or root == tok:
                got = resolve_date(e.text, ctx.published, future)
                if got:
                    return got
    return None


# acts done once, whose later mentions retell them
TOLD_ONCE = frozenset(("057",))


def extract_events(doc: Doc, actors, article: Article | None, quotes=()) -> Iterator[Event]:
    """Events of one parsed article (see the module docstring for the coding rules)."""
    lex = lexicon()
    tree_slot.tree = ParseTree(doc)   # built afresh per call: nothing read from an earlier call on this Doc
    ctx = Context(doc, actors, article, list(quotes or []))
    # a headline restates the lede's events in fewer words: its triggers are not coded
    ctx.head_end = headline_end(text_of(doc), article)
    done: list[Event] = []
    for sent in sentences(doc):
        for event in _sentence_events(ctx, lex, sent):
            event = _answered(ctx, lex, event, done)
            done.append(event)
    yield from _told_once(_cosignatories(ctx, done))


def _told_once(events: list[Event]) -> list[Event]:
    """"We have signed a framework, not a treaty," Dayan said, after the lede told of the signing:
    an act told again by the same source with the same code is the act already coded."""
    seen: set[tuple] = set()
    out = []
    for e in events:
        if e.cameo in TOLD_ONCE and e.modality == "actual" and e.source is not None and e.source.actor_id:
            key = (e.cameo, e.source.actor_id, e.negated, frozenset(t.actor_id for t in e.targets))
            if key in seen:
                continue
            seen.add(key)
        out.append(e)
    return out


def _cosignatories(ctx: Context, events: list[Event]) -> list[Event]:
    """"Aristide signed an agreement on Saturday, hours after Cedras put his name to the same
    text": when a story names two signatories and no one either signed with, each signed
    with the other."""
    signings = {(e.trigger.start, e.source.actor_id) for e in events if e.cameo == "057"
                and e.trigger is not None and e.source is not None}
    # the signing, and the agreement coded beside it on the same verb
    alone = {id(e): e for e in events if e.modality == "actual" and not e.negated and e.trigger is not None
             and e.source is not None and (e.trigger.start, e.source.actor_id) in signings
             and e.cameo in ("057", "030") and not any(t.actor_id for t in e.targets)}
    signers = list(dict.fromkeys(e.source.actor_id for e in alone.values()))
    if len(signers) != 2 or any(getattr(ctx.actor(a), "affiliation", None) == b for a, b in (signers, signers[::-1])):
        return events
    out = []
    for e in events:
        if id(e) in alone:
            other = next(a for a in signers if a != e.source.actor_id)
            partner = naming_near(ctx, other, e.start)
            if partner:
                ctx.implied_targets.add(e.event_id)
                e = replace(e, targets=tuple(partner))
        out.append(e)
    return out


def _answered(ctx: Context, lex: Lexicon, event: Event, done: list[Event]) -> Event:
    """"Pakistan rejected the accusation", "Yerevan turned down the proposal": a reply to an
    earlier act aimed at its source is aimed back at that act's author."""
    # a target only inferred as "the other side" yields to the author of what is answered
    if event.type not in ("REJECT", "ACCUSE") or event.source is None or event.trigger is None \
            or (any(t.actor_id for t in event.targets) and event.event_id not in ctx.implied_targets):
        return event
    span = ctx.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return event
    # the trigger itself when it is a noun or a denying verb ("denied"): "called the ruling an
    # interference" is no reply to a "call"
    root = span.root
    own = root.pos_ in ("NOUN", "PROPN") or lex.replies.get(lemma_of(root)) == "ACCUSE"
    nouns = [o for o in objects(root)] + ([root] if own else [])
    replied = next((lex.replies[lemma_of(o)] for o in nouns if lemma_of(o) in lex.replies), None)
    if replied is None:
        return event
    me = {event.source.actor_id, ctx.country(event.source.actor_id)} - {None}
    if replied == "ASSAULT":
        if event.type != "ACCUSE":
            return event   # "Moscow denied the strike": its own, not one to answer
        # "Guterres condemned the strike": the attack told of last, by whoever carried it out,
        # whether or not it hit the one who condemns it
        prior = next((e for e in reversed(done) if e.type == "ASSAULT" and e.source is not None
                      and e.source.actor_id and not {e.source.actor_id, ctx.country(e.source.actor_id)} & me), None)
        return replace(event, targets=(prior.source,)) if prior is not None else event
    for prior in reversed(done):
        if prior.type == replied and prior.source is not None and prior.source.actor_id and any(
                t.actor_id in me or ctx.country(t.actor_id) in me for t in prior.targets) \
                and not {prior.source.actor_id, ctx.country(prior.source.actor_id)} & me:
            return replace(event, targets=_with_side(ctx, event, prior.source))
    if replied in lex.quote_replies:
        # "Mirzoyan rejected that argument": what was argued is the last quote of another side
        # before it, in this paragraph or the one before
        text = text_of(ctx.doc)
        said = [q for q in ctx.quotes if q.end <= event.start and q.speaker is not None and q.speaker.actor_id
                and not ({q.speaker.actor_id, ctx.country(q.speaker.actor_id)} & me)
                and len(PARAGRAPH_BREAK.findall(text, q.end, event.start)) <= 1]
        if said:
            q = max(said, key=lambda q: q.end)
            return replace(event, targets=_with_side(ctx, event, q.speaker))
    return event


def _with_side(ctx: Context, event: Event, author: ActorRef) -> tuple[ActorRef, ...]:
    """The author of what is answered, and the side inferred before when the author speaks for
    it ("Mirzoyan rejected that argument" of Azerbaijan's minister answers both)."""
    if event.event_id not in ctx.implied_targets:
        return (author,)
    actor = ctx.actor(author.actor_id)
    theirs = {author.actor_id, ctx.country(author.actor_id), getattr(actor, "affiliation", None)} - {None}
    sides = tuple(t for t in event.targets if (t.actor_id in theirs or ctx.country(t.actor_id) in theirs)
                  and t.actor_id != author.actor_id)
    return (author,) + sides


def _of_what_is_told(lex: Lexicon, verb: Token, o: Token) -> bool:
    """"gave conflicting accounts of a shooting": an event noun in the of-phrase of the light
    verb's object is what the object is about, unless the object measures it ("five hours of
    talks", "a wave of strikes")."""
    if o.dep_ != "pobj" or lemma_of(head_of(o)) != "of":
        return False
    owner = head_of(head_of(o))
    if head_of(owner) != verb:
        return False
    counted = any(c.dep_ == "nummod" for c in children(owner))
    return not (counted or lemma_of(owner) in lex.quantity_nouns or lemma_of(owner) in lex.measure_nouns)


def _asks_a_question(tok: Token) -> bool:
    """An indirect question as the complement: "whether", "if" or a wh-word opens it."""
    for c in children(tok):
        if c.dep_ in ("ccomp", "xcomp", "advcl"):
            first = c.doc[c.left_edge.i]
            if first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WRB"):
                return True
    return False


# acts a person makes by saying his side will do them
SPOKEN_FOR = {"THREATEN", "AGREE", "REJECT", "REQUEST", "CONCEDE", "ACCUSE"}


def _reported_past(tok: Token) -> bool:
    """"said the government had not agreed", "said Kyiv rejected the plan": an act done before,
    reported, not one made by saying it ("said Ukraine was ready to", "would not give up")."""
    return tok.tag_ == "VBD" or any(c.dep_ == "aux" and lemma_of(c) == "have" for c in children(tok))


# what one side is accused of doing, kept as an alleged act of the accused
ALLEGEABLE = ACCUSABLE | {"AID"}
BREACH_CODE = "196"   # violate a ceasefire


def _charged_with(ctx: Context, lex: Lexicon, tok: Token, clause: Clause) -> list[ActorRef] | None:
    """"accused the army of attacking rebel camps", "accuse Kigali of arming the M23": the
    verb after an accusation's "of" is an act charged to the accused, who are returned."""
    accuser = clause.content_of
    if tok.pos_ == "VERB":
        # "accused the Maoists of continuing to abduct people": through a verb that leaves the act as it is
        while tok.dep_ == "xcomp" and lemma_of(head_of(tok)) in lex.governors["actual"] and head_of(tok).i != tok.i:
            tok = head_of(tok)
    if accuser is None or tok.pos_ != "VERB" or tok.dep_ != "pcomp" or lemma_of(head_of(tok)) != "of" \
            or accuser.pos_ != "VERB" or (e := match_verb(ctx, lex, accuser)) is None \
            or code_to_type(e.code)[0] != "ACCUSE":
        return None
    held = head_of(head_of(tok))   # "of" hangs on the accused or on the verb that accuses
    accused = conjuncts(held) if held.i != accuser.i else [x for o in objects(accuser) for x in conjuncts(o)]
    return [r for r in ctx.refs(accused) if r.actor_id] or None


def _by_means(lex: Lexicon, tok: Token) -> bool:
    """"aid workers killed in an air strike": a participle that names the attack it came by
    reports the act, where "a member of Hamas jailed a year ago" only describes the person."""
    return any(code_to_type(e.code)[0] in ("ASSAULT", "COERCE") for o in prep_objects(tok, {"in", "during", "by"})
               if not o.ent_type_ for e in [match_noun(lex, o)] if e is not None)


def _sentence_events(ctx: Context, lex: Lexicon, sent: SpacySpan) -> list[Event]:
    cands = [c for c in _candidates(ctx, lex, sent) if c.trigger.idx >= ctx.head_end]
    trigger_ids = {c.trigger.i for c in cands}
    means_of = {head_of(head_of(c.trigger)).i for c in cands if c.trigger.dep_ == "pcomp"
                and head_of(c.trigger).dep_ == "prep" and lemma_of(head_of(c.trigger)) == "by"
                and head_of(head_of(c.trigger)).i in trigger_ids}
    drafts: list[dict] = []
    for cand in cands:
        tok, entry = cand.trigger, cand.entry
        sides_met: list[ActorRef] = []
        clause = analyse_clause(ctx, lex, tok, trigger_ids)
        if clause.content_of is not None and tok.dep_ == "xcomp" and head_of(tok).i == clause.content_of.i \
                and lemma_of(clause.content_of) in lex.governors["agreeing"] \
                and code_to_type(cand.entry.code)[0] == "CONSULT":
            # "the ministers agreed to meet again in December": the meeting agreed on is planned
            # beside the agreement itself
            clause = replace(clause, content_of=None, future=True)
        charged = _charged_with(ctx, lex, tok, clause)
        # ("insisted that the ANC would fight on", "insisted Israel would not withdraw": a threat or
        # a refusal insisted on is made; a cooperative act insisted on is a position held)
        vowed = clause.stance and clause.speech is not None and (
            code_to_type(entry.code)[0] in HOSTILE or clause.negated)
        if clause.content_of is not None and not charged or clause.stance and not vowed or clause.in_condition:
            continue
        if cand.nominal and any(c.dep_ == "det" and c.lower_ in ("any", "every", "whatever") for c in children(tok)):
            # "would hit back at any attack": an act of whatever kind may come, not one reported
            clause.hypothetical = True
        if cand.nominal and clause.negated and _object_of_plain_verb(lex, tok):
            # "the deal does not cover the group's attacks on Israel": the attacks go on; only a
            # light verb's denial ("did not launch attacks", "held no talks") denies the act
            clause.negated = any(c.dep_ == "det" and c.lower_ == "no" for c in children(tok))
        if tok.i in means_of:
            continue   # "retaliated by imposing sanctions": the act is the means
        if tok.dep_ in ("csubj", "csubjpass"):
            continue   # "lifting the sanctions is out of the question": a topic, not an act
        if lemma_of(tok) in lex.inquiry_verbs and _asks_a_question(tok):
            continue   # "asked whether the deal would hold": a question, not an appeal
        quoted = ctx.quote_at(tok.idx)
        if lemma_of(tok) in lex.wish_verbs and (tok.dep_ in ("relcl", "acl") or quoted is not None and quoted.type != "indirect"):
            # "a movement which is seeking a ceasefire", "'the Palestinians want a permanent
            # ceasefire'": a wish described, not a demand made; the stated one is a demand, and so
            # is one reported ("officials said Beirut was seeking the release of ...")
            continue
        code = entry.code
        etype, mode = code_to_type(code)
        if etype is None:
            continue
        if etype == "ASSAULT" and not cand.nominal and measure_doer(lex, tok):
            continue   # "tariffs hit Chinese exports", "sanctions targeting Russian banks"
        # ("a Russian-brokered protocol": a go-between glued on by a hyphen is reported, see verb_arguments)
        glued = lemma_of(tok) in lex.mediating_verbs and bool(hyphen_agents(tok))
        if not cand.nominal and not agent_tokens(tok) and not glued and not existential(tok) and not _by_means(lex, tok) and (
                (tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" and (etype in HOSTILE or not any(
                    objects(v) for v in conjuncts_verbs(tok))))
                or (etype in HOSTILE and misread_participle(tok) is not None)
                or (tok.dep_ == "relcl" and is_passive(tok) and any(c.lower_ == "had" for c in children(tok)))):
            # "a member of Hamas jailed a year ago", "Yaish, who had been arrested in May",
            # "gunmen armed with rifles": a description of the person, not an act reported
            continue
        if cand.nominal:
            sources, targets, named = noun_arguments(ctx, tok, etype)
            states = [r for r in ctx.refs(prep_objects(tok, {"from"})) if r.actor_id
                      and ctx.country(r.actor_id) == r.actor_id] if etype == "PROTEST" else []
            if states:
                # "prompting a protest from Georgetown": a state protests by note, not in the
                # street (CAMEO 114); what prompted it is aimed at
                code = "114"
                etype, mode = code_to_type(code)
                targets = [r for r in ctx.refs(subject_tokens(head_of(tok))) if r.actor_id
                           and ref_key(r) not in {ref_key(x) for x in states}] if tok.dep_ == "dobj" else []
                sources, named = states, True
            between = (code in lex.mutual_codes or etype in SYMMETRIC) and bool(prep_objects(tok, {"between"})) \
                and len(sources) == 1 and bool(targets)
            if between:
                sources, targets = sources + targets, []   # each party to the other
            if lemma_of(tok) in lex.object_only and not named:
                continue
            if etype == "CONSULT" and not sources and targets and not between:
                # "Putin announced the deal after talks with Erdogan": the talks' other party is
                # named, and the one who acted after them held them
                sources = _held_before(ctx, tok)
            if etype == "CONSULT" and not targets and not between and len(sources) < 2:
                group = _their_parties(ctx, tok) or (_held_somewhere(ctx, tok) or _talks_before(ctx, tok)
                                                     if not sources else [])
                if group:
                    sources, between = group, True   # each met the other
            if etype == "CONSULT" and code in ("040", "046") and not targets and not between:
                continue   # a meeting with one side named says nothing about who met
            if code == "0871" and not sources and not targets and _truce_takes_hold(tok):
                # "the ceasefire took effect on Sunday", "a truce has been in force since May": a
                # truce that starts or holds, with nobody named, is the two sides' the story is about
                sides = pair_refs(ctx, ctx.pair_ids(tok.idx), tok.idx)
                if len(sides) == 2:
                    sources, between = sides, True
        else:
            sources, targets = verb_arguments(ctx, tok, cand.noun, etype,
                                              event_noun=cand.noun is not None and entry.obj_class is None)
            sources = dateline_subject(ctx, tok, sources)
            if etype == "CONSULT" and cand.noun is not None and is_passive(tok) \
                    and not any(r.actor_id for r in sources + targets if r is not None):
                # "talks will be held in Jeddah": held by no one named, they are the two sides'
                sides_met = _held_somewhere(ctx, cand.noun, tok)
                sources = sides_met or sources
            if etype == "ASSAULT" and tok.dep_ == "relcl" and lemma_of(head_of(tok)) in lex.conflict_nouns \
                    and not any(r.actor_id for r in sources + targets if r is not None):
                continue   # "a war that killed 50,000 people": a conflict's toll told as background
            if cand.addressee is not None:
                targets = ctx.refs(conjuncts(cand.addressee))
            swapped = False
            if cand.noun is not None and lemma_of(tok) in lex.inverse_light_verbs:
                # "faced pressure from Congress", "came under criticism from": the giver acts
                givers = ctx.refs(prep_objects(tok, {"from", "by"}) + prep_objects(cand.noun, {"from", "by"}))
                if givers:
                    sources, targets, swapped = givers, sources, True
                    if etype == "PROTEST" and all(r.actor_id and ctx.country(r.actor_id) == r.actor_id for r in givers):
                        code = "114"   # "drew a protest from Beijing": a state's protest note
                        etype, mode = code_to_type(code)
                elif etype in HOSTILE and lemma_of(tok) not in lex.prospect_verbs:
                    # "troops came under heavy shelling": they were shelled, by whoever the weapon
                    # names ("came under Russian shelling"), if anyone
                    sources, targets, swapped = instrument_states(ctx, tok), sources, True
            if cand.noun is not None and lemma_of(tok) in lex.prospect_verbs and not swapped:
                continue   # "they face imprisonment", "risks sanctions": a prospect, not an act
            if lemma_of(tok) in lex.inverse_verbs and etype in ("AID", "COOPERATE") and not swapped:
                givers = ctx.refs(prep_objects(tok, {"from"}))
                sources, targets = givers, sources
            if code in ("042", "044") and not targets:
                place = location_for(ctx, [tok] + clause.chain, sent, set())
                targets = [r for r in ctx.refs([t for t in span_tokens(sent) if t.text == (place or "\0")])
                           if ctx.country(r.actor_id) == r.actor_id]
            if etype in WINDING_DOWN and _winds_down_own(ctx, lex, tok):
                code = "087"
                etype, mode = code_to_type(code)
            moved = troop_movement(lex, tok) if code == "042" else None
            if moved:
                code = moved
                etype, mode = code_to_type(code)
        subj = subject_tokens(tok) if not cand.nominal else []
        # a negation that is the subject's is no side's refusal ("Neither Beijing nor Washington wants")
        denies = _subject_denies(subj)
        no_one = denies or (bool(subj) and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in children(subj[0])))
        if denies:
            clause.negated = not clause.negated   # "no mediator can sign", "nobody agrees on"
        modality = modality_of(clause)
        if entry.irrealis and modality == "actual":
            continue
        if modality == "hypothetical" and any(lemma_of(g) in lex.governors.get("showing", ()) for g in clause.chain):
            continue   # "the accord showed that Africans could settle their own conflicts": what can be, no act
        if charged:
            # "accused the army of attacking rebel camps": the act charged is alleged, by the accused
            if clause.negated or code_to_type(code)[0] not in ALLEGEABLE or code == BREACH_CODE:
                continue   # "accused Israel of violating the truce" is the accusation itself
            sources, modality = charged, "alleged"
            if etype in HOSTILE and not any(t.actor_id for t in targets) \
                    and not any(lemma_of(o) in lex.classes.get("people", ()) for o in objects(tok)):
                # "GAM accused the army of attacking rebel camps": the harm is the accuser's
                # (a person's side, not the person, is left to the counterpart rule below); not
                # when people the accuser does not stand for are harmed ("of abducting people")
                targets = [r for r in ctx.refs(subject_tokens(clause.content_of)) if r.actor_id
                           and ref_key(r) not in {ref_key(x) for x in sources}
                           and getattr(ctx.actor(r.actor_id), "kind", None) != "person"] or targets
        if not sources and etype in VERBAL and not cand.nominal and not subject_tokens(tok) and not is_passive(tok):
            # "Abdullah, who chairs the council and oversees the effort, appealed to the Taliban
            # to ...": the parser lost the verb's subject; the quote layer found who spoke
            cued = ctx.quote_cued_by(tok)
            if cued is not None and cued.speaker is not None and cued.speaker.actor_id:
                sources = [cued.speaker]
        # pronoun subjects of reported speech: "Iran said it will ..." (when unresolved)
        if not sources and clause.speech is not None:
            subj = subject_tokens(tok)
            if subj and subj[0].pos_ == "PRON" and subj[0].lower_ not in RELATIVE and not denies:
                sources = ctx.refs(subject_tokens(clause.speech))
            elif cand.nominal and there_is(cand.noun or tok):
                # "Biden told Putin there would be sanctions if ...": what a speaker says there
                # will be, the speaker's side brings about
                sources = [r for r in ctx.refs(subject_tokens(clause.speech)) if r.actor_id]
        if etype == "REQUEST" and not any(t.actor_id for t in targets):
            targets = holders(ctx, cand.noun or tok) or targets
        each_other = etype == "AGREE" and lemma_of(tok) in lex.mutual_acts and len({s.actor_id for s in sources}) > 1
        if etype in ("AGREE", "REQUEST", "THREATEN", "REJECT") and not targets and not each_other:
            # ("Serbia and Kosovo agreed that neither would block the other's path to the EU": an
            # agreement of two sides is with each other, not with whoever its terms name)
            targets = complement_targets(ctx, cand.noun or tok, unnamed=etype == "REQUEST")
        if etype == "ACCUSE" and not any(t.actor_id for t in targets) and not cand.nominal:
            targets = accused(ctx, tok) or targets
        if etype in HOSTILE and clause.negated and clause.chain and tok.tag_ == "VBG" \
                and lemma_of(clause.chain[0]) in lex.governors.get("ceasing", ()):
            # "would stop bombing them": ending an attack de-escalates (CAMEO 087); it is not an
            # attack refused ("refrained from attacking" stays a negated attack)
            code = "087"
            etype, mode = code_to_type(code)
            clause.negated = False
        if etype in HOSTILE and clause.chain and lemma_of(clause.chain[0]) in lex.governors.get("commissive", ()) \
                and any(c.dep_ == "neg" for c in children(tok)):
            # "committed not to attack merchant ships": a pledge of restraint, not a threat, made
            # when it is said
            code = "030"
            etype, mode = code_to_type(code)
            clause.negated = False
            modality = "actual" if modality == "future" else modality
        if etype in COOPERATIVE and not clause.negated and \
                any(lemma_of(g) in lex.governors.get("offering", ()) for g in clause.chain):
            # "Brazil said it was ready to host talks": an offer, made when it is said
            if etype != "AGREE":
                code = "036" if etype == "CONSULT" else "030"
                etype, mode = code_to_type(code)
            modality = "actual" if modality == "future" else modality
        # the content of a commissive tells promise from threat ("vowed to retaliate")
        content_type = _content_type(ctx, lex, tok)
        if etype == "AGREE" and content_type in HOSTILE and not (
                content_type == "MOBILIZE" and lemma_of(tok) in lex.governors.get("offer_verbs", ())):
            # "offered to send troops to Somalia" is an offer of help, "vowed to send troops" a threat
            etype, mode, code = "THREATEN", None, THREAT_CODE[content_type]
        quote = ctx.quote_at(tok.idx)
        speaker = _speaker(ctx, lex, clause, quote, tok)
        if etype in HOSTILE and not sources and modality in ("future", "conditional") and is_passive(tok) \
                and not agent_tokens(tok) and speaker is not None and speaker.actor_id:
            # "Trump said tariffs could be raised again if ...": the speaker holds the measure out
            sources = [speaker]
        src_ids = {ref_key(s) for s in sources}
        named_sources = [s for s in sources if s.actor_id]
        # "Britain said Libya must hand over the suspects": a demand by the speaker
        if clause.deontic and clause.speech is not None and (deontic_demand(ctx, lex, tok) is not None or (
                clause.chain and must_periphrasis(lex, clause.chain[0]) and deontic_demand(ctx, lex, clause.chain[0]) is not None)):
            continue   # coded as the speaker's demand below ("Kyiv will have to accept": of its "have to")
        # "told the board that inspectors could not enter sites struck by Israel": an act named
        # in a relative clause is taken as known, not asserted by the speaker
        # ... as is an act named in an adjunct of another ("the snapback of UN sanctions")
        presupposed = tok.dep_ in ("acl", "relcl") or (cand.nominal and tok.dep_ == "pobj"
                                                         and lemma_of(head_of(tok)) in PRESUPPOSING_PREPS)
        if speaker is not None and named_sources and speaker.actor_id not in src_ids and not presupposed \
                and not same_side(ctx, speaker, named_sources, clause.speech):
            if etype in ACCUSABLE and not clause.negated and modality in ("actual", "alleged"):
                # "Biden said Hamas was backing out": an accusation by the speaker
                drafts.append(dict(tok=tok, code="112", type="ACCUSE", mode="allege", sources=[speaker],
                                   targets=sources, clause=Clause(), modality="actual", quote=quote,
                                   speech=clause.speech))
            if etype in COOPERATIVE and not clause.negated and modality == "actual" \
                    and (quote is None or quote.type == "indirect"):
                # "Rubio said the two governments had agreed to talks": the act as the speaker
                # reports it, alleged (a claim inside a quotation stays the speaker's claim)
                modality = "alleged"
            elif not (etype == "CONSULT" and not clause.negated and modality != "actual") and not (
                    (etype in COOPERATIVE or etype == "REQUEST") and not clause.negated and modality == "future"
                    and (quote is None or quote.type == "indirect")):
                continue  # a cooperative act asserted by another actor is a claim, not an event
        if not sources and targets and is_passive(tok) and not agent_tokens(tok) \
                and lemma_of(tok) in lex.governors.get("disarming", ()):
            # "the rebels are to be disarmed": who lays down their arms demobilises (CAMEO 087)
            sources, targets = [t for t in targets if t.actor_id], []
            named_sources = sources
        targets = home_organs(ctx, lex, sources, targets)
        targets = [t for t in targets if not any(same_party(ctx, lex, t, s) for s in sources)]
        if not sources and not targets:
            continue
        if not sources and (etype in VERBAL or modality != "actual" or clause.negated):
            continue
        if not named_sources and (etype in VERBAL or modality != "actual") and \
                not any(t.actor_id for t in targets):
            continue   # "some officials called for...", "no mediator can sign": nobody named
        if etype == "ASSAULT":
            kept = [s for s in sources if _head_lemma(ctx, s) not in lex.mishaps]
            if len(kept) < len(sources) and not kept or not sources and any(
                    lemma_of(t) in lex.mishaps for t in subj):
                continue   # "victims killed by the crash", "the tsunami killed 170,000 people in Aceh"
            sources = kept
        if code in lex.riot_codes and any(agent_heads(ctx, lex, s) & lex.protest_agents for s in sources):
            # CAMEO 145: protesters destroying property riot, they do not seize it
            code = "145"
            etype, mode = code_to_type(code)
        if code == "150" and entry.modifiers and (len({ref_key(s) for s in sources}) > 1 or prep_objects(cand.noun or tok, {"with"})
                                                   or prep_objects(tok, {"with"})):
            # "French and Egyptian warships began war games", "drills with Belarus": done together
            code = "062"
            etype, mode = code_to_type(code)
        if etype in HOSTILE and modality in ("future", "conditional") and sources and not clause.purpose:
            etype, mode, code = "THREATEN", None, THREAT_CODE[etype]
        elif clause.speech is not None and lemma_of(clause.speech) in lex.governors.get("warning", ()) \
                and clause.negated and modality == "conditional" and etype not in HOSTILE | {"THREATEN"}:
            # "warned that it would not sign trade deals unless ...": a threat to withhold (CAMEO 13)
            etype, mode, code = "THREATEN", None, "130"
            clause.negated = False
        elif clause.speech is not None and lemma_of(clause.speech) in lex.governors.get("warning", ()) \
                and modality == "conditional" and sources and not clause.weak_condition and etype not in VERBAL \
                and (movers := [r for r in ctx.refs(subject_tokens(clause.condition))
                                if r.actor_id and ref_key(r) not in src_ids]):
            # "warned that the army would protect the oil fields by all means if Tripoli tried to
            # take control": whatever is promised on another party's move is a threat (CAMEO 13),
            # aimed at that party
            etype, mode, code = "THREATEN", None, "130"
            clause.negated = False
            targets = movers
        elif modality == "conditional" and sources and not clause.weak_condition and (
                etype == "REJECT" and not clause.negated or clause.negated and etype in COOPERATIVE) and (
                any(r.actor_id and ref_key(r) not in src_ids for r in ctx.refs(subject_tokens(clause.condition)))
                or clause.speech is not None and lemma_of(clause.speech) in lex.governors.get("warning", ())):
            # "would walk away from the dialogue if Pristina opened the bridge", "will not release
            # the hostages unless Israel ...": refusing on what another party does is a threat
            # (CAMEO 13), and so is a refusal held out as a warning when the condition names nobody
            # ("warned that the M23 would quit the Doha process if the prisoners were not freed");
            # "will not accept refugees if war starts" stays a refusal
            etype, mode, code = "THREATEN", None, "130"
            clause.negated = False
        condition = clause.condition or (_threatened_condition(lex, tok) if etype == "THREATEN" else None)
        if etype == "THREATEN" and condition is not None and not any(t.actor_id for t in targets):
            # "if the army attacks, we will respond", "threatened to widen attacks unless Israel
            # ended its offensive": the threat is aimed at the condition's actor
            subj = subject_tokens(condition) or [c for c in children(condition)
                                                 if c.dep_ in PASSIVE_SUBJECT_DEPS | {"compound"}]
            targets = [r for r in ctx.refs(subj) if r.actor_id and ref_key(r) not in {ref_key(x) for x in sources}] or targets
        if etype in SPOKEN_FOR and speaker is not None and speaker.actor_id and clause.speech is not None \
                and sources and speaker.actor_id not in {s.actor_id for s in sources} \
                and (etype == "THREATEN" or getattr(ctx.actor(speaker.actor_id), "kind", None) == "person"
                     and not _reported_past(tok)) \
                and same_side(ctx, speaker, sources, clause.speech):
            # "Netanyahu warned that Israel would strike Hezbollah if ...", "Zelenskiy said Ukraine
            # was ready to stop strikes", "Witkoff said Washington cannot allow enrichment": the
            # one who says what his side will do, accept or refuse makes that threat, offer or
            # refusal
            sources = [speaker]
        if entry.obj_class == "border" and etype == "COERCE" and sources and any(
                ctx.country(t.actor_id) not in (None, ctx.country(sources[0].actor_id)) for t in targets):
            # "closed its airspace to Indian airlines": cutting ties with a state (CAMEO 16)
            code = "160"
            etype, mode = code_to_type(code)
        if entry.obj_class not in (None, "actor", "prisoners", "object"):
            # "sent troops and tanks", "sent envoys": what is sent is the instrument, not a party
            members = lex.classes.get(entry.obj_class, set()) | lex.classes["troops"] | lex.classes["arms"]
            spans = [(o.left_edge.idx, o.idx + len(o.text)) for o in objects(tok) if lemma_of(o) in members]
            targets = [t for t in targets if t.actor_id or not any(a <= t.start < b for a, b in spans)]
        if etype in HOSTILE:
            targets = [t for t in targets if t.actor_id or not _instrument(ctx, lex, t, tok)]
        if entry.obj_class == "attack" and etype == "RETREAT" and cand.noun is not None:
            # "the deal halts seven weeks of U.S. air strikes on the Houthis": the attacks named
            # are halted, not hit; their owner halts them when the subject is no actor
            noun = cand.noun
            owners = {r.actor_id for r in ctx.refs([c for c in children(noun) if c.dep_ in (
                "compound", "amod", "nmod", "poss")])}
            # ("its bombing of Yemen": the state in the of-phrase is still what was bombed)
            halted = [t for t in targets if t.start <= noun.idx < t.end and (t.actor_id is None or t.actor_id in owners)]
            targets = [t for t in targets if t not in halted]
            if not any(s.actor_id for s in sources):
                sources = [t for t in halted if t.actor_id] or sources
        # "clashes between the army and the rebels killed dozens": the fight's parties hit each other
        mutual = etype in HOSTILE and not targets and any(
            prep_objects(t, {"between"}) and (e := match_noun(lex, t)) is not None and e.code in lex.mutual_codes
            for t in subject_tokens(tok))
        own = len(drafts)
        drafts.append(dict(tok=tok, code=code, type=etype, mode=mode, sources=sources, targets=targets,
                           clause=clause, modality=modality, quote=quote, noun=cand.noun, sides_met=bool(sides_met),
                           speech=clause.speech, speech_clause=clause, mutual=mutual))
        if code == "057" and _signs_an_agreement(lex, tok):
            # "Chad's government and the rebels signed a peace deal": the formal signing (CAMEO 057)
            # is also each signatory's commitment to what the deal says it will do (PLOVER AGREE)
            drafts.append(dict(drafts[-1], code="030", type="AGREE", mode=None, unmerged=True))
        if etype in REFUSAL_CODES and clause.negated and named_sources and not presupposed and not no_one \
                and (modality in ("future", "conditional", "hypothetical") or _present_tense(tok)
                     or lemma_of(tok) in lex.standing_verbs) \
                and (speaker is None or speaker.actor_id in src_ids or same_side(ctx, speaker, named_sources, clause.speech)):
            # "would not sit down with the government until ...", "does not recognise the blocks":
            # a side that says it will not cooperate refuses (CAMEO 12): one act, the refusal, in
            # place of the negated act (as CAMEO codes it, and as the hand-annotated sets mark it)
            refusal = dict(tok=tok, code=REFUSAL_CODES[etype], type="REJECT", mode=None, sources=sources,
                           targets=targets, clause=replace(clause, negated=False),
                           modality="conditional" if modality == "conditional" else "actual", quote=quote,
                           noun=cand.noun, speech=clause.speech, speech_clause=clause)
            drafts[own:] = [refusal]
    # only a verb with a deontic auxiliary ("must", "should") or a bare verb under "insist" can
    # state an obligation; a sentence without the word has none
    said = text_of(sent.doc)[sent.start_char:sent.end_char].lower()
    mandated = [c.i for t in ctx.cue_tokens("mandative", lambda: lex.governors["mandative"])
                if sent.start <= t.i < sent.end for c in children(t) if c.dep_ == "ccomp"]
    # ("the DUP has to show ...": "have to", "need to")
    mandated += [t.i for t in ctx.cue_tokens("periphrastic_musts", lambda: lex.governors.get("periphrastic_musts", ()))
                 if sent.start <= t.i < sent.end and must_periphrasis(lex, t)]
    if mandated or any(m in said for m in lex.deontic_modals):
        obliged = sorted({head_of(t).i for t in span_tokens(sent) if t.dep_ == "aux" and t.lower_ in lex.deontic_modals}
                         | set(mandated))
        toks = parse_tree(sent.doc).toks
        for i in obliged:
            if sent.start <= i < sent.end:
                got = deontic_demand(ctx, lex, toks[i])
                if got is not None:
                    drafts.append(got)
    # warnings and denials whose content is no trigger of its own, looked up in the Doc's index
    naming = lex.name_calling.get("verbs", set())
    for tok in ctx.cue_tokens("warning, denying, naming, failing",
                              lambda: lex.governors["warning"] | lex.governors["denying"] | naming | lex.failings):
        if not sent.start <= tok.i < sent.end or tok.pos_ != "VERB" or tok.i in trigger_ids:
            continue
        if lemma_of(tok) in lex.governors["warning"]:
            got = conditional_warning(ctx, lex, tok, drafts, trigger_ids)
        elif lemma_of(tok) in lex.governors["denying"]:
            got = denial(ctx, lex, tok, trigger_ids)
        elif lemma_of(tok) in naming:
            got = name_calling(ctx, lex, tok, trigger_ids)
        elif lemma_of(tok) in lex.failings:
            clause = analyse_clause(ctx, lex, tok, trigger_ids)
            got = failing(ctx, lex, tok, clause, _speaker(ctx, lex, clause, ctx.quote_at(tok.idx), tok))
        else:
            continue
        if got is not None:
            drafts.append(got)
    # a speaker's verdict on a deal ("said the accord was a historic step")
    for tok in span_tokens(sent):
        if tok.i not in trigger_ids and verdict_subject(lex, tok) is not None:
            clause, quote = analyse_clause(ctx, lex, tok, trigger_ids), ctx.quote_at(tok.idx)
            # ('"... is a betrayal," said X': his own words, however the attribution trails)
            speaker = _speaker(ctx, lex, clause, quote, tok) or _quoted_speaker(quote, ("direct",))
            got = deal_verdict(ctx, lex, tok, clause, speaker)
            if got is not None:
                drafts.append(got)
    if not any(d["type"] == "REJECT" for d in drafts):
        got = ruled_out(ctx, lex, sent)
        if got is not None:
            drafts.append(got)
    if "THREATEN" not in {d["type"] for d in drafts}:
        hostile = {c.trigger.i for c in cands if code_to_type(c.entry.code)[0] in HOSTILE}
        for cond in span_tokens(sent):
            if cond.dep_ == "advcl" and condition_mark(lex, cond):
                got = held_out(ctx, lex, cond, drafts, hostile)
                if got is not None:
                    drafts.append(got)
                    break
    return list(_finish(ctx, sent, _merge(drafts)))


def _signs_an_agreement(lex: Lexicon, tok: Token) -> bool:
    """"signed a peace deal", "the accord, signed by both leaders": an agreement signed, not a
    decree signed into law nor one ratified at home."""
    if lemma_of(tok) not in lex.signing_verbs:
        return False
    deals = lex.classes.get("proposal", set())
    things = objects(tok) + [c for c in children(tok) if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if any(lemma_of(t) in lex.classes.get("signature", ()) for t in things):
        things += prep_objects(tok, {"to", "on"})   # "put their names to the accord"
    if tok.dep_ == "acl":
        things.append(head_of(tok))
    return any(lemma_of(t) in deals for t in things)


def _speaker(ctx: Context, lex: Lexicon, clause: Clause, quote: Quote | None, trigger: Token) -> ActorRef | None:
    """A named actor asserting the act. Outlets and common-noun sources ("officials said",
    "state media reported") attribute news rather than make claims."""
    if clause.speech is not None and _trailing(clause.speech, trigger):
        return None   # trailing attribution ("..., officials said") sources the news
    if clause.speech is not None:
        subj = subject_tokens(clause.speech)
        # "Iran's foreign minister Abbas Araghchi said": a title with its name in apposition is named
        titled = bool(subj) and subj[0].pos_ == "NOUN" and any(
            c.dep_ == "appos" and c.pos_ == "PROPN" and ctx._direct(c) is not None for c in children(subj[0]))
        # "Sudan's army said", "the Ethiopian government said": a state's organ, named by its
        # state, makes the claim ("officials said" only attributes the news)
        titled = titled or bool(subj) and subj[0].pos_ == "NOUN" and lemma_of(subj[0]) in lex.state_organs \
            and any(c.dep_ in ("poss", "amod", "compound") and ctx._direct(c) is not None for c in children(subj[0]))
        if subj and (subj[0].pos_ == "PROPN" or titled) or (subj and subj[0].pos_ == "PRON" and subj[0].lower_ not in RELATIVE):
            sp = ctx.refs(subj)
            if sp and not getattr(ctx.actor(sp[0].actor_id), "is_outlet", False):
                return sp[0]
        if subj and subj[0].pos_ != "PROPN" and subj[0].pos_ != "PRON" and not titled:
            return None
    return _quoted_speaker(quote, ("direct", "mixed"))


def _quoted_speaker(quote: Quote | None, types: tuple[str, ...]) -> ActorRef | None:
    """The named speaker of a quote of these types (not of a pledge: "promised that ..." is the act)."""
    if quote is not None and quote.type in types and quote.speaker is not None and quote.speaker.actor_id \
            and (quote.cue is None or quote.cue.text.lower() not in ("pledged", "promised")):
        return quote.speaker
    return None


def _trailing(speech: Token, trigger: Token) -> bool:
    """The reported clause comes before its speech verb ("X did Y, officials said")."""
    for c in children(speech):
        if c.i <= trigger.i <= c.right_edge.i and c.left_edge.i <= trigger.i:
            return c.left_edge.i < speech.i
    return False


def _content_type(ctx: Context, lex: Lexicon, tok: Token) -> str | None:
    """The type of the act a commissive commits to; none for an act it commits not to do
    ("pledged not to attack ships" promises restraint, it threatens nothing)."""
    for c in children(tok):
        if (c.dep_ == "xcomp" or control_complement(c)) and c.pos_ == "VERB" \
                and not any(n.dep_ == "neg" for n in children(c)):
            e = match_verb(ctx, lex, c)
            if e is not None:
                etype = code_to_type(e.code)[0]
                return "RETREAT" if etype in WINDING_DOWN and _winds_down_own(ctx, lex, c) else etype
    return None


# A restriction a party puts on what is its own ("froze its nuclear programme", "shut down its
# main reactor") harms no one: it winds the party's own capacity down (CAMEO 087). One that
# reaches another party ("closed its border with Egypt", "froze its aid") stays hostile.
WINDING_DOWN = {"COERCE", "SANCTION"}
OWN_POSSESSIVES = {"its", "their", "his", "her", "our", "my"}


def _winds_down_own(ctx: Context, lex: Lexicon, verb: Token) -> bool:
    objs = objects(verb)
    if not objs or not all(any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in children(o)) for o in objs):
        return False
    if any(match_noun(lex, o) is not None or names_people(lex, o) for o in objs):
        return False   # "suspended its talks", "froze its aid", "harassing its fishermen"
    if any(t.dep_ == "prep" for o in objs for t in subtree(o)):
        return False   # "its participation in the treaty", "its airspace to Russian planes"
    owners = {r.actor_id for o in objs for c in children(o) if c.dep_ == "poss" for r in ctx.refs([c]) if r.actor_id}
    doer = verb if subject_tokens(verb) else head_of(verb)   # "agreed to shut down its reactor"
    doers = {r.actor_id for r in ctx.refs(subject_tokens(doer)) if r.actor_id}
    if owners and doers and not owners & doers:
        return False   # "accused the coastguards of harassing its fishermen": the accuser's own
    return not any(r.actor_id for r in ctx.refs(prep_objects(verb, TARGET_PREPS)))


def _participle_of(tok: Token) -> Token:
    """The verb a trailing participle tells more of: its head, past the participles it is
    coordinated with ("signed ..., formally ending the war, pledging to restore flights")."""
    head = head_of(tok)
    while tok.dep_ == "conj" and head.tag_ == "VBG" and head.dep_ in ("advcl", "conj") and head_of(head).i != head.i:
        tok, head = head, head_of(head)
    return head


def _merge(drafts: list[dict]) -> list[dict]:
    """One event per act: coordinated predicates of one type and source in a sentence merge,
    and a host's side of a meeting joins the guest's."""
    out: list[dict] = []
    for d in drafts:
        key_src = ref_key(d["sources"][0]) if d["sources"] else None
        merged = False
        for o in out:
            o_src = ref_key(o["sources"][0]) if o["sources"] else None
            o_tg, d_tg = {ref_key(t) for t in o["targets"]}, {ref_key(t) for t in d["targets"]}
            o_named = any(t.actor_id for t in o["targets"])
            d_named = any(t.actor_id for t in d["targets"])
            # (a signing's commitment stays apart from other promises: one per signing act)
            same = o["type"] == d["type"] and o_src == key_src and bool(o.get("unmerged")) == bool(d.get("unmerged")) and (
                (key_src is not None and (not o_named or not d_named)) or o_tg & d_tg)
            reciprocal = (o["type"] == d["type"] == "CONSULT" and key_src is not None and
                          key_src in o_tg and (not d["targets"] or o_src in d_tg
                                               or not any(t.actor_id for t in d["targets"])))
            # "bombarded the city, killing eight": the participle tells the outcome of one act
            # ("signed a declaration ..., pledging to restore flights": what the signing commits to)
            outcome = (o["type"] == d["type"] and o_src == key_src and d["tok"].dep_ in ("advcl", "conj")
                       and d["tok"].tag_ == "VBG" and _participle_of(d["tok"]).i == o["tok"].i)
            if outcome:
                o["targets"] = o["targets"] + [t for t in d["targets"] if t.actor_id and ref_key(t) not in o_tg]
                merged = True
                break
            if same or reciprocal:
                if same:
                    o["targets"] = o["targets"] + [t for t in d["targets"] if ref_key(t) not in o_tg]
                    if o["clause"].negated and not d["clause"].negated:
                        o.update(clause=d["clause"], modality=d["modality"], tok=d["tok"], code=d["code"],
                                 mode=d["mode"])
                merged = True
                break
        if not merged:
            out.append(d)
    # "accused Baku of holding prisoners and demanded their release": a speech act coordinated
    # with another of the same speaker is addressed to the same party
    for d in out:
        if d["type"] not in VERBAL or d["targets"] or d["tok"].dep_ != "conj" or any(
                o.dep_ in OBJECT_DEPS and match_noun(lexicon(), o) is None for o in children(d["tok"])):
            continue   # "... and urged its citizens to leave": someone else is addressed
        first = next((o for o in out if o["tok"].i == head_of(d["tok"]).i and o["type"] in VERBAL), None)
        src = {ref_key(s) for s in d["sources"]}
        if first is not None and {ref_key(s) for s in first["sources"]} == src:
            d["targets"] = [t for t in first["targets"] if t.actor_id and ref_key(t) not in src] or d["targets"]
    # "20 people were killed when Russian missiles hit a mall": the agentless killing is the
    # strike its when-clause reports, one act
    for d in list(out):
        if d["sources"] or d["type"] not in HOSTILE:
            continue
        inner = set(subtree(d["tok"]))
        cause = next((o for o in out if o is not d and o["type"] == d["type"] and o["sources"]
                      and o["tok"] in inner and o["tok"].dep_ == "advcl"
                      and any(c.lower_ in ("when", "as") for c in children(o["tok"]))), None)
        if cause is not None:
            known = {ref_key(t) for t in cause["targets"]}
            cause["targets"] = cause["targets"] + [t for t in d["targets"] if ref_key(t) not in known]
            out.remove(d)
    # a proposal inside another proposal is addressed to the same parties
    for d in out:
        if d["targets"]:
            continue
        for o in out:
            outer = o.get("noun") if o.get("noun") is not None else o["tok"]
            if o is not d and o["type"] == d["type"] and o["targets"] and d["tok"] in set(subtree(outer)):
                src = {ref_key(s) for s in d["sources"]}
                d["targets"] = [t for t in o["targets"] if ref_key(t) not in src]
                break
    return out


# Acts aimed at the other side even when it goes unnamed ("Armenia renewed its demand", "the
# rebels reject any withdrawal", "Moscow had also proposed a truce", "the army pulled back"):
# a demand, rejection, offer, threat, withdrawal, attack or praise ("Tokyo welcomed the plan") by
# one of the two sides with no addressee is aimed at the other.
COUNTERPART_TYPES = {"REQUEST", "REJECT", "AGREE", "THREATEN", "RETREAT", "CONCEDE", "ASSAULT", "SUPPORT", "SANCTION"}
# ... unless the act names what it hits, even as a thing no actor owns ("its attacks on
# merchant shipping"): a third party, not the other side
AIMED_PREPS = {"on", "against", "at", "into"}


def _aimed_elsewhere(tok: Token, noun: Token | None) -> bool:
    return any(objects(t) or prep_objects(t, AIMED_PREPS) for t in (tok, noun) if t is not None)


def _threatened_condition(lex: Lexicon, tok: Token) -> Token | None:
    """The condition of what a threat verb threatens ("threatened to widen attacks [unless Israel
    ended its offensive]"): the threatening clause itself has none."""
    for comp in children(tok):
        if comp.dep_ == "xcomp":
            probe = Clause()
            aux_modality(lex, comp, probe, False)
            if probe.condition is not None and not probe.weak_condition:
                return probe.condition
    return None


def _their_parties(ctx: Context, noun: Token) -> list[ActorRef]:
    """"Armenia and Azerbaijan said their talks ...": "their" before a meeting noun is the
    coordinated subject named before it in the sentence, when that names two parties or more."""
    owners = [noun]
    if noun.dep_ == "pobj" and lemma_of(head_of(noun)) == "of":
        owners.append(head_of(head_of(noun)))   # "their second round of talks"
    if not any(c.dep_ == "poss" and c.lower_ == "their" for o in owners for c in children(o)):
        return []
    sent = noun.sent
    # subjects before the noun, not the phrase the noun itself stands in
    subjects = [t for t in span_tokens(sent) if t.i < noun.i and t.dep_ in ("nsubj", "nsubjpass")
                and not t.left_edge.i <= noun.i <= t.right_edge.i]
    for subj in reversed(subjects):
        refs = [r for r in ctx.refs(conjuncts(subj)) if r.actor_id]
        if len({r.actor_id for r in refs}) >= 2:
            return refs
        if refs:
            return []   # the nearest subject is one party: "their" is not the two sides
    return []


def _held_somewhere(ctx: Context, noun: Token, verb: Token | None = None) -> list[ActorRef]:
    """"after talks in Istanbul almost broke down": a meeting held somewhere, with nobody named,
    is between the two sides the article is about; so are talks said to open, resume or take
    place ("talks on a ceasefire would resume in Jeddah", "the next round of talks would take
    place in Astana"), and talks a light verb says are held somewhere ("the next round will be
    held in Astana": ``verb``)."""
    places = prep_objects(noun, {"in"}) + (prep_objects(verb, {"in"}) if verb is not None else [])
    if not any(ctx.refs([o]) or o.ent_type_ in ("GPE", "LOC", "FAC") for o in places) and not _talks_open(noun):
        return []
    sides = pair_refs(ctx, ctx.pair_ids(noun.idx), noun.idx)
    return sides if len(sides) == 2 else []


def _truce_takes_hold(noun: Token) -> bool:
    """The truce noun is the subject of a verb by which it starts or lasts: "took effect", "came
    (went) into force", "entered into force", "has been in force", "began", "held"."""
    if noun.dep_ != "nsubj":
        return False
    verb = head_of(noun)
    if verb.dep_ in ("advcl", "pcomp", "pobj") or any(c.dep_ == "mark" for c in children(verb)):
        return False   # "hours before the truce began": a time told by the truce, not its news
    lemma = lemma_of(verb)
    if lemma == "take":
        return any(lemma_of(c) == "effect" for c in children(verb))
    if lemma in ("come", "go", "enter", "be", "remain", "stay"):
        return any(c.dep_ == "prep" and c.lower_ in ("into", "in") and any(
            lemma_of(o) in ("force", "effect", "place") for o in children(c)) for c in children(verb))
    return lemma in ("begin", "start", "hold")


def _measure_of(noun: Token) -> Token | None:
    """The measure a meeting noun is counted in ("days" of "eight days of talks", "round" of "the
    next round of talks"), if any."""
    if noun.dep_ == "pobj" and lemma_of(head_of(noun)) == "of" and lemma_of(head_of(head_of(noun))) in lexicon().measure_nouns:
        return head_of(head_of(noun))
    return None


def _talks_open(noun: Token) -> bool:
    """The meeting noun (or the round it is of) is the subject of a verb by which talks will take
    place: "talks would resume", "the next round will take place", "talks are due to open". (Talks
    said to have opened are the talks the story has told of already; "talks will be held" is read
    through its light verb.)"""
    t = _measure_of(noun) or noun
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head_of(t)
    for _ in range(2):   # "are to resume", "are due to resume", "are expected to resume"
        verb = next((c for c in children(verb) if c.dep_ == "xcomp" or c.dep_ == "acomp" and any(
            x.dep_ == "xcomp" for x in children(c))), verb)
    # (the future modals, and "would" of reported speech or "to" of "are to resume")
    planned = lexicon().future_modals | {"would", "to"}
    if not any(c.dep_ == "aux" and c.lower_ in planned for c in children(verb)):
        return False
    if lemma_of(verb) == "hold":
        return t.dep_ == "nsubjpass"
    if lemma_of(verb) == "take":
        return any(lemma_of(c) == "place" for c in children(verb))
    return lemma_of(verb) in lexicon().classes.get("opening", set())


def _talks_before(ctx: Context, noun: Token) -> list[ActorRef]:
    """"X and Y agreed ... after eight days of talks", "announced the deal after months of secret
    talks": talks with nobody named that an act of the clause followed (or went with) were held
    by its subjects, when they are two parties or more, or by the two sides, when its one subject
    is one of them."""
    measure = _measure_of(noun)   # "eight days of talks"
    measured, t = measure is not None, measure or noun
    while t.dep_ == "pobj" and lemma_of(head_of(t)) == "of" and lemma_of(head_of(head_of(t))) in lexicon().time_part_nouns:
        measured, t = True, head_of(head_of(t))   # "at the end of a week of talks"
    if t.dep_ == "pobj" and (lemma_of(head_of(t)) in ("after", "during", "following", "amid", "throughout")
                             or measured and lemma_of(head_of(t)) in ("at", "on", "in", "over", "through")):
        verb = head_of(head_of(t))
    elif measured and t.dep_ in OBJECT_DEPS:
        verb = head_of(t)         # "The accord caps two years of talks"
    elif t.dep_ in ("nsubj", "nsubjpass") and head_of(t).dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "after" for c in children(head_of(t))):
        verb = head_of(head_of(t))   # "published a plan after three days of talks ended"
    else:
        return []
    for _ in range(2):
        if verb.pos_ not in ("NOUN", "PROPN") or verb.dep_ not in ("appos", "npadvmod", *OBJECT_DEPS):
            break
        # "signed a ceasefire, their first agreement in six years, after three days of talks": the
        # parser hangs the time on the verb's object, or on a noun set off beside it
        verb = head_of(verb)
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for s in subject_tokens(verb) for c in conjuncts(s)]
    refs = [r for r in ctx.refs(subjects) if r.actor_id]
    if len({r.actor_id for r in refs}) >= 2:
        return refs
    sides = pair_refs(ctx, ctx.pair_ids(noun.idx), noun.idx)
    if len(sides) != 2:
        return []
    if refs and refs[0].actor_id in {r.actor_id for r in sides}:
        return sides
    # "The protocol, reached after five weeks of talks", "The accord crowns two years of talks":
    # the talks a deal came out of were held by the story's two sides
    deals = lexicon().classes.get("proposal", set())
    made = [head_of(verb)] if verb.dep_ == "acl" else subjects + [c for c in children(verb) if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if not refs and any(lemma_of(d) in deals for d in made):
        return sides
    return []


def _held_before(ctx: Context, noun: Token) -> list[ActorRef]:
    """The subject of the clause a meeting noun is the time of ("after talks with X", "following
    a meeting with X"), when it names one actor."""
    t = _measure_of(noun) or noun
    if t.dep_ != "pobj" or lemma_of(head_of(t)) not in ("after", "following", "during") \
            or lemma_of(noun) not in lexicon().classes.get("talks", set()):
        return []   # ("held talks during a visit to Beirut": the visit is the talks' occasion)
    verb = head_of(head_of(t))
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    refs = [r for r in ctx.refs(subject_tokens(verb)) if r.actor_id]
    return refs if len({r.actor_id for r in refs}) == 1 else []


def _with_sides(ctx: Context, src: ActorRef | None, targets: list[ActorRef]) -> list[ActorRef]:
    """"rejected Abdallah's accusation", "threatened Trimble": an act aimed at a person who speaks
    or acts for a state or an organisation is aimed at that side too (event data counts dyads of
    sides); not at the source's own side."""
    ids = {t.actor_id for t in targets}
    own = {src.actor_id, ctx.country(src.actor_id), getattr(ctx.actor(src.actor_id), "affiliation", None)} \
        if src is not None and src.actor_id else set()
    sides = []
    for t in targets:
        actor = ctx.actor(t.actor_id)
        side = getattr(actor, "affiliation", None) if getattr(actor, "kind", None) == "person" else None
        if side and side not in ids and side not in own and ctx.actor(side) is not None:
            ids.add(side)
            sides.append(ActorRef(side, t.text, t.start, t.end))
    return targets + sides


def _object_of_plain_verb(lex: Lexicon, noun: Token) -> bool:
    head = noun
    while head.dep_ in ("compound", "conj") and head_of(head).i != head.i:
        head = head_of(head)
    verb = head_of(head)
    return head.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX") and lemma_of(verb) not in lex.light_verbs \
        and lemma_of(verb) not in lex.inverse_light_verbs


def _instrument(ctx: Context, lex: Lexicon, ref: ActorRef, tok: Token) -> bool:
    """"fired dozens of drones at vessels", "hit a carrier with an explosive-laden boat": the
    weapon a hostile act uses is no target of it."""
    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    counted = [o for p in children(head) if p.dep_ == "prep" and lemma_of(p) == "of"
               for o in children(p) if o.dep_ == "pobj"] if lemma_of(head) in lex.quantity_nouns else []
    if any(lemma_of(h) in lex.classes["arms"] or lemma_of(h) in lex.classes["instruments"] for h in [head] + counted):
        return True
    return head.dep_ == "pobj" and lemma_of(head_of(head)) == "with" and head_of(head_of(head)).i == tok.i


def _head_lemma(ctx: Context, ref: ActorRef) -> str | None:
    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return lemma_of(span.root) if span is not None else None


# A third party's meeting, offer or praise with nobody named ("Turkey has offered to host any
# talks", "Qatar, which co-mediated the talks", "the committee met in Naqoura", "the UN welcomed
# the agreement") is between, made to or aimed at the two sides the article is about; attending
# a meeting (CAMEO 044) is not mediating it. A demand is not: what is demanded may fall to
# either side or to neither.
THIRD_PARTY_TYPES = {"CONSULT", "AGREE", "SUPPORT"}


# An outsider who rejects or denounces "the deal" with no party named is aimed at the parties
# to it ("The Palestinian leadership rejected the deal outright", "Iran called the accord a
# dangerous mistake"): the two sides the article is about.
JUDGING_TYPES = {"REJECT", "ACCUSE"}


def _judges_a_deal(lex: Lexicon, tok: Token) -> bool:
    deals = lex.classes.get("proposal", set())
    return any(lemma_of(o) in deals and not any(c.dep_ == "poss" for c in children(o)) for o in objects(tok))


def _the_sides(ctx: Context, src: ActorRef, before: int, signing: bool = False) -> list[ActorRef]:
    pair = ctx.pair_ids(before)
    actor = ctx.actor(src.actor_id)
    # (one more signatory of a deal the two sides signed signs with them, from their state too:
    # "the deal was also signed by Arthur Mutambara")
    if len(pair) != 2 or src.actor_id in pair or (actor is not None and actor.affiliation in pair) \
            or not signing and ctx.country(src.actor_id) in {ctx.country(i) for i in pair} - {None}:
        return []
    return pair_refs(ctx, pair, before)


def _press(ctx: Context, ref: ActorRef | None) -> bool:
    """A news outlet, or an audience no actor stands for ("reporters", "the press")."""
    if ref is None:
        return False
    if ref.actor_id:
        return bool(getattr(ctx.actor(ref.actor_id), "is_outlet", False))
    words = ref.text.lower().split()
    return bool(words) and words[-1] in quote_lexicon().audiences


def _to_the_press(tok: Token) -> bool:
    """"speaking to reporters in Pristina": the one spoken to is an audience, wherever it is."""
    heard = [o for o in prep_objects(tok, {"to", "with"}) if o.pos_ in ("NOUN", "PROPN")]
    audiences = quote_lexicon().audiences
    return bool(heard) and all(o.lower_ in audiences or lemma_of(o) in audiences for o in heard)


def _finish(ctx: Context, sent: SpacySpan, drafts: list[dict]) -> Iterator[Event]:
    ctx_lex = lexicon()
    starts = [t.idx for t in span_tokens(sent)] if drafts else []   # increasing: searched for argument tokens
    for d in drafts:
        tok: Token = d["tok"]
        clause: Clause = d["clause"]
        if d["type"] == "CONSULT" and (d["targets"] and all(_press(ctx, r) for r in d["targets"]) or _to_the_press(tok)):
            continue   # "spoke to reporters", "speaking to Reuters": talking to the press consults no one
        start, end = _line_span(ctx.doc, sent, tok.idx)
        chain = [tok] + ([d["noun"]] if d.get("noun") is not None else []) + clause.chain
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            chain.append(head_of(tok))
        planned = d["modality"] in ("future", "conditional", "hypothetical")
        if d.get("speech") is not None and not planned:
            chain.append(d["speech"])
        if planned and d.get("speech") is not None and d.get("speech_clause") is clause:
            # the speech verb found by this clause is in its chain; a draft that a merge gave
            # another clause (_merge) keeps that clause's chain whole
            chain = [t for t in chain if t.i != d["speech"].i]
        date = _date_for(ctx, chain, sent, d["modality"] == "future", use_root=not planned)
        arg_chars = {(r.start, r.end) for r in d["sources"] + d["targets"]}
        used_tokens = set()
        for a, b in arg_chars:   # the sentence's tokens starting inside an argument
            used_tokens.update(range(sent.start + bisect.bisect_left(starts, a), sent.start + bisect.bisect_left(starts, b)))
        # "killed in Israeli shelling in the east of Gaza": a place of the act's means is its place
        means = [c for c in children(tok) if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > tok.i] + [
            o for o in prep_objects(tok, {"in", "during"}) if match_noun(ctx_lex, o) is not None]
        place = location_span(ctx, chain + means, sent, used_tokens)
        location = place.text if place is not None else None
        place_country = place_country_of(ctx, place)
        # "police in Cairo arrested protesters": a place named in one argument locates the act
        arg_heads = [s.root for r in d["sources"] + d["targets"] if r is not None
                     for s in [ctx.doc.char_span(r.start, r.end, alignment_mode="expand")] if s is not None]
        agents_country = place_country or place_country_of(ctx, location_span(ctx, chain + arg_heads, sent, set()))
        d["sources"] = localise_agents(ctx, ctx_lex, d["sources"], agents_country)
        d["targets"] = localise_agents(ctx, ctx_lex, d["targets"], agents_country)
        if d["type"] == "PROTEST" and not d["targets"] and place_country and d["sources"] and all(
                ctx.country(s.actor_id) not in (None, place_country) for s in d["sources"]):
            # a protest abroad is against its host ("US activists staged a protest in Beijing")
            d["targets"] = [ActorRef(place_country, place.text, place.start_char, place.end_char)]
        elif d["type"] in ("ASSAULT", "MOBILIZE") and not d["targets"] and place_country and d["sources"] and all(
                ctx.country(s.actor_id) not in (None, place_country) for s in d["sources"]):
            # a strike abroad that names nothing it hit hits the state it falls in ("Pakistan
            # carried out air strikes in Kabul"); a show of force abroad is aimed at it ("Russia
            # is conducting military exercises in Alaska")
            d["targets"] = [ActorRef(place_country, place.text, place.start_char, place.end_char)]
        condition = None
        if clause.condition is not None:
            sub = list(subtree(clause.condition))
            condition = Span(text_of(ctx.doc)[sub[0].idx:sub[-1].idx + len(sub[-1].text)], sub[0].idx,
                             sub[-1].idx + len(sub[-1].text))
        sources = d["sources"] or [None]
        etype = d["type"]
        # "Turkey and Qatar praised both sides": parties named as objects, if unresolved, are
        # still not the subjects themselves
        unnamed_parties = any(lemma_of(o) in ctx_lex.pair_nouns or lemma_of(o) in ctx_lex.agent_nouns
                              for o in objects(tok))
        for n, src in enumerate(sources):
            targets = list(d["targets"])
            if (etype in SYMMETRIC or d["code"] in ctx_lex.mutual_codes or d.get("mutual") or d.get("sides_met")) \
                    and len(sources) > 1 and not targets \
                    and d["code"][:3] not in ("039", "044", "045") \
                    and (not is_passive(tok) or d.get("sides_met") or any(c.dep_ == "agent" for c in children(tok))) \
                    and not unnamed_parties and not (
                        # "France and Saudi Arabia promised to help": a promise to a third party
                        etype in ("AGREE", "SUPPORT") and tok.pos_ == "VERB" and lemma_of(tok) not in ctx_lex.mutual_acts):
                targets = [s for s in sources if s is not src]
            elif len(sources) > 1 and (lemma_of(tok) in ctx_lex.mutual_verbs or reciprocal(tok)) and not is_passive(tok):
                # "Ukraine and Russia exchanged prisoners", "accused each other": each acts on the other
                targets = [s for s in sources if s is not src] + targets
            implied = False
            if not targets and etype in COUNTERPART_TYPES and src is not None and src.actor_id \
                    and not (etype == "ASSAULT" and _aimed_elsewhere(tok, d.get("noun"))):
                targets = counterpart(ctx, src, start)
                implied = bool(targets)
            # ("The council will hold its first meeting": a body's own meeting is with no one)
            own = d.get("noun") is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                    for c in children(d["noun"]))
            if not targets and src is not None and src.actor_id and not clause.negated and d["code"] != "044" \
                    and not own and (
                    etype in THIRD_PARTY_TYPES or etype in JUDGING_TYPES and _judges_a_deal(ctx_lex, tok)):
                targets = _the_sides(ctx, src, end, lemma_of(tok) in ctx_lex.signing_verbs)
            if not any(t.actor_id for t in targets) and src is not None and src.actor_id and not own \
                    and not (etype == "ASSAULT" and _aimed_elsewhere(tok, d.get("noun"))):
                # an act of any type that names no actor it is aimed at is aimed at the story's
                # sides; a target no actor stands for ("freed 20 prisoners") is kept beside them.
                # ("Britain and France attended": who act together are no target of each other)
                together = {s.actor_id for s in sources if s is not None}
                sides = [r for r in story_sides(ctx, src, start) if r.actor_id not in together]
                implied = implied or bool(sides)
                targets = targets + sides
            targets = _with_sides(ctx, src, targets)
            if src is not None and src.actor_id:
                # (the source's side; "own" above says whether the act's noun is its own)
                mine = {src.actor_id, getattr(ctx.actor(src.actor_id), "affiliation", None)}
                # '"If they attack, we will respond," the South African minister said': "they" are
                # the other side, not the speaker's own
                targets = [t for t in targets if not (t is not None and t.actor_id in mine
                                                      and t.text.lower() in ("they", "them", "their"))]
                if etype == "REJECT":
                    # "Russia's envoy rejected suggestions that Moscow was holding things up": one
                    # denies what is said of one's own side; it is no rejection of that side
                    targets = [t for t in targets if t is None or t.actor_id not in mine - {None}]
            # (two sources one phrase names, "X's Junts party", share its span: the actor tells them apart)
            event_id = record_id(ctx.article_id, etype, start, tok.idx, *((src.start, src.actor_id or "") if n else ()))
            if implied:
                ctx.implied_targets.add(event_id)
            yield Event(
                event_id=event_id, article_id=ctx.article_id, type=etype, mode=d["mode"],
                cameo=d["code"], start=start, end=end, source=src, targets=tuple(targets),
                negated=bool(clause.negated), modality=d["modality"], condition=condition, date=date,
                location=location, trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
                quote_id=d["quote"].quote_id if d.get("quote") is not None else None,
            )


if not Doc.has_extension("accord_events"):
    Doc.set_extension("accord_events", default=None)


@Language.factory("accord_events")
def make_events_component(nlp: Language, name: str):
    """Adds ``doc._.accord_events`` (a list of Event); needs a parser and NER upstream."""
    from accord.extract.actors import extract_actors
    from accord.records import record_id as _rid

    def component(doc: Doc) -> Doc:
        aid = _rid(text_of(doc))
        found = extract_actors(doc, aid)
        article = Article(article_id=aid, text=text_of(doc), source="spacy")
        doc._.accord_events = list(extract_events(doc, found, article, ()))
        return doc

    return component
