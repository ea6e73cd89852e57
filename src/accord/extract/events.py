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
  a cooperative act asserted by a third party is a claim, left to the claims extractor.
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
"""
from __future__ import annotations

import bisect
import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy
import yaml
from spacy.attrs import HEAD, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Span as SpacySpan, Token

from accord.extract.dates import resolve_date
from accord.kb.plover import cameo_to_plover
from accord.records import ActorRef, Article, Event, Quote, Span, record_id
from accord.nlp import children, children_table, columns, ents, ents_in, sent_of, sentences, subtree, text_of, tokens

LEXICON_PATH = Path(__file__).resolve().parent.parent / "kb" / "event_lexicon.yaml"

_RULES = yaml.safe_load(open(LEXICON_PATH))["coding"]
# Coding rules from the lexicon file (see its `coding` section for the reasons).
VERBAL = set(_RULES["verbal_types"])
HOSTILE = set(_RULES["hostile_types"])
ACCUSABLE = HOSTILE | set(_RULES["accusable_extra"])
THREAT_CODE = {k: str(v) for k, v in _RULES["threat_codes"].items()}
SYMMETRIC = set(_RULES["symmetric_types"])
TARGET_PREPS = set(_RULES["target_preps"])
NOUN_TARGET_PREPS = TARGET_PREPS | {"of"}
TYPE_PREPS = {k: set(v) for k, v in _RULES["type_preps"].items()}
PRESUPPOSING_PREPS = set(_RULES["presupposing_preps"])
LOCATIVE_PREPS = set(_RULES["locative_preps"])
CONTENT_PREPS = set(_RULES["content_preps"])


def _preps_for(etype: str | None, base: set[str]) -> frozenset[str]:
    # asked for every trigger with one of the module's base sets: kept per (type, base); the
    # base itself is kept with it, so that its id cannot be reused by another set
    got = _PREPS_FOR.get((etype, id(base)))
    if got is None or got[0] is not base:
        extra = {p for p, types in TYPE_PREPS.items() if etype in types}
        got = _PREPS_FOR[(etype, id(base))] = (base, frozenset(base | extra))
    return got[1]


_PREPS_FOR: dict[tuple, tuple[set[str], frozenset[str]]] = {}


SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
DATIVE_DEPS = {"dative", "iobj"}
_OBJECTISH = OBJECT_DEPS | PASSIVE_SUBJECT_DEPS
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}
FIRST_PERSON = {"we", "i", "us", "me", "our", "my"}
RELATIVE = {"who", "which", "that", "whom"}
NAMED = {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


@dataclass(frozen=True)
class Entry:
    code: str
    lemma: str
    particles: tuple[str, ...] = ()
    obj_class: str | None = None     # class name, "actor", or None
    irrealis: bool = False           # only when promised, planned or conditional
    modifiers: tuple[str, ...] = ()  # nouns: compound words ("air" in "air strike")

    @property
    def specificity(self) -> int:
        return len(self.particles) + len(self.modifiers) + (1 if self.obj_class else 0)

    @functools.cached_property
    def particle_set(self) -> frozenset[str]:
        return frozenset(self.particles)


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]]
    nouns: dict[str, list[Entry]]
    classes: dict[str, set[str]]
    light_verbs: set[str]
    object_only: set[str]
    governors: dict[str, set[str]]
    conditions_always: tuple[str, ...]
    conditions_future: tuple[str, ...]
    future_modals: set[str]
    hypothetical_modals: set[str]
    alleged_adverbs: set[str]
    overrides: dict[str, dict]
    inverse_verbs: set[str]
    appeal_governors: set[str]
    agent_nouns: set[str]
    deontic_modals: set[str]
    quantity_nouns: set[str]
    inverse_light_verbs: set[str]
    local_agents: set[str] = field(default_factory=set)
    undergoing_verbs: set[str] = field(default_factory=set)
    stative_passives: set[str] = field(default_factory=set)
    non_events: set[str] = field(default_factory=set)
    state_nouns: set[str] = field(default_factory=set)
    state_epithets: dict[str, set[str]] = field(default_factory=dict)
    protest_agents: set[str] = field(default_factory=set)
    riot_codes: set[str] = field(default_factory=set)
    pair_nouns: dict[str, str] = field(default_factory=dict)
    state_organs: set[str] = field(default_factory=set)
    replies: dict[str, str] = field(default_factory=dict)
    mutual_codes: set[str] = field(default_factory=set)
    light_verb_types: dict[str, set[str]] = field(default_factory=dict)
    possessor_targets: set[str] = field(default_factory=set)
    pending_marks: set[str] = field(default_factory=set)
    instrument_verbs: set[str] = field(default_factory=set)
    prospect_verbs: set[str] = field(default_factory=set)
    topic_verbs: set[str] = field(default_factory=set)
    judging_types: set[str] = field(default_factory=set)
    mutual_verbs: set[str] = field(default_factory=set)


def _key(ref: ActorRef | None) -> str | None:
    """Identity of an argument: its actor, or its words when unresolved."""
    if ref is None:
        return None
    return ref.actor_id or "~" + ref.text.lower()


def _parse_verb(code: str, text: str) -> Entry:
    words = str(text).split()
    particles, obj_class, irrealis = [], None, False
    for w in words[1:]:
        if w == "~irrealis":
            irrealis = True
        elif w.startswith("~"):
            obj_class = w[1:]
        else:
            particles.append(w.lower())
    return Entry(code, words[0].lower(), tuple(particles), obj_class, irrealis)


def _parse_noun(code: str, text: str) -> Entry:
    words = str(text).lower().split()
    return Entry(code, words[-1], (), None, False, tuple(words[:-1]))


@functools.lru_cache(maxsize=1)
def lexicon(path: str | None = None) -> Lexicon:
    data = yaml.safe_load(open(path or LEXICON_PATH))
    verbs: dict[str, list[Entry]] = {}
    nouns: dict[str, list[Entry]] = {}
    for code, items in data["verbs"].items():
        for item in items:
            e = _parse_verb(str(code), item)
            verbs.setdefault(e.lemma, []).append(e)
    for code, items in data["nouns"].items():
        for item in items:
            e = _parse_noun(str(code), item)
            nouns.setdefault(e.lemma, []).append(e)
    for table in (verbs, nouns):
        for entries in table.values():
            entries.sort(key=lambda e: -e.specificity)  # stable: first listed wins among equals
    gov = {k: set(v) for k, v in data["governors"].items()}
    return Lexicon(
        verbs=verbs, nouns=nouns,
        classes={k: set(v) for k, v in data["classes"].items()},
        light_verbs=set(data["light_verbs"]), object_only=set(data["object_only_nouns"]),
        governors=gov,
        conditions_always=tuple(data["conditions"]["always"]),
        conditions_future=tuple(data["conditions"]["future_only"]),
        future_modals=set(data["modals"]["future"]),
        hypothetical_modals=set(data["modals"]["hypothetical"]),
        alleged_adverbs=set(data["adverbs"]["alleged"]),
        overrides={str(k): v for k, v in (data.get("overrides") or {}).items()},
        inverse_verbs=set(data.get("inverse_verbs") or ()),
        appeal_governors=set(gov.get("appeal") or ()),
        agent_nouns=set(data.get("agent_nouns") or ()),
        deontic_modals=set(data["modals"].get("deontic") or ()),
        quantity_nouns=set(data.get("quantity_nouns") or ()),
        inverse_light_verbs=set(data.get("inverse_light_verbs") or ()),
        pair_nouns={str(k): str(v) for k, v in (data.get("pair_nouns") or {}).items()},
        state_organs=set(data.get("state_organs") or ()),
        mutual_codes={str(c) for c in data.get("mutual_codes") or ()},
        light_verb_types={str(k): set(v) for k, v in (data.get("light_verb_types") or {}).items()},
        possessor_targets=set(data.get("possessor_targets") or ()),
        pending_marks=set(data["conditions"].get("pending") or ()),
        instrument_verbs=set(data.get("instrument_verbs") or ()),
        prospect_verbs=set(data.get("prospect_verbs") or ()),
        topic_verbs=set(data.get("topic_verbs") or ()),
        judging_types=set(data.get("judging_types") or ()),
        mutual_verbs=set(data.get("mutual_verbs") or ()),
        replies={str(w): str(t) for t, words in (data.get("replies") or {}).items() for w in words},
        local_agents=set(data.get("local_agents") or ()),
        undergoing_verbs=set(data.get("undergoing_verbs") or ()),
        stative_passives=set(data.get("stative_passives") or ()),
        non_events={str(w).lower() for w in data.get("non_event_nouns") or ()},
        state_nouns=set(data.get("state_nouns") or ()),
        state_epithets={str(k).lower(): set(v) for k, v in (data.get("state_epithets") or {}).items()},
        protest_agents=set((data.get("riot") or {}).get("agents") or ()),
        riot_codes={str(c) for c in (data.get("riot") or {}).get("codes") or ()},
    )


@functools.lru_cache(maxsize=1024)
def code_to_type(code: str) -> tuple[str | None, str | None]:
    over = lexicon().overrides.get(code)
    if over:
        return over["type"], over.get("mode")
    return cameo_to_plover(code)


@functools.lru_cache(maxsize=4096)
def _iso3(text: str) -> str | None:
    import pycountry
    if len(text) == 3 and text.isupper():
        hit = pycountry.countries.get(alpha_3=text)
        return hit.alpha_3 if hit else None
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


def actor_country(actor_id: str | None, actors: dict | None = None) -> str | None:
    """The state an actor belongs to: its own ISO code, else its affiliation's, followed up the
    chain ("antony-blinken" -> "USA"); a name pycountry knows is the fallback."""
    actors = actors or {}
    seen = set()
    while actor_id and actor_id not in seen:
        seen.add(actor_id)
        code = _iso3(actor_id) if actor_id.isupper() else None
        if code:
            return code
        actor = actors.get(actor_id)
        if actor is None:
            return _iso3(actor_id.replace("-", " "))
        if actor.kind == "state":
            code = _iso3(actor.name)
            if code:
                return code
        actor_id = actor.affiliation
    return None


@functools.lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """Names, capitals and seats of states in the actor KB ("Beijing" -> CHN): a place the
    actor layer keeps as a place still tells whose territory an event happens on."""
    from accord.kb.loader import load_kb
    kb = load_kb()
    out: dict[str, str] = {}
    for n in kb.names:
        entry = kb.entries.get(n.actor_id)
        if entry is not None and entry.kind == "state" and n.via in ("name", "capital", "seat", "acronym"):
            out.setdefault(n.text.lower(), n.actor_id)
    for state, places in (yaml.safe_load(open(LEXICON_PATH)).get("place_states") or {}).items():
        for place in places:
            out.setdefault(str(place).lower(), state)
    return out


def place_state(text: str) -> str | None:
    words = text.strip()
    if words[:4].lower() == "the ":
        words = words[4:]
    return _state_names().get(words.lower())


def ref_country(ref: ActorRef | None, actors: dict | None = None, mentions=()) -> str | None:
    """The state of an argument: its actor's, else a state named inside the argument's own
    words ("Syrian President Bashar Assad", "US and British activists")."""
    if ref is None:
        return None
    got = actor_country(ref.actor_id, actors)
    if got:
        return got
    for m in mentions:
        if ref.start <= m.start and m.end <= ref.end and m.actor_id != ref.actor_id:
            got = actor_country(m.actor_id, actors)
            if got:
                return got
    return None


# ---------------------------------------------------------------- parse helpers

# Token.head, Token.children, Token.subtree and Doc[i] build new Token objects on every call,
# and the rules below walk the parse thousands of times per article. The Doc being coded keeps
# its heads, children, lemmas and parts of speech in a one-slot cache per thread (the Doc itself
# is held, so its id is not reused), made of the Token objects accord.nlp.tokens already built,
# with what the rules ask of one token several times (_objects, _subject_tokens). Tokens are
# therefore shared objects: compare them by value or index, never with `is`.
class _Slot(threading.local):
    tree = None   # the _Tree of the Doc this thread codes


_tree_slot = _Slot()


class _Tree:
    """One Doc's parse, read once (see above)."""
    __slots__ = ("doc", "toks", "heads", "kids", "lemmas", "pos", "verbal", "nominal", "objects", "starts",
                 "subjects", "ent_of")

    def __init__(self, doc: Doc):
        self.doc = doc
        toks = self.toks = tokens(doc)
        table = doc.to_array([HEAD, POS])
        # heads are stored as offsets, unsigned
        heads = (table[:, 0].view("int64") + numpy.arange(len(toks))).tolist()
        self.heads = list(map(toks.__getitem__, heads))
        self.kids = children_table(doc)
        self.lemmas = columns(doc).lemma_lower
        pos = table[:, 1]
        self.pos = pos.tolist()   # ids: compare with _VERB, _AUX, _NOUN, _PROPN
        # where trigger verbs and nouns can be, in document order
        self.verbal = numpy.flatnonzero((pos == _VERB) | (pos == _AUX)).tolist()
        self.nominal = numpy.flatnonzero((pos == _NOUN) | (pos == _PROPN)).tolist()
        self.objects: dict[int, list[Token]] = {}   # _objects, by token
        self.starts: dict[int, int] = {}   # _phrase_start, by token
        self.subjects: dict[int, list[Token]] = {}   # _subject_tokens, by token
        self.ent_of: list | None = None   # the entity holding each token, once asked (ent_at)

    def ent_at(self, i: int):
        """The first of the Doc's entities holding token i, or None."""
        if self.ent_of is None:
            self.ent_of = [None] * len(self.toks)
            for e in ents(self.doc):
                for k in range(e.start, e.end):
                    if self.ent_of[k] is None:
                        self.ent_of[k] = e
        return self.ent_of[i]


_VERB, _AUX, _NOUN, _PROPN, _PRON, _ADP = (IDS[p] for p in ("VERB", "AUX", "NOUN", "PROPN", "PRON", "ADP"))
_NOMINAL = {_NOUN, _PROPN, _PRON}


def _tree(doc: Doc) -> _Tree:
    got = _tree_slot.tree
    if got is None or got.doc is not doc:
        got = _tree_slot.tree = _Tree(doc)
    return got


# The two below are called tens of thousands of times per hundred articles: they test the
# slot themselves rather than through _tree.

def _head(tok: Token) -> Token:
    got = _tree_slot.tree
    if got is None or got.doc is not tok.doc:
        got = _tree(tok.doc)
    return got.heads[tok.i]


def _subtree_start(tok: Token, n: int) -> list[Token]:
    """The first n tokens of subtree(tok), without walking the rest."""
    kids = _tree(tok.doc).kids
    out: list[Token] = []

    def walk(t: Token) -> bool:   # True once n are found
        below = kids[t.i]
        for k in below:
            if k.i < t.i and walk(k):
                return True
        out.append(t)
        if len(out) >= n:
            return True
        for k in below:
            if k.i > t.i and walk(k):
                return True
        return False

    walk(tok)
    return out


def _phrase_start(tok: Token) -> int:
    """Where the token's phrase starts: the first character of its subtree (which need not be
    its left edge's subtree when the parse is not projective)."""
    tree = _tree(tok.doc)
    got = tree.starts.get(tok.i)
    if got is None:
        got = tree.starts[tok.i] = tree.toks[min(t.i for t in subtree(tok))].idx
    return got


def _ancestors(tok: Token) -> Iterator[Token]:
    """Token.ancestors: heads up to the sentence root."""
    heads = _tree(tok.doc).heads
    t = tok
    for _ in range(len(heads)):
        h = heads[t.i]
        if h.i == t.i:
            return
        yield h
        t = h


def _span_tokens(span: SpacySpan) -> list[Token]:
    """The tokens of a sentence or span, without building them anew."""
    return _tree(span.doc).toks[span.start:span.end]


def _lemma(tok: Token) -> str:
    got = _tree_slot.tree
    if got is None or got.doc is not tok.doc:
        got = _tree(tok.doc)
    return got.lemmas[tok.i]


def _conjuncts(tok: Token) -> list[Token]:
    """A noun phrase and those coordinated with it ("the US, Russia and Switzerland")."""
    out = [tok]
    tree = _tree(tok.doc)
    pos, own = tree.pos, tree.pos[tok.i]
    for c in tree.kids[tok.i]:
        dep = c.dep_
        if dep == "conj" and pos[c.i] in _NOMINAL:
            out.extend(_conjuncts(c))
        elif dep == "appos" and pos[c.i] == _PROPN and any(g.dep_ in ("cc", "conj") for g in children(c)):
            out.extend(_conjuncts(c))   # a list parsed as apposition
        elif dep == "pobj" and own == _ADP and tok.dep_ in SUBJECT_DEPS:
            out.extend(_conjuncts(c))   # a first name mis-tagged as a preposition
        elif dep in ("compound", "nmod") and own == _PROPN:
            # "Treasury Secretary Scott Bessent and Trade Representative Jamieson Greer": the
            # parser folds the first titled name into the second's title (modifier or apposition)
            out.extend(g for g in [c] + [g for g in children(c) if g.dep_ == "appos"]
                       if g.ent_type_ == "PERSON" and any(x.dep_ == "cc" for x in children(g)))
    return out


def _date_prep(tok: Token) -> bool:
    if tok.dep_ != "prep":
        return False
    objs = [g for g in children(tok) if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def _for_to(tok: Token) -> bool:
    """A for-to clause: "for the rebels to withdraw"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)) and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in children(tok))


def _verb_words(tok: Token) -> tuple[set[str], set[str]]:
    """Lemmas of a verb's own particles, prepositions and objects ("direct"), and those with
    their own prepositions ("near")."""
    direct, near = set(), set()
    tree = _tree(tok.doc)
    kids, lemmas = tree.kids, tree.lemmas
    for c in kids[tok.i]:
        dep = c.dep_
        if dep == "aux" or dep == "auxpass":
            continue   # the "to" of "to protest" is no preposition ("protest to")
        if dep == "prep" and _date_prep(c):
            continue   # "agreed ... on Monday" is no "agree on"
        direct.add(lemmas[c.i])
        if dep in ("advcl", "ccomp") and _for_to(c):
            near.add("for")   # "called for the rebels to withdraw": "call for"
        if dep in ("prt", "prep", "advmod", "dobj", "agent"):
            for g in kids[c.i]:
                if g.dep_ in ("prep", "pobj", "prt", "advmod"):
                    near.add(lemmas[g.i])
    near |= direct
    if "for" in near:
        direct.add("for")
    return direct, near


def _shared_patients(tok: Token) -> list[Token]:
    """"X seized the town and was repelled by Y", "the prisoners detained ... were freed by Y":
    a passive conjunct without its own subject acts on its first conjunct's subject."""
    if tok.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in children(tok)) \
            or any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in children(tok)):
        return []
    return [c for c in children(_head(tok)) if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
            and c.lower_ not in RELATIVE]


def _objects(tok: Token) -> list[Token]:
    """Objects of a verb, found once per token (a fresh list for the caller)."""
    memo = _tree(tok.doc).objects
    got = memo.get(tok.i)
    if got is None:
        got = memo[tok.i] = _find_objects(tok)
    return list(got)


def _find_objects(tok: Token) -> list[Token]:
    objs = [c for c in children(tok) if c.dep_ in _OBJECTISH]
    objs = objs or _shared_patients(tok)
    if not objs:
        # "struck what the army called militant camps", "hit what Kyiv described as a school":
        # the object is the free relative's predicate
        for c in children(tok):
            if c.dep_ == "ccomp" and any(w.dep_ in OBJECT_DEPS and w.lower_ == "what" for w in children(c)):
                objs = [w for w in children(c) if w.dep_ == "oprd"] + _prep_objects(c, {"as"})
    if not objs and tok.dep_ == "relcl" and _head(tok).pos_ == "NOUN" and any(
            c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in children(tok)):
        objs = [_head(tok)]   # "the towns the rebels seized": the antecedent is the object
    # "5 million dollars of aid", "700 kg of medicine": the class word is the of-object
    for o in list(objs):
        below = children(o)
        if not below:
            continue
        counted = any(c.dep_ == "nummod" for c in below) or o.ent_type_ == "MONEY"
        for p in below:
            if p.dep_ == "prep" and (_lemma(p) == "of" or (_lemma(p) == "in" and counted)):
                objs.extend(c for c in children(p) if c.dep_ == "pobj")
    return [x for o in objs for x in _conjuncts(o)]


def _speech_conjunct(tok: Token) -> Token | None:
    """The verb a misattached conjunct really coordinates with ("X said Y will not withdraw,
    and accused Z"): a finite past verb cannot share the bare verb's modal."""
    head = _head(tok)
    if tok.dep_ != "conj" or tok.tag_ not in ("VBD", "VBZ") or head.tag_ != "VB" or head.dep_ != "ccomp":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in children(tok)):
        return None
    if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in children(head)):
        return None
    return _head(head) if _head(head).pos_ == "VERB" else None


def _is_passive(tok: Token) -> bool:
    if _lemma(tok) in lexicon().stative_passives and not any(c.dep_ == "agent" for c in children(tok)):
        return False   # "Israel is opposed to the plan": Israel opposes
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in children(tok)) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN") or _misread_participle(tok) is not None


def _existential(tok: Token) -> bool:
    """"There were ten soldiers killed in the raid": the participle after "there be" reports the
    act ("ten soldiers were killed"), it does not describe the soldiers."""
    noun = _head(tok)
    return tok.dep_ == "acl" and noun.dep_ == "attr" and _lemma(_head(noun)) == "be" \
        and any(c.dep_ == "expl" for c in children(_head(noun)))


def _misread_participle(tok: Token) -> Token | None:
    """"The dissidents detained for ... were released by X": a participle modifying the subject
    that the parser made the main verb, with the real main verb as its conjunct. Two finite
    verbs are not coordinated without a conjunction, so when the passive conjunct has no subject
    and nothing joins them, the first verb describes its "subject" and the conjunct (returned) is
    the sentence's verb."""
    if tok.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "nsubj" for c in children(tok)) \
            or any(c.dep_ in ("aux", "auxpass") for c in children(tok)):
        return None
    for c in children(tok):
        if c.dep_ == "conj" and c.i > tok.i and c.tag_ == "VBN" \
                and any(a.dep_ == "auxpass" and a.i < c.i for a in children(c)) \
                and not any(a.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for a in children(c)) \
                and not any(t.dep_ == "cc" or t.text in (",", ";")
                            for t in _tree(tok.doc).toks[tok.i + 1: c.left_edge.i]
                            if _head(t).i in (tok.i, c.i)):
            return c
    return None


def _dateline_tokens(sent: SpacySpan) -> set[int]:
    """Tokens of a dateline opening a line of the sentence: a place in capitals ("LYON",
    "KHAN YOUNIS"), maybe followed by ", region" or ", date (Agency)", closed by a colon or a dash
    before any verb."""
    doc, out = _tree(sent.doc).toks, set()
    starts = [sent.start] + [i + 1 for i in _line_ends(sent) if i + 1 < sent.end]
    for start in starts:
        while start < sent.end and doc[start].is_space:
            start += 1
        if start >= sent.end:
            continue
        first = doc[start]
        if not (first.is_alpha and first.is_upper and len(first) > 1):
            continue
        caps = True
        for t in doc[start: min(sent.end, start + 14)]:
            if t.text == ":" or (t.text in DASHES and (t.text != "-" or t.whitespace_)):
                out.update(range(start, t.i + 1))
                break
            if t.text == ",":
                caps = False
            elif t.pos_ in ("VERB", "AUX") or (caps and t.is_alpha and not t.is_upper) or "\n" in t.text:
                break
            elif not caps and not (t.pos_ in ("PROPN", "NUM", "PUNCT") or t.ent_type_ in ("GPE", "LOC", "DATE")):
                break   # after the comma only a region, a date or an agency: "NATO, the EU and ..." is no dateline
    return out


def _line_ends(sent: SpacySpan) -> list[int]:
    """Tokens of the sentence whose text or trailing space holds a line break, in order. Token
    texts and spaces tile the Doc's text, so the breaks are found in the text itself."""
    toks, text = _tree(sent.doc).toks, text_of(sent.doc)
    lo = toks[sent.start].idx
    hi = toks[sent.end].idx if sent.end < len(toks) else len(text)
    out: list[int] = []
    nl = text.find("\n", lo, hi)
    starts = [t.idx for t in toks[sent.start:sent.end]] if nl != -1 else []
    while nl != -1:
        i = sent.start + bisect.bisect_right(starts, nl) - 1
        if not out or out[-1] != i:
            out.append(i)
        nl = text.find("\n", nl + 1, hi)
    return out


class Context:
    """One article's actors, quotes and date, with the actor look-ups events need."""

    def __init__(self, doc: Doc, actors, article: Article | None, quotes: list[Quote]):
        self.doc, self.actors, self.article = doc, actors, article
        self.quotes = sorted(quotes or [], key=lambda q: q.start)
        self.published = article.published if article else None
        self.head_end = 0
        self.article_id = article.article_id if article else ""
        self._datelines: dict[int, set[int]] = {}
        self._sent_memo: dict[tuple, object] = {}

    def _dateline_of(self, tok: Token) -> set[int]:
        """Dateline tokens of the token's sentence, found once per sentence."""
        sent = sent_of(tok)
        got = self._datelines.get(sent.start)
        if got is None:
            got = self._datelines[sent.start] = _dateline_tokens(sent)
        return got

    def in_dateline(self, tok: Token) -> bool:
        """"GAZA CITY, Palestinian Territories: ...", "LYON: ...": the place a story is filed
        from is never an argument, whatever the parser attached it to."""
        return tok.i in self._dateline_of(tok)

    def _after_dateline(self, tok: Token, ref: ActorRef) -> ActorRef:
        """"DOHA, May 3 (AFP) - Sudan's army": an argument the parser ran into the dateline
        starts after it."""
        marks = [i for i in self._dateline_of(tok) if i < tok.i]
        if not marks:
            return ref
        last = _tree(self.doc).toks[max(marks)]
        cut = last.idx + len(last.text)
        if not ref.start < cut < ref.end:
            return ref
        text = text_of(self.doc)
        while cut < ref.end and text[cut].isspace():
            cut += 1
        return ActorRef(ref.actor_id, text[cut:ref.end], cut, ref.end)

    # Dates and places of a sentence and what they hang on, looked up for every draft event:
    # found once per sentence.

    def _memo(self, kind: str, sent: SpacySpan, find):
        key = (kind, sent.start, sent.end)
        got = self._sent_memo.get(key)
        if got is None:
            got = self._sent_memo[key] = find(sent)
        return got

    def root_of(self, sent: SpacySpan) -> Token:
        return self._memo("root", sent, lambda s: s.root)

    def date_anchors(self, sent: SpacySpan) -> list[tuple]:
        """(date, its root, the root's head, the head's head when a preposition) for _date_for."""
        def find(s):
            out = []
            for e in self._memo("ents", s, ents_in):
                if e.label_ in ("DATE",):
                    root = e.root
                    h = _head(root)
                    out.append((e, root, h, _head(h) if h.dep_ == "prep" else None))
            return out
        return self._memo("dates", sent, find)

    def place_anchors(self, sent: SpacySpan) -> tuple[list, list[tuple]]:
        """The places of a sentence, and (place, the word its locative preposition hangs on)."""
        def find(s):
            places = [e for e in self._memo("ents", s, ents_in) if e.label_ in ("GPE", "LOC", "FAC")]
            anchored = []
            for e in places:
                h = _head(e.root)
                if h.dep_ == "prep" and _lemma(h) == "of" and _head(h).dep_ == "pobj" and _head(h).pos_ == "NOUN" \
                        and match_noun(lexicon(), _head(h)) is None:
                    h = _head(_head(h))   # "in the north of the Gaza Strip", "on the outskirts of Kyiv"
                if h.dep_ == "prep" and _lemma(h) in LOCATIVE_PREPS:
                    anchored.append((e, _head(h)))
            return places, anchored
        return self._memo("places", sent, find)

    def quote_at(self, char: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= char < q.end:
                return q
        return None

    def ref(self, tok: Token | None) -> ActorRef | None:
        got = self.refs_of(tok)
        return got[0] if got else None

    def _direct(self, tok: Token) -> ActorRef | None:
        if _lemma(tok) in FIRST_PERSON and tok.pos_ == "PRON":   # "US" is a state, not "us"
            q = self.quote_at(tok.idx)
            if q and q.speaker and q.speaker.actor_id:
                return ActorRef(q.speaker.actor_id, tok.text, tok.idx, tok.idx + len(tok.text))
        try:
            r = self.actors.ref_for_token(tok)
        except Exception:  # an actor layer in flux must not stop event coding
            r = None
        return r if r is not None and r.actor_id else None

    def _place(self, tok: Token, labels=("GPE",)) -> ActorRef | None:
        """A state's capital or name the actor layer kept as a place ("police in Beijing")."""
        if tok.ent_type_ not in labels:
            # a territory the lexicon lists is a place even when NER misses it ("struck Kharkiv")
            if tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON") and place_state(tok.text) and tok.dep_ != "compound":
                return ActorRef(place_state(tok.text), tok.text, tok.idx, tok.idx + len(tok.text))
            return None
        ent = _tree(tok.doc).ent_at(tok.i)
        if ent is not None and place_state(ent.text):
            return ActorRef(place_state(ent.text), ent.text, ent.start_char, ent.end_char)
        # "the Beijing Olympics": the place is one word of a larger name
        state = place_state(tok.text) if tok.dep_ == "compound" else None
        return ActorRef(state, tok.text, tok.idx, tok.idx + len(tok.text)) if state else None

    def refs_of(self, tok: Token | None, depth: int = 0) -> list[ActorRef]:
        """Actors a noun phrase names; a common-noun head falls back on its actor modifiers
        ("US and British activists", "Israeli forces") or an of/from phrase ("dissidents from
        Myanmar", "leaders of the Brotherhood")."""
        if tok is None or self.in_dateline(tok):
            return []
        # the token's part of speech, lemma, children and the lexicon, read once
        pos, lem, kids, lex = tok.pos_, _lemma(tok), children(tok), lexicon()
        if pos == "NOUN" and lem in lex.pair_nouns and any(
                c.lower_ in ("both", "two", "either") for c in kids if c.dep_ in ("det", "nummod", "predet")):
            got = self.pair(tok)
            if got:
                return got
        if pos == "NOUN":
            named = next((c for c in kids if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and self._direct(c) is not None), None)
            if named is not None:
                return [self._direct(named)]
        whose = next((c for c in kids if c.dep_ == "poss" and c.lower_ == "whose"), None)
        if whose is not None and lem in lex.agent_nouns and depth < 2:
            # "Russia, whose peacekeepers withdrew": the antecedent's own agents
            verb = next((a for a in _ancestors(tok) if a.dep_ == "relcl"), None)
            if verb is not None:
                return self.refs_of(_head(verb), depth + 1)
        r = self._direct(tok)
        if r is not None and pos != "NOUN":
            return [r]
        if r is None and pos == "NOUN":
            named = self.epithet(tok)
            if named is not None:
                return [named]
        if pos == "PROPN" and tok.dep_ not in ("compound", "amod", "nmod"):
            place = self._place(tok)
            if place is not None:
                return [place]   # a capital or territory as an argument stands for its state
        if pos == "PROPN":
            # "Malaysia Airlines flight MH17", "the Beijing Olympics", and a date the parser
            # made the head of a name ("President Bashar Assad Tuesday"): an actor in the compounds
            left = _phrase_start(tok)
            for c in kids:
                if c.dep_ == "compound" and c.i < tok.i:
                    sub = self._direct(c) or self._place(c, ("GPE", "EVENT"))
                    if sub is not None:
                        end = c.idx + len(c.text) if tok.ent_type_ == "DATE" else tok.idx + len(tok.text)
                        return [ActorRef(sub.actor_id, text_of(self.doc)[left:end], left, end)]
            if depth < 2:
                # "Kenzo Oshima, the UN relief coordinator": a name the actor layer missed is its apposition
                for c in kids:
                    if c.dep_ == "appos":
                        got = [x for x in self.refs_of(c, depth + 1) if x.actor_id]
                        if got:
                            return got[:1]
            return []
        if pos != "NOUN":
            return []
        own = next((c for c in kids if c.dep_ == "poss" and (c.lower_ in ("its", "their") or (
            c.lower_ in ("his", "her") and lem in lex.state_organs))), None)
        owner = self._direct(own) if own is not None else None
        if owner is not None and lem in lex.agent_nouns:
            # "its drones", "their fighters": the owner's agents; "his government": a leader's state
            left = own.idx
            who = self.country(owner.actor_id) or owner.actor_id if own.lower_ in ("his", "her") else owner.actor_id
            return [ActorRef(who, text_of(self.doc)[left:tok.idx + len(tok.text)], left, tok.idx + len(tok.text))]
        organ = r is None and lem in lex.state_organs and not any(
            c.dep_ in MODIFIER_DEPS for c in kids) and any(c.lower_ == "the" for c in kids)
        if ((own is not None and owner is None) or organ) and depth < 2:
            # "The army said its drones struck", "an official said the government could free":
            # the speaker's side
            speech = next((a for a in _ancestors(tok) if a.pos_ == "VERB"
                           and _lemma(a) in lex.governors["speech"] and tok not in _subject_tokens(a)), None)
            if speech is not None:
                got = [x for x in self.refs(_subject_tokens(speech)) if x.actor_id]
                if organ:   # a state's organ: the speaker's state, when the speaker has one
                    got = [ActorRef(self.country(x.actor_id), x.text, x.start, x.end) for x in got
                           if self.country(x.actor_id)]
                if got:
                    return got
        mods = [c for c in kids if c.dep_ in MODIFIER_DEPS and c.i < tok.i and c.pos_ != "PRON"]
        mods = [x for m in mods for x in [m] + [c for c in children(m) if c.dep_ == "conj"]]
        out = []
        left = _phrase_start(tok)
        end = tok.idx + len(tok.text)
        for m in mods:
            sub = self._direct(m)
            if sub is not None and sub.actor_id not in {o.actor_id for o in out}:
                out.append(ActorRef(sub.actor_id, text_of(self.doc)[left:end], left, end))
        if r is not None and len(out) < 2 and _names_people(lex, tok):
            # "the ambassadors of the United States and China": the of-phrase names two parties
            owners = [self._direct(o) for p in kids if p.dep_ == "prep" and _lemma(p) in ("of", "from")
                      for c in children(p) if c.dep_ == "pobj" for o in _conjuncts(c)]
            owners = list({o.actor_id: o for o in owners if o is not None}.values())
            if len(owners) > 1:
                return [ActorRef(o.actor_id, r.text, r.start, r.end) for o in owners]
        if r is not None:
            # "Russian and Ukrainian negotiators": one phrase, two parties
            return out if len(out) > 1 else [r]
        if not out:
            for p in kids:
                if p.dep_ == "prep" and _lemma(p) in ("of", "from", "in"):
                    for o in (x for c in children(p) if c.dep_ == "pobj" for x in _conjuncts(c)):
                        sub = self._direct(o) or self._place(o)
                        if sub is None and o.pos_ == "NOUN" and depth < 2 and _lemma(o) in lex.pair_nouns:
                            # "commanders from both countries": one from each
                            for r in self.refs_of(o, depth + 1):
                                if r.actor_id and r.actor_id not in {x.actor_id for x in out}:
                                    out.append(ActorRef(r.actor_id, text_of(self.doc)[left:r.end], left, r.end))
                            continue
                        if sub is None and o.pos_ == "NOUN" and depth < 2:
                            # "the mayor of the West Bank city of Nablus": the state one step down
                            sub = next((r for r in self.refs_of(o, depth + 1) if r.actor_id), None)
                        if sub is not None and sub.actor_id not in {x.actor_id for x in out}:
                            out.append(ActorRef(sub.actor_id, text_of(self.doc)[left:sub.end], left, sub.end))
        if not out and lem in lex.quantity_nouns:
            # "thousands of protesters", "a group of rebels": the group is in the of-phrase
            for p in kids:
                if p.dep_ == "prep" and _lemma(p) == "of":
                    for o in children(p):
                        if o.dep_ == "pobj":
                            out.extend(self.refs_of(o))
        if not out and lem in lex.agent_nouns:
            # an unnamed group ("protesters", "security forces"): an argument, unresolved
            out.append(ActorRef(None, text_of(self.doc)[left:end], left, end))
        return out

    def epithet(self, tok: Token) -> ActorRef | None:
        """"the Gulf state", "the Islamic republic", "the Balkan country": a state named by an
        epithet is the nearest state named before it, in its sentence or the one before, that the
        epithet fits (``state_epithets`` in the lexicon)."""
        lex = lexicon()
        if _lemma(tok) not in lex.state_nouns or tok.tag_ == "NNS" \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in children(tok)):
            return None
        mods = [c for c in children(tok) if c.dep_ in ("compound", "amod") and c.i < tok.i]
        words = [c.lower_ for c in mods]
        fits: set[str] = set()
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                fits |= lex.state_epithets.get(" ".join(words[i:i + n]), set())
                fits |= lex.state_epithets.get("-".join(words[i:i + n]), set())
        if not fits:
            return None
        sents = sentences(tok.doc)
        here = sent_of(tok)
        n = next((k for k, sp in enumerate(sents) if sp.start == here.start), 0)
        start = sents[n - 1].start_char if n else here.start_char
        for m in sorted(getattr(self.actors, "mentions", ()) or (), key=lambda m: -m.start):
            if start <= m.start and m.end <= tok.idx and self.country(m.actor_id) in fits:
                left = tok.left_edge.idx
                return ActorRef(self.country(m.actor_id), text_of(self.doc)[left:tok.idx + len(tok.text)],
                                left, tok.idx + len(tok.text))
        return None

    def pair(self, tok: Token) -> list[ActorRef]:
        """"both sides", "the two countries", "either leader": the two actors the article most
        often named side by side ("X and Y", "X-Y") before this sentence, the latest pair on a tie;
        states for countries and capitals, people for leaders."""
        want = lexicon().pair_nouns[_lemma(tok)]
        mentions = sorted((m for m in getattr(self.actors, "mentions", ()) or () if m.end <= sent_of(tok).start_char
                           and (want != "person" or getattr(self.actor(m.actor_id), "kind", None) == "person")
                           and (want != "state" or self.country(m.actor_id))), key=lambda m: m.start)
        text = text_of(self.doc)
        counts: dict[tuple, list[int]] = {}
        for n, (a, b) in enumerate(zip(mentions[:-1], mentions[1:])):
            # side by side: "X and Y", "X-Y", "X and Cambodian Prime Minister Y" (a title between)
            gap = text[a.end:b.start].strip().lower()
            if not (gap in ("and", "and the", ",", "-", "\u2013", "/")
                    or (gap.startswith("and ") and len(gap) < 40 and "." not in gap and "," not in gap)):
                continue
            ids = [a.actor_id, b.actor_id]
            if want == "state":
                ids = [self.country(i) for i in ids]
            if None in ids or ids[0] == ids[1]:
                continue
            cell = counts.setdefault(tuple(sorted(ids)), [0, 0, ids])
            cell[0] += 1
            cell[1] = n
        if not counts:
            return []
        ids = max(counts.values(), key=lambda c: (c[0], c[1]))[2]
        span = (tok.left_edge.idx, tok.idx + len(tok.text))
        return [ActorRef(i, text[span[0]:span[1]], *span) for i in ids]

    def refs(self, toks: list[Token]) -> list[ActorRef]:
        out, seen = [], set()
        for t in toks:
            for r in self.refs_of(t):
                r = self._after_dateline(t, r)
                if _key(r) not in seen:
                    seen.add(_key(r))
                    out.append(r)
        return out

    def actor(self, actor_id: str | None):
        table = getattr(self.actors, "actors", None) or {}
        return table.get(actor_id) if actor_id else None

    def country(self, actor_id: str | None) -> str | None:
        return actor_country(actor_id, getattr(self.actors, "actors", None) or {})


# ---------------------------------------------------------------- trigger matching

def _class_match(ctx: Context, lex: Lexicon, entry: Entry, objs: list[Token]) -> bool:
    if entry.obj_class is None:
        return True
    if entry.obj_class == "actor":
        return any(ctx._direct(o) is not None for o in objs)
    if entry.obj_class == "object":
        return bool(objs)   # "took over the town", not "a new government took over"
    members = lex.classes.get(entry.obj_class, set())
    words = [w for o in objs for w in [o] + [c for c in children(o) if c.dep_ in ("compound", "amod")]]
    return any(_lemma(w) in members or w.text.lower() in members for w in words)


def _home_organs(ctx: "Context", lex: Lexicon, sources: list[ActorRef], targets: list[ActorRef]) -> list[ActorRef]:
    """"Venezuela's opposition accused the government": a state's own opposition, rebels or
    protesters acting on "the government" act on their own state's government."""
    if not sources or not sources[0].actor_id or not any(t.actor_id is None for t in targets):
        return targets
    home = ctx.country(sources[0].actor_id)
    src = ctx.doc.char_span(sources[0].start, sources[0].end, alignment_mode="expand")
    if home is None or src is None or _lemma(src.root) in lex.state_organs or _lemma(src.root) not in lex.agent_nouns:
        return targets
    out = []
    for t in targets:
        span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand") if t.actor_id is None else None
        bare = span is not None and _lemma(span.root) in lex.state_organs and all(
            c.dep_ == "det" and c.lower_ == "the" for c in children(span.root) if c.i < span.root.i)
        out.append(ActorRef(home, t.text, t.start, t.end) if bare else t)
    return out


def _measure_doer(lex: Lexicon, tok: Token) -> bool:
    """An economic or legal measure, not a weapon, is what hits or targets: the verb's subject,
    the noun its participle describes, or the object of the clause its participle adds to."""
    measures = lex.classes.get("sanctions", set()) | lex.classes.get("restrictions", set())
    doers = [c for c in children(tok) if c.dep_ in SUBJECT_DEPS]
    if tok.dep_ in ("acl", "relcl"):
        doers.append(_head(tok))
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        doers += [x for o in _objects(_head(tok)) for x in [o] + [g for p in children(o) if p.dep_ == "prep"
                                                              for g in children(p) if g.dep_ == "pobj"]]
    return any(_lemma(d) in measures for d in doers)


def _conjuncts_verbs(tok: Token) -> list[Token]:
    return [tok] + [c for c in children(tok) if c.dep_ == "conj" and c.pos_ == "VERB"]


def _names_people(lex: Lexicon, tok: Token) -> bool:
    lem = _lemma(tok)
    if lem in lex.quantity_nouns:   # "hundreds of demonstrators"
        return any(_names_people(lex, o) for p in children(tok) if p.dep_ == "prep" and _lemma(p) == "of"
                   for o in children(p) if o.dep_ == "pobj")
    return lem in lex.agent_nouns or any(lem in lex.classes.get(c, ()) for c in ("observers", "envoy", "troops"))


def _verb_lemmas(tok: Token) -> list[str]:
    """The lemma, then guesses from the inflected form: the small model's lemmatizer
    misreads some verbs ("staged" -> "stag")."""
    text = tok.lower_
    out = [_lemma(tok)]
    if text.endswith("ied"):
        out.append(text[:-3] + "y")
    if text.endswith("ed"):
        out += [text[:-1], text[:-2], text[:-3]]
    if text.endswith("ing"):
        out += [text[:-3], text[:-3] + "e", text[:-4]]
    if text.endswith("s"):
        out.append(text[:-1])
    return out


def match_verb(ctx: Context, lex: Lexicon, tok: Token) -> Entry | None:
    # the lemma first, as _verb_lemmas lists it, before its guesses are made
    entries = lex.verbs.get(_lemma(tok)) or next((lex.verbs[w] for w in _verb_lemmas(tok) if w in lex.verbs), None)
    if not entries:
        return None
    objs = _objects(tok)
    # a preposition of the verb itself before one inside its object: "agreed sanctions on Iran"
    # is no "agree on"; "took control of the town" still finds "take control of"
    direct, near = _verb_words(tok)
    classes: dict[str | None, bool] = {}   # each object class is tested once for all entries
    for words in (direct, near):
        for e in entries:  # most specific first
            if e.particle_set <= words:
                fits = classes.get(e.obj_class)
                if fits is None:
                    fits = classes[e.obj_class] = _class_match(ctx, lex, e, objs)
                if fits:
                    return e
    return None


def match_noun(lex: Lexicon, tok: Token) -> Entry | None:
    entries = lex.nouns.get(_lemma(tok)) or lex.nouns.get(tok.text.lower())
    if not entries:
        return None
    mods = {c.text.lower() for c in children(tok) if c.dep_ in ("compound", "amod")}
    if any(f"{m} {_lemma(tok)}" in lex.non_events for m in mods):
        return None   # "a press release"
    for e in entries:
        if all(m in mods for m in e.modifiers):
            return e
    return None


# ---------------------------------------------------------------- clause analysis

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


def _aux_modality(ctx_lex: Lexicon, tok: Token, clause: Clause, under_past_speech: bool) -> None:
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
            words = " ".join(t.text.lower() for t in _subtree_start(c, 4))
            if any(words.startswith(w + " ") or words == w for w in ctx_lex.conditions_always):
                clause.condition = c
            elif any(words.startswith(w + " ") for w in ctx_lex.conditions_future):
                clause.condition = c
                clause.weak_condition = True


def _past_speech_above(tok: Token, lex: Lexicon) -> bool:
    t = tok
    for _ in range(6):
        if t.dep_ not in ("ccomp", "xcomp", "conj") or _head(t).i == t.i:
            return False
        t = _head(t)
        if _lemma(t) in lex.governors["speech"]:
            return t.tag_ in ("VBD", "VBN")
    return False


def analyse_clause(ctx: Context, lex: Lexicon, trigger: Token, triggers: set[int]) -> Clause:
    clause = Clause()
    gov_sets = lex.governors
    under_past_speech = _past_speech_above(trigger, lex)
    tok = trigger
    # a noun event takes the clause of the verb it is an argument of, unless it sits in a
    # presupposing adjunct ("following the assassination of ...")
    if tok.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "det" and c.lower_ == "no" for c in children(tok)):
            clause.negated = True
        head, via = tok, None
        while head.dep_ in ("pobj", "prep", "compound", "conj", "appos") and _head(head).i != head.i:
            if head.dep_ == "pobj" and (_lemma(_head(head)) in PRESUPPOSING_PREPS
                                        or _head(head).lower_ in PRESUPPOSING_PREPS):
                return clause   # "following the invasion" (lemmatised "follow")
            if head.dep_ == "prep":
                via = head
            head = _head(head)
        if via is not None and _head(via).i == head.i and head.i in triggers and head.pos_ in ("VERB", "AUX") \
                and via.lower_ in CONTENT_PREPS:
            clause.content_of = head   # "called for the release of", "warned against an attack"
            return clause
        if head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and _head(head).pos_ in ("VERB", "AUX"):
            tok = _head(head)
            if tok.i in triggers:
                clause.content_of = tok
                return clause
        else:
            return clause
    _aux_modality(lex, tok, clause, under_past_speech)
    # walk up the governing chain
    cur = tok
    for _ in range(8):
        dep = cur.dep_
        if dep == "conj":
            # a coordinated verb shares its first conjunct's auxiliaries and governors,
            # unless it has its own subject or auxiliary
            own_aux = any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in children(cur))
            cur = _speech_conjunct(cur) or _head(cur)
            if not own_aux:
                _aux_modality(lex, cur, clause, under_past_speech)
            continue
        if dep in ("xcomp", "ccomp") or _control_complement(cur):
            gov = _head(cur)
        elif dep == "pcomp" and _head(cur).dep_ == "prep" and _lemma(_head(cur)) == "by" \
                and _head(_head(cur)).pos_ == "VERB":
            cur = _head(_head(cur))   # "retaliated by imposing sanctions": the governor's clause
            _aux_modality(lex, cur, clause, under_past_speech)
            continue
        elif dep == "pcomp" and _head(cur).dep_ == "prep":
            gov = _head(_head(cur))
            if gov.dep_ in OBJECT_DEPS and _head(gov).i in triggers and _head(gov).i != trigger.i and (
                    gov.pos_ == "PROPN" or gov.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
                    or _lemma(gov) in lex.agent_nouns):
                clause.content_of = _head(gov)   # "accused [Armenian forces of opening fire]"
                break
            if gov.pos_ == "NOUN" and _head(cur).lower_ in CONTENT_PREPS and match_noun(lex, gov) is not None:
                clause.content_of = gov   # "an appeal for deploying troops", "the threat of invading"
                break
        elif dep == "acl" and _head(cur).pos_ in ("NOUN", "PROPN") and cur.tag_ in ("VB", "VBG"):
            gov = _head(cur)
            if gov.i in triggers:
                clause.content_of = gov
            elif _infinitive(cur):
                clause.future = True    # "permission to help", "a plan to attack": not done
            break
        elif dep == "advcl" and _for_to(cur):
            # "the deal calls for the rebels to withdraw": a for-to clause is wanted, not done
            if _head(cur).i in triggers and _head(cur).i != trigger.i and any(
                    r.actor_id for r in ctx.refs(_subject_tokens(_head(cur)))):
                clause.content_of = _head(cur)
            else:
                clause.future = True
            break
        elif dep == "advcl" and _infinitive(cur) and not any(c.dep_ in SUBJECT_DEPS for c in children(cur)):
            clause.future = clause.purpose = True   # purpose: "sent troops to protect"
            break
        elif dep == "advcl" and (_condition_mark(lex, cur) or _pending(lex, cur)):
            clause.hypothetical = True  # the condition of another act, not an act reported
            clause.in_condition = True
            break
        else:
            break
        if "\n" in text_of(tok.doc)[min(gov.idx, cur.idx):max(gov.idx, cur.idx)]:
            break   # a headline run into the lede by the parser governs nothing below it
        lem = _lemma(gov)
        if gov.i in triggers and gov.i != trigger.i:
            clause.content_of = gov
            break
        clause.chain.append(gov)
        if lem in gov_sets["negating"]:
            clause.negated = not clause.negated
        elif dep == "ccomp" and lem in gov_sets["stance"]:
            clause.stance = True
            break
        elif dep == "ccomp" or lem in gov_sets["speech"]:
            if lem in gov_sets["speech"]:
                clause.speech = gov
                if lem in gov_sets.get("denying", ()) and not _denies_a_charge(lex, gov, cur):
                    clause.negated = not clause.negated   # "denied that the army attacked"
                if lem in gov_sets["alleging"]:
                    clause.alleged = True
                for c in children(gov):
                    if c.dep_ == "advmod" and c.text.lower() in lex.alleged_adverbs:
                        clause.alleged = True
            break
        elif lem in gov_sets["future"]:
            clause.future = True
        elif lem in gov_sets["actual"]:
            pass
        else:
            break
        if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "amod"):
            gov = _head(gov)     # "is ready to", "was quick to": the copula carries tense
        _aux_modality(lex, gov, clause, under_past_speech)
        cur = gov
    if clause.condition is not None and clause.weak_condition and not clause.future:
        clause.condition = None   # "while"/"when" only condition a promised act
    return clause


def _denies_a_charge(lex: Lexicon, denial: Token, content: Token) -> bool:
    """"X accused Y of Z, a charge Y denies": the denial answers the charge; the accusation stands."""
    if any(c.dep_ in OBJECT_DEPS for c in children(denial)):
        return True
    between = _tree(denial.doc).toks[content.right_edge.i + 1: denial.i]
    return any(lex.replies.get(_lemma(t)) == "ACCUSE" for t in between)


def _condition_mark(lex: Lexicon, tok: Token) -> bool:
    words = " ".join(t.text.lower() for t in _subtree_start(tok, 4))
    return any(words.startswith(w + " ") for w in lex.conditions_always)


def _pending(lex: Lexicon, tok: Token) -> bool:
    """"until their demands are met", "before they demobilize": a present-tense clause under
    "until" or "before" is an act still awaited, not one reported."""
    if not any(c.dep_ == "mark" and c.lower_ in lex.pending_marks for c in children(tok)):
        return False
    tags = {tok.tag_} | {c.tag_ for c in children(tok) if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBP", "VBZ", "VB"}) and not tags & {"VBD", "MD"}


def _control_complement(tok: Token) -> bool:
    """"have sworn to resist", "vowed to retaliate" parsed as a purpose clause: an infinitive
    without its own subject or object-controller under a verb of intent, schedule or
    (non)performance is that verb's complement ("sent troops to protect" stays a purpose)."""
    if tok.dep_ != "advcl" or not _infinitive(tok) or any(c.dep_ in SUBJECT_DEPS for c in children(tok)):
        return False
    head = _head(tok)
    if any(c.dep_ in OBJECT_DEPS for c in children(head)):
        return False
    gov = lexicon().governors
    return _lemma(head) in gov["future"] | gov["actual"] | gov["negating"]


def _infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))


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


# ---------------------------------------------------------------- arguments

def _antecedent(verb: Token, rel: Token) -> Token:
    """What a relative pronoun stands for. The parser attaches a clause set off by a comma
    ("the support of Paris and Berlin, which have pushed for ...") to the larger phrase; a
    "which" or "that" after a comma names the state or body just before it, unless the larger
    phrase is itself an agent or an act ("officials from Qatar, which", "the strike on Kyiv,
    which")."""
    head = _head(verb)
    if rel.lower_ not in ("which", "that") or rel.dep_ not in SUBJECT_DEPS:
        return head
    doc, i = _tree(verb.doc).toks, rel.i - 1
    while i > head.i and doc[i].is_punct:
        i -= 1
    if i == rel.i - 1 or i <= head.i:
        return head   # no comma: a restrictive clause, the parser's attachment stands
    near = doc[i]
    while near.dep_ == "conj" and _head(near).i > head.i:
        near = _head(near)
    lex = lexicon()
    if near.ent_type_ not in ("GPE", "ORG", "NORP") or near not in set(subtree(head)) \
            or _lemma(head) in lex.agent_nouns or match_noun(lex, head) is not None or head.ent_type_:
        return head
    return near


def _subject_tokens(tok: Token, depth: int = 0) -> list[Token]:
    """Who acts in a verb's clause. Asked several times per trigger: found once per token (a
    fresh list for the caller)."""
    if depth:
        return _find_subject_tokens(tok, depth)
    memo = _tree(tok.doc).subjects
    got = memo.get(tok.i)
    if got is None:
        got = memo[tok.i] = _find_subject_tokens(tok, 0)
    return list(got)


def _find_subject_tokens(tok: Token, depth: int = 0) -> list[Token]:
    if depth > 6:
        return []
    subj = [c for c in children(tok) if c.dep_ in SUBJECT_DEPS]
    if not subj and not _is_passive(tok):
        subj = [c for c in children(tok) if c.dep_ in PASSIVE_SUBJECT_DEPS]   # a stative participle
    if subj:
        s = subj[0]
        if s.lower_ in RELATIVE and tok.dep_ == "relcl":
            return _conjuncts(_antecedent(tok, s))
        return _conjuncts(s)
    if tok.dep_ == "relcl" and _head(tok).pos_ in ("NOUN", "PROPN"):
        return _conjuncts(_head(tok))
    head = _head(tok)
    if head.i == tok.i:   # the root
        return []
    if tok.dep_ == "conj":
        if _is_passive(head) and not _is_passive(tok) and not _speech_conjunct(tok) and tok.tag_ in ("VB", "VBZ", "VBP"):
            # "was indicted by the court and will resign": the shared subject is the passive's
            passive = [c for c in children(head) if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if passive:
                return _conjuncts(passive[0])
        return _subject_tokens(_speech_conjunct(tok) or head, depth + 1)
    if tok.dep_ == "xcomp" or _control_complement(tok):
        if head.pos_ == "ADJ":
            return _subject_tokens(_head(head), depth + 1)
        objs = [c for c in children(head) if c.dep_ in OBJECT_DEPS]
        if objs and _lemma(head) in lexicon().instrument_verbs and not _names_people(lexicon(), objs[0]) \
                and objs[0].ent_type_ not in ("NORP", "GPE", "ORG", "PERSON"):
            return _subject_tokens(head, depth + 1)   # "used tear gas to disperse": the user acts
        if objs:
            return _conjuncts(objs[0])
        # "is set to host", "was expected to sign": the passive governor's subject acts
        passive = [c for c in children(head) if c.dep_ in PASSIVE_SUBJECT_DEPS]
        return _conjuncts(passive[0]) if passive else _subject_tokens(head, depth + 1)
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        gov = _head(head)
        objs = [c for c in children(gov) if c.dep_ in OBJECT_DEPS]
        return _conjuncts(objs[0]) if objs else _subject_tokens(gov, depth + 1)
    if tok.dep_ == "acomp" and tok.pos_ == "VERB":
        return _subject_tokens(head, depth + 1)   # "Hanoi is committed to ...": the copula's subject
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        return _subject_tokens(head, depth + 1)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.dep_ in OBJECT_DEPS and not _names_people(lexicon(), head):
        return _subject_tokens(_head(head), depth + 1)
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        return _conjuncts(head)   # "negotiators meeting in Istanbul"
    return []


def _agent_tokens(tok: Token) -> list[Token]:
    for c in children(tok):
        if c.dep_ == "agent" or (c.dep_ == "prep" and _lemma(c) == "by"):
            return [x for p in children(c) if p.dep_ == "pobj" for x in _conjuncts(p)]
    return []


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in children(tok):
        if c.dep_ in ("prep", "dative") and _lemma(c) in preps:
            out.extend(x for p in children(c) if p.dep_ == "pobj" for x in _conjuncts(p))
        elif c.dep_ == "prt":
            for p in children(c):
                if p.dep_ == "prep" and _lemma(p) in preps:
                    out.extend(x for q in children(p) if q.dep_ == "pobj" for x in _conjuncts(q))
    return out


def verb_arguments(ctx: Context, tok: Token, noun: Token | None = None,
                   etype: str | None = None, event_noun: bool = False) -> tuple[list[ActorRef], list[ActorRef]]:
    if _is_passive(tok):
        sources = ctx.refs(_agent_tokens(tok))
        patients = [c for c in children(tok) if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if _misread_participle(tok) is not None:
            patients = [c for c in children(tok) if c.dep_ == "nsubj"]   # what the participle describes
        patients = patients or _shared_patients(tok)
        patient_toks = [x for p in patients for x in _conjuncts(p)]
        if patient_toks and patient_toks[0].lower_ in RELATIVE and tok.dep_ == "relcl":
            patient_toks = _conjuncts(_antecedent(tok, patient_toks[0]))
        if tok.dep_ == "acl" and not patient_toks:
            patient_toks = _conjuncts(_head(tok))
        if not patients and tok.dep_ in ("xcomp",):
            patient_toks = _subject_tokens(tok)
        targets = ctx.refs(patient_toks)
        if not sources and etype in HOSTILE:
            # "a rocket was fired from Gaza": the place it came from stands for the attacker
            sources = [r for r in ctx.refs(_prep_objects(tok, {"from"})) if r.actor_id and ctx.country(r.actor_id) == r.actor_id]
        if not sources:
            # "were killed in Israeli shelling", "died in an air strike by government forces":
            # the act named in the in-phrase has the agent the passive leaves out
            for noun in _prep_objects(tok, {"in", "during"}):
                if match_noun(lexicon(), noun) is not None:
                    sources, aimed_at, _ = noun_arguments(ctx, noun, etype)
                    if sources:
                        # "died in Turkish strikes on Kurdish-held towns": what the strike hit too
                        targets += [r for r in aimed_at if r.actor_id and _key(r) not in {_key(t) for t in targets}]
                        break
        if not any(s.actor_id for s in sources) and etype in HOSTILE:
            sources = _instrument_states(ctx, tok) or sources
    else:
        subj = _subject_tokens(tok)
        sources = ctx.refs(subj)
        if noun is not None and event_noun:
            # "resumed talks in Doha": the event noun of a light verb is the act, not its target
            targets_from = [o for o in _objects(tok) if o.i != noun.i]
        else:
            targets_from = _objects(tok)
        if _lemma(tok) in lexicon().topic_verbs:
            targets_from = []   # "discussed the war in Ukraine": the object is the topic, not a party
        # "Rwanda, which UN experts accuse of ...": a relative pronoun object is its antecedent
        targets_from = [x for o in targets_from for x in (
            _conjuncts(_antecedent(tok, o)) if o.lower_ in RELATIVE and tok.dep_ == "relcl" else [o])]
        if etype == "AID" and not targets_from:
            # "would help rebuild the Lebanese army": the helped party is the complement's object
            targets_from = [o for c in children(tok) if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                            for o in _objects(c)]
        targets = ctx.refs(targets_from + [c for c in children(tok) if c.dep_ in DATIVE_DEPS])
        if etype in lexicon().judging_types:
            # "condemned Russia's invasion of Ukraine", "welcomed the release of hostages by Hamas":
            # judging an act judges whoever did it, not whom it was done to
            doers = [r for o in children(tok) if o.dep_ in OBJECT_DEPS and match_noun(lexicon(), o) is not None
                     for r in noun_arguments(ctx, o, code_to_type(match_noun(lexicon(), o).code)[0])[0] if r.actor_id]
            if doers:
                targets = doers
        if etype in HOSTILE and subj and not any(s.actor_id for s in sources):
            # "Israeli drone strikes have killed ...", "shelling by the army killed ...": the attack
            # that kills has the attack's agent, and hits what the attack was aimed at
            sources = [r for t in subj for r in _weapon_states(ctx, t)] or sources
            for t in subj:
                entry = match_noun(lexicon(), t)
                if entry is not None and code_to_type(entry.code)[0] in HOSTILE:
                    by, aimed_at, _ = noun_arguments(ctx, t, etype)
                    if not any(s.actor_id for s in sources):
                        sources = [r for r in by if r.actor_id] or sources
                    targets += [r for r in aimed_at if r.actor_id and _key(r) not in {_key(x) for x in targets}]
    extra = _prep_objects(tok, _preps_for(etype, TARGET_PREPS))
    if etype in HOSTILE:
        # "struck Kharkiv with drones": what an attack is made with is no party to it
        lex = lexicon()
        tools = lex.classes.get("instruments", set()) | lex.classes.get("arms", set())
        extra = [o for o in extra if not (_lemma(o) in tools and any(
            p.dep_ == "prep" and _lemma(p) == "with" and o in set(children(p)) for p in children(tok)))]
    if noun is None:
        # "ratified an agreement with the EU", "signed a deal between X and Y"
        agreements = lexicon().classes.get("proposal", set())
        for o in _objects(tok):
            if _lemma(o) in agreements:
                extra += _prep_objects(o, {"with", "between"})
    if noun is not None:
        extra += _prep_objects(noun, _preps_for(etype, NOUN_TARGET_PREPS))
        lex = lexicon()
        theirs = any(_lemma(noun) in lex.classes.get(c, ()) for c in lex.possessor_targets)
        for c in children(noun):
            if c.dep_ == "poss" and theirs:
                extra.append(c)   # "their demands were met": the demander is answered, not acting
            elif c.dep_ == "poss" and not sources:
                sources = ctx.refs([c])
    targets += [r for r in ctx.refs(extra) if r.actor_id not in {t.actor_id for t in targets}]
    return sources, targets


def _instrument_states(ctx: Context, tok: Token) -> list[ActorRef]:
    """"killed in an Israeli air strike", "wounded by Russian shelling", "hit by Ukrainian drones":
    the state named on the weapon or on the strike is the agent a passive leaves out."""
    out: list[ActorRef] = []
    for c in children(tok):
        if c.dep_ not in ("prep", "agent") or _lemma(c) not in ("in", "by", "during", "under"):
            continue
        for o in (x for p in children(c) if p.dep_ in ("pobj", "pcomp") for x in _conjuncts(p)):
            out += [r for r in _weapon_states(ctx, o) if r.actor_id not in {x.actor_id for x in out}]
    return out


def _weapon_states(ctx: Context, o: Token) -> list[ActorRef]:
    """States named on an attack or weapon noun ("Israeli tank fire", "US drone strikes")."""
    lex = lexicon()
    entry = match_noun(lex, o)
    instruments = lex.classes.get("instruments", set())
    if not (_lemma(o) in instruments or o.lower_ in instruments
            or (entry is not None and code_to_type(entry.code)[0] in HOSTILE)):
        return []
    out: list[ActorRef] = []
    mods = [m for m in children(o) if m.dep_ in MODIFIER_DEPS and m.i < o.i]
    mods += [g for m in mods if m.dep_ == "compound" for g in children(m) if g.dep_ in MODIFIER_DEPS]
    for m in mods:
        if m.ent_type_ not in ("NORP", "GPE"):
            continue
        r = ctx._direct(m) or ctx._place(m)
        state = ctx.country(r.actor_id) if r is not None else None
        if state and state not in {x.actor_id for x in out}:
            left, end = o.left_edge.idx, o.idx + len(o.text)
            out.append(ActorRef(state, text_of(ctx.doc)[left:end], left, end))
    return out


def noun_arguments(ctx: Context, tok: Token, etype: str | None = None) -> tuple[list[ActorRef], list[ActorRef], bool]:
    """(sources, targets, has_named_source) of an event noun."""
    sources = ctx.refs([c for c in children(tok) if c.dep_ == "poss"])
    sources += ctx.refs(_agent_tokens(tok))
    mods = [c for c in children(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    entry = match_noun(lexicon(), tok)
    if entry is not None and entry.code.startswith("084"):
        # "the hostage releases", "a prisoner swap": the people named on a release are released
        people = lexicon().classes.get("prisoners", set())
        freed = [c for c in mods if _lemma(c) in people]
        mods = [c for c in mods if c not in freed]
        targets_first = ctx.refs(freed)
    else:
        targets_first = []
    if not sources:
        sources = ctx.refs(mods)
        # "a Russian drone strike": the state that struck, not the weapon as a second actor
        sources = [s for s in sources if s.actor_id] or sources
    between = _prep_objects(tok, {"between"})
    targets = targets_first + ctx.refs([t for t in _prep_objects(tok, _preps_for(etype, NOUN_TARGET_PREPS) - {"between"})])
    if tok.dep_ == "pobj" and _lemma(_head(tok)) in ("in", "during") \
            and _lemma(_head(_head(tok))) in lexicon().undergoing_verbs:
        # "six militants died in a US drone strike": who died is struck
        targets += [r for r in ctx.refs(_subject_tokens(_head(_head(tok)))) if _key(r) not in {_key(t) for t in targets}]
    if between:
        pair = ctx.refs(between)
        if not sources and pair:
            sources, targets = pair[:1], pair[1:] + targets
        else:
            targets += pair
    return sources, targets, bool(sources)


def _troop_movement(lex: Lexicon, tok: Token) -> str | None:
    """"Indian peacekeepers arrived in Juba", "Russian paratroopers landed in Almaty": troops
    travelling are not a visit; peacekeepers give protection (CAMEO 074), others deploy (150)."""
    subj = _subject_tokens(tok)
    troops = lex.classes.get("troops", set())
    if not subj or subj[0].pos_ != "NOUN":
        return None
    head = subj[0]
    if _lemma(head) in lex.quantity_nouns:   # "hundreds of troops", "the first contingent of police"
        head = next((o for p in children(head) if p.dep_ == "prep" and _lemma(p) == "of"
                     for o in children(p) if o.dep_ == "pobj"), head)
    if _lemma(head) not in troops:
        return None
    words = {t.lower_ for t in subtree(head) if t.i <= head.i}
    return "074" if any(w.startswith("peacekeep") for w in words) else "150"


def _accused(ctx: Context, tok: Token) -> list[ActorRef]:
    """"Armenia alleged that Azerbaijani forces fired on ...", "charged that the army had looted
    ...": the accused is the actor of the alleged act, the complement's subject (its by-agent
    when the complement is passive)."""
    out = []
    for c in children(tok):
        if c.dep_ != "ccomp":
            continue
        doers = _agent_tokens(c) if _is_passive(c) else _subject_tokens(c)
        out += [r for r in ctx.refs(doers) if r.actor_id]
    return out


def _holders(ctx: Context, tok: Token) -> list[ActorRef]:
    """"called for the release of Palestinians held by Israel", "demanded the return of hostages
    taken by Hamas": a demand to free people is addressed to whoever holds them."""
    things = [c for c in children(tok) if c.dep_ in OBJECT_DEPS] + _prep_objects(tok, {"for"})
    out = []
    for thing in things:
        for t in subtree(thing):
            if t.dep_ == "acl" and t.tag_ == "VBN":
                out += [r for r in ctx.refs(_agent_tokens(t)) if r.actor_id]
    return out


def _argument_path(t: Token, top: Token) -> bool:
    """Only argument links lead from a complement to a party: objects and target phrases, not
    reasons, times or descriptions ("cut ties with Congo [over its ties with Israel]", "two
    nationals [suspected of blowing up a plane]")."""
    allowed = TARGET_PREPS | {"on", "at", "from"}
    cur = t
    while cur.i != top.i and _head(cur).i != cur.i:
        if cur.dep_ in ("prep", "dative", "agent") and _lemma(cur) not in allowed:
            return False
        if cur.dep_ in ("acl", "relcl", "advcl", "appos"):
            return False
        cur = _head(cur)
    return True


def _complement_targets(ctx: Context, tok: Token) -> list[ActorRef]:
    """Parties a proposal or demand acts upon: objects inside its complement clause
    ("proposals to bring Israel and Hamas closer")."""
    asked = [x for c in children(tok) if c.dep_ == "ccomp" or (c.dep_ == "advcl" and _for_to(c))
             for s in children(c) if s.dep_ in SUBJECT_DEPS for x in _conjuncts(s)]
    got = [r for r in ctx.refs(asked) if r.actor_id]
    if got and _lemma(tok) not in lexicon().governors["speech"]:
        return got
    out = []
    for c in children(tok):
        if c.dep_ == "prep" and _lemma(c) == "for" and _lemma(tok) not in lexicon().governors["speech"]:
            # "called for sanctions against Nigeria": the party the act asked for is aimed at
            for g in (x for x in children(c) if x.dep_ == "pobj"):
                # "called for Israel and Hezbollah to respect the truce": the for-object itself too
                out.extend(x for t in subtree(g) if t.dep_ == "pobj" and _argument_path(t, g)
                           and (t.i != g.i or t.pos_ == "PROPN") for x in _conjuncts(t))
        if c.dep_ in ("xcomp", "acl", "ccomp", "relcl") or (c.dep_ == "dobj"):
            for g in ([c] if c.dep_ != "dobj" else [x for x in children(c) if x.dep_ in ("acl", "relcl")]):
                for t in subtree(g):
                    if t.dep_ in OBJECT_DEPS | DATIVE_DEPS | {"pobj"} and _head(t).dep_ != "agent" \
                            and not (t.dep_ == "pobj" and _lemma(_head(t)) in LOCATIVE_PREPS) \
                            and _argument_path(t, g):
                        out.extend(_conjuncts(t))
    return [r for r in ctx.refs(out) if r.actor_id]


# ---------------------------------------------------------------- main

@dataclass
class Candidate:
    trigger: Token
    entry: Entry
    noun: Token | None = None        # the event noun of a light-verb construction
    nominal: bool = False            # a stand-alone noun event
    addressee: Token | None = None   # who is appealed to ("wants Putin to attack")


def _candidates(ctx: Context, lex: Lexicon, sent: SpacySpan) -> list[Candidate]:
    found: list[Candidate] = []
    consumed: set[int] = set()
    tree = _tree(sent.doc)
    toks, tags, lemmas = tree.toks, tree.pos, tree.lemmas
    lo, hi = sent.start, sent.end
    for i in tree.verbal[bisect.bisect_left(tree.verbal, lo):bisect.bisect_left(tree.verbal, hi)]:
        tok, pos = toks[i], tags[i]
        # "Obama wants Putin to attack": wanting another actor to act is an appeal to it
        if pos == _VERB and lemmas[i] in lex.appeal_governors:
            objs = [c for c in children(tok) if c.dep_ in OBJECT_DEPS]
            if not (objs and any(c.dep_ == "xcomp" for c in children(tok))):
                # the parser may attach "X to attack" as a clause with X as its subject
                objs = [s for c in children(tok) if c.dep_ == "ccomp" and _infinitive(c)
                        for s in children(c) if s.dep_ in SUBJECT_DEPS]
            if objs and ctx._direct(objs[0]) is not None:
                found.append(Candidate(tok, Entry("020", _lemma(tok)), addressee=objs[0]))
                continue
        if pos == _VERB or (pos == _AUX and tok.dep_ not in ("aux", "auxpass")):
            specific = None
            entry = match_verb(ctx, lex, tok)
            if entry is None and lemmas[i] not in lex.light_verbs:
                continue   # no trigger: most verbs of a sentence
            if entry is not None and entry.specificity > 0:
                specific = entry
            objs = _objects(tok)
            if specific is None and _lemma(tok) in lex.light_verbs:
                for o in objs:
                    # "launched a mediation effort": the event noun may be the compound, unless
                    # the head names people ("carrying truce monitors", "sent aid workers")
                    ne = match_noun(lex, o) or (None if _names_people(lex, o) else next(
                        filter(None, (match_noun(lex, c) for c in children(o) if c.dep_ == "compound")), None))
                    allowed = lex.light_verb_types.get(_lemma(tok))
                    if ne is not None and allowed and code_to_type(ne.code)[0] not in allowed:
                        ne = None   # "had donations" is no act; "had talks" is
                    if ne is not None:
                        found.append(Candidate(tok, ne, noun=o))
                        consumed.update(x.i for x in _conjuncts(o))
                        break
                else:
                    if entry is not None:
                        found.append(Candidate(tok, entry))
                        consumed.update(o.i for o in objs)
                continue
            if entry is not None:
                noun = None
                if entry.obj_class and entry.obj_class not in ("actor", "object"):
                    members = lex.classes.get(entry.obj_class, set())
                    noun = next((o for o in objs if _lemma(o) in members), None)
                found.append(Candidate(tok, entry, noun=noun))
                consumed.update(o.i for o in objs)
    for i in tree.nominal[bisect.bisect_left(tree.nominal, lo):bisect.bisect_left(tree.nominal, hi)]:
        tok = toks[i]
        if lemmas[i] not in lex.nouns and tok.text.lower() not in lex.nouns:
            continue   # no event noun (match_noun's first test, before the costlier ones)
        if tok.i in consumed or tok.ent_type_ in NAMED or tok.dep_ == "compound":
            continue   # "sanctions relief", "ceasefire proposal": the head noun names the thing
        ne = match_noun(lex, tok)
        if ne is None:
            continue
        # "took part in talks with", "engaged in fighting": the verb lends its subject
        if tok.dep_ == "pobj" and _lemma(_head(tok)) in ("in", "into", "under") and _head(_head(tok)).pos_ == "VERB" \
                and _head(_head(tok)).i not in {c.trigger.i for c in found} and not _is_passive(_head(_head(tok))) \
                and _lemma(_head(_head(tok))) not in lex.undergoing_verbs:
            found.append(Candidate(_head(_head(tok)), ne, noun=tok))
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


def _location_for(ctx: Context, toks: list[Token], sent: SpacySpan, used: set[int]) -> str | None:
    place = _location_span(ctx, toks, sent, used)
    return place.text if place is not None else None


def _location_span(ctx: Context, toks: list[Token], sent: SpacySpan, used: set[int]) -> SpacySpan | None:
    places, anchored = ctx.place_anchors(sent)
    anchors = [(e, at) for e, at in anchored if not any(i in used for i in range(e.start, e.end))]
    for tok in toks:
        for e, at in anchors:
            if at == tok:
                return e
        # "in Egypt, where X is meeting Y"
        t = tok
        while t.dep_ == "conj":
            t = _head(t)
        if t.dep_ == "relcl" and any(c.lower_ == "where" for c in children(t)):
            if _head(t).ent_type_ in ("GPE", "LOC", "FAC"):
                where = _head(t)
                return next((e for e in places if e.start <= where.i < e.end), where.doc[where.i: where.i + 1])
    return None


def _place_country(ctx: Context, place: SpacySpan | None) -> str | None:
    if place is None:
        return None
    ref = ctx._direct(place.root)
    got = ctx.country(ref.actor_id) if ref is not None else None
    return got or place_state(place.text)


def _local_agents(ctx: Context, lex: Lexicon, refs: list, country: str | None) -> list:
    """CAMEO convention: an agent named by what it is and not whose ("police", "protesters",
    "residents") belongs to the state where the event happens ("police fired tear gas at
    protesters in Cairo": EGY police, EGY protesters)."""
    if country is None:
        return refs
    return [ActorRef(country, r.text, r.start, r.end)
            if r is not None and r.actor_id is None and _agent_heads(ctx, lex, r) & lex.local_agents else r
            for r in refs]


def extract_events(doc: Doc, actors, article: Article | None, quotes=()) -> Iterator[Event]:
    """Events of one parsed article (see the module docstring for the coding rules)."""
    lex = lexicon()
    _tree_slot.tree = _Tree(doc)   # built afresh per call: nothing read from an earlier call on this Doc
    ctx = Context(doc, actors, article, list(quotes or []))
    # a headline restates the lede's events in fewer words: its triggers are not coded
    ctx.head_end = _headline_end(text_of(doc), article)
    done: list[Event] = []
    for sent in sentences(doc):
        for event in _sentence_events(ctx, lex, sent):
            event = _answered(ctx, lex, event, done)
            done.append(event)
            yield event


def _answered(ctx: Context, lex: Lexicon, event: Event, done: list[Event]) -> Event:
    """"Pakistan rejected the accusation", "Yerevan turned down the proposal": a reply to an
    earlier act aimed at its source is aimed back at that act's author."""
    if event.type not in ("REJECT", "ACCUSE") or any(t.actor_id for t in event.targets) or event.source is None \
            or event.trigger is None:
        return event
    span = ctx.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return event
    nouns = [o for o in _objects(span.root)] + [span.root]
    replied = next((lex.replies[_lemma(o)] for o in nouns if _lemma(o) in lex.replies), None)
    if replied is None:
        return event
    me = {event.source.actor_id, ctx.country(event.source.actor_id)} - {None}
    for prior in reversed(done):
        if prior.type == replied and prior.source is not None and prior.source.actor_id and any(
                t.actor_id in me or ctx.country(t.actor_id) in me for t in prior.targets):
            return replace(event, targets=(prior.source,))
    return event


def _headline_end(text: str, article: Article | None) -> int:
    """End of the headline line standing alone atop the text, or 0."""
    from accord.ingest.text import headline
    title = article.title if article is not None and article.title else None
    if not title or not text.lstrip().startswith(title):
        title = headline(text)
    if not title:
        return 0
    return text.find(title) + len(title)


def _sentence_events(ctx: Context, lex: Lexicon, sent: SpacySpan) -> list[Event]:
    cands = [c for c in _candidates(ctx, lex, sent) if c.trigger.idx >= ctx.head_end]
    trigger_ids = {c.trigger.i for c in cands}
    means_of = {_head(_head(c.trigger)).i for c in cands if c.trigger.dep_ == "pcomp"
                and _head(c.trigger).dep_ == "prep" and _lemma(_head(c.trigger)) == "by"
                and _head(_head(c.trigger)).i in trigger_ids}
    drafts: list[dict] = []
    for cand in cands:
        tok, entry = cand.trigger, cand.entry
        clause = analyse_clause(ctx, lex, tok, trigger_ids)
        if clause.content_of is not None or clause.stance or clause.in_condition:
            continue
        if tok.i in means_of:
            continue   # "retaliated by imposing sanctions": the act is the means
        if tok.dep_ in ("csubj", "csubjpass"):
            continue   # "lifting the sanctions is out of the question": a topic, not an act
        code = entry.code
        etype, mode = code_to_type(code)
        if etype is None:
            continue
        if etype == "ASSAULT" and not cand.nominal and _measure_doer(lex, tok):
            continue   # "tariffs hit Chinese exports", "sanctions targeting Russian banks"
        if not cand.nominal and not _agent_tokens(tok) and not _existential(tok) and (
                (tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN" and (etype in HOSTILE or not any(
                    _objects(v) for v in _conjuncts_verbs(tok))))
                or (etype in HOSTILE and _misread_participle(tok) is not None)
                or (tok.dep_ == "relcl" and _is_passive(tok) and any(c.lower_ == "had" for c in children(tok)))):
            # "a member of Hamas jailed a year ago", "Yaish, who had been arrested in May",
            # "gunmen armed with rifles": a description of the person, not an act reported
            continue
        if cand.nominal:
            sources, targets, named = noun_arguments(ctx, tok, etype)
            if code in lex.mutual_codes and _prep_objects(tok, {"between"}) and len(sources) == 1:
                sources, targets = sources + targets, []   # each party to the other
            if _lemma(tok) in lex.object_only and not named:
                continue
            if etype == "CONSULT" and code in ("040", "046") and not targets:
                continue   # a meeting with one side named says nothing about who met
        else:
            sources, targets = verb_arguments(ctx, tok, cand.noun, etype,
                                              event_noun=cand.noun is not None and entry.obj_class is None)
            sources = _dateline_subject(ctx, tok, sources)
            if cand.addressee is not None:
                targets = ctx.refs(_conjuncts(cand.addressee))
            swapped = False
            if cand.noun is not None and _lemma(tok) in lex.inverse_light_verbs:
                # "faced pressure from Congress", "came under criticism from": the giver acts
                givers = ctx.refs(_prep_objects(tok, {"from"}) + _prep_objects(cand.noun, {"from"}))
                if givers:
                    sources, targets, swapped = givers, sources, True
            if cand.noun is not None and _lemma(tok) in lex.prospect_verbs and not swapped:
                continue   # "they face imprisonment", "risks sanctions": a prospect, not an act
            if _lemma(tok) in lex.inverse_verbs and etype in ("AID", "COOPERATE") and not swapped:
                givers = ctx.refs(_prep_objects(tok, {"from"}))
                sources, targets = givers, sources
            if code in ("042", "044") and not targets:
                place = _location_for(ctx, [tok] + clause.chain, sent, set())
                targets = [r for r in ctx.refs([t for t in _span_tokens(sent) if t.text == (place or "\0")])
                           if ctx.country(r.actor_id) == r.actor_id]
            moved = _troop_movement(lex, tok) if code == "042" else None
            if moved:
                code = moved
                etype, mode = code_to_type(code)
        subj = _subject_tokens(tok) if not cand.nominal else []
        if subj and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in children(subj[0])):
            clause.negated = not clause.negated   # "no mediator can sign"
        modality = modality_of(clause)
        if entry.irrealis and modality == "actual":
            continue
        # pronoun subjects of reported speech: "Iran said it will ..." (when unresolved)
        if not sources and clause.speech is not None:
            subj = _subject_tokens(tok)
            if subj and subj[0].pos_ == "PRON" and subj[0].lower_ not in RELATIVE:
                sources = ctx.refs(_subject_tokens(clause.speech))
        if etype == "REQUEST" and not any(t.actor_id for t in targets):
            targets = _holders(ctx, cand.noun or tok) or targets
        if etype in ("AGREE", "REQUEST", "THREATEN", "REJECT") and not targets:
            targets = _complement_targets(ctx, cand.noun or tok)
        if etype == "ACCUSE" and not any(t.actor_id for t in targets) and not cand.nominal:
            targets = _accused(ctx, tok) or targets
        # the content of a commissive tells promise from threat ("vowed to retaliate")
        content_type = _content_type(ctx, lex, tok)
        if etype == "AGREE" and content_type in HOSTILE:
            etype, mode, code = "THREATEN", None, THREAT_CODE[content_type]
        quote = ctx.quote_at(tok.idx)
        speaker = _speaker(ctx, lex, clause, quote, tok)
        if etype in HOSTILE and not sources and modality in ("future", "conditional") and _is_passive(tok) \
                and not _agent_tokens(tok) and speaker is not None and speaker.actor_id:
            # "Trump said tariffs could be raised again if ...": the speaker holds the measure out
            sources = [speaker]
        src_ids = {_key(s) for s in sources}
        named_sources = [s for s in sources if s.actor_id]
        # "Britain said Libya must hand over the suspects": a demand by the speaker
        if clause.deontic and clause.speech is not None and _deontic_demand(ctx, lex, tok) is not None:
            continue   # coded as the speaker's demand below
        if speaker is not None and named_sources and speaker.actor_id not in src_ids \
                and not _same_side(ctx, speaker, named_sources, clause.speech):
            if etype in ACCUSABLE and not clause.negated and modality in ("actual", "alleged"):
                # "Biden said Hamas was backing out": an accusation by the speaker
                drafts.append(dict(tok=tok, code="112", type="ACCUSE", mode="allege", sources=[speaker],
                                   targets=sources, clause=Clause(), modality="actual", quote=quote,
                                   speech=clause.speech))
            if not (etype == "CONSULT" and not clause.negated and modality != "actual"):
                continue  # a cooperative act asserted by another actor is a claim, not an event
        targets = _home_organs(ctx, lex, sources, targets)
        targets = [t for t in targets if not any(_same_party(ctx, lex, t, s) for s in sources)]
        if not sources and not targets:
            continue
        if not sources and (etype in VERBAL or modality != "actual" or clause.negated):
            continue
        if not named_sources and (etype in VERBAL or modality != "actual") and \
                not any(t.actor_id for t in targets):
            continue   # "some officials called for...", "no mediator can sign": nobody named
        if code in lex.riot_codes and any(_agent_heads(ctx, lex, s) & lex.protest_agents for s in sources):
            # CAMEO 145: protesters destroying property riot, they do not seize it
            code = "145"
            etype, mode = code_to_type(code)
        if code == "150" and entry.modifiers and (len({_key(s) for s in sources}) > 1 or _prep_objects(cand.noun or tok, {"with"})
                                                   or _prep_objects(tok, {"with"})):
            # "French and Egyptian warships began war games", "drills with Belarus": done together
            code = "062"
            etype, mode = code_to_type(code)
        if etype in HOSTILE and modality in ("future", "conditional") and sources and not clause.purpose:
            etype, mode, code = "THREATEN", None, THREAT_CODE[etype]
        elif clause.speech is not None and _lemma(clause.speech) in lex.governors.get("warning", ()) \
                and clause.negated and modality != "actual" and etype not in HOSTILE | {"THREATEN"}:
            # "warned that it would not sign trade deals unless ...": a threat to withhold (CAMEO 13)
            etype, mode, code = "THREATEN", None, "130"
            clause.negated = False
        if etype == "THREATEN" and clause.condition is not None and not any(t.actor_id for t in targets):
            # "if the army attacks, we will respond": the threat is aimed at the condition's actor
            subj = _subject_tokens(clause.condition) or [c for c in children(clause.condition)
                                                         if c.dep_ in PASSIVE_SUBJECT_DEPS | {"compound"}]
            targets = [r for r in ctx.refs(subj) if r.actor_id and _key(r) not in {_key(x) for x in sources}] or targets
        if etype == "THREATEN" and speaker is not None and speaker.actor_id and clause.speech is not None \
                and sources and speaker.actor_id not in {s.actor_id for s in sources} \
                and _same_side(ctx, speaker, sources, clause.speech):
            # "Netanyahu warned that Israel would strike Hezbollah if ...": the one who utters a
            # threat on his side's behalf makes it
            sources = [speaker]
        if entry.obj_class == "border" and etype == "COERCE" and sources and any(
                ctx.country(t.actor_id) not in (None, ctx.country(sources[0].actor_id)) for t in targets):
            # "closed its airspace to Indian airlines": cutting ties with a state (CAMEO 16)
            code = "160"
            etype, mode = code_to_type(code)
        if entry.obj_class not in (None, "actor", "prisoners", "object"):
            # "sent troops and tanks", "sent envoys": what is sent is the instrument, not a party
            members = lex.classes[entry.obj_class] | lex.classes["troops"] | lex.classes["arms"]
            spans = [(o.left_edge.idx, o.idx + len(o.text)) for o in _objects(tok) if _lemma(o) in members]
            targets = [t for t in targets if t.actor_id or not any(a <= t.start < b for a, b in spans)]
        drafts.append(dict(tok=tok, code=code, type=etype, mode=mode, sources=sources, targets=targets,
                           clause=clause, modality=modality, quote=quote, noun=cand.noun,
                           speech=clause.speech, speech_clause=clause))
    # only a verb with a deontic auxiliary ("must", "should") can state an obligation; a
    # sentence without the word has none
    said = text_of(sent.doc)[sent.start_char:sent.end_char].lower()
    if any(m in said for m in lex.deontic_modals):
        obliged = sorted({_head(t).i for t in _span_tokens(sent) if t.dep_ == "aux" and t.lower_ in lex.deontic_modals})
        toks = _tree(sent.doc).toks
        for i in obliged:
            if sent.start <= i < sent.end:
                got = _deontic_demand(ctx, lex, toks[i])
                if got is not None:
                    drafts.append(got)
    return list(_finish(ctx, sent, _merge(drafts)))


DASHES = {"\u2013", "\u2014", "--", "-"}
DASH_CHARS = ("\u2013", "\u2014", "-")


def _agent_heads(ctx: Context, lex: Lexicon, ref: ActorRef) -> set[str]:
    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return {_lemma(t) for t in _span_tokens(span) if _lemma(t) in lex.agent_nouns} if span is not None else set()


def _same_party(ctx: Context, lex: Lexicon, a: ActorRef, b: ActorRef) -> bool:
    """One party, not two: the same actor, unless both are a state's agents of different kinds
    (CAMEO's GEOOPP and GEOGOV: "Georgian protesters attacked the Georgian government")."""
    if _key(a) != _key(b):
        return False
    ha, hb = _agent_heads(ctx, lex, a), _agent_heads(ctx, lex, b)
    return not (ha and hb and not ha & hb)


def _dateline_subject(ctx: Context, tok: Token, sources: list[ActorRef]) -> list[ActorRef]:
    """"CAIRO, Aug 20 (Agency) – Blinken met ...": a dateline before the dash is not the
    subject; the parser often makes it one. Take the phrase between the dash and the verb."""
    sent = sent_of(tok)
    if not any(d in text_of(tok.doc)[sent.start_char:sent.end_char] for d in DASH_CHARS):
        return sources   # no dash at all
    # a dateline dash stands apart, among the first 25 tokens; a hyphen inside a word ("UK-based")
    # is no dash
    toks = _tree(tok.doc).toks
    dash = next((t for t in toks[sent.start:min(sent.end, sent.start + 25)] if t.text in DASHES
                 and (t.text != "-" or (t.whitespace_ and t.i > 0 and toks[t.i - 1].whitespace_))), None)
    if dash is None or dash.i > tok.i or not any(t.ent_type_ == "DATE" or t.is_upper for t in toks[sent.start:dash.i]):
        return sources
    if sources and all(s.start > dash.idx for s in sources):
        return sources
    heads = [t for t in toks[dash.i + 1: tok.i] if t.pos_ in ("PROPN", "NOUN")
             and not (dash.i < _head(t).i < tok.i)]
    return ctx.refs([x for h in heads for x in _conjuncts(h)]) or sources


def _deontic_demand(ctx: Context, lex: Lexicon, tok: Token) -> dict | None:
    """"Britain said Libya must hand over the suspects": an obligation another actor states
    is that actor's demand (CAMEO 10), whatever the verb."""
    if tok.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "aux" and c.lower_ in lex.deontic_modals for c in children(tok)):
        return None
    cur, speech = tok, None
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "conj") or _head(cur).i == cur.i:
            break
        cur = _head(cur)
        if _lemma(cur) in lex.governors["speech"] | lex.governors["stance"] | {"reiterate", "conclude", "remind"}:
            speech = cur
            break
    if speech is None:
        return None
    speakers = ctx.refs(_subject_tokens(speech))
    targets = ctx.refs(_subject_tokens(tok))
    if not speakers or not targets or _key(speakers[0]) in {_key(t) for t in targets}:
        return None
    if targets[0].actor_id is None and _subject_tokens(tok)[0].pos_ == "PRON":
        return None
    if _same_side(ctx, speakers[0], targets, speech):
        return None   # "Netanyahu says Israel must keep ...": a position, not a demand
    return dict(tok=tok, code="100", type="REQUEST", mode=None, sources=speakers[:1], targets=targets,
                clause=Clause(chain=[speech]), modality="actual", quote=ctx.quote_at(tok.idx), speech=speech)


def _speaker(ctx: Context, lex: Lexicon, clause: Clause, quote: Quote | None, trigger: Token) -> ActorRef | None:
    """A named actor asserting the act. Outlets and common-noun sources ("officials said",
    "state media reported") attribute news rather than make claims."""
    if clause.speech is not None and _trailing(clause.speech, trigger):
        return None   # trailing attribution ("..., officials said") sources the news
    if clause.speech is not None:
        subj = _subject_tokens(clause.speech)
        # "Iran's foreign minister Abbas Araghchi said": a title with its name in apposition is named
        titled = bool(subj) and subj[0].pos_ == "NOUN" and any(
            c.dep_ == "appos" and c.pos_ == "PROPN" and ctx._direct(c) is not None for c in children(subj[0]))
        if subj and (subj[0].pos_ == "PROPN" or titled) or (subj and subj[0].pos_ == "PRON" and subj[0].lower_ not in RELATIVE):
            sp = ctx.refs(subj)
            if sp and not getattr(ctx.actor(sp[0].actor_id), "is_outlet", False):
                return sp[0]
        if subj and subj[0].pos_ != "PROPN" and subj[0].pos_ != "PRON" and not titled:
            return None
    if quote is not None and quote.type in ("direct", "mixed") and quote.speaker is not None \
            and quote.speaker.actor_id and (quote.cue is None or quote.cue.text.lower() not in ("pledged", "promised")):
        return quote.speaker
    return None


def _sides(ctx: Context, speaker: ActorRef, speech: Token | None) -> set[str]:
    """The speaker, its state, and actors named in its description ("chief Palestinian
    negotiator Saeb Erakat")."""
    sides = {speaker.actor_id, ctx.country(speaker.actor_id)}
    if speech is not None:
        for subj in _subject_tokens(speech):
            for t in subtree(subj):
                # "the NUT, the teachers' union, said it had ...": the apposition is the speaker too
                if (t.i < subj.i and t.dep_ in MODIFIER_DEPS) or (t.dep_ == "appos" and _head(t).i == subj.i):
                    r = ctx._direct(t)
                    if r is not None:
                        sides |= {r.actor_id, ctx.country(r.actor_id)}
    sides.discard(None)
    return sides


def _trailing(speech: Token, trigger: Token) -> bool:
    """The reported clause comes before its speech verb ("X did Y, officials said")."""
    for c in children(speech):
        if c.i <= trigger.i <= c.right_edge.i and c.left_edge.i <= trigger.i:
            return c.left_edge.i < speech.i
    return False


def _same_side(ctx: Context, speaker: ActorRef, sources: list[ActorRef], speech: Token | None = None) -> bool:
    sides = _sides(ctx, speaker, speech)
    return any(s.actor_id in sides or ctx.country(s.actor_id) in sides for s in sources)


def _other_side(ctx: Context, speaker: ActorRef, sources: list[ActorRef]) -> bool:
    """Both sides' states are known and differ (or the speaker is itself a state actor
    speaking of another named actor)."""
    mine = ctx.country(speaker.actor_id)
    theirs = {ctx.country(s.actor_id) for s in sources}
    return mine is not None and None not in theirs and mine not in theirs


def _content_type(ctx: Context, lex: Lexicon, tok: Token) -> str | None:
    for c in children(tok):
        if (c.dep_ == "xcomp" or _control_complement(c)) and c.pos_ == "VERB":
            e = match_verb(ctx, lex, c)
            if e is not None:
                return code_to_type(e.code)[0]
    return None


def _merge(drafts: list[dict]) -> list[dict]:
    """One event per act: coordinated predicates of one type and source in a sentence merge,
    and a host's side of a meeting joins the guest's."""
    out: list[dict] = []
    for d in drafts:
        key_src = _key(d["sources"][0]) if d["sources"] else None
        merged = False
        for o in out:
            o_src = _key(o["sources"][0]) if o["sources"] else None
            o_tg, d_tg = {_key(t) for t in o["targets"]}, {_key(t) for t in d["targets"]}
            o_named = any(t.actor_id for t in o["targets"])
            d_named = any(t.actor_id for t in d["targets"])
            same = o["type"] == d["type"] and o_src == key_src and (
                (key_src is not None and (not o_named or not d_named)) or o_tg & d_tg)
            reciprocal = (o["type"] == d["type"] == "CONSULT" and key_src is not None and
                          key_src in o_tg and (not d["targets"] or o_src in d_tg
                                               or not any(t.actor_id for t in d["targets"])))
            # "bombarded the city, killing eight": the participle tells the outcome of one act
            outcome = (o["type"] == d["type"] and o_src == key_src and d["tok"].dep_ == "advcl"
                       and d["tok"].tag_ == "VBG" and _head(d["tok"]).i == o["tok"].i)
            if outcome:
                o["targets"] = o["targets"] + [t for t in d["targets"] if t.actor_id and _key(t) not in o_tg]
                merged = True
                break
            if same or reciprocal:
                if same:
                    o["targets"] = o["targets"] + [t for t in d["targets"] if _key(t) not in o_tg]
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
        first = next((o for o in out if o["tok"].i == _head(d["tok"]).i and o["type"] in VERBAL), None)
        src = {_key(s) for s in d["sources"]}
        if first is not None and {_key(s) for s in first["sources"]} == src:
            d["targets"] = [t for t in first["targets"] if t.actor_id and _key(t) not in src] or d["targets"]
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
            known = {_key(t) for t in cause["targets"]}
            cause["targets"] = cause["targets"] + [t for t in d["targets"] if _key(t) not in known]
            out.remove(d)
    # a proposal inside another proposal is addressed to the same parties
    for d in out:
        if d["targets"]:
            continue
        for o in out:
            outer = o.get("noun") if o.get("noun") is not None else o["tok"]
            if o is not d and o["type"] == d["type"] and o["targets"] and d["tok"] in set(subtree(outer)):
                src = {_key(s) for s in d["sources"]}
                d["targets"] = [t for t in o["targets"] if _key(t) not in src]
                break
    return out


def _finish(ctx: Context, sent: SpacySpan, drafts: list[dict]) -> Iterator[Event]:
    ctx_lex = lexicon()
    starts = [t.idx for t in _span_tokens(sent)] if drafts else []   # increasing: searched for argument tokens
    for d in drafts:
        tok: Token = d["tok"]
        clause: Clause = d["clause"]
        start, end = _line_span(ctx.doc, sent, tok.idx)
        chain = [tok] + ([d["noun"]] if d.get("noun") is not None else []) + clause.chain
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
            chain.append(_head(tok))
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
            o for o in _prep_objects(tok, {"in", "during"}) if match_noun(ctx_lex, o) is not None]
        place = _location_span(ctx, chain + means, sent, used_tokens)
        location = place.text if place is not None else None
        place_country = _place_country(ctx, place)
        # "police in Cairo arrested protesters": a place named in one argument locates the act
        arg_heads = [s.root for r in d["sources"] + d["targets"] if r is not None
                     for s in [ctx.doc.char_span(r.start, r.end, alignment_mode="expand")] if s is not None]
        agents_country = place_country or _place_country(ctx, _location_span(ctx, chain + arg_heads, sent, set()))
        d["sources"] = _local_agents(ctx, ctx_lex, d["sources"], agents_country)
        d["targets"] = _local_agents(ctx, ctx_lex, d["targets"], agents_country)
        if d["type"] == "PROTEST" and not d["targets"] and place_country and d["sources"] and all(
                ctx.country(s.actor_id) not in (None, place_country) for s in d["sources"]):
            # a protest abroad is against its host ("US activists staged a protest in Beijing")
            d["targets"] = [ActorRef(place_country, place.text, place.start_char, place.end_char)]
        condition = None
        if clause.condition is not None:
            sub = list(subtree(clause.condition))
            condition = Span(text_of(ctx.doc)[sub[0].idx:sub[-1].idx + len(sub[-1].text)], sub[0].idx,
                             sub[-1].idx + len(sub[-1].text))
        sources = d["sources"] or [None]
        etype = d["type"]
        for n, src in enumerate(sources):
            targets = list(d["targets"])
            if (etype in SYMMETRIC or d["code"] in ctx_lex.mutual_codes) and len(sources) > 1 and not targets \
                    and d["code"][:3] not in ("039", "044", "045") \
                    and not _is_passive(tok):
                targets = [s for s in sources if s is not src]
            elif len(sources) > 1 and _lemma(tok) in ctx_lex.mutual_verbs and not _is_passive(tok):
                # "Ukraine and Russia exchanged prisoners": each gives to the other
                targets = [s for s in sources if s is not src] + targets
            parts = (ctx.article_id, etype, start, tok.idx) + ((src.start,) if n else ())
            yield Event(
                event_id=record_id(*parts), article_id=ctx.article_id, type=etype, mode=d["mode"],
                cameo=d["code"], start=start, end=end, source=src, targets=tuple(targets),
                negated=bool(clause.negated), modality=d["modality"], condition=condition, date=date,
                location=location, trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
                quote_id=d["quote"].quote_id if d.get("quote") is not None else None,
            )


# ---------------------------------------------------------------- spaCy component

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
