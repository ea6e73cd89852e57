"""Event arguments: the actors a trigger's subjects, agents, objects, with/to/against phrases,
possessives and places name, resolved through the actor layer, and the states CAMEO files them under."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

import pycountry
from spacy.tokens import Doc, Span as SpacySpan, Token

from accord.kb.loader import load_kb, read_yaml
from accord.records import ActorRef, Article, Quote
from accord.nlp import children, ents_in, sent_of, sentences, subtree, text_of, tokens_with
from accord.extract.event_lexicon import (
    HOSTILE, VERBAL, LEXICON_PATH, LOCATIVE_PREPS, Lexicon, NOUN_TARGET_PREPS, TARGET_PREPS, code_to_type,
    lexicon, preps_for)
from accord.extract.event_grammar import (
    DASHES, DASH_CHARS, DATIVE_DEPS, FIRST_PERSON, MODIFIER_DEPS, OBJECT_DEPS, PASSIVE_SUBJECT_DEPS,
    RELATIVE, SUBJECT_DEPS, agent_tokens, hyphen_agents, ancestors, antecedent, companions, conjuncts, dateline_tokens, for_to,
    head_of, is_passive, lemma_of, match_noun, misread_participle, names_people, reduced_passive, objects,
    parse_tree, phrase_start, prep_objects, shared_patients, span_tokens, subject_tokens)


def ref_key(ref: ActorRef | None) -> str | None:
    """Identity of an argument: its actor, or its words when unresolved."""
    if ref is None:
        return None
    return ref.actor_id or "~" + ref.text.lower()


@functools.lru_cache(maxsize=1)
def _kb_state_codes() -> frozenset[str]:
    """Codes of the states in the actor knowledge base, some beyond ISO 3166 (Kosovo's XKX)."""
    from accord.kb.loader import load_kb
    return frozenset(aid for aid, entry in load_kb().entries.items() if entry.kind == "state")


@functools.lru_cache(maxsize=1)
def _groups_apart() -> frozenset[str]:
    """Nouns for groups that stand against or outside their state's government: "Syrian rebels",
    "the Afghan opposition", "Basque separatists". Not "fighters", which news uses for a state's
    soldiers too, nor its citizens in the street or in settlements ("Israeli settlers" were
    attacked: coders count the state as hit), nor parties and factions, which share a state's
    politics ("the Congolese parties will hold a dialogue")."""
    words = load_kb().words
    found = set(words.get("non_state_groups", ())) | set(words.get("armed_group_nouns", ()))
    return frozenset(w.lower() for w in found) - {"fighters", "fighter", "settler", "protester",
                                                   "demonstrator", "activist"}


def _iso3(text: str) -> str | None:
    import pycountry
    if len(text) == 3 and text.isupper():
        hit = pycountry.countries.get(alpha_3=text)
        return hit.alpha_3 if hit else (text if text in _kb_state_codes() else None)
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


# Words that make a subdivision's name no name of one place ("North", "Central Region").
GENERIC_PLACE_WORDS = {"north", "south", "east", "west", "central", "centre", "center", "capital", "northern",
                       "southern", "eastern", "western", "upper", "lower", "coast", "coastal", "island", "islands",
                       "region", "district", "city", "province", "littoral", "lake", "lakes", "river", "mountain",
                       "mountains", "federal", "territory", "saint", "san", "santa", "new", "great", "middle"}


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
    for state, places in (read_yaml(LEXICON_PATH).get("place_states") or {}).items():
        for place in places:
            out.setdefault(str(place).lower(), state)
    # ISO 3166-2 subdivisions ("Alaska", "Sofala", "Kandahar") name their country, unless two
    # countries share the name or it is a compass word ("North" is a region of Cameroon)
    owners: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        owners.setdefault(sub.name.lower(), set()).add(sub.country_code)
    for name, codes in owners.items():
        if len(codes) == 1 and len(name) >= 4 and not set(re.split(r"[\s-]+", name)) & GENERIC_PLACE_WORDS:
            country = pycountry.countries.get(alpha_2=next(iter(codes)))
            if country is not None:
                out.setdefault(name, country.alpha_3)
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


class Context:
    """One article's actors, quotes and date, with the actor look-ups events need."""

    def __init__(self, doc: Doc, actors, article: Article | None, quotes: list[Quote]):
        self.doc, self.actors, self.article = doc, actors, article
        self.quotes = sorted(quotes or [], key=lambda q: q.start)
        self.published = article.published if article else None
        self.head_end = 0
        self.implied_targets: set[str] = set()   # events whose target was inferred as the other side
        self._pair_memo: dict[tuple, list[str]] = {}
        self._long_memo: dict[tuple[int, int], bool] = {}
        self.article_id = article.article_id if article else ""
        self._datelines: dict[int, set[int]] = {}
        self._sent_memo: dict[tuple, object] = {}
        self._cue_tokens: dict[str, list[Token]] = {}

    def cue_tokens(self, key: str, lemmas: Callable[[], Iterable[str]]) -> list[Token]:
        """The article's tokens whose lemma is in the cue list ``lemmas()`` names, found once
        per article under ``key`` (asked again for every sentence)."""
        got = self._cue_tokens.get(key)
        if got is None:
            got = self._cue_tokens[key] = tokens_with(self.doc, lemmas())
        return got

    @functools.cached_property
    def mediating(self) -> list[tuple[int, int]]:
        """Character spans of the phrases that name go-betweens: the doers of a mediating verb
        ("brokered by Saudi Arabia and the United States", "Qatar hosted") and the names a
        mediating noun is given ("Saudi and American mediators", "Norway, the host")."""
        lex = lexicon()
        heads: list[Token] = []
        for tok in tokens_with(self.doc, lemmas=lex.mediating_verbs | lex.mediating_nouns):
            lem = lemma_of(tok)
            if tok.pos_ == "VERB" and lem in lex.mediating_verbs:
                doers = agent_tokens(tok) if is_passive(tok) else [
                    x for t in subject_tokens(tok) for x in conjuncts(t)]
                # "brokered by Dante Caputo, the special envoy of the UN and the OAS": the bodies
                # a go-between is sent by go between too
                heads += doers + [x for d in doers for a in children(d) if a.dep_ == "appos"
                                  for o in prep_objects(a, {"of"}) for x in conjuncts(o)]
            elif tok.pos_ == "NOUN" and lem in lex.mediating_nouns:
                named = [c for c in children(tok) if c.dep_ in ("compound", "amod", "appos")]
                if tok.dep_ == "appos":
                    named.append(tok.head)
                if tok.dep_ == "pobj" and tok.head.lower_ == "as":
                    # "with the United States and the Soviet Union putting their names to the
                    # accords as guarantors": who acts as one; "talks began, with Sudan as host":
                    # the with-phrase's noun before it, not the clause's subject
                    verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
                    withs = [o for p in children(verb) if p.dep_ == "prep" and p.lower_ == "with" and p.i < tok.i
                             for o in children(p) if o.dep_ == "pobj"] if verb is not None else []
                    named += withs[-1:] or (subject_tokens(verb) if verb is not None else [])
                # ("Saudi and American mediators": demonyms are coordinated adjectives)
                heads += [x for t in named for x in (t, *t.conjuncts)]
        return [(t.left_edge.idx, t.idx + len(t.text)) for t in heads]

    @functools.cached_property
    def go_between_states(self) -> set[str]:
        """States named as go-betweens (their persons and bodies are too)."""
        everyone = getattr(self.actors, "mentions", ()) or ()
        return {self.country(m.actor_id) for m in everyone if any(lo <= m.start < hi for lo, hi in self.mediating)
                and self.country(m.actor_id) == m.actor_id}

    def _dateline_of(self, tok: Token) -> set[int]:
        """Dateline tokens of the token's sentence, found once per sentence."""
        sent = sent_of(tok)
        got = self._datelines.get(sent.start)
        if got is None:
            got = self._datelines[sent.start] = dateline_tokens(sent)
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
        last = parse_tree(self.doc).toks[max(marks)]
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
                    h = head_of(root)
                    out.append((e, root, h, head_of(h) if h.dep_ == "prep" else None))
            return out
        return self._memo("dates", sent, find)

    def place_anchors(self, sent: SpacySpan) -> tuple[list, list[tuple]]:
        """The places of a sentence, and (place, the word its locative preposition hangs on)."""
        def find(s):
            places = [e for e in self._memo("ents", s, ents_in) if e.label_ in ("GPE", "LOC", "FAC")]
            anchored = []
            for e in places:
                h = head_of(e.root)
                if h.dep_ == "prep" and lemma_of(h) == "of" and head_of(h).dep_ == "pobj" and head_of(h).pos_ == "NOUN" \
                        and match_noun(lexicon(), head_of(h)) is None:
                    h = head_of(head_of(h))   # "in the north of the Gaza Strip", "on the outskirts of Kyiv"
                if h.dep_ == "prep" and lemma_of(h) in LOCATIVE_PREPS:
                    anchored.append((e, head_of(h)))
            return places, anchored
        return self._memo("places", sent, find)

    def quote_at(self, char: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= char < q.end:
                return q
        return None

    def quote_cued_by(self, tok: Token) -> Quote | None:
        """The quote whose cue is ``tok`` ("appealed" in "X appealed to Y to agree ...")."""
        return next((q for q in self.quotes if q.cue is not None and q.cue.start == tok.idx), None)

    def ref(self, tok: Token | None) -> ActorRef | None:
        got = self.refs_of(tok)
        return got[0] if got else None

    def _direct(self, tok: Token) -> ActorRef | None:
        if lemma_of(tok) in FIRST_PERSON and tok.pos_ == "PRON":   # "US" is a state, not "us"
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
        ent = parse_tree(tok.doc).ent_at(tok.i)
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
        pos, lem, kids, lex = tok.pos_, lemma_of(tok), children(tok), lexicon()
        if tok.lower_ == "each" and tok.dep_ in ("nsubj", "nsubjpass") and not kids:
            return self.pair(tok)   # "each accuses the other of violations": each of the two sides
        if pos == "NOUN" and lem in lex.pair_nouns and (any(
                c.lower_ in ("both", "two", "either", "each", "all") for c in kids if c.dep_ in ("det", "nummod", "predet"))
                # "the delegations", "the parties", "Negotiators will reconvene": the sides of the
                # talks, with no other modifier
                or lem in lex.plural_pair_nouns and tok.tag_ == "NNS"
                and ([c.lower_ for c in kids if c.i < tok.i] == ["the"]
                     # ("delegations in this Tanzanian town": where they are, not whose)
                     or not any(c.i < tok.i or c.dep_ == "prep" and lemma_of(c) not in ("in", "at") for c in kids))):
            got = self.pair(tok)
            if got:
                return got
        if pos == "NOUN":
            named = next((c for c in kids if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and self._direct(c) is not None), None)
            # "the three European countries, known as the E3": the name it is known by
            named = named or next((n for c in kids if c.dep_ == "acl" and lemma_of(c) in lex.naming_verbs
                                   for p in children(c) if p.dep_ == "prep" and lemma_of(p) == "as"
                                   for n in children(p) if n.dep_ == "pobj" and self._direct(n) is not None), None)
            # "Jean Arnault, the French diplomat who has moderated the talks": a description in
            # apposition to a named person is that person
            if tok.dep_ == "appos" and head_of(tok).pos_ == "PROPN" and names_people(lex, tok):
                held = self._direct(head_of(tok))
                if held is not None and getattr(self.actor(held.actor_id), "kind", None) == "person":
                    named = named or head_of(tok)
            # "The emir of Qatar, Sheikh Hamad, hosted": the parser hangs the title's holder on
            # the state; a person named so is the one who acts
            named = named or next((n for p in kids if p.dep_ == "prep" and p.lower_ == "of"
                                   for o in children(p) if o.dep_ == "pobj" and o.ent_type_ == "GPE"
                                   for n in children(o) if n.dep_ == "appos" and n.ent_type_ == "PERSON"
                                   and getattr(self.actor(getattr(self._direct(n), "actor_id", None)), "kind", None)
                                   == "person"), None)
            named = named or self._split_name(tok, kids)
            if named is not None:
                return [self._direct(named)]
        whose = next((c for c in kids if c.dep_ == "poss" and c.lower_ == "whose"), None)
        if whose is not None and lem in lex.agent_nouns and depth < 2:
            # "Russia, whose peacekeepers withdrew": the antecedent's own agents
            verb = next((a for a in ancestors(tok) if a.dep_ == "relcl"), None)
            if verb is not None:
                return self.refs_of(head_of(verb), depth + 1)
        if tok.lower_ == "they" and tok.dep_ in SUBJECT_DEPS and depth < 2:
            both = self._plural_antecedent(tok, depth)
            if both:
                return both
        r = self._direct(tok)
        if r is not None and tok.dep_ == "conj" and r.start < tok.idx:
            # "government negotiators and commanders of the ELN": one mention of two actors spans
            # both conjuncts; the later conjunct stands for the later actor
            same = [m.actor_id for m in getattr(self.actors, "mentions", ()) or ()
                    if m.start == r.start and m.end == r.end and m.actor_id != r.actor_id]
            if len(same) == 1:
                return [ActorRef(same[0], r.text, r.start, r.end)]
        if r is not None and (pos != "NOUN" or getattr(self.actor(r.actor_id), "kind", None) == "person"):
            return [r]   # "the PKK's jailed founder, Abdullah Ocalan": one person, not the PKK too
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
            left = phrase_start(tok)
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
        # "his government", and "his fighters", "her troops": the men a leader commands
        own = next((c for c in kids if c.dep_ == "poss" and (c.lower_ in ("its", "their", "our") or (
            c.lower_ in ("his", "her") and (lem in lex.state_organs or lem in lex.classes.get("troops", ())
                                             or lem in lex.commanded_men)))), None)
        owner = self._direct(own) if own is not None else None
        mine = next((c for c in kids if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if own is None and mine is not None and (lem in lex.own_bodies or lem in lex.own_sides):
            # "his movement would keep fighting": the organisation the person belongs to
            person = self._direct(mine)
            body = self.actor(person.actor_id) if person is not None and person.actor_id else None
            side = self.actor(body.affiliation) if body is not None and body.kind == "person" and body.affiliation \
                else None
            if side is not None and (side.kind != "state" or lem in lex.own_sides):
                end = tok.idx + len(tok.text)
                return [ActorRef(side.actor_id, text_of(self.doc)[mine.idx:end], mine.idx, end)]
        if owner is not None and lem in lex.agent_nouns:
            # "its drones", "their fighters": the owner's agents; "his government": a leader's
            # state; "our soldiers" in a quote: the speaker's state or body
            left = own.idx
            who = owner.actor_id
            if own.lower_ in ("his", "her", "our"):
                body = self.actor(owner.actor_id)
                side = self.actor(body.affiliation) if body is not None and body.kind == "person" \
                    and body.affiliation else None
                # "called on his fighters": a rebel leader's men are his movement's, not his
                # country's; "his government" stays a state's
                who = side.actor_id if side is not None and side.kind != "state" and lem not in lex.state_organs \
                    else self.country(owner.actor_id) or (side.actor_id if side is not None else owner.actor_id)
            return [ActorRef(who, text_of(self.doc)[left:tok.idx + len(tok.text)], left, tok.idx + len(tok.text))]
        organ = r is None and lem in lex.state_organs and not any(
            c.dep_ in MODIFIER_DEPS for c in kids) and any(c.lower_ == "the" for c in kids)
        if ((own is not None and owner is None) or organ) and depth < 2:
            # "The army said its drones struck", "an official said the government could free":
            # the speaker's side
            speech = next((a for a in ancestors(tok) if a.pos_ == "VERB"
                           and lemma_of(a) in lex.governors["speech"] and tok not in subject_tokens(a)), None)
            if speech is not None:
                got = [x for x in self.refs(subject_tokens(speech)) if x.actor_id]
                if organ:   # a state's organ: the speaker's state, when the speaker has one
                    got = [ActorRef(self.country(x.actor_id), x.text, x.start, x.end) for x in got
                           if self.country(x.actor_id)]
                if got:
                    return got
        # "government troops", "army officers": the agents of a state's organ
        organ_agents = r is None and lem in lex.agent_nouns and any(
            c.dep_ in ("compound", "amod") and lemma_of(c) in lex.state_organs and not list(children(c)) for c in kids)
        if (organ or organ_agents) and depth < 2:
            # "GAM will hand over weapons, and the government will pull out troops": when one of
            # the two sides is a state and the other is not, "the government" is that state's
            sides = self.pair_ids(tok.idx)
            states = [i for i in sides if self.country(i) == i]
            if len(states) == 1 and len(sides) == 2:
                span = (tok.left_edge.idx, tok.idx + len(tok.text))
                return [ActorRef(states[0], text_of(self.doc)[span[0]:span[1]], *span)]
        mods = [c for c in kids if c.dep_ in MODIFIER_DEPS and c.i < tok.i and c.pos_ != "PRON"
                and not self.in_dateline(c)]   # "Oct 17 (Reuters) - Venezuela's government"
        # "the Malaysia Airlines flight": a name the actor layer does not know may carry a state
        # in its own compounds; it is read when the name itself resolves to nothing
        mods += [c for m in mods if m.dep_ == "compound" and m.pos_ == "PROPN" and self._direct(m) is None
                 for c in children(m) if c.dep_ == "compound" and c.i < m.i]
        mods = [x for m in mods for x in [m] + [c for c in children(m) if c.dep_ == "conj"]]
        out = []
        left = phrase_start(tok)
        end = tok.idx + len(tok.text)
        # ("Sudanese rebels", "the Syrian opposition": a demonym says where such a group is from;
        # the group is not the state it may be fighting)
        apart = r is None and (lem in _groups_apart() or tok.lower_ in _groups_apart())
        # ("Armenian opposition parties": a group actor named with its demonym is that group alone)
        named_group = r is not None and getattr(self.actor(r.actor_id), "kind", None) == "group"
        for m in mods:
            sub = self._direct(m)
            if sub is not None and (apart or named_group and r.start <= m.idx < r.end) \
                    and m.dep_ in ("amod", "compound") and m.pos_ in ("ADJ", "PROPN") \
                    and getattr(self.actor(sub.actor_id), "kind", None) == "state":
                continue
            if sub is not None and sub.actor_id not in {o.actor_id for o in out}:
                out.append(ActorRef(sub.actor_id, text_of(self.doc)[left:end], left, end))
        if r is not None and len(out) < 2 and names_people(lex, tok):
            # "the ambassadors of the United States and China": the of-phrase names two parties
            owners = [self._direct(o) for p in kids if p.dep_ == "prep" and lemma_of(p) in ("of", "from")
                      for c in children(p) if c.dep_ == "pobj" for o in conjuncts(c)]
            owners = list({o.actor_id: o for o in owners if o is not None}.values())
            if len(owners) > 1:
                return [ActorRef(o.actor_id, r.text, r.start, r.end) for o in owners]
        if r is not None:
            # "Russian and Ukrainian negotiators": one phrase, two parties
            return out if len(out) > 1 else [r]
        if not out and depth < 2 and (lem in lex.agent_nouns or names_people(lex, tok)):
            # "the two countries' defence ministers": one from each of the pair
            for c in kids:
                if c.dep_ == "poss" and c.pos_ == "NOUN" and lemma_of(c) in lex.pair_nouns:
                    for r in self.refs_of(c, depth + 1):
                        if r.actor_id and r.actor_id not in {x.actor_id for x in out}:
                            out.append(ActorRef(r.actor_id, text_of(self.doc)[left:end], left, end))
        if not out:
            # "police in Beijing" are China's; "delegations in this Tanzanian town" are visitors
            where = ("of", "from") if lem in lex.visiting_nouns else ("of", "from", "in")
            for p in kids:
                if p.dep_ == "prep" and lemma_of(p) in where:
                    for o in (x for c in children(p) if c.dep_ == "pobj" for x in conjuncts(c)):
                        sub = self._direct(o) or self._place(o)
                        if sub is None and o.pos_ == "NOUN" and depth < 2 and lemma_of(o) in lex.pair_nouns:
                            # "commanders from both countries": one from each
                            for r in self.refs_of(o, depth + 1):
                                if r.actor_id and r.actor_id not in {x.actor_id for x in out}:
                                    stop = max(r.end, o.idx + len(o.text))
                                    out.append(ActorRef(r.actor_id, text_of(self.doc)[left:stop], left, stop))
                            continue
                        if sub is None and o.pos_ == "NOUN" and depth < 2:
                            # "the mayor of the West Bank city of Nablus": the state one step down
                            sub = next((r for r in self.refs_of(o, depth + 1) if r.actor_id), None)
                        if sub is not None and sub.actor_id not in {x.actor_id for x in out}:
                            # ("the seizure of their properties": "their" names someone earlier,
                            # so the evidence is the phrase itself)
                            stop = sub.end if sub.end > end else o.right_edge.idx + len(o.right_edge.text)
                            out.append(ActorRef(sub.actor_id, text_of(self.doc)[left:stop], left, stop))
        if not out and depth < 2 and lem in lex.classes.get("writings", ()):
            # "a Rwandan commission's report accused", "a report by the ministry alleged": the
            # author of a writing acts through it
            authors = [c for c in kids if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
            authors += [o for p in kids if p.dep_ in ("prep", "agent") and lemma_of(p) in ("by", "from")
                        for c in children(p) if c.dep_ == "pobj" for o in conjuncts(c)]
            for a in authors:
                for r in self.refs_of(a, depth + 1):
                    if r.actor_id and r.actor_id not in {x.actor_id for x in out}:
                        out.append(ActorRef(r.actor_id, text_of(self.doc)[left:end], left, end))
        if not out and lem in lex.quantity_nouns:
            # "thousands of protesters", "a group of rebels": the group is in the of-phrase
            for p in kids:
                if p.dep_ == "prep" and lemma_of(p) == "of":
                    for o in children(p):
                        if o.dep_ == "pobj":
                            out.extend(self.refs_of(o))
        if not out and lem in lex.agent_nouns:
            # an unnamed group ("protesters", "security forces"): an argument, unresolved
            out.append(ActorRef(None, text_of(self.doc)[left:end], left, end))
        return out

    def _split_name(self, tok: Token, kids) -> Token | None:
        """"the opposition Unitary Platform signed": a describing noun the parser parted from the
        name right after it (the name made a subject of its own) stands for that name's actor."""
        doc = self.doc
        if lemma_of(tok) not in DESCRIBING_NOUNS or tok.i + 1 >= len(doc) or any(c.i > tok.i for c in kids):
            return None
        name = doc[tok.i + 1]
        while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
            name = name.head
        if name.pos_ != "PROPN" or name.head.i == tok.i or tok.is_ancestor(name):
            return None
        got = self._direct(name)
        return name if got is not None and getattr(self.actor(got.actor_id), "kind", None) in ("organisation", "group") \
            else None

    def epithet(self, tok: Token) -> ActorRef | None:
        """"the Gulf state", "the Islamic republic", "the Balkan country": a state named by an
        epithet is the nearest state named before it, in its sentence or the one before, that the
        epithet fits (``state_epithets`` in the lexicon)."""
        lex = lexicon()
        if lemma_of(tok) not in lex.state_nouns or tok.tag_ == "NNS" \
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

    def _plural_antecedent(self, tok: Token, depth: int) -> list[ActorRef]:
        """"The two countries pledge to end hostilities. They will release all prisoners": a
        subject "they" opening the next sentence stands for the previous sentence's plural
        subject, two parties coordinated or named by a pair noun, which no single mention holds."""
        sent = sent_of(tok)
        if any(t.dep_ in SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN", "PRON") for t in tok.doc[sent.start:tok.i]):
            return []   # the pronoun is not the sentence's first subject
        prev = sent.start - 1
        while prev >= 0 and tok.doc[prev].is_space:
            prev -= 1
        if prev < 0:
            return []
        root = sent_of(tok.doc[prev]).root
        subj = subject_tokens(root) if root.pos_ in ("VERB", "AUX") else []
        if not subj or any(t.pos_ == "PRON" for t in subj):
            return []
        got = [r for t in subj for r in self.refs_of(t, depth + 1) if r.actor_id]
        ids = list(dict.fromkeys(r.actor_id for r in got))
        if len(ids) != 2:
            return []
        return [ActorRef(i, tok.text, tok.idx, tok.idx + len(tok.text)) for i in ids]

    def pair(self, tok: Token) -> list[ActorRef]:
        """"both sides", "the two countries", "either leader": the two actors the article most
        often named side by side ("X and Y", "X-Y") before the phrase, the latest pair on a tie;
        states for countries and capitals, people for leaders."""
        want = lexicon().pair_nouns.get(lemma_of(tok), "any")   # ("each": either of the two)
        if want == "titled":
            want = "titled " + lemma_of(tok)    # "the two presidents": two persons titled so
        # named before the phrase: in earlier sentences or earlier in its own ("Russia and
        # Ukraine swapped prisoners hours after the two sides ..."), though not as the subject of
        # the phrase's own verb ("Cuba and Norway praised both sides")
        verb = next((a for a in ancestors(tok) if a.pos_ in ("VERB", "AUX")), None)
        # ... unless that verb is one the two sides do together ("Kabila and Kagame signed the
        # accord after days of talks between the two delegations": they are the two)
        mutual = verb is not None and lemma_of(verb) in lexicon().mutual_acts
        doers = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
                 for t in (subject_tokens(verb) if verb is not None and not mutual else [])]
        go_betweens = lemma_of(tok) in lexicon().mediating_nouns
        ids = self.pair_ids(tok.left_edge.idx, "any" if want == "body" else want, doers, go_betweens)
        if not ids and want.startswith("titled "):
            ids = self.pair_ids(tok.left_edge.idx, "person", doers)   # titles the article never gave
        if want == "body":
            # "the two delegations" after "Taha and Garang signed": the bodies the two lead
            bodies = [a.affiliation if a is not None and a.kind == "person" else i
                      for i, a in ((i, self.actor(i)) for i in ids)]
            ids = bodies if None not in bodies and len(set(bodies)) == 2 else ids
        text = text_of(self.doc)
        span = (tok.left_edge.idx, tok.idx + len(tok.text))
        return [ActorRef(i, text[span[0]:span[1]], *span) for i in ids]

    def pair_ids(self, before: int, want: str = "any", doers: list[tuple[int, int]] = (),
                 go_betweens: bool = False) -> list[str]:
        """The two actors named side by side most often before char ``before`` (see ``pair``):
        the two sides, not a pair named as go-betweens (with ``go_betweens``, only such a pair)."""
        # the answer only changes when another mention ends before ``before``: asked for every
        # event of a sentence, it is worked out once
        everyone = getattr(self.actors, "mentions", ()) or ()
        key = (sum(1 for m in everyone if m.end <= before), want, tuple(doers), go_betweens)
        if key not in self._pair_memo:
            self._pair_memo[key] = self._pair_ids(everyone, before, want, doers, go_betweens)
        return list(self._pair_memo[key])

    def _past_apposition(self, a, b_start: int, gap: str) -> str:
        """The words between a mention's own description (apposition, of-phrase) and the next
        mention, or the gap as it was."""
        span = self.doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None:
            return gap
        described = [c for c in children(span.root) if c.dep_ in ("appos", "prep") and c.i >= span.end]
        if not described:
            return gap
        # (the parser may hang the next name on the apposition: "head of X, and Y": not past Y)
        last = max(max([c] + [k.right_edge for k in children(c) if k.i > c.i and k.dep_ not in ("conj", "cc", "punct")])
                   for c in described)
        after = last.idx + len(last.text)
        if not a.end < after < b_start:
            return gap
        return text_of(self.doc)[after:b_start].strip(" ,").lower()

    def _pair_ids(self, everyone, before: int, want: str, doers, go_betweens: bool = False) -> list[str]:
        mentions = sorted((m for m in everyone if m.end <= before
                           and not any(a <= m.start < b for a, b in doers)
                           # ("Rabin and his Jordanian counterpart Majali": "his" names no side)
                           and not (getattr(m, "via", None) == "pronoun" and m.text.lower() in POSSESSIVES)
                           and (want != "person" or getattr(self.actor(m.actor_id), "kind", None) == "person")
                           and (not want.startswith("titled ") or self._titled(m.actor_id, want.removeprefix("titled ")))
                           and (want != "state" or self.country(m.actor_id))), key=lambda m: m.start)
        # "Ethiopia's federal government and Tigrayan leaders": the outer mention, not the name
        # inside it, stands beside the next one
        spans_of: dict[str, list[tuple[int, int]]] = {}
        for m in mentions:
            spans_of.setdefault(m.actor_id, []).append((m.start, m.end))
        mentions = [m for m in mentions if not any(
            s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans_of[m.actor_id])]
        text = text_of(self.doc)
        counts: dict[tuple, list[int]] = {}
        for n, (a, b) in enumerate(zip(mentions[:-1], mentions[1:])):
            # side by side: "X and Y", "X-Y", "X and Cambodian Prime Minister Y" (a title between)
            # "the Council (TMC) and the Forces of Freedom and Change": past an abbreviation's bracket
            bracketed = text[a.start - 1:a.start] == "(" and text[a.end:a.end + 1] == ")"
            gap = text[a.end + 1 if bracketed else a.end:b.start].strip().lower()
            # one phrase naming both ("X negotiators and commanders of Y") is a pair too
            same_phrase = a.start == b.start and a.end == b.end
            if " and" in gap and len(gap) < 80 and "." not in gap:
                # "Aguila Saleh, head of the eastern parliament, and Nuri Abu Sahmain", "Saleh of
                # the House and Abu Sahmain of the GNC": past the first one's own description
                # (asked only of a gap with an "and" in it: the pairs read here are joined by one)
                gap = self._past_apposition(a, b.start, gap)
            if not same_phrase and not (gap in ("and", "and the", ",", "-", "\u2013", "/")
                    or (gap.startswith("and ") and len(gap) < 40 and "." not in gap and "," not in gap
                        and self._nominal_gap(a.end, b.start))):
                continue
            if self._in_long_list(a) and self._in_long_list(b):
                continue   # "al-Bashir, Kibaki and Powell looked on": onlookers in a list, not two sides
            ids = [a.actor_id, b.actor_id]
            if want == "state":
                ids = [self.country(i) for i in ids]
            if None in ids or ids[0] == ids[1] or any(getattr(self.actor(x), "is_outlet", False) for x in ids):
                continue   # "(Reuters) - Mali's ...": the agency in a dateline is no side
            named_as_go_betweens = all(any(lo <= m.start < hi for lo, hi in self.mediating)
                                       # (or speaking for one: "Shultz and Shevardnadze" of the guarantors)
                                       or self.country(m.actor_id) in self.go_between_states for m in (a, b))
            if named_as_go_betweens != go_betweens:
                continue
            # ("President Robert Mugabe and opposition leader Morgan Tsvangirai": two sides of one
            # state, whatever the KB says they later became)
            opposed = bool(OPPOSING_WORDS.intersection(gap.split()))
            if want != "state" and (any(getattr(self.actor(x), "affiliation", None) == y for x, y in (ids, ids[::-1]))
                                    or _colleagues(self.actor(ids[0]), self.actor(ids[1])) and not opposed):
                # "the MNDAA and its spokesman Zhao Dejun", "Iran's deputy foreign ministers Kazem
                # Gharibabadi and Majid Takht-Ravanchi": one side, not two
                continue
            cell = counts.setdefault(tuple(sorted(ids)), [0, 0, ids, []])
            here = (min(a.start, b.start), max(a.end, b.end))
            if any(lo <= here[0] and here[1] <= hi for lo, hi in cell[3]):
                continue   # "Cuba and Norway" inside "representatives of Cuba and Norway": one naming
            cell[3].append(here)
            cell[0] += 1
            cell[1] = n
        if not counts:
            if want.startswith("titled "):
                return self._most_named_titled(mentions)
            return self._most_named(mentions) if want == "any" else []
        # on a tie, the pair the article names more often (the sides, not the hosts reading a
        # statement), then the later one
        named: dict[str, int] = {}
        for m in mentions:
            key = self.country(m.actor_id) if want == "state" else m.actor_id
            named[key] = named.get(key, 0) + 1
        return max(counts.values(), key=lambda c: (c[0], sum(named.get(i, 0) for i in c[2]), c[1]))[2]

    def _nominal_gap(self, start: int, end: int) -> bool:
        """Words between two names that only describe the second ("and Cambodian Prime Minister",
        "and rebel leader"), not a clause ("and warned that if")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is None or not any(t.pos_ in ("VERB", "AUX", "SCONJ") or t.dep_ == "mark" for t in span)

    def _in_long_list(self, m) -> bool:
        """A mention coordinated with two or more others ("X, Y and Z"). (Asked for each adjacent
        pair whenever the pair is looked for again: kept per mention.)"""
        key = (m.start, m.end)
        if key not in self._long_memo:
            self._long_memo[key] = self._coordinated_with_two(m)
        return self._long_memo[key]

    def _coordinated_with_two(self, m) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return False
        first = span.root
        while first.dep_ in ("compound", "amod", "poss", "nmod") and head_of(first).i != first.i:
            first = head_of(first)   # "Kenyan" in "Kenyan President Mwai Kibaki"
        while first.dep_ == "conj" and head_of(first).i != first.i:
            first = head_of(first)
        # (a dateline the parser coordinated with the names is no third member)
        return len([c for c in conjuncts(first) if not self.in_dateline(c)]) >= 3

    def _titled(self, actor_id: str, word: str) -> bool:
        """The person holds a title with that word: the KB's, or one the article puts before the
        name ("Russian President Dmitry Medvedev" in 2010, whom the KB knows by a later post)."""
        actor = self.actor(actor_id)
        if getattr(actor, "kind", None) != "person":
            return False
        if word in (getattr(actor, "title", None) or "").lower().split():
            return True
        text = text_of(self.doc)
        return any(m.actor_id == actor_id and getattr(m, "via", None) == "name"
                   and word in text[max(0, m.start - 30):m.start].lower().split()[-3:]
                   for m in getattr(self.actors, "mentions", ()) or ())

    @staticmethod
    def _most_named_titled(mentions) -> list[str]:
        """"the two presidents" with no two presidents named side by side: the two named most
        often before (the later on a tie)."""
        named: dict[str, tuple[int, int]] = {}
        for m in mentions:
            count, _ = named.get(m.actor_id, (0, 0))
            named[m.actor_id] = (count + 1, m.start)
        ranked = sorted(named, key=lambda a: named[a], reverse=True)
        return ranked[:2] if len(ranked) >= 2 else []

    def _most_named(self, mentions) -> list[str]:
        """With no two parties ever named side by side, the two states named most often (a
        person or body counts for its state), when each is named at least twice: a dispute
        between two states ("Tokyo welcomed the plan" after "Seoul unveiled a plan")."""
        named: dict[str, int] = {}
        groups: dict[str, int] = {}
        for m in mentions:
            actor = self.actor(m.actor_id)
            if actor is None or getattr(actor, "is_outlet", False):
                continue
            key = self.country(m.actor_id)
            if key:
                named[key] = named.get(key, 0) + 1
            elif actor.kind == "organisation" and not actor.affiliation and _insurgent(m.actor_id):
                groups[m.actor_id] = groups.get(m.actor_id, 0) + 1
        top = sorted(named.items(), key=lambda kv: -kv[1])[:3]
        if len(top) < 2 or top[1][1] < 2 or (len(top) == 3 and top[2][1] == top[1][1]):
            # "Turkey ... the conflict with the PKK": a state and the armed movement it fights,
            # each named most often, when no second state is
            group = sorted(groups.items(), key=lambda kv: -kv[1])[:2]
            if top and top[0][1] >= 2 and group and group[0][1] >= 2 and (len(group) == 1 or group[1][1] < group[0][1]):
                return [top[0][0], group[0][0]]
            return []   # a tie for second place names no pair
        return [top[0][0], top[1][0]]

    def refs(self, toks: list[Token]) -> list[ActorRef]:
        out, seen = [], set()
        for t in toks:
            for r in self.refs_of(t):
                r = self._after_dateline(t, r)
                if ref_key(r) not in seen:
                    seen.add(ref_key(r))
                    out.append(r)
        return out

    def actor(self, actor_id: str | None):
        table = getattr(self.actors, "actors", None) or {}
        return table.get(actor_id) if actor_id else None

    def country(self, actor_id: str | None) -> str | None:
        return actor_country(actor_id, getattr(self.actors, "actors", None) or {})


@functools.lru_cache(maxsize=4096)
def _insurgent(actor_id: str) -> bool:
    """An organisation that can be a side against a state: the KB knows it as an armed group, or
    the KB does not know it (an international body, a bank or an agency is known)."""
    entry = load_kb().entries.get(actor_id)
    return entry is None or entry.armed


POSSESSIVES = frozenset(("his", "her", "its", "their"))
OPPOSING_WORDS = frozenset(("opposition", "rebel", "rival", "separatist", "insurgent", "guerrilla", "militant"))
# nouns that describe a body named right after them ("the opposition Unitary Platform")
DESCRIBING_NOUNS = OPPOSING_WORDS | {"group", "movement", "party", "alliance", "coalition", "bloc", "faction"}


def _colleagues(a, b) -> bool:
    """Two people of the same body."""
    return a is not None and b is not None and a.kind == b.kind == "person" \
        and a.affiliation is not None and a.affiliation == b.affiliation


def home_organs(ctx: "Context", lex: Lexicon, sources: list[ActorRef], targets: list[ActorRef]) -> list[ActorRef]:
    """"Venezuela's opposition accused the government": a state's own opposition, rebels or
    protesters acting on "the government" act on their own state's government."""
    if not sources or not sources[0].actor_id or not any(t.actor_id is None for t in targets):
        return targets
    home = ctx.country(sources[0].actor_id)
    src = ctx.doc.char_span(sources[0].start, sources[0].end, alignment_mode="expand")
    if home is None or src is None or lemma_of(src.root) in lex.state_organs or lemma_of(src.root) not in lex.agent_nouns:
        return targets
    out = []
    for t in targets:
        span = ctx.doc.char_span(t.start, t.end, alignment_mode="expand") if t.actor_id is None else None
        bare = span is not None and lemma_of(span.root) in lex.state_organs and all(
            c.dep_ == "det" and c.lower_ == "the" for c in children(span.root) if c.i < span.root.i)
        out.append(ActorRef(home, t.text, t.start, t.end) if bare else t)
    return out


def measure_doer(lex: Lexicon, tok: Token) -> bool:
    """An economic or legal measure, not a weapon, is what hits or targets: the verb's subject,
    the noun its participle describes, or the object of the clause its participle adds to."""
    measures = lex.classes.get("sanctions", set()) | lex.classes.get("restrictions", set())
    doers = [c for c in children(tok) if c.dep_ in SUBJECT_DEPS]
    if tok.dep_ in ("acl", "relcl"):
        doers.append(head_of(tok))
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        doers += [x for o in objects(head_of(tok)) for x in [o] + [g for p in children(o) if p.dep_ == "prep"
                                                              for g in children(p) if g.dep_ == "pobj"]]
    return any(lemma_of(d) in measures for d in doers)


def verb_arguments(ctx: Context, tok: Token, noun: Token | None = None,
                   etype: str | None = None, event_noun: bool = False) -> tuple[list[ActorRef], list[ActorRef]]:
    glued = hyphen_agents(tok) if tok.tag_ == "VBN" and lemma_of(tok) in lexicon().mediating_verbs else []
    if glued:
        # "a Russian-brokered protocol", "Oman-mediated talks": the go-between is glued on; the
        # sides are found as a third party's are
        return ctx.refs(glued), []
    if is_passive(tok):
        sources = ctx.refs(agent_tokens(tok))
        patients = [c for c in children(tok) if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if misread_participle(tok) is not None or reduced_passive(tok):
            patients = [c for c in children(tok) if c.dep_ == "nsubj"]   # what the participle describes
        patients = patients or shared_patients(tok)
        patient_toks = [x for p in patients for x in conjuncts(p)]
        if patient_toks and patient_toks[0].lower_ in RELATIVE and tok.dep_ == "relcl":
            patient_toks = conjuncts(antecedent(tok, patient_toks[0]))
        if tok.dep_ == "acl" and not patient_toks:
            patient_toks = conjuncts(head_of(tok))
        if not patients and tok.dep_ in ("xcomp",):
            patient_toks = subject_tokens(tok)
        targets = ctx.refs(patient_toks)
        troops = lexicon().classes.get("troops", set())
        if not sources and etype in ("MOBILIZE", "RETREAT") and patient_toks \
                and all(lemma_of(p) in troops for p in patient_toks):
            # "Additional Sudanese troops were sent to the border": whose troops they are sent them
            sources, targets = [r for r in targets if r.actor_id], []
        if not sources and etype in HOSTILE:
            # "a rocket was fired from Gaza": the place it came from stands for the attacker
            sources = [r for r in ctx.refs(prep_objects(tok, {"from"})) if r.actor_id and ctx.country(r.actor_id) == r.actor_id]
        if not sources:
            # "were killed in Israeli shelling", "died in an air strike by government forces":
            # the act named in the in-phrase has the agent the passive leaves out
            for noun in prep_objects(tok, {"in", "during"}):
                if match_noun(lexicon(), noun) is not None:
                    sources, aimed_at, _ = noun_arguments(ctx, noun, etype)
                    if sources:
                        # "died in Turkish strikes on Kurdish-held towns": what the strike hit too
                        targets += [r for r in aimed_at if r.actor_id and ref_key(r) not in {ref_key(t) for t in targets}]
                        break
        if not any(s.actor_id for s in sources) and etype in HOSTILE:
            sources = instrument_states(ctx, tok) or _instrument_users(ctx, tok) or sources
    else:
        subj = subject_tokens(tok)
        sources = ctx.refs(subj + companions(tok))
        if noun is not None and event_noun:
            # "resumed talks in Doha": the event noun of a light verb is the act, not its target
            # ("opened a new round of talks in Havana": nor is the phrase that measures it)
            targets_from = [o for o in objects(tok) if not o.left_edge.i <= noun.i <= o.right_edge.i]
        else:
            targets_from = objects(tok)
        if lemma_of(tok) in lexicon().topic_verbs:
            targets_from = []   # "discussed the war in Ukraine": the object is the topic, not a party
        elif lemma_of(tok) in ("send", "dispatch"):
            # "sent his foreign minister, Osman Saleh, to Addis Ababa": the envoy goes, he is not visited
            envoys = lexicon().classes.get("envoy", set())
            sent = [o for o in targets_from if lemma_of(o) in envoys]
            targets_from = [o for o in targets_from if lemma_of(o) not in envoys]
            if not any(r.actor_id for r in sources):
                sources = ctx.refs(sent) or sources   # (a sender the text leaves unnamed: the envoy travels)
        elif lemma_of(tok) in lexicon().signing_verbs:
            # "signed a peace agreement in Qatar": the agreement signed is no party to it
            deals = lexicon().classes.get("proposal", set())
            targets_from = [o for o in targets_from if lemma_of(o) not in deals]
        # "Rwanda, which UN experts accuse of ...": a relative pronoun object is its antecedent
        targets_from = [x for o in targets_from for x in (
            conjuncts(antecedent(tok, o)) if o.lower_ in RELATIVE and tok.dep_ == "relcl" else [o])]
        if etype == "AID" and not targets_from:
            # "would help rebuild the Lebanese army": the helped party is the complement's object
            targets_from = [o for c in children(tok) if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
                            for o in objects(c)]
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
                    targets += [r for r in aimed_at if r.actor_id and ref_key(r) not in {ref_key(x) for x in targets}]
    preps = preps_for(etype, TARGET_PREPS)
    if lemma_of(tok) in lexicon().signing_verbs:
        preps = preps - {"for"}   # "signed for Yerevan": the side one signs on behalf of
    extra = prep_objects(tok, preps)
    if etype in HOSTILE:
        # "struck Kharkiv with drones": what an attack is made with is no party to it
        lex = lexicon()
        tools = lex.classes.get("instruments", set()) | lex.classes.get("arms", set())
        extra = [o for o in extra if not (lemma_of(o) in tools and any(
            p.dep_ == "prep" and lemma_of(p) == "with" and o in set(children(p)) for p in children(tok)))]
    if noun is None:
        # "ratified an agreement with the EU", "signed a deal between X and Y"
        agreements = lexicon().classes.get("proposal", set())
        for o in objects(tok):
            if lemma_of(o) in agreements:
                extra += prep_objects(o, {"with", "between"})
    if noun is not None:
        extra += prep_objects(noun, preps_for(etype, NOUN_TARGET_PREPS))
        lex = lexicon()
        theirs = any(lemma_of(noun) in lex.classes.get(c, ()) for c in lex.possessor_targets)
        for c in children(noun):
            if c.dep_ == "poss" and theirs:
                extra.append(c)   # "their demands were met": the demander is answered, not acting
            elif c.dep_ == "poss" and not sources:
                sources = ctx.refs([c])
    targets += [r for r in ctx.refs(extra) if r.actor_id not in {t.actor_id for t in targets}]
    return sources, targets


def instrument_states(ctx: Context, tok: Token) -> list[ActorRef]:
    """"killed in an Israeli air strike", "wounded by Russian shelling", "hit by Ukrainian drones":
    the state named on the weapon or on the strike is the agent a passive leaves out."""
    out: list[ActorRef] = []
    for c in children(tok):
        if c.dep_ not in ("prep", "agent") or lemma_of(c) not in ("in", "by", "during", "under"):
            continue
        for o in (x for p in children(c) if p.dep_ in ("pobj", "pcomp") for x in conjuncts(p)):
            out += [r for r in _weapon_states(ctx, o) if r.actor_id not in {x.actor_id for x in out}]
    return out


def _instrument_users(ctx: Context, tok: Token) -> list[ActorRef]:
    """"blown up by a missile believed to be fired by pro-Russia rebels": who used the weapon
    the passive names as its agent."""
    lex = lexicon()
    tools = lex.classes.get("instruments", set()) | lex.classes.get("arms", set())
    for o in agent_tokens(tok):
        if lemma_of(o) not in tools:
            continue
        for verb in (c for c in children(o) if c.dep_ == "acl"):
            # "a missile fired by X", "a missile believed to be fired by X"
            for v in [verb] + [c for c in children(verb) if c.dep_ == "xcomp"]:
                got = ctx.refs(agent_tokens(v))
                if got:
                    return got
    return []


def _weapon_states(ctx: Context, o: Token) -> list[ActorRef]:
    """States named on an attack or weapon noun ("Israeli tank fire", "US drone strikes")."""
    lex = lexicon()
    entry = match_noun(lex, o)
    instruments = lex.classes.get("instruments", set())
    if not (lemma_of(o) in instruments or o.lower_ in instruments
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
    sources += ctx.refs(agent_tokens(tok))
    mods = [c for c in children(tok) if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
    entry = match_noun(lexicon(), tok)
    if entry is not None and entry.code.startswith("084"):
        # "the hostage releases", "a prisoner swap": the people named on a release are released
        people = lexicon().classes.get("prisoners", set())
        freed = [c for c in mods if lemma_of(c) in people]
        mods = [c for c in mods if c not in freed]
        targets_first = ctx.refs(freed)
    else:
        targets_first = []
    if not sources:
        sources = ctx.refs(mods)
        # "a Russian drone strike": the state that struck, not the weapon as a second actor
        sources = [s for s in sources if s.actor_id] or sources
    if not sources and tok.dep_ == "pobj" and lemma_of(head_of(tok)) == "on" \
            and lemma_of(tok) in lexicon().classes.get("visit", ()) and head_of(head_of(tok)).pos_ == "VERB":
        # "Rubio warned on a visit to Guyana": the visitor is the one who warned
        sources = ctx.refs(subject_tokens(head_of(head_of(tok))))
    if not sources and etype == "CONSULT" and tok.dep_ == "pobj" and lemma_of(head_of(tok)) == "for" \
            and head_of(head_of(tok)).pos_ in ("VERB", "AUX"):
        # "Clinton flew to Damascus for talks with Assad", "is due in Cairo for talks": who
        # goes or is there for talks holds them
        sources = ctx.refs(subject_tokens(head_of(head_of(tok))))
    if not sources and etype in VERBAL:
        # "a protest from Georgetown", "pressure from Congress": who said it (a withdrawal from
        # a town is a place left, so only words and meetings)
        sources = [r for r in ctx.refs(prep_objects(tok, {"from"})) if r.actor_id]
    between = prep_objects(tok, {"between"})
    moved = [o for o in prep_objects(tok, {"of"}) if lemma_of(o) in lexicon().classes.get("troops", ())] \
        if etype in ("MOBILIZE", "RETREAT") and not sources else []
    if moved:
        # "the massing of Chinese troops", "the withdrawal of Israeli forces": the troops move
        sources = ctx.refs(moved)
    targets = targets_first + ctx.refs([t for t in prep_objects(tok, preps_for(etype, NOUN_TARGET_PREPS) - {"between"})
                                        if t not in moved])
    if tok.dep_ == "pobj" and lemma_of(head_of(tok)) in ("in", "during") \
            and lemma_of(head_of(head_of(tok))) in lexicon().undergoing_verbs:
        # "six militants died in a US drone strike": who died is struck
        targets += [r for r in ctx.refs(subject_tokens(head_of(head_of(tok)))) if ref_key(r) not in {ref_key(t) for t in targets}]
    if between:
        pair = ctx.refs(between)
        if not sources and len(pair) > 1 and entry is not None and entry.code in lexicon().mutual_codes:
            return pair, targets, True   # "clashes between the army and the rebels": each on the other
        if not sources and pair:
            sources, targets = pair[:1], pair[1:] + targets
        else:
            targets += pair
    return sources, targets, bool(sources)


def troop_movement(lex: Lexicon, tok: Token) -> str | None:
    """"Indian peacekeepers arrived in Juba", "Russian paratroopers landed in Almaty": troops
    travelling are not a visit; peacekeepers give protection (CAMEO 074), others deploy (150)."""
    subj = subject_tokens(tok)
    troops = lex.classes.get("troops", set())
    if not subj or subj[0].pos_ != "NOUN":
        return None
    head = subj[0]
    if lemma_of(head) in lex.quantity_nouns:   # "hundreds of troops", "the first contingent of police"
        head = next((o for p in children(head) if p.dep_ == "prep" and lemma_of(p) == "of"
                     for o in children(p) if o.dep_ == "pobj"), head)
    if lemma_of(head) not in troops:
        return None
    words = {t.lower_ for t in subtree(head) if t.i <= head.i}
    return "074" if any(w.startswith("peacekeep") for w in words) else "150"


def accused(ctx: Context, tok: Token) -> list[ActorRef]:
    """"Armenia alleged that Azerbaijani forces fired on ...", "charged that the army had looted
    ...": the accused is the actor of the alleged act, the complement's subject (its by-agent
    when the complement is passive)."""
    out = []
    for c in children(tok):
        if c.dep_ != "ccomp":
            continue
        doers = agent_tokens(c) if is_passive(c) else subject_tokens(c)
        out += [r for r in ctx.refs(doers) if r.actor_id]
    return out


def holders(ctx: Context, tok: Token) -> list[ActorRef]:
    """"called for the release of Palestinians held by Israel", "demanded the return of hostages
    taken by Hamas": a demand to free people is addressed to whoever holds them."""
    things = [c for c in children(tok) if c.dep_ in OBJECT_DEPS] + prep_objects(tok, {"for"})
    out = []
    for thing in things:
        for t in subtree(thing):
            if t.dep_ == "acl" and t.tag_ == "VBN":
                out += [r for r in ctx.refs(agent_tokens(t)) if r.actor_id]
    return out


def _argument_path(t: Token, top: Token) -> bool:
    """Only argument links lead from a complement to a party: objects and target phrases, not
    reasons, times or descriptions ("cut ties with Congo [over its ties with Israel]", "two
    nationals [suspected of blowing up a plane]")."""
    allowed = TARGET_PREPS | {"on", "at", "from"}
    cur = t
    while cur.i != top.i and head_of(cur).i != cur.i:
        if cur.dep_ in ("prep", "dative", "agent") and lemma_of(cur) not in allowed:
            return False
        if cur.dep_ in ("acl", "relcl", "advcl", "appos"):
            return False
        cur = head_of(cur)
    return True


def complement_targets(ctx: Context, tok: Token, unnamed: bool = False) -> list[ActorRef]:
    """Parties a proposal or demand acts upon: objects inside its complement clause
    ("proposals to bring Israel and Hamas closer"); with ``unnamed``, a demand's addressee
    that no actor names ("demanded that Western countries stop ...")."""
    asked = [x for c in children(tok) if c.dep_ == "ccomp" or (c.dep_ == "advcl" and for_to(c))
             for s in children(c) if s.dep_ in SUBJECT_DEPS for x in conjuncts(s)]
    got = ctx.refs(asked)
    if any(r.actor_id for r in got) and lemma_of(tok) not in lexicon().governors["speech"]:
        return [r for r in got if r.actor_id]
    lex = lexicon()
    named = [s for s in asked if lemma_of(s) in lex.agent_nouns or lemma_of(s) in lex.state_nouns]
    if unnamed and named and lemma_of(tok) not in lex.governors["speech"]:
        # "demanded that Western countries stop arming Kyiv": asked of them, though unnamed
        return got or [ActorRef(None, text_of(ctx.doc)[s.left_edge.idx:s.idx + len(s.text)], s.left_edge.idx,
                                s.idx + len(s.text)) for s in named]
    out = []
    for c in children(tok):
        if c.dep_ == "prep" and lemma_of(c) == "for" and lemma_of(tok) not in lexicon().governors["speech"]:
            # "called for sanctions against Nigeria": the party the act asked for is aimed at
            for g in (x for x in children(c) if x.dep_ == "pobj"):
                # "called for Israel and Hezbollah to respect the truce": the for-object itself too
                out.extend(x for t in subtree(g) if t.dep_ == "pobj" and _argument_path(t, g)
                           and (t.i != g.i or t.pos_ == "PROPN") for x in conjuncts(t))
        if c.dep_ in ("xcomp", "acl", "ccomp", "relcl") or (c.dep_ == "dobj"):
            for g in ([c] if c.dep_ != "dobj" else [x for x in children(c) if x.dep_ in ("acl", "relcl")]):
                for t in subtree(g):
                    if t.dep_ in OBJECT_DEPS | DATIVE_DEPS | {"pobj"} and head_of(t).dep_ != "agent" \
                            and not (t.dep_ == "pobj" and lemma_of(head_of(t)) in LOCATIVE_PREPS) \
                            and _argument_path(t, g):
                        out.extend(conjuncts(t))
    return [r for r in ctx.refs(out) if r.actor_id]


def location_for(ctx: Context, toks: list[Token], sent: SpacySpan, used: set[int]) -> str | None:
    place = location_span(ctx, toks, sent, used)
    return place.text if place is not None else None


def location_span(ctx: Context, toks: list[Token], sent: SpacySpan, used: set[int]) -> SpacySpan | None:
    places, anchored = ctx.place_anchors(sent)
    anchors = [(e, at) for e, at in anchored if not any(i in used for i in range(e.start, e.end))]
    for tok in toks:
        for e, at in anchors:
            if at == tok:
                return e
        # "in Egypt, where X is meeting Y"
        t = tok
        while t.dep_ == "conj":
            t = head_of(t)
        if t.dep_ == "relcl" and any(c.lower_ == "where" for c in children(t)):
            if head_of(t).ent_type_ in ("GPE", "LOC", "FAC"):
                where = head_of(t)
                return next((e for e in places if e.start <= where.i < e.end), where.doc[where.i: where.i + 1])
    return None


def place_country_of(ctx: Context, place: SpacySpan | None) -> str | None:
    if place is None:
        return None
    ref = ctx._direct(place.root)
    got = ctx.country(ref.actor_id) if ref is not None else None
    return got or place_state(place.text)


def localise_agents(ctx: Context, lex: Lexicon, refs: list, country: str | None) -> list:
    """CAMEO convention: an agent named by what it is and not whose ("police", "protesters",
    "residents") belongs to the state where the event happens ("police fired tear gas at
    protesters in Cairo": EGY police, EGY protesters)."""
    if country is None:
        return refs
    return [ActorRef(country, r.text, r.start, r.end)
            if r is not None and r.actor_id is None and agent_heads(ctx, lex, r) & lex.local_agents else r
            for r in refs]


def agent_heads(ctx: Context, lex: Lexicon, ref: ActorRef) -> set[str]:
    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return {lemma_of(t) for t in span_tokens(span) if lemma_of(t) in lex.agent_nouns} if span is not None else set()


def same_party(ctx: Context, lex: Lexicon, a: ActorRef, b: ActorRef) -> bool:
    """One party, not two: the same actor, unless both are a state's agents of different kinds
    (CAMEO's GEOOPP and GEOGOV: "Georgian protesters attacked the Georgian government")."""
    if ref_key(a) != ref_key(b):
        return False
    ha, hb = agent_heads(ctx, lex, a), agent_heads(ctx, lex, b)
    return not (ha and hb and not ha & hb)


def dateline_subject(ctx: Context, tok: Token, sources: list[ActorRef]) -> list[ActorRef]:
    """"CAIRO, Aug 20 (Agency) – Blinken met ...": a dateline before the dash is not the
    subject; the parser often makes it one. Take the phrase between the dash and the verb."""
    sent = sent_of(tok)
    if not any(d in text_of(tok.doc)[sent.start_char:sent.end_char] for d in DASH_CHARS):
        return sources   # no dash at all
    # a dateline dash stands apart, among the first 25 tokens; a hyphen inside a word ("UK-based")
    # is no dash
    toks = parse_tree(tok.doc).toks
    dash = next((t for t in toks[sent.start:min(sent.end, sent.start + 25)] if t.text in DASHES
                 and (t.text != "-" or (t.whitespace_ and t.i > 0 and toks[t.i - 1].whitespace_))), None)
    if dash is None or dash.i > tok.i or not any(t.ent_type_ == "DATE" or t.is_upper for t in toks[sent.start:dash.i]):
        return sources
    heads = [t for t in toks[dash.i + 1: tok.i] if t.pos_ in ("PROPN", "NOUN")
             and not (dash.i < head_of(t).i < tok.i)]
    if sources and all(s.start > dash.idx for s in sources):
        # "OUAGADOUGOU, March 4 - Gbagbo and rebel leader Soro signed": the parser may hang the
        # first of two subjects on the dateline and keep only the second
        lost = [h for h in heads if head_of(h).i < dash.i and any(
            c.dep_ == "cc" and c.i + 1 < len(toks) and any(s.start == toks[c.i + 1].idx for s in sources)
            for c in children(h))]
        extra = [r for r in ctx.refs(lost) if not any(x.start < r.end and r.start < x.end for x in sources)]
        return extra + sources
    if not sources and (is_passive(tok) or not any(t.i < dash.i for t in subject_tokens(tok))):
        # "... signed a deal, making him the fourth leader forced out by the uprisings": a verb
        # whose own subject or agent names no one takes none from the lead
        return sources
    return ctx.refs([x for h in heads for x in conjuncts(h)]) or sources


def _sides(ctx: Context, speaker: ActorRef, speech: Token | None) -> set[str]:
    """The speaker, its state, and actors named in its description ("chief Palestinian
    negotiator Saeb Erakat")."""
    sides = _own_side(ctx, speaker.actor_id)
    if speech is not None:
        for subj in subject_tokens(speech):
            for t in subtree(subj):
                # "the NUT, the teachers' union, said it had ...": the apposition is the speaker too
                if (t.i < subj.i and t.dep_ in MODIFIER_DEPS) or (t.dep_ == "appos" and head_of(t).i == subj.i):
                    r = ctx._direct(t)
                    if r is not None:
                        sides |= {r.actor_id, ctx.country(r.actor_id)}
    sides.discard(None)
    return sides


def _own_side(ctx: Context, actor_id: str | None) -> set[str]:
    """The actor, its state, and the bodies it belongs to ("Moses Lopez, an adviser to the rebel
    forces": the forces, and what they belong to)."""
    mine = {actor_id, ctx.country(actor_id)}
    actor, seen = ctx.actor(actor_id), set()
    while actor is not None and actor.affiliation and actor.affiliation not in seen:
        seen.add(actor.affiliation)
        mine.add(actor.affiliation)
        actor = ctx.actor(actor.affiliation)
    mine.discard(None)
    return mine


def same_side(ctx: Context, speaker: ActorRef, sources: list[ActorRef], speech: Token | None = None) -> bool:
    sides = _sides(ctx, speaker, speech)
    return any(s.actor_id in sides or ctx.country(s.actor_id) in sides for s in sources)


def _other_side(ctx: Context, speaker: ActorRef, sources: list[ActorRef]) -> bool:
    """Both sides' states are known and differ (or the speaker is itself a state actor
    speaking of another named actor)."""
    mine = ctx.country(speaker.actor_id)
    theirs = {ctx.country(s.actor_id) for s in sources}
    return mine is not None and None not in theirs and mine not in theirs


def last_naming(ctx: Context, actor_id: str, before: int) -> list[ActorRef]:
    """The actor as last named before ``before``: where an implicit party is shown (by a name
    or description, not a pronoun, when it has one)."""
    named = [m for m in getattr(ctx.actors, "mentions", ()) or () if m.actor_id == actor_id and m.end <= before]
    named = [m for m in named if getattr(m, "via", None) != "pronoun"] or named
    if not named:
        return []
    m = max(named, key=lambda m: m.start)
    return [ActorRef(actor_id, m.text, m.start, m.end)]


def pair_refs(ctx: Context, pair: list[str], before: int) -> list[ActorRef]:
    return [r for side in pair for r in last_naming(ctx, side, before)] if len(pair) == 2 else []


def counterpart(ctx: Context, src: ActorRef, before: int) -> list[ActorRef]:
    """The other side, when ``src`` (or the body it belongs to) is one of the two sides the
    article has named together before ``before``."""
    pair = ctx.pair_ids(before)
    side = src.actor_id
    if side not in pair:
        actor = ctx.actor(side)
        side = actor.affiliation if actor is not None and actor.affiliation in pair else None
    if side is None:
        # "Damascus" when the sides were named by their leaders ("al-Sharaa and the SDF")
        led = [i for i in pair if getattr(ctx.actor(i), "affiliation", None) == src.actor_id]
        side = led[0] if len(led) == 1 else None
    if side is None:
        return []
    # the implicit side is shown at its last naming before the act
    return last_naming(ctx, next(i for i in pair if i != side), before)


def naming_near(ctx: Context, actor_id: str, before: int) -> list[ActorRef]:
    """The actor's last naming before ``before``, else its first naming after."""
    shown = last_naming(ctx, actor_id, before)
    if shown:
        return shown
    named = [m for m in getattr(ctx.actors, "mentions", ()) or () if m.actor_id == actor_id
             and getattr(m, "via", None) != "pronoun"]
    m = min(named, key=lambda m: m.start, default=None)
    return [ActorRef(actor_id, m.text, m.start, m.end)] if m is not None else []


def story_sides(ctx: Context, src: ActorRef, before: int) -> list[ActorRef]:
    """Where an act names no one it is aimed at: the story's two sides (named side by side
    before it, else anywhere in the story). One side's act is aimed at the other, an outsider's
    at both; event coders code such an act as a dyad of the negotiation's sides, not as one
    with no target."""
    # (one sentence, as event-coding sets give them, is no story: its own words name its
    # arguments, and sides named after the act in it are not inferred)
    story = sent_of(ctx.doc[len(ctx.doc) - 1]).start > 0
    pair = ctx.pair_ids(before) or (ctx.pair_ids(len(text_of(ctx.doc))) if story else [])
    if len(pair) != 2:
        return []
    mine = _own_side(ctx, src.actor_id)
    side = [i for i in pair if i in mine]
    if not side:
        # a body of one side's state ("Cuban troops" of Cuba), when the other side is of another
        side = [i for i in pair if ctx.country(i) is not None and ctx.country(i) in mine]
    if len(side) == 2:
        return []      # both sides are the source's own: an internal act, no dyad to infer
    others = [i for i in pair if i not in side]
    return [r for i in others for r in naming_near(ctx, i, before)]
