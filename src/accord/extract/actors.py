"""Actor mentions -> canonical actors.

Public interface other extractors rely on (stable):

    extract_actors(doc, article_id, date=None) -> ArticleActors
    ArticleActors.actors        dict actor_id -> Actor
    ArticleActors.mentions      list[Mention] sorted by start
    ArticleActors.mention_at(start, end) -> Mention | None
    ArticleActors.ref_for_token(token) -> ActorRef | None   (noun-phrase head -> actor; pronouns resolved)
    ArticleActors.ref_for_span(span) -> ActorRef | None
    ArticleActors.actor_for_token(token) -> Actor | None

How mentions are found, in order (each step only looks at tokens no earlier step claimed):

1. Knowledge base names (``accord/kb``), one PhraseMatcher pass, longest match wins: states (names,
   demonyms, capitals, seats such as "the Kremlin"), IGOs, armed groups and parties, known persons,
   news outlets, and places that are never actors ("Rafah", "El Fasher"). A capital after a
   locative preposition or modifying a noun ("talks in Riyadh", "the Doha talks") is a place.
   A one-word KB name that is only part of a longer organisation's name is not that actor: it heads
   an "X of Y" name ("Congress of South African Trade Unions") or ends a name whose other words the
   KB does not know ("Indian National Congress"); the longer name becomes the organisation, with the
   demonym inside it as its affiliation. A place opening a PERSON entity ("Kharkiv Mayor Ihor
   Terekhov") stays a place; one ending it ("Yair Golan") is the person's name.
2. Datelines and spaCy entities the KB does not know. "KHARTOUM, June 3 (Nile Wire) -": the
   bracketed name is an outlet. PERSON (titles and possessive stripped) -> person with a slug id;
   ORG -> organisation (an ORG that starts with a KB name, "Hamas Politburo", is that name;
   "Egyptian Foreign Ministry" is the state with a sector; "US Trade Representative" is a title);
   GPE -> state when pycountry knows it (the KB's reading of a name first: "Congo" is the DRC). A
   name heading or modifying a weapon noun (``equipment_nouns``: "Thai F-16 jets", "Israeli Merkava
   tanks") is a make or model, not an actor; its demonym still names the state. An unknown name
   after "in/at/near" or opening a dateline is a place whatever its label. "Rapid Support Forces
   (RSF)" makes RSF an alias of the long form. An unknown organisation that is told something
   ("told CNBC") is an outlet. Adjacent PERSON entities are one name ("Oleksandr" + "Prokudin"). A
   capitalised word that only opens the sentence and modifies a force or sector noun ("Riot police",
   "Border guards") is no name, whatever label the tagger gave it.
3. Surnames and acronyms: any proper noun equal to the surname of a full name in the same article
   (or close to it, rapidfuzz ratio >= 85 for spelling variants) is that person, whatever label
   spaCy gave it (the small model tags surnames as NORP/ORG/GPE).
3b. Appositives: a common-noun appositive ("COSATU, the umbrella union for ...") is a description
   mention of the organisation or state it renames; an unknown name renamed by an organisation noun
   (``organisation_nouns``) is an organisation.
4. Sector phrases: a state/organisation name or demonym modifying a sector noun ("Ukrainian
   officials", "the Sudanese government", "Sudan's army") is a description mention of it with the
   sector kept. "The army" (``national_forces``) is the state named nearest before; "the junta",
   "the military government" (``national_governments``) the one state named earlier with that
   noun, else with a government phrase, else a military one, else the only state named so far
   (two candidates at the first step that has any: unresolved). "Riot police", "border guards"
   (``national_forces``) follow the army's rule, with the sector of their head noun (police).
5. Titles: "Israeli Prime Minister Benjamin Netanyahu", "senior Hamas official Osama Hamdan",
   "Yerlan Karin, a spokesman for the Collective Security Treaty Organization", "Egypt's Sissi",
   "Sisi of Egypt", "an aide to Vladimir Putin" give the person a title and an affiliation (the
   KB's affiliation wins for known persons). A definite title phrase standing alone ("the US
   envoy", "the secretary of state", "the Iranian foreign minister") links to the one earlier
   person of the article holding that very title, else of its class, else of a compatible class
   (``compatible`` in kb/roles.yaml), whose affiliation matches the phrase's qualifier; a
   qualified one with no such earlier person may name one introduced later ("Iran's top diplomat
   said ... Abbas Araghchi told"). Precision first: two holders at the first of those tiers that
   has any ("President Trump ... President Putin ... the president") leave the phrase unresolved,
   and so does an unnamed holder introduced since the person was named ("A Western diplomat said
   ... The diplomat said"); that unnamed source, when its phrase names no side, becomes a person of
   its own ("Western diplomat"). Failing that, a qualified phrase ("a senior Hamas official",
   "a spokesperson for the RSF", "Saudi and American officials") is a description mention of each
   side it names. "X, who is a spokesman for Y" and "X is the envoy of Y" count as appositives;
   ``ref_for_token`` maps a relative "who" to the noun it modifies.
6. Definite descriptions: "the group"/"the movement" (``group_nouns``) as subject or possessive
   refer to the last organisation, by the pronoun rule below; "Netanyahu's office" is Netanyahu,
   "Netanyahu's government" is his state, with the sector. "The militant group", "the armed group",
   "the rebels" (``armed_modifiers``, ``armed_group_nouns``), in any position, refer to the one
   non-state armed group named before (KB ``armed: true``, "ADF rebels", "X, an armed group ...", an
   unknown name ending in ``armed_name_words``); two or more leave the phrase unresolved.
7. Pronouns (documented rule, centering-style): he/she (his/her as possessives) refer to persons;
   they/it (their/its) to states, organisations and groups, never to outlets. Only subjects and
   possessives are resolved. A possessive first takes the subject of its own clause
   ("Netanyahu wants to keep his troops"). Otherwise the antecedent is, in order of preference:
   (a) a compatible subject earlier in the same sentence; (b) the compatible subject of the
   nearest of the three previous sentences that has one; (c) the most recent compatible mention in
   that window. For a pronoun of the narration, sentences wholly inside quotation marks do not
   count towards the three ('Aliyev said: "S1. S2. S3. S4." He urged ...'). "it" is skipped as the subject of expletive verbs or adjectives ("it is
   impossible to...", "made it clear"). coreferee, the alternative the issue names, needs an
   English model that is not on PyPI, so it could not be installed or measured here.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import bisect
import calendar
import functools
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pycountry
import spacy
from rapidfuzz import fuzz
from spacy.attrs import HEAD, LEMMA, LOWER, POS, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import NOUN, PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from accord.kb.loader import KB, load_kb, slug
from accord.records import Actor, ActorRef, Mention
from accord.nlp import (children, ents as nlp_ents, lefts, lower_of, owned_by_whose, rights, subject_named_before,
                        subtree, text_of, tokens, tokens_with)

__all__ = ["ArticleActors", "ActorsComponent", "extract_actors", "slug"]

# Entity labels that cannot be the subject of "said" or "told": a name tagged so ("Tatiana
# Stanovaya" as a facility) is still a speaker's (untagged_speakers).
MISREAD_SPEAKERS = frozenset({"", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})
# names of places, which may hold a person's name without naming that person ("the Haram al-Sharif")
PLACE_LABELS = frozenset({"FAC", "LOC", "GPE"})

SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
# words counting people, not describing them ("some analysts", "many diplomats")
QUANTIFIERS = frozenset(("some", "many", "several", "few", "most", "other", "various", "numerous", "all"))
# Dependents that attach a qualifier to a title or name inside a noun phrase.
NP_MODIFIER_DEPS = frozenset(("compound", "amod", "nmod", "poss", "det", "case", "punct", "npadvmod"))
PAST_STATES = frozenset(c.alpha_3 for c in pycountry.historic_countries)
PORTFOLIO_TITLES = frozenset(("secretary", "minister", "commissioner"))
OTHERS = frozenset(("other", "another", "rival", "splinter", "breakaway", "dissident", "holdout"))
PRONOUN_WINDOW = 3   # sentences looked back for an antecedent
GENDERED_PRONOUNS = {"she": "f", "her": "f", "hers": "f", "herself": "f",
                     "he": "m", "his": "m", "him": "m", "himself": "m"}


def _relative_subject(root: Token) -> bool:
    """"... led by Kuol Manyang Juuk, who said ...": the noun a "who" clause is about is that
    clause's subject, a pronoun's antecedent as much as a main clause's subject. So is a name the
    parser made the sentence's root, with its finite verb hung on it ("Kiir, for his part, called
    on ...")."""
    # (a past tense tagged as a participle too, after a name: "Kiir ... called")
    finite = ("VBD", "VBZ", "VBP", "VBN") if root.pos_ == "PROPN" else ("VBD", "VBZ", "VBP")
    if root.dep_ == "ROOT" and root.pos_ in ("PROPN", "NOUN") and any(
            c.dep_ == "acl" and c.tag_ in finite and c.i > root.i for c in root.children):
        return True
    return any(c.dep_ == "relcl" and any(g.dep_ in SUBJECT_DEPS and g.lower_ == "who" for g in c.children)
               for c in root.children)


@dataclass
class ArticleActors:
    article_id: str
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    text: str | None = None   # the article text (Doc.text rebuilds the string on every access)

    def __post_init__(self) -> None:
        self.index()

    def index(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping [start, end)."""
        i = bisect.bisect_right(self._starts, end)
        best = None
        for m in self.mentions[max(0, i - 20):i]:
            if m.start < end and m.end > start:
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        return best

    def mention_containing(self, start: int, end: int) -> Mention | None:
        """The smallest mention containing [start, end) (the token's own mention, not the phrase around it)."""
        i = bisect.bisect_right(self._starts, start)
        best = None
        for m in self.mentions[max(0, i - 20):i]:
            if m.start <= start and m.end >= end:
                if best is None or (m.end - m.start) < (best.end - best.start):
                    best = m
        return best

    def ref_for_span(self, span: Span) -> ActorRef | None:
        root = span.root
        m = self.mention_containing(root.idx, root.idx + len(root.text)) or \
            self.mention_at(span.start_char, span.end_char)
        if m is None:
            return None
        return ActorRef(m.actor_id, span.text, span.start_char, span.end_char)

    def ref_for_token(self, token: Token) -> ActorRef | None:
        """The actor a noun-phrase head refers to; the text runs from the phrase's left edge."""
        end = token.idx + len(token.text)
        m = self.mention_containing(token.idx, end)
        if m is None and token.lower_ == "whose" and token.head.head.dep_ == "relcl":
            # "the Sudanese army, whose leaders said ...": the noun the clause modifies
            noun = token.head.head.head
            ref = self.ref_for_token(noun) if noun.i != token.i else None
            return ActorRef(ref.actor_id, token.text, token.idx, end) if ref else None
        if m is None and token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
            # "Hamdan, who told Reuters ...": the relative pronoun is the noun it modifies
            noun = token.head.head
            ref = self.ref_for_token(noun) if noun.i != token.i else None
            return ActorRef(ref.actor_id, token.text, token.idx, end) if ref else None
        if m is None and (token.pos_ == "NOUN" or token.pos_ == "PROPN" and not token.ent_type_) \
                and token.whitespace_ and token.i + 1 < len(token.doc):
            # "Koirala and Maoist chairman Prachanda signed", the name parsed as an apposition to
            # the first conjunct: a common noun right before a person's name is that person's title
            # (a capitalised one too: "... and Afghan Foreign Minister Abdul Wakil signed")
            name = token.doc[token.i + 1]
            n = self.mention_containing(name.idx, name.idx + len(name.text))
            actor = self.actors.get(n.actor_id) if n is not None else None
            if actor is not None and actor.kind == "person" and n.start == name.idx and name.dep_ in ("appos", "compound"):
                return ActorRef(n.actor_id, (self.text or text_of(token.doc))[token.left_edge.idx:n.end],
                                token.left_edge.idx, n.end)
        if m is None:
            return None
        left = token.idx
        if token.pos_ in ("NOUN", "PROPN"):
            first = token.left_edge
            while first.i < token.i and (first.is_punct or first.is_space):
                first = token.doc[first.i + 1]   # a stray quote mark the parser hung on the phrase
            left = first.idx
        start = min(left, m.start)
        stop = max(m.end, end)
        text = self.text if self.text is not None else text_of(token.doc)
        return ActorRef(m.actor_id, text[start:stop], start, stop)

    def actor_for_token(self, token: Token) -> Actor | None:
        ref = self.ref_for_token(token)
        return self.actors.get(ref.actor_id) if ref and ref.actor_id else None


# --------------------------------------------------------------------------- KB index (built once)

@dataclass
class _Index:
    kb: KB
    names: PhraseMatcher
    titles: PhraseMatcher
    name_keys: dict[int, tuple[str, str, str | None]]   # match id -> (actor_id, via, sector)
    country_names: dict[str, str]                        # lowercased pycountry name -> alpha-3
    # string hashes of the words the token-level steps look at, so they scan arrays, not Tokens
    pronoun_hashes: frozenset[int]
    description_hashes: frozenset[int]
    outlet_words: frozenset[str]                         # lower-cased


# the phrases that may name an unnamed source after its noun ("a diplomat in Khartoum", "a source
# close to the talks", "a participant in the negotiations")
POSTMODIFYING_PREPS = frozenset(("in", "at", "close", "familiar", "involved", "following", "near", "inside", "from"))
LOCATING_PREPS = frozenset(("in", "at", "near", "inside"))   # where they speak from, not whose they are
NAMING_PREPS = POSTMODIFYING_PREPS | {"on"}   # ... and "on both sides": what else names such a group

INITIAL = re.compile(r"^[A-Z]\.$")   # "P." of "George P. Shultz"
MONTHS_AND_DAYS = frozenset(n.lower() for n in (*calendar.month_name[1:], *calendar.day_name))
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['\u2019][^\W\d_]+)+$")   # "O'Neill", "D'Alema"

# a name given right after a person's own: "known as Y", "(also known as Y)", a quoted "Y"
NICKNAME = re.compile(r"""\s*(?:,?\s*\(?(?:also\s+|better\s+|widely\s+|popularly\s+)?known\s+as\s+"""
                      r"""([A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?)(?=[,.;:)]|\s[a-z])"""
                      r"""|["\u201c]([A-Z][\w'\u2019-]+)["\u201d])""")


def _main_subject(tok: Token) -> bool:
    """The subject of its sentence's main verb (or of a verb coordinated with it)."""
    verb = tok.head
    return tok.dep_ in SUBJECT_DEPS and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _capitals(kb: KB) -> dict[str, str]:
    """Lower-cased capital names -> their state (built once per KB)."""
    caps = getattr(kb, "_capitals", None)
    if caps is None:
        caps = kb._capitals = {n.text.lower(): n.actor_id for n in kb.names if n.via == "capital"
                               and kb.entries.get(n.actor_id) is not None and kb.entries[n.actor_id].kind == "state"}
    return caps


def _person_index(kb: KB) -> tuple[dict, dict]:
    """KB persons by the slug words their names end with, and by alias slug. Built once per KB:
    scanning every entry for each surname cost a third of all extraction time."""
    index = getattr(kb, "_person_index", None)
    if index is None:
        suffixes: dict[tuple, set] = defaultdict(set)
        aliases: dict[str, set] = defaultdict(set)
        for e in kb.entries.values():
            if e.kind != "person":
                continue
            words = slug(e.name).split("-")
            for k in range(1, len(words)):
                suffixes[tuple(words[-k:])].add(e.actor_id)
            for alias in e.aliases:
                aliases[slug(alias)].add(e.actor_id)
        index = kb._person_index = (dict(suffixes), dict(aliases))
    return index


def _plural(phrase: str) -> str:
    """English plural of a title phrase's head ("secretary of state" -> "secretaries of state")."""
    words = phrase.split(" ")
    i = words.index("of") - 1 if "of" in words else len(words) - 1
    w = words[i]
    if w.endswith("man"):
        w = w[:-3] + "men"
    elif w.endswith("y") and w[-2:-1] not in "aeiou":
        w = w[:-1] + "ies"
    elif w.endswith(("s", "sh", "ch", "x")):
        w += "es"
    else:
        w += "s"
    return " ".join(words[:i] + [w] + words[i + 1:])


_INDEXES: dict[tuple[int, int], tuple[object, _Index]] = {}


def _index_for(vocab, kb: KB) -> _Index:
    # Keyed by the vocab object: spaCy worker processes each get their own vocab and index.
    key = (id(vocab), id(kb))
    hit = _INDEXES.get(key)
    if hit is not None and hit[0] is vocab:
        return hit[1]
    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    names = PhraseMatcher(vocab, attr="ORTH")
    name_keys: dict[int, tuple[str, str, str | None]] = {}
    groups: dict[str, list[str]] = {}
    for n in kb.names:
        label = f"{n.actor_id}\x1f{n.via}\x1f{n.sector or ''}"
        groups.setdefault(label, []).append(n.text)
    # datelines spell places in capitals ("ISTANBUL, May 16")
    groups["\x1fplace\x1f"] = sorted(kb.places | {p.upper() for p in kb.places})
    for label, texts in groups.items():
        names.add(label, list(tokenizer.pipe(texts)))
        aid, via, sector = label.split("\x1f")
        name_keys[vocab.strings[label]] = (aid, via, sector or None)
    titles = PhraseMatcher(vocab, attr="LOWER")
    by_class: dict[str, list[str]] = {}
    for phrase, cls in kb.titles.items():
        by_class.setdefault(cls, []).extend((phrase, _plural(phrase)))
    for cls, phrases in by_class.items():
        titles.add(cls, list(tokenizer.pipe(phrases)))
    country_names = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                country_names[n.lower()] = c.alpha_3
    # the KB's reading of a state name outranks pycountry's ("Congo" is the DRC in the news)
    for n in kb.names:
        if n.via == "name" and n.text.lower() in country_names and kb.entries[n.actor_id].kind == "state":
            country_names[n.text.lower()] = n.actor_id
    pronouns = frozenset(vocab.strings.add(w) for w in kb.pronouns)
    nouns = set(kb.sectors) | kb.words.get("group_nouns", set()) | kb.words.get("person_bodies", set()) \
        | kb.words.get("armed_group_nouns", set())
    descriptions = frozenset(vocab.strings.add(w) for w in nouns)
    outlet_words = frozenset(w.lower() for w in kb.words.get("outlet_words", ()))
    index = _Index(kb, names, titles, name_keys, country_names, pronouns, descriptions, outlet_words)
    _INDEXES[key] = (vocab, index)
    return index


# the same names are slugged again and again (every mention, every surname candidate)
_slug = functools.lru_cache(maxsize=1 << 16)(slug)
# Small words inside an organisation's name ("Front for Change and Concord in Chad").
NAME_CONNECTORS = frozenset({"and", "of", "for", "in", "the", "de"})
# A people within a state, whose demonym names no state ("the Serb minority").
PEOPLE_NOUNS = frozenset({"minority", "community", "population", "diaspora"})


def _peoples(kb: KB) -> tuple[dict[str, tuple[str, ...]], dict[str, str], dict[str, str]]:
    """Each state's demonyms as the KB lists them, the adjective first ("Serbian", "Serbs", "Serb");
    the state each demonym names; and the state each one-word name names ("Kosovo"). Built once
    per KB (kept on it, as ``_forms``)."""
    got = kb.__dict__.get("_peoples")
    if got is None:
        forms: dict[str, list[str]] = {}
        names: dict[str, str] = {}
        for n in kb.names:
            if n.via == "demonym":
                forms.setdefault(n.actor_id, []).append(n.text)
            elif n.via == "name" and " " not in n.text and getattr(kb.entries.get(n.actor_id), "kind", None) == "state":
                names[n.text] = n.actor_id
        got = kb.__dict__["_peoples"] = ({k: tuple(v) for k, v in forms.items()},
                                         {f: aid for aid, v in forms.items() for f in v}, names)
    return got


def _forms(kb: KB, key: str) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """The multiword forms of a KB word list ("riot police") as lower-cased word tuples, and
    their head words; built once per KB (kept on it, as ``_person_index``), not at every article."""
    cache = kb.__dict__.setdefault("_forms", {})
    got = cache.get(key)
    if got is None:
        forms = frozenset(tuple(f.lower().split()) for f in kb.words.get(key, ()))
        got = cache[key] = (forms, frozenset(f[-1] for f in forms))
    return got


def _acronym_chain(toks, i: int) -> tuple[int, int]:
    """The token range of the acronyms glued by hyphens around ``toks[i]`` ("CNDD-FDD",
    "SPLM-IO"); a state's code is no part of one ("US-UK talks")."""
    def acronym(j: int) -> bool:
        t = toks[j]
        return t.is_upper and t.text.isalnum() and len(t.text) <= 8 and t.ent_type_ not in ("GPE", "NORP")

    def glued(hyphen: int) -> bool:
        return 0 < hyphen < len(toks) - 1 and toks[hyphen].text == "-" and not toks[hyphen].whitespace_ \
            and not toks[hyphen - 1].whitespace_ and acronym(hyphen - 1) and acronym(hyphen + 1)
    if not acronym(i):
        return i, i + 1
    start, end = i, i + 1
    while glued(start - 1):
        start -= 2
    while glued(end):
        end += 2
    return start, end


def _long_form_start(words: str, acronym: str) -> int | None:
    """Where the name an acronym abbreviates starts in ``words`` (the text before its
    parenthesis), by Schwartz & Hearst's matching (2003): the acronym's letters are found from
    the right, in order, the first at the start of a word ("Farabundo Marti National Liberation
    Front (FMLN)"). Written here because the libraries that ship it need a model download."""
    short, long = acronym.lower(), words.lower()
    si, li = len(short) - 1, len(long) - 1
    while si >= 0:
        c = short[si]
        if not c.isalnum():
            si -= 1
            continue
        while li >= 0 and (long[li] != c or si == 0 and li > 0 and long[li - 1].isalnum()):
            li -= 1
        if li < 0:
            return None
        li -= 1
        si -= 1
    return li + 1


def _hyphen_glued(tok: Token) -> bool:
    """"Al" of "Al-Thani": one part of a hyphenated name is no name of its own."""
    doc = tok.doc
    after = tok.i + 1 < len(doc) and not tok.whitespace_ and doc[tok.i + 1].text == "-"
    before = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    return after or before


def _fold(text: str) -> str:
    """Accents folded ("García" -> "Garcia"), as the KB's names often are."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _kb_slugs(kb: KB) -> dict[str, str]:
    """Slug of every KB name and alias -> its actor id; built once per KB (kept on it, as
    ``_forms``)."""
    got = kb.__dict__.get("_slugs")
    if got is None:
        got = kb.__dict__["_slugs"] = {}
        for e in kb.entries.values():
            for n in (e.name, *e.aliases):
                got.setdefault(_slug(n), e.actor_id)
    return got


# --------------------------------------------------------------------------- per-article state

@dataclass
class _M:
    """A mention under construction (token offsets)."""
    start: int
    end: int
    actor_id: str
    via: str
    sector: str | None = None
    subject: bool = False     # its head is a clause subject (pronoun antecedent preference)


@dataclass
class _A:
    """An actor under construction."""
    actor_id: str
    name: str
    kind: str
    affiliation: str | None = None
    title: str | None = None
    is_outlet: bool = False
    from_kb: bool = False
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None     # f | m: from the KB, a gendered honorific or title, or a resolved she/he
    armed: bool = False           # a non-state armed group (KB, or named so in the article)
    # a second post named in a clause ("Muyaya, who is also communications minister"): "the
    # minister" may then be him
    other_titles: list[str] = field(default_factory=list)
    former: bool = False          # "former Saint Lucia Prime Minister": no longer acts for it


class _Article:
    def __init__(self, doc: Doc, article_id: str, ix: _Index, date: str | None = None) -> None:
        self.doc, self.article_id, self.ix, self.kb = doc, article_id, ix, ix.kb
        self.date = date                                   # YYYY-MM-DD: whose capital "Moscow" is
        # index this list, not the Doc: every doc[i] builds a new Token object
        self.toks: list[Token] = tokens(doc)
        self.text = text_of(doc)
        self.owner: list[_M | None] = [None] * len(doc)   # token -> its (smallest) mention
        self.mentions: list[_M] = []
        self.actors: dict[str, _A] = {}
        self._label_counts: Counter | None = None   # (entity text, label) -> times tagged so
        self.aliases: dict[str, str] = {}                  # article-level surname/acronym -> actor
        self.title_used: set[int] = set()                  # token ids of titles already explained
        self.blocked: set[int] = set()                     # tokens the KB says are no actor here
        self.capital_at: dict[int, str] = {}               # capitals named as places: their state
        self.polities: set[str] = set()                          # places the article gives a government
        self.shared_firsts: dict[str, set[str]] = {}           # a first word or surname two persons' names share
        self.middle_names: set[str] = set()                       # middle words of persons' names ("Manyang")
        self.people = 0                                    # person actors registered so far
        self.defined: dict[str, str] = {}                  # acronyms the article defines: "(SPA)"
        self.long_names: list[Span] = []                   # KB word heading a longer name no entity covers
        self.norp_groups: dict[str, bool] = {}             # peoples/movements named as groups -> armed
        self.gpe_groups: set[str] = set()                  # unknown "places" named as bodies
        self._barrelled: set[str] | None = None
        self._narrated_memo: dict[int, bool] = {}
        self.collectives: set[str] = set()                 # groups spoken of together ("the armed groups")
        arr = doc.to_array([LOWER, LEMMA, POS, SENT_START, HEAD]) if len(doc) else np.zeros((0, 5), dtype=np.uint64)
        lower, lemma, pos, sent = (arr[:, k].tolist() for k in range(4))
        self._head = arr[:, 4].astype(np.int64).tolist()    # head offsets, for ``root_of``
        self._depth_memo: dict[int, int] = {}
        self._lower, self._lemma = lower, lemma
        self.common_idx = [i for i, p in enumerate(pos) if p == NOUN]
        self.propn_idx = [i for i, p in enumerate(pos) if p == PROPN]
        self._noun_like: list[int] | None = None       # nouns and lower-case proper nouns (_nouns_headed)
        self._surnames: set[str] | None = None         # last words of PERSON entities (_person_surnames)
        self.pronoun_idx = [i for i, h in enumerate(lower) if h in ix.pronoun_hashes]
        self.noun_idx = [i for i, h in enumerate(lemma) if h in ix.description_hashes and pos[i] == NOUN]
        # a pipeline without parser or senter has no sentences: treat the text as one
        starts = [i for i, v in enumerate(sent) if v == 1]
        self.sent_starts = starts if starts and starts[0] == 0 else [0] + starts
        spans = filter_spans([Span(doc, s, e, label=k) for k, s, e in ix.titles(doc)])
        self.title_spans = [sp for sp in spans if sp.root.pos_ in ("NOUN", "PROPN")]
        self.in_title = {i for sp in self.title_spans for i in range(sp.start, sp.end)}

    @functools.cached_property
    def quoted(self) -> set[int]:
        """Token ids inside quotation marks."""
        from accord.extract.quotes import find_segments, paragraphs
        text = text_of(self.doc)
        out: set[int] = set()
        starts = [t.idx for t in tokens(self.doc)]
        for seg in find_segments(text, paragraphs(text)):
            a = bisect.bisect_left(starts, seg.start)
            b = bisect.bisect_left(starts, seg.end)
            out.update(range(a, b))
        return out

    # ---- bookkeeping
    def actor(self, aid: str, name: str | None = None, kind: str | None = None) -> _A:
        a = self.actors.get(aid)
        if a is None:
            e = self.kb.entries.get(aid)
            if e is not None:
                a = _A(aid, e.name, e.kind, e.affiliation, e.title, e.is_outlet, True, gender=e.gender,
                       armed=e.armed)
            else:
                a = _A(aid, name or aid, kind or "organisation")
            self.actors[aid] = a
            self.people += a.kind == "person"
        return a

    def free(self, start: int, end: int) -> bool:
        return all(self.owner[i] is None for i in range(start, end))

    def add(self, start: int, end: int, aid: str, via: str, sector: str | None = None,
            claim: bool = True) -> _M:
        self.actor(aid)   # an affiliation reached through a qualifier may not be registered yet
        root = self.toks[start] if end - start == 1 else self.root_of(start, end)
        # "The chief negotiator for X, Getachew Reda, said": the named appositive is the subject too
        subject = root.dep_ in SUBJECT_DEPS or root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS \
            or _relative_subject(root)
        m = _M(start, end, aid, via, sector, subject)
        self.mentions.append(m)
        if claim:
            for i in range(start, end):
                cur = self.owner[i]
                if cur is None or (cur.end - cur.start) > (end - start):
                    self.owner[i] = m
        if via not in ("pronoun", "title", "description"):
            self.actors[aid].aliases.add(self.text_of(start, end))
        return m

    def root_of(self, start: int, end: int) -> Token:
        """``doc[start:end].root``, read from the head array: Span.root's own rule (a sentence
        root inside the range, else the token nearest the sentence root, ties to the first, spaces
        and bare punctuation last), without building the Span and its Tokens."""
        if not 0 <= start < end <= len(self.toks):
            return self.doc[start:end].root
        head = self._head
        for i in range(start, end):
            if head[i] == 0:
                return self.toks[i]
        best, root = len(self.toks), -1
        for i in range(start, end):
            if start <= i + head[i] < end:
                continue
            t = self.toks[i]
            # a space or punctuation mark without dependents comes last
            last = (t.is_space or t.is_punct) and not children(t)
            words = len(self.toks) - 1 if last else self._root_distance(i)
            if words < best:
                best, root = words, i
        return self.toks[start] if root == -1 else self.toks[root]

    def _root_distance(self, i: int) -> int:
        """Steps from token i up to its sentence root."""
        got = self._depth_memo.get(i)
        if got is None:
            j, n, head = i, 0, self._head
            while head[j] != 0:
                j += head[j]
                n += 1
                if n >= len(head):
                    raise RuntimeError("cycle in the dependency tree")   # as Span.root does
            got = self._depth_memo[i] = n
        return got

    def text_of(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the text: Span.text builds every Token."""
        if not 0 <= start < end <= len(self.toks):
            return self.doc[start:end].text
        last = self.toks[end - 1]
        return self.text[self.toks[start].idx:last.idx + len(last.text)]

    @functools.cached_property
    def _lead(self) -> int:
        """The index of the story's first sentence: the first of the first three that ends as a
        sentence does (a headline has no full stop)."""
        ends = (".", "!", "?", '"', "\u201d", "'", "\u2019")
        for k, start in enumerate(self.sent_starts[:3]):
            end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
            last = next((t for t in reversed(self.toks[start:end]) if not t.is_space), None)
            if last is not None and last.text in ends:
                return k
        return 0

    def sent_of(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def kind_of(self, m: _M) -> str:
        return self.actors[m.actor_id].kind

    # ---- step 1: KB names
    def kb_names(self) -> None:
        doc, ents = self.doc, nlp_ents(self.doc)
        ent_at = {}
        for e in ents:
            for i in range(e.start, e.end):
                ent_at[i] = e
        found = [Span(doc, s, e, label=k) for k, s, e in self.ix.names(doc)]
        spans = filter_spans(self._surname_of_the_named(found))
        known = {i for sp in spans for i in range(sp.start, sp.end)}
        # surnames of persons the article names in full who are not the KB person of that surname
        other_bearers: dict[str, set[str]] = {}
        for sp in spans:
            aid, via, _ = self.ix.name_keys[sp.label]
            e = ent_at.get(sp.start)
            # (or a given or middle name: "Sheikh Sharif Sheikh Ahmed ... whether Sharif can")
            if via == "surname" and e is not None and e.label_ == "PERSON" and len(e) >= 2 and sp.end <= e.end \
                    and _fold(e.text.lower()) != _fold(self.kb.entries[aid].name.lower()):
                other_bearers.setdefault(aid, set()).add(sp.text)
        state_spans = [(sp.text, aid, via) for sp in spans for aid, via, _ in (self.ix.name_keys[sp.label],)
                       if getattr(self.kb.entries.get(aid), "kind", None) == "state"]
        named_states = {aid for _, aid, via in state_spans if via != "seat"}
        # (a KB state is no polity of the article's: "Russia's foreign minister" does not make
        # "pro-Russian" a polity's adjective)
        self.polities = self._polity_names() - {text for text, _, _ in state_spans}
        for sp in spans:
            aid, via, sector = self.ix.name_keys[sp.label]
            if via in ("capital", "seat"):
                aid = self.kb.holder(sp.text, aid, self.date)   # "Moscow" in 1986: the Soviet Union
            ent = ent_at.get(sp.start)
            if sp.start >= 2 and self.toks[sp.start - 1].text == "-" \
                    and self.toks[sp.start - 2].lower_ in self.kb.words.get("stance_prefixes", ()):
                # "pro-Russia rebels", "anti-Iranian protests": a side taken, not that actor
                self.blocked.update(range(sp.start, sp.end))
                continue
            if self._inside_hyphenated_word(sp, known):
                continue   # "PORT-AU-PRINCE" holds no African Union
            if sp.start >= 2 and not self.toks[sp.start - 2].whitespace_ \
                    and self.toks[sp.start - 2].text + "-" + sp.text in self._double_barrelled():
                if getattr(ent_at.get(sp.start - 2), "label_", None) != "PERSON":
                    self.blocked.update(range(sp.start, sp.end))   # (else the person's name takes it)
                continue   # "Mendes-France told reporters": the surname of "Pierre Mendes-France"
            if sp.start > 0 and self.toks[sp.start - 1].lower_ == "former" and aid in PAST_STATES:
                # "the former Yugoslav republic", "former Soviet states": the lands, not that state
                self.blocked.update(range(sp.start, sp.end))
                continue
            if via == "demonym" and (sp.start >= 1 and self.toks[sp.start - 1].lower_ == "ethnic" or (
                    sp.root.dep_ in ("amod", "compound") and sp.root.head.lemma_.lower() in PEOPLE_NOUNS)):
                # "ethnic Albanian rebels", "the Albanian minority" in Macedonia: a people, not
                # the state of Albania; a group of its own ("Ethnic Albanians demonstrated")
                if sp.root.dep_ in ("amod", "compound") and sp.root.head.dep_ == "appos":
                    # "the MNDAA, an ethnic Chinese armed group": it describes the body named
                    self.blocked.update(range(sp.start, sp.end))
                    continue
                word = sp.text
                people = word if word.endswith(("s", "ese")) else _plural(word)
                start = sp.start - 1 if sp.start >= 1 and self.toks[sp.start - 1].lower_ == "ethnic" else sp.start
                gid = _slug("ethnic " + people)
                self.actor(gid, "ethnic " + people, "group")
                self.add(start, sp.end, gid, "name")
                continue
            if sp.end + 1 < len(doc) and self.toks[sp.end].text == "-" \
                    and self.toks[sp.end + 1].lemma_.lower() in self.kb.words.get("locating_participles", ()):
                # "a Nairobi-based Western diplomat", "a London-based analyst": where one works
                # or was born, not whom one speaks for
                self.blocked.update(range(sp.start, sp.end))
                continue
            if via == "place" and sp.text in self.polities:
                self._polity(sp.start, sp.end)
                continue
            if via == "place":
                # "Yair Golan" is a person; "Kharkiv Mayor Ihor Terekhov" opens with a place
                person_tail = ent is not None and ent.label_ in ("PERSON", "ORG") and len(ent) > len(sp) \
                    and not (ent.label_ == "PERSON" and sp.start == self._ent_start(ent))
                if not person_tail:
                    self.blocked.update(range(sp.start, sp.end))
                continue
            if self._inside_longer_name(sp, aid, via, ent, known):
                continue
            if ent is not None and ent.label_ == "ORG" and ent.end == sp.end + 1 and sp.start <= self._ent_start(ent) \
                    and self.toks[sp.end].lower_ in self.ix.outlet_words and self.kb.entries[aid].kind == "state":
                continue   # "told Israel Radio", "Palestine TV": a broadcaster named after its state
            if self.kb.entries[aid].is_outlet and ent is not None and ent.end > sp.end \
                    and ent.label_ in ("ORG", "FAC") and self.toks[sp.end].is_title:
                continue   # "the National Assembly" is not the newspaper "The National"
            # (a possessive the recogniser took into the name adds no word: "Sri Lanka's" tagged PERSON)
            inside_person = ent is not None and ent.label_ == "PERSON" and len(ent) > len(sp) \
                and (ent.start < sp.start or ent.end - (self.toks[ent.end - 1].tag_ == "POS") > sp.end) \
                and not self._names_equipment(ent)
            if inside_person and via == "capital" and sp.start == ent.start and sp.start > 0 \
                    and self.toks[sp.start - 1].pos_ == "ADP":
                inside_person = False   # "ambassador to Kiev Mikhail Zurabov": the post's place, then the name
            if inside_person and via == "surname" and self._initialled(ent, aid):
                # "George P. Shultz" is the KB's George Shultz: a middle initial adds no one
                self.actor(aid)
                self.add(self._ent_start(ent), sp.end, aid, "name")
                continue
            if inside_person and (self.kb.entries[aid].kind != "person" or via == "surname"):
                # "George Washington"; "Maria Solberg" is not Erna Solberg
                continue
            if via == "acronym" and sp.text.lower() in STOP_WORDS and self._caps_line(sp.start):
                continue   # a crosshead in capitals ("WHO STARTED IT") names no World Health Organization
            if via == "surname" and self._in_place_name(sp.start, ent):
                continue   # "the Haram al-Sharif": a place, not that person
            if via == "surname" and sp.text in other_bearers.get(aid, ()):
                # "Thorvald Stoltenberg ... Stoltenberg said": the surname of the person the
                # article names, not of the KB's Jens Stoltenberg
                continue
            before = ent_at.get(sp.start - 1)
            if via in ("capital", "name") and self.kb.entries[aid].kind == "state" and ent is not None \
                    and ent.label_ == "PERSON" and before is not None and before.label_ == "PERSON" \
                    and before.end == sp.start:
                continue   # "Senator Miriam Defensor Santiago": a surname that is also a capital
            if via == "capital" and not self._acts_as_government(sp.root):
                self.blocked.update(range(sp.start, sp.end))   # "talks in Riyadh": a place
                self.capital_at[sp.root.i] = aid
                continue
            if via == "seat" and sp.text.lower() in self._chamber_nouns and aid not in named_states and named_states:
                # "Congress" in a story about Mexico: a chamber's bare name is the US's only in a
                # story that names no other state, or names the US too
                continue
            self.actor(aid)
            # a demonym modifying a sector noun ("Ukrainian officials") is widened in step 4
            self.add(sp.start, sp.end, aid, via, sector)

    def _initialled(self, ent: Span, aid: str) -> bool:
        """The recognised name is the KB person's with middle initials ("Eduard A. Shevardnadze")."""
        words = [t.text for t in self.toks[self._ent_start(ent):ent.end] if t.tag_ != "POS"]
        if not any(INITIAL.match(w) for w in words):
            return False
        kept = [w for w in words if not INITIAL.match(w)]
        return _fold(" ".join(kept).lower()) == _fold(self.kb.entries[aid].name.lower())

    def _surname_of_the_named(self, found: list[Span]) -> list[Span]:
        """A surname two KB persons share ("Sharif") is the one's whose full name the article
        gives ("Nawaz Sharif ... Sharif added"), not the other's."""
        full: dict[str, set[str]] = {}   # surname -> KB persons the article names in full
        for sp in found:
            aid, via, _ = self.ix.name_keys[sp.label]
            if via != "surname" and getattr(self.kb.entries.get(aid), "kind", None) == "person" and len(sp) > 1:
                full.setdefault(sp[-1].text, set()).add(aid)
        out = []
        for sp in found:
            aid, via, _ = self.ix.name_keys[sp.label]
            named = full.get(sp.text, set())
            if via == "surname" and named and aid not in named:
                continue
            out.append(sp)
        return out

    def _line_at(self, i: int) -> str:
        """The line of text token ``i`` stands on."""
        text, at = self.text, self.toks[i].idx
        end = text.find("\n", at)
        return text[text.rfind("\n", 0, at) + 1:end if end != -1 else len(text)]

    def _caps_line(self, i: int) -> bool:
        """Token ``i`` stands on a line of two or more words, all in capitals."""
        line = self._line_at(i)
        words = [w for w in line.split() if any(c.isalpha() for c in w)]
        return len(words) >= 2 and line == line.upper()

    def _polity_names(self) -> set[str]:
        """Places the article gives a government ("Bougainville President Ishmael Toroama",
        "Abkhazia's foreign minister"): a breakaway or autonomous region acting as a state."""
        words = self.kb.words
        classes = set(words.get("polity_title_classes", ()))
        title_words = set(words.get("polity_title_words", ()))
        breakaway = set(words.get("breakaway_words", ()))
        regions = set(words.get("region_nouns", ()))
        found = set()
        for tok in (self.toks[i] for i in self.propn_idx):
            # (only a place span or a place entity of this text becomes the polity: see kb_names)
            if tok.lower_ in self.kb.titles or tok.text in words.get("honorifics", ()):
                continue
            head = tok.head
            if tok.dep_ in ("compound", "poss") and head.i > tok.i:
                between = [t.lower_ for t in self.toks[tok.i + 1:head.i + 1] if t.lower_ not in ("'s", "’s")]
                phrase = " ".join(between)
                named = self.kb.titles.get(phrase) in classes or (
                    bool(between) and between[-1] in title_words
                    and all(self.kb.titles.get(w) is None for w in between[:-1]))
            else:
                # "the breakaway region of Transnistria", "breakaway Abkhazia"
                region = head.head if tok.dep_ == "pobj" and head.lower_ == "of" else tok
                named = (region is tok or region.lemma_.lower() in regions) \
                    and any(c.dep_ in ("amod", "compound") and c.lower_ in breakaway for c in children(region))
            if not named:
                continue
            start = tok.i
            while start > 0 and self.toks[start - 1].dep_ == "compound" and self.toks[start - 1].head.i == tok.i \
                    and self.toks[start - 1].pos_ == "PROPN":
                start -= 1
            found.add(self.doc[start:tok.i + 1].text)
        return found

    def polity_demonyms(self) -> None:
        """"Transnistrian leader", "the South Ossetian side": the adjective of a polity of the
        article ("-n", "-an" added to its name) names it."""
        by_adj = {}
        for name in self.polities:
            for adj in (name + "n", name + "an", name.rstrip("a") + "an", name + "ian"):
                by_adj[adj] = name
        if not by_adj:
            return
        toks = self.toks
        last_words = {adj.rsplit(" ", 1)[-1].lower() for adj in by_adj}
        for tok in tokens_with(self.doc, words=last_words):
            if self.owner[tok.i] is not None:
                continue
            two = self.doc[tok.i - 1:tok.i + 1].text if tok.i else ""
            if two in by_adj and self.owner[tok.i - 1] is None:
                self._polity(tok.i - 1, tok.i + 1, by_adj[two])
            elif tok.text in by_adj and not (tok.i and toks[tok.i - 1].text in ("South", "North", "East", "West")):
                self._polity(tok.i, tok.i + 1, by_adj[tok.text])

    def allegiance_groups(self) -> None:
        """"pro-Russian separatists", "pro-government militias", "anti-Taliban fighters": a group
        the article names by the side it takes is a group actor under that name (the side it
        takes is not it: see stance_prefixes), armed when its noun says so."""
        prefixes = self.kb.words.get("stance_prefixes", ())
        armed = set(self.kb.words.get("armed_group_nouns", ())) | set(self.kb.words.get("armed_modifiers", ()))
        nouns = armed | set(self.kb.words.get("non_state_groups", ())) | {w + "s" for w in self.kb.words.get(
            "non_state_groups", ())}
        toks = self.toks
        by_side: dict[str, str] = {}   # "pro-russian" -> the group ("pro-Russian rebels" are the separatists)
        for tok in tokens_with(self.doc, words=nouns):
            i = tok.i
            if tok.tag_ != "NNS" or self.owner[i] is not None:
                continue
            start = next((j for j in range(tok.left_edge.i, i - 2) if toks[j].lower_ in prefixes
                          and toks[j + 1].text == "-" and not toks[j].whitespace_ and not toks[j + 1].whitespace_), None)
            if start is None or not self.free(start, i + 1) \
                    or any(toks[j].head.i != i for j in range(start, i)):
                continue
            name = self.text_of(start, i + 1)
            aid = by_side.setdefault(self.text_of(start, i).lower(), _slug(name))
            a = self.actor(aid, name, "group")
            a.affiliation = aid
            a.armed = a.armed or tok.lower_ in armed or tok.lemma_.lower() in armed
            self.add(start, i + 1, aid, "name")

    def communities(self) -> None:
        """"Bosnian Serbs", "Kosovo Albanians", "Croatian Serbs": a people named with the place it
        lives in is a community of its own, neither the state of the place nor that of the people
        (and "Bosnian Serb leader Radovan Karadzic" leads it). Only a people's noun, plural or one
        that is no adjective ("Serb", not "Serbian" nor "Albanian"), makes one: "British Iranian"
        is a nationality."""
        demonyms = _peoples(self.kb)[0]
        at_end = {m.end: m for m in self.mentions}
        for m2 in list(self.mentions):
            m1 = at_end.get(m2.start)
            if m1 is None or m2.via != "demonym" or m2.end - m2.start != 1 or m1.via not in ("demonym", "name") \
                    or m1.actor_id == m2.actor_id or self.kind_of(m1) != "state" or self.kind_of(m2) != "state":
                continue
            word = self.toks[m2.start].text
            forms = demonyms.get(m2.actor_id, ())
            plural = word if word in forms and word.endswith("s") and self.toks[m2.start].tag_ in ("NNPS", "NNS") \
                else word + "s" if word + "s" in forms and word != forms[0] else None
            if plural is None or self.toks[m1.start].dep_ == "poss" or self.toks[m1.end - 1].tag_ == "POS":
                continue
            name = self.text_of(m1.start, m1.end) + " " + plural
            aid = _slug(name)
            a = self.actor(aid, name, "group")
            a.affiliation = aid
            for m in (m1, m2):
                self.mentions.remove(m)
                for j in range(m.start, m.end):
                    self.owner[j] = None
            self.add(m1.start, m2.end, aid, "name")
            at_end = {m.end: m for m in self.mentions}

    def _peoples_names(self, start: int, end: int) -> str | None:
        """The state whose people the last of these words names, if the words before it name a
        people or a state too ("Croatian Serbs", "Kosovo Serbs")."""
        forms = _peoples(self.kb)[1]
        if not all(self.toks[i].text in forms or self._state_word(i) for i in range(start, end - 1)):
            return None
        return forms.get(self.toks[end - 1].text)

    def _state_word(self, i: int) -> str | None:
        return _peoples(self.kb)[2].get(self.toks[i].text)

    def _polity(self, start: int, end: int, name: str | None = None) -> None:
        name = name or self.text_of(start, end)
        aid = _slug(name)
        a = self.actor(aid, name, "state")
        a.kind, a.affiliation = "state", aid
        self.add(start, end, aid, "name" if name == self.text_of(start, end) else "demonym")

    def _double_barrelled(self) -> set[str]:
        """Hyphenated surnames of the persons the recogniser found, whose second half it tagged
        apart ("Pierre Mendes" + "-" + "France")."""
        if self._barrelled is None:
            toks, n = self.toks, len(self.toks)
            self._barrelled = {e[-1].text + "-" + toks[e.end + 1].text for e in nlp_ents(self.doc)
                               if e.label_ == "PERSON" and len(e) >= 2 and e.end + 1 < n and toks[e.end].text == "-"
                               and not e[-1].whitespace_ and not toks[e.end].whitespace_ and toks[e.end + 1].is_title}
        return self._barrelled

    def _inside_hyphenated_word(self, sp: Span, known: set[int]) -> bool:
        """A name glued by hyphens to words on both sides that are no names themselves is a piece
        of a longer word ("PORT-AU-PRINCE"); "US-Iran-Israel talks" keeps its three states."""
        toks, n = self.toks, len(self.toks)

        def glued(hyphen: int, word: int) -> bool:
            return 0 <= word < n and toks[hyphen].text == "-" and not toks[hyphen].whitespace_ \
                and toks[word].is_alpha and word not in known and (word > hyphen or not toks[word].whitespace_)
        before = sp.start >= 2 and glued(sp.start - 1, sp.start - 2) and not toks[sp.start - 1].whitespace_
        after = sp.end + 1 < n and not toks[sp.end - 1].whitespace_ and glued(sp.end, sp.end + 1)
        return before and after

    def _ent_start(self, ent: Span) -> int:
        start = ent.start
        while start < ent.end and self.toks[start].lower_ in ("the", "a", "an"):
            start += 1
        return start

    def _inside_longer_name(self, sp: Span, aid: str, via: str, ent: Span | None, known: set[int]) -> bool:
        """A one-word KB name that is only part of a longer organisation's name: it heads an "X of Y"
        name ("Congress of South African Trade Unions" is no US Congress) or ends a name whose other
        words the KB does not know ("Indian National Congress", "Harakat Hezbollah al-Nujaba")."""
        if via in ("demonym", "capital", "acronym", "surname"):
            return False
        e = self.kb.entries[aid]
        if e.kind == "person" or e.kind == "state" and via != "seat":
            return False      # state names are unambiguous; "Bank of Israel" keeps them
        if len(sp) != 1:
            # "National Security Council" is no UN Security Council: the recogniser's name runs
            # on to the left with a capitalised word the KB does not know; "European Council on
            # Foreign Relations" is no European Council: on to the right, with "of Y", "on Y"
            inside = ent is not None and ent.label_ in ("ORG", "FAC") and self._ent_start(ent) <= sp.start \
                and sp.end <= ent.end
            return inside and (sp.start > self._ent_start(ent) and self._unknown_name_word(self.toks[sp.start - 1], known)
                               or self._named_on(sp, ent, known))
        doc = self.doc
        if ent is None or ent.label_ not in ("ORG", "FAC", "NORP") or not (ent.start <= sp.start and sp.end <= ent.end):
            # no entity around it: "Congress of South African Trade Unions leaders said"
            end = self._name_phrase(sp.end)
            # "aid approved by Congress for Ukraine": a KB name after the preposition is no name's end
            if end > sp.end and self.toks[sp.end].lower_ == "of" and any(i not in known for i in range(sp.end + 1, end)):
                self.long_names.append(doc[sp.start:end])
                return True
            return False
        if self._named_on(sp, ent, known):
            return True
        before = self.toks[sp.start - 1] if sp.start > self._ent_start(ent) else None
        if before is not None and before.tag_ == "POS" and sp.start - 2 >= self._ent_start(ent):
            # "General People's Congress": a capitalised word owning the KB name inside the entity
            owner = self.toks[sp.start - 2]
            return owner.pos_ == "PROPN" and owner.is_title and owner.i not in known
        return before is not None and self._unknown_name_word(before, known)

    def _named_on(self, sp: Span, ent: Span, known: set[int]) -> bool:
        """The entity goes on after the KB name with "of/for/on (the) Y", Y a capitalised name the
        KB does not know: "Congress of South African Trade Unions"."""
        if not (sp.end + 1 < ent.end and self.toks[sp.end].lower_ in ("of", "for", "on")):
            return False
        nxt = self.toks[sp.end + 2] if self.toks[sp.end + 1].lower_ == "the" and sp.end + 2 < ent.end else self.toks[sp.end + 1]
        return nxt.is_title and nxt.pos_ == "PROPN" and any(i not in known for i in range(nxt.i, ent.end))

    def _unknown_name_word(self, tok: Token, known: set[int]) -> bool:
        return tok.pos_ == "PROPN" and tok.is_title and tok.i not in known \
            and tok.lower_ not in self.kb.titles and tok.lower_ not in self.kb.sectors \
            and tok.text not in self.kb.words.get("honorifics", ())

    def _name_phrase(self, end: int) -> int:
        """End of an "of Y" continuation of a name: "of (the) South African Trade Unions"."""
        doc = self.doc
        if end + 1 >= len(doc) or self.toks[end].lower_ not in ("of", "for"):
            return end
        i = end + 1
        if self.toks[i].lower_ == "the":
            i += 1
        stop = i
        while stop < len(doc) and self.toks[stop].is_title and self.toks[stop].pos_ in ("PROPN", "ADJ") \
                and not self.toks[stop].is_sent_start:
            stop += 1
        return stop if stop > i else end

    def _acts_as_government(self, tok: Token) -> bool:
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if any(c.dep_ == "relcl" and c.lemma_ != "be" and any(g.dep_ == "nsubj" and g.lower_ == "which" for g in c.children)
               for c in tok.children):
            return True   # "no reaction from Damascus, which has vowed to recover ...": it acts
        if tok.dep_ == "pobj" and tok.head.lower_ in self.kb.words.get("locative_prepositions", ()):
            return False
        if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") \
                and tok.head.lemma_.lower() not in self.kb.sectors:
            return False   # "the Doha talks", "a Riyadh hotel"
        return True

    # ---- step 2: datelines and entities the KB does not know
    def datelines(self) -> None:
        """"KHARTOUM, June 3 (Nile Wire Service) -": the bracketed name is the reporting outlet."""
        doc = self.doc
        for start in self.sent_starts:
            while start < len(doc) and self.toks[start].is_space:
                start += 1
            if start >= len(doc) or not self.toks[start].is_upper or not self.toks[start].is_alpha:
                continue
            stop = min(len(doc), start + 16)
            opening = next((i for i in range(start, stop) if self.toks[i].text == "("), None)
            if opening is None:
                continue
            closing = next((i for i in range(opening + 1, min(stop, opening + 7)) if self.toks[i].text == ")"), None)
            if closing is None or closing + 1 >= len(doc) or self.toks[closing + 1].text not in ("-", "–", "—", "--"):
                continue
            if closing == opening + 1 or not self.free(opening + 1, closing):
                continue
            name = doc[opening + 1:closing].text
            aid = _slug(name)
            a = self.actor(aid, name, "organisation")
            a.is_outlet = a.is_outlet or not a.from_kb
            self.add(opening + 1, closing, aid, "name")

    def _place_opened_names(self, ents: list[Span]) -> list[Span]:
        """"The South West Africa People's Organisation" tagged as a place and "People's
        Organisation": a name that opens with a possessive noun ("People's", "Workers'") right after a
        place's name is one name with it."""
        places = {e.end: e for e in nlp_ents(self.doc) if e.label_ in ("GPE", "LOC", "NORP")}
        out: list[Span] = []
        for e in ents:
            place = places.get(e.start)
            if e.label_ == "ORG" and place is not None and len(e) >= 3 and e[0].is_title \
                    and (e[1].tag_ == "POS" or e[0].text.endswith("s'")):
                start = place.start + (self.toks[place.start].lower_ == "the")
                out = [o for o in out if not (o.start <= place.start < o.end)]
                out.append(Span(self.doc, start, e.end, label="ORG"))
            else:
                out.append(e)
        return out

    def entities(self) -> None:
        # persons first, so that a surname spaCy tags ORG ("Atta") is known as one
        ents = [e for e in nlp_ents(self.doc) if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
        # the recogniser may take in the blank line after a name ("By Daniela Forsyth\n\n")
        ents = [e if not e[-1].is_space else Span(self.doc, e.start, e.end - 1, label=e.label_)
                for e in ents if not (len(e) == 1 and e[0].is_space)]
        # ... or run on past a spaced dash ("the six-nation Contact Group - the United States,
        # Russia, ..."): a name stops at a dash set off by spaces
        ents = [self._before_spaced_dash(e) for e in ents]
        ents = [e for e in ents if e is not None]
        # "Oleksandr Prokudin" tagged as two adjacent persons is one name
        merged: list[Span] = []
        for e in ents:
            if merged and e.label_ == "PERSON" == merged[-1].label_ and merged[-1].end == e.start:
                merged[-1] = Span(self.doc, merged[-1].start, e.end, label="PERSON")
            elif merged and merged[-1].label_ == "PERSON" and len(merged[-1]) >= 2 and e.label_ != "PERSON" \
                    and len(e) == 1 and e[0].is_title and merged[-1].end + 1 == e.start \
                    and self.toks[e.start - 1].text == "-" and not merged[-1][-1].whitespace_ \
                    and not self.toks[e.start - 1].whitespace_:
                # "Pierre Mendes-France" tagged a person and a place: a double-barrelled surname
                merged[-1] = Span(self.doc, merged[-1].start, e.end, label="PERSON")
            elif merged and merged[-1].label_ == "PERSON" and merged[-1].end == e.start and self._particle_surname(e):
                # "Mohammed Abdel Ghani el-Gamasy" tagged a person and a place "el-Gamasy"
                merged[-1] = Span(self.doc, merged[-1].start, e.end, label="PERSON")
            elif merged and merged[-1].label_ == "PERSON" and merged[-1].end == e.start and self._surname_mistaken(e):
                # "President Ahmad Tejan Kabbah" tagged "Ahmad Tejan" + place "Kabbah": the name
                # goes on into a word the parser makes its head and no gazetteer knows
                merged[-1] = Span(self.doc, merged[-1].start, e.end, label="PERSON")
            else:
                merged.append(e)
        merged = [self._pronoun_given_name(e) if e.label_ == "PERSON" else e for e in merged]
        merged = [self._hyphenated_given_name(e) if e.label_ == "PERSON"
                  else self._hyphenated_acronym(e) if e.label_ == "ORG" else e for e in merged]
        merged = [self._body_opened_by_org_word(e) if e.label_ == "PERSON" else e for e in merged]
        merged = self._particle_surnames(merged)
        merged = self._place_opened_names(merged)
        merged = self._acronym_definitions(merged)
        ents = merged + [Span(self.doc, sp.start, sp.end, label="ORG") for sp in self.long_names]
        self.norp_groups = self._norp_groups(ents)
        self.gpe_groups = self._gpe_groups(ents)
        for ent in ents:
            if ent.label_ == "PERSON":
                self._entity(ent)
        self._surname_aliases()
        for ent in ents:
            if ent.label_ != "PERSON":
                people = self.people
                self._entity(ent)
                if self.people != people:
                    # "rebel leader Foday Sankoh" tagged as an organisation but read as a person:
                    # his surname, further on, is him
                    self._surname_aliases()
        if self.defined:
            # the article's own definition beats the KB's reading of an acronym
            for m in self.mentions:
                if m.end - m.start == 1 and self.toks[m.start].text in self.defined:
                    m.actor_id = self.defined[self.toks[m.start].text]
                    m.via = "acronym"

    def _before_spaced_dash(self, ent: Span) -> Span | None:
        for t in ent[1:]:
            if t.text in ("-", "--", "\u2013", "\u2014") and t.whitespace_ and self.toks[t.i - 1].whitespace_:
                return Span(self.doc, ent.start, t.i, label=ent.label_) if t.i > ent.start else None
        return ent

    def _acronym_definitions(self, ents: list[Span]) -> list[Span]:
        """"the Parbatya Chattagram Jana Sanghati Samiti (PCJSS)": a name the article defines by an
        acronym is an organisation's, however the recogniser cut or labelled it (a person
        "Chattagram Jana Sanghati Samiti", an organisation running into "(FMLN")."""
        toks, doc = self.toks, self.doc
        opening, closing = doc.vocab.strings["("], doc.vocab.strings[")"]
        lower = self._lower
        # (found in the token arrays: a scan of Token objects would cost more than the rule)
        for i in [i for i in range(1, len(lower) - 2) if lower[i] == opening and lower[i + 2] == closing]:
            acr = toks[i + 1]
            if not (acr.is_upper and acr.is_alpha and 2 <= len(acr) <= 8):
                continue
            # the run of capitalised words (and name connectors) before the parenthesis
            start = i
            while start > 0 and i - start < 2 * len(acr) and (toks[start - 1].is_title
                                                                or toks[start - 1].lower_ in NAME_CONNECTORS):
                start -= 1
            while start < i and toks[start].lower_ in NAME_CONNECTORS:
                start += 1
            if i - start < 2:
                continue
            words = doc[start:i]
            at = _long_form_start(words.text, acr.text)
            if at is None:
                continue
            first = next(t.i for t in words if t.idx - words.start_char + len(t) > at)
            if i - first < 2 or any(self.owner[t] is not None for t in range(first, i)):
                continue   # one word, or a name the KB knows ("Democratic Republic of Congo (DRC)")
            near = [e for e in ents if e.start < i + 3 and e.end > first]
            if not near or any(e.label_ not in ("PERSON", "ORG") for e in near):
                continue
            first = min([first] + [e.start for e in near if e.label_ == "ORG" and e.start < first
                                   and all(toks[k].is_title or toks[k].lower_ in NAME_CONNECTORS
                                           for k in range(e.start, first))])
            ents = [e for e in ents if e not in near] + [Span(doc, first, i, label="ORG")]
        return sorted(ents, key=lambda e: e.start)

    def _particle_surname(self, ent: Span) -> bool:
        """"el-Gamasy", "al-Sharaa": a name particle glued by a hyphen to a capitalised word."""
        return len(ent) == 3 and ent[0].is_lower and ent[0].lower_ in self.kb.words.get("name_particles", ()) \
            and ent[1].text == "-" and ent[2].is_title and not ent[0].whitespace_ and not ent[1].whitespace_

    def _surname_mistaken(self, ent: Span) -> bool:
        last, word = self.toks[ent.start - 1], ent[0]
        return len(ent) == 1 and ent.label_ in ("GPE", "ORG", "LOC") and last.dep_ == "compound" \
            and last.head.i == word.i and word.pos_ == "PROPN" and word.is_title \
            and word.lower_ not in self.ix.country_names and word.text not in self.kb.places \
            and not self.ix.names(self.doc[word.i:word.i + 1])

    def _particle_surnames(self, ents: list[Span]) -> list[Span]:
        """"De Moura rejected the demand": a surname with its particle, capitalised to open a
        sentence, that ends a person's name the article gives ("Venancio de Moura") is that
        person, whatever label the recogniser gave it."""
        particles = self.kb.words.get("name_particles", set())
        endings = {tuple(w.lower() for w in e.text.split()[-2:]) for e in ents
                   if e.label_ == "PERSON" and len(e) >= 3}
        return [Span(self.doc, e.start, e.end, label="PERSON")
                if e.label_ != "PERSON" and len(e) == 2 and e[0].lower_ in particles
                and (e[0].lower_, e[1].lower_) in endings else e for e in ents]

    def _body_opened_by_org_word(self, ent: Span) -> Span:
        """"Forces Nouvelles spokesman Sidiki Konate" tagged "Nouvelles" (a person): a name opened
        by an organisation word ("Forces", "Front") the recogniser left out is that body's name."""
        first = ent.start
        if first == 0 or ent.start != self._ent_start(ent):
            return ent
        word = self.toks[first - 1]
        if word.text in self.kb.words.get("organisation_words", ()) and word.dep_ == "compound" \
                and ent.start <= word.head.i < ent.end and not word.ent_type_:
            return Span(self.doc, first - 1, ent.end, label="ORG")
        return ent

    def _hyphenated_acronym(self, ent: Span) -> Span:
        """"CNDD-FDD" tagged as "CNDD": an acronym glued by a hyphen to the acronym of an
        organisation is one name with it (the tokenizer splits at the hyphen)."""
        start, end = _acronym_chain(self.toks, ent.end - 1)
        return ent if end <= ent.end else Span(self.doc, min(start, ent.start), end, label="ORG")

    def _pronoun_given_name(self, ent: Span) -> Span:
        """"Vice Premier Liu He said": a capitalised pronoun inside a sentence, right after a
        person's name, is the rest of the name (English writes no pronoun but "I" so)."""
        end = ent.end
        if end < len(self.toks) and ent[-1].whitespace_ == " " and ent[-1].is_alpha and self.toks[end].pos_ == "PRON" \
                and self.toks[end].is_title and self.toks[end].text != "I" and self.toks[end].is_alpha:
            return Span(self.doc, ent.start, end + 1, label="PERSON")
        return ent

    def _hyphenated_given_name(self, ent: Span) -> Span:
        """"Lee Do-hoon" tagged as "Lee": a capitalised word glued by a hyphen to the next one
        ("Do-hoon", "Jae-in") right after a person's name is the rest of it."""
        toks, end = self.toks, ent.end
        if end + 2 < len(toks) and ent[-1].whitespace_ and toks[end].is_title and toks[end].is_alpha \
                and not toks[end].whitespace_ and toks[end + 1].text == "-" and not toks[end + 1].whitespace_ \
                and toks[end + 2].is_alpha and toks[end + 2].is_lower and not toks[end + 2].ent_type_:
            return Span(self.doc, ent.start, end + 3, label="PERSON")
        return ent

    def _entity(self, ent: Span) -> None:
        label = ent.label_
        start, end = ent.start, ent.end
        while start < end and self.toks[start].lower_ in ("the", "a", "an"):
            start += 1
        if label == "PERSON":
            while start < end and start in self.blocked:
                start += 1    # "Kharkiv Mayor Ihor Terekhov": the place before the name
            hon = self.kb.words.get("honorifics", ())
            while start > 0 and end - start == 1 and self._untagged_name_word(self.toks[start - 1], hon) \
                    and self.toks[start - 1].head.i == start:
                start -= 1    # "Governor Oleksandr Prokudin" with only "Prokudin" tagged
        if start >= end:
            return
        if label == "PERSON" and end - start == 2 and self._peoples_names(start, end):
            # "Croatian Serbs" tagged as a person: two peoples' names (see communities)
            for i in range(start, end):
                people = self._peoples_names(i, i + 1)
                aid = people or self._state_word(i)
                if aid and self.free(i, i + 1):
                    self.actor(aid)
                    self.add(i, i + 1, aid, "demonym" if people else "name")
            return
        if end - start == 1 and self._modifies_force_noun(self.toks[start]):
            self.blocked.add(start)   # "Riot police fired ...": a common noun, capitalised to open the sentence
            return
        if label == "ORG" and any(i in self.in_title for i in range(start, end)) \
                and self.toks[end - 1].text not in self.kb.words.get("organisation_words", ()):
            # "US Trade Representative", "British Defence Secretary": a title ("General People's
            # Congress" is a body)
            return
        if label == "ORG" and end < len(self.doc) and self.toks[end].lower_ in PORTFOLIO_TITLES \
                and self.toks[end].is_title and (start == 0 or self.toks[start - 1].tag_ == "POS"
                                                 or self.owner[start - 1] is not None
                                                 or self.toks[end - 1].lower_ == "affairs"):
            # "Britain's International Development Secretary Hilary Benn", "Internal Affairs
            # Minister Ruhakana Rugunda": the portfolio of a state's office, not a body of its own
            return
        if label == "ORG" and self._honoured_name(start, end):
            # "Prince Norodom Ranariddh" tagged as an organisation: only a person bears the title
            self._person_entity(start, end)
            return
        if label == "ORG" and self._titled_name(start, end):
            # "said Helena Richter, an Iran specialist at ...": a name the recogniser took for an
            # organisation is a person when a person's title stands in apposition to it
            self._person_entity(start, end)
            return
        if any(i in self.blocked for i in range(start, end)):
            root = self.root_of(start, end)
            if not (label == "ORG" and root.text in self.kb.words.get("organisation_words", ())
                    and root.i not in self.blocked and self.owner[root.i] is None):
                return
            # "the Kinshasa Centre for Strategic Studies": a place in an organisation's name
            self.blocked.difference_update(range(start, end))
        if label == "ORG" and end - start == 1 and self.toks[start].tag_ == "NNS" and self.toks[start].is_sent_start:
            return      # "Complaints will first go to ...": a plural common noun opening a sentence
        if label == "ORG" and self.text_of(start, end) in self.kb.words.get("common_acronyms", ()) \
                and start > 0 and self.toks[start - 1].like_num:
            return      # "(1500 GMT)", "40 MPs": a unit after a number names no organisation ("ETA" does)
        if label == "ORG" and (self._names_a_thing(ent, "thing_heads", "place_nouns", proper=True)
                               or self.toks[end - 1].text in self.kb.words.get("document_names", ())):
            # "the Ohrid deal", "the Ibar bridge": the name of a place or an accord, not an actor
            self.blocked.update(i for i in range(start, end) if self.owner[i] is None)
            return
        if label == "PERSON" and (self._names_a_thing(ent, "place_nouns") or end < len(self.doc)
                                  and self.toks[end].is_lower
                                  and self.toks[end].text in self.kb.words.get("place_nouns", ())):
            # "the Haji Pir pass", "the Arak heavy-water reactor": a name the recogniser took for
            # a person's, in the name of a place
            self.blocked.update(i for i in range(start, end) if self.owner[i] is None)
            return
        if label != "GPE" and self._names_equipment(ent):
            # "Thai F-16 jets": the demonym stays the state; the rest is a make or model
            self.blocked.update(i for i in range(start, end) if self.owner[i] is None)
            return
        covered = [self.owner[i] for i in range(start, end) if self.owner[i] is not None]
        if covered:
            self._partly_known(ent, start, end, covered)
            return
        if label == "PERSON" and end - start == 1 and self._placed_one_word(self.toks[start]):
            # "travel to Buka next month", "the road between Sirte and Misrata": one word after a
            # preposition of place, no surname of anyone the article names, is a place
            self.blocked.add(start)
            return
        if label in ("ORG", "PERSON") and self._read_as_place(self.doc[start:end].text, label):
            # "would not leave Grozny" tagged an organisation where "stormed into Grozny" was a
            # place: the recogniser's more frequent reading of the same name stands
            self.blocked.update(range(start, end))
            return
        if label in ("PERSON", "ORG") and (self._is_place(self.root_of(start, end)) or self._dateline(start, end)
                                          or self._byline(start, end)):
            self.blocked.update(range(start, end))
            return
        root = self.root_of(start, end)
        if label == "PERSON" and root.dep_ == "compound" and root.head.lower_ in self.ix.outlet_words:
            self._org_entity(start, end)     # "Al Masirah television" tagged as a person
        elif label == "PERSON" and (self._group_name(start, end)
                                    or root.text in self.kb.words.get("organisation_words", ())):
            # "the Tamil Tigers", "Tamil Tiger rebels", "the Tigray People's Liberation Front"
            # tagged as a person: no person's name ends in Front, Party or Union
            self._org_entity(start, end)
        elif label == "PERSON" and not any(t.text in self.kb.words.get("outlet_words", ()) for t in ent):
            # (case-sensitive here: "Radio" in a name, not "radio" in a person's description)
            self._person_entity(start, self._person_end(end))
        elif label == "PERSON":
            self._org_entity(start, end)     # "Dabanga Radio" tagged as a person
        elif label == "ORG" and end - start == 1 and self.toks[start].text in self._person_surnames():
            return            # "Rodríguez said" after "Jorge Rodríguez": the surname step finds him
        elif label == "ORG" and (who := self._hyphenated_surname(start, end)) is not None:
            self.add(start, end, who, "surname")   # "Coronel-Ferrer told Reuters": three tokens, one surname
        elif label == "ORG" and self._looks_like_person(start, end):
            self._person_entity(start, end)
        elif label == "ORG" and self._looks_like_person(start, self._name_end(end)):
            # "foreign secretary, Vikram Misri": the small model tags "Vikram" ORG and "Misri" LOC
            self._person_entity(start, self._name_end(end))
        elif label == "ORG" or label == "FAC" and root.text in self.kb.words.get("organisation_words", ()):
            # ("the Centre for Strategic Studies" tagged a facility is still an organisation)
            self._org_entity(start, end)
        elif label == "NORP" and (name := self._norp_name(start, end)) in self.norp_groups:
            aid = _slug(name)
            a = self.actor(aid, name, "group")
            a.affiliation, a.armed = aid, a.armed or self.norp_groups[name]
            self.add(start, end, aid, "name" if name == self.text_of(start, end) else "demonym")
        elif label == "GPE":
            code = self.ix.country_names.get(self.text_of(start, end).lower())
            if code is None and self.text_of(start, end) in self.polities:
                self._polity(start, end)
            elif code is None and self._looks_like_person(start, end):
                self._person_entity(start, end)   # "Panos Kammenos, the defence minister" tagged a place
            elif code is None and self.text_of(start, end) in self.gpe_groups:
                self._org_entity(start, end)
            elif code:
                self.actor(code)  # not in states.yaml: pycountry name only
                if code not in self.kb.entries:
                    a = self.actors[code]
                    a.kind, a.affiliation = "state", code
                self.add(start, end, code, "name")

    def _norp_name(self, start: int, end: int) -> str:
        """The plural a people or movement goes by: "Maoists" for "Maoist", "Houthis" for "Houthi";
        a word already plural, or an adjective in -ese ("Sinhalese"), stays."""
        text = self.text_of(start, end)
        return text if text.endswith(("s", "ese")) else text + "s"

    def _norp_groups(self, ents: list[Span]) -> dict[str, bool]:
        """Nationalities, religions and movements (NORP) the KB does not know, that the article
        names as a group acting: a plural subject ("the Maoists will take 83 seats", "Republicans
        said") or a proper noun modifying a group noun ("Maoist rebels": armed). Each is then a
        group actor at every mention ("Maoist chairman Prachanda"). A people only spoken of ("for
        the Acehnese") or an adjective describing a group ("Muslim rebels", "Islamist militants")
        names none: the group is usually named too, and two armed groups would leave "the rebels"
        unresolved."""
        groups: dict[str, bool] = {}
        armed_nouns = self.kb.words.get("armed_group_nouns", ())
        group_nouns = self.kb.words.get("group_nouns", ())
        regional = self.kb.words.get("regional_peoples", set())
        for e in ents:
            if e.label_ != "NORP" or any(self.owner[i] is not None or i in self.blocked for i in range(e.start, e.end)):
                continue
            root = e.root
            subject = root.dep_ in SUBJECT_DEPS or root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS
            if root.tag_ in ("NNPS", "NNS") and subject:
                armed = False
            elif root.pos_ == "PROPN" and root.dep_ in ("amod", "compound") and root.head.i == e.end \
                    and (root.head.lemma_.lower() in armed_nouns or root.head.lower_ in group_nouns):
                armed = root.head.lemma_.lower() in armed_nouns or root.head.lower_ in armed_nouns
            else:
                continue
            name = self._norp_name(self._ent_start(e), e.end)
            if self.text_of(self._ent_start(e), e.end) in regional or name in regional:
                continue   # "the Europeans": a continent's people, no side
            groups[name] = groups.get(name, False) or armed
        return groups

    def _gpe_groups(self, ents: list[Span]) -> set[str]:
        """Names the recogniser tags as places that no state, polity or KB place answers to, and
        that the article uses as a body's: modifying a noun for a side ("Viet Minh forces", "the
        Viet Minh delegation") or owning a post ("the Viet Minh's vice-minister"). A movement's
        name is often read as a place's; one named more often as a body than as a place ("in X",
        "the X provinces") is the body."""
        words = self.kb.words
        side_nouns = set(self.kb.sectors) | set(words.get("group_nouns", ())) | set(words.get("armed_group_nouns", ()))
        found, placed = Counter(), Counter()
        for e in ents:
            if e.label_ != "GPE":
                continue
            name = e.text
            if name.lower() in self.ix.country_names or name in self.kb.places or name in self.polities \
                    or any(self.owner[i] is not None or i in self.blocked for i in range(e.start, e.end)):
                continue
            root = e.root
            if self._is_place(root):
                placed[name] += 1
                continue
            head = root.head
            if root.dep_ in ("compound", "amod") and head.i == e.end and head.pos_ == "NOUN" \
                    and (head.lower_ in side_nouns or head.lemma_.lower() in side_nouns):
                found[name] += 1
            elif root.dep_ == "poss" and any(c.tag_ == "POS" for c in children(root)) and head.pos_ == "NOUN" \
                    and (head.lower_ in self.kb.titles or head.lower_ in side_nouns):
                found[name] += 1
        return {name for name, n in found.items() if n > placed[name]}

    def _group_name(self, start: int, end: int) -> bool:
        """A name the recogniser calls a person that is a group's: a plural proper noun ("the Tamil
        Tigers") or one modifying a group noun ("Tamil Tiger rebels")."""
        last = self.toks[end - 1]
        # a plural proper noun is a group's name alone or after "the" ("the Tamil Tigers"); after
        # a given name it is a surname ("Gerry Adams", "Trevor Gordon-Somers")
        if last.tag_ == "NNPS" and last.text.endswith("s") and (
                end - start == 1 or start > 0 and self.toks[start - 1].lower_ == "the"):
            return True
        head = last.head
        return last.dep_ == "compound" and head.i == end and head.pos_ == "NOUN" and self._group_noun(head)

    def _group_noun(self, tok: Token) -> bool:
        """"rebels", "fighters", "movement": a noun for an (armed) group, by lemma or as written."""
        words = self.kb.words
        return any(w in words.get(k, ()) for w in (tok.lemma_.lower(), tok.lower_)
                   for k in ("armed_group_nouns", "group_nouns"))

    def _untagged_name_word(self, tok: Token, hon) -> bool:
        return tok.pos_ == "PROPN" and tok.is_title and not tok.ent_type_ and self.owner[tok.i] is None \
            and tok.i not in self.blocked and tok.i not in self.in_title and tok.text not in hon \
            and tok.lower_ not in self.kb.titles and not tok.is_sent_start

    def _modifies_force_noun(self, tok: Token) -> bool:
        """A capitalised word that only opens the sentence and modifies a common force or sector noun
        ("Riot police", "Border guards"): the tagger's PERSON/ORG is the capital letter, not a name."""
        if not tok.is_title or tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i != tok.i + 1:
            return False
        opens = tok.is_sent_start or tok.i > 0 and (self.toks[tok.i - 1].is_quote or self.toks[tok.i - 1].is_space)
        head = tok.head
        forces = {w for f in self.kb.words.get("national_forces", ()) for w in f.lower().split()[-1:]}
        return opens and head.pos_ == "NOUN" and head.is_lower and \
            (head.lemma_ in self.kb.sectors or head.lower_ in self.kb.sectors or head.lower_ in forces
             or head.lemma_ in forces)

    def _names_equipment(self, ent: Span) -> bool:
        """A name heading or modifying a weapon noun ("Israeli Merkava tanks", "Thai F-16 fighter jets")."""
        return self._names_a_thing(ent, "equipment_nouns")

    def _in_place_name(self, i: int, ent: Span | None) -> bool:
        """Token ``i`` is inside a place's name and not its first word: "the Haram al-Sharif" names
        no Sharif. (Only a name with an article, or a word glued on by a hyphen: the recogniser
        also tags "Later Gen Gato" as a place.)"""
        if ent is None or ent.label_ not in PLACE_LABELS or not self._ent_start(ent) < i < ent.end:
            return False
        return ent[0].lower_ == "the" or (self.toks[i - 1].text == "-" and not self.toks[i - 1].whitespace_)

    def _read_as_place(self, name: str, label: str) -> bool:
        """The recogniser reads ``name`` as a place as often as it reads it as the entity at hand
        (a person's name, one word tagged as a place elsewhere, is seldom a place's), and it is no
        surname of a person the article names in full."""
        if self._label_counts is None:
            self._label_counts = Counter((e.text.removeprefix("the "), e.label_) for e in nlp_ents(self.doc))
        places = sum(self._label_counts[(name, k)] for k in PLACE_LABELS)
        if not places or self._someones_surname(name):
            return False   # ("Sierra Leone's President Ahmad Tejan Kabbah" ... "Kabbah said")
        orgs, persons = self._label_counts[(name, "ORG")], self._label_counts[(name, "PERSON")]
        if label == "ORG":
            return places >= orgs and places > persons
        return places + orgs >= persons

    def _someones_surname(self, name: str) -> bool:
        """The last word of a person's name the recogniser or the actor layer found."""
        return name in self._person_surnames() or any(
            a.kind == "person" and a.name.rsplit(" ", 1)[-1] == name for a in self.actors.values())

    def _placed_one_word(self, tok: Token) -> bool:
        t = tok
        while t.dep_ == "conj" and t.head.i < t.i:
            t = t.head   # "between Sirte and Misrata"
        gov, words = t.head, self.kb.words
        # "Chechen rebels stormed Grozny"; "travel to Buka", but not "a letter to Netanyahu" or "an
        # aide to Sharon": only travel goes "to" a place
        placed = t.dep_ == "dobj" and gov.lemma_.lower() in words.get("place_object_verbs", ()) \
            or t.dep_ == "pobj" and (gov.lower_ == "between" or gov.lower_ in words.get("place_prepositions", ())
                                     or gov.lower_ == "to" and gov.head.pos_ == "VERB"
                                     and gov.head.lemma_.lower() in words.get("motion_verbs", ()))
        return placed and not self._someones_surname(tok.text)

    def _names_a_thing(self, ent: Span, *word_lists: str, proper: bool = False) -> bool:
        """The entity's head (or a noun it modifies) is one of the lists' words; with ``proper``,
        also when the head is tagged a proper noun ("the Wye River Plantation", "the Royal
        Palace"), as only an organisation-tagged name's may be ("Anthony Lake" is a person; a
        proper "Church" is the institution: ``institution_heads``)."""
        words = set().union(*(self.kb.words.get(w, ()) for w in word_lists))
        institutions = self.kb.words.get("institution_heads", ())
        tok, n = ent.root, 0
        while n < 4:
            if (tok.pos_ == "NOUN" or proper and n == 0 and tok.pos_ == "PROPN" and tok.lower_ not in institutions) and (
                    tok.lemma_.lower() in words or tok.lower_ in words):
                return True
            if tok.dep_ not in ("compound", "amod", "nmod", "nummod") or tok.head.i <= tok.i \
                    or tok.head.pos_ not in ("NOUN", "PROPN"):
                return False
            tok, n = tok.head, n + 1
        return False

    def _name_end(self, end: int) -> int:
        """End of the proper-noun chain an entity's last token is a compound of."""
        doc = self.doc
        while end < len(doc) and self.toks[end - 1].dep_ == "compound" and self.toks[end - 1].head.i == end \
                and self.toks[end].pos_ == "PROPN" and self.toks[end].ent_type_ not in ("ORG", "PERSON"):
            end += 1
        return end

    def _person_end(self, end: int) -> int:
        """"Albert Pahimi Padacke" tagged as "Albert Pahimi": an untagged capitalised proper noun the
        tagged name is a compound of is the rest of the name."""
        toks, words = self.toks, self.kb.words.get("organisation_words", ())
        while end < len(toks) and toks[end - 1].dep_ == "compound" and toks[end - 1].head.i == end \
                and toks[end].pos_ == "PROPN" and toks[end].is_title and not toks[end].ent_type_ \
                and toks[end].lower_ not in self.kb.titles and toks[end].text not in words \
                and not self._is_place(toks[end]):
            end += 1
        return end

    def _hyphenated_surname(self, start: int, end: int) -> str | None:
        """The person of the article whose hyphenated last name the span is ("Coronel-Ferrer")."""
        text = self.text_of(start, end)
        if "-" not in text or " " in text:
            return None
        found = {a.actor_id for a in self.actors.values() if a.kind == "person" and a.name.split()[-1] == text}
        return found.pop() if len(found) == 1 else None

    def _person_surnames(self) -> set[str]:
        """Last words of the names the recogniser tagged as persons anywhere in the article."""
        if self._surnames is None:
            self._surnames = {e[-1].text for e in nlp_ents(self.doc) if e.label_ == "PERSON" and len(e) > 1}
        return self._surnames

    def _looks_like_person(self, start: int, end: int) -> bool:
        """An "ORG" with a person's title: "Interior Minister Diosdado Cabello", "Cabello, a minister"."""
        doc = self.doc
        span = doc[start:end]
        particles = self.kb.words.get("name_particles", ())
        if not 2 <= len(span) <= 4 or not all(t.pos_ == "PROPN" and t.is_title or 0 < k < len(span) - 1
                                              and t.lower_ in particles for k, t in enumerate(span)):
            return False
        if any(t.text in self.kb.words.get("outlet_words", ()) or t.lower_ in self.kb.sectors for t in span):
            return False
        if start - 1 in self.in_title:
            return True       # "Interior Minister Diosdado Cabello", "rights commissioner Dmytro Lubinets"
        root = span.root
        first = root
        while first.dep_ == "conj":
            first = first.head
        if first is not root and first.pos_ == "PROPN" and first.ent_type_ == "PERSON" and first.i < start \
                and not any(t.text in self.kb.words.get("organisation_words", ()) for t in span):
            return True       # "Emad Shargi and Morad Tahbaz": listed with a person
        if first is not root and first.pos_ == "PROPN" and first.i not in self.in_title:
            # "Foreign Ministers Dante Caputo of Argentina and Jaime del Valle of Chile": a conjunct
            # of a name under a person's title
            j = first.i
            while j > 0 and self.toks[j - 1].pos_ == "PROPN" and self.toks[j - 1].dep_ == "compound" \
                    and j - 1 not in self.in_title:
                j -= 1
            return j - 1 in self.in_title and first.i - j <= 3
        if root.dep_ == "appos" and root.head.lemma_.lower() in self.kb.titles and root.head.i < start:
            return True       # "India's foreign secretary, Vikram Misri,"
        return any(c.dep_ == "appos" and c.lemma_.lower() in self.kb.titles for c in children(root))

    def _dateline(self, start: int, end: int) -> bool:
        """"MUSCAT, April 12 (Reuters) -": an upper-case name opening a paragraph, then a comma."""
        doc = self.doc

        def joiner(t: Token) -> bool:
            # "AL-ULA", "N'DJAMENA", "ST. PETERSBURG": the hyphen, apostrophe or stop inside is no
            # lower case; "ISLAMABAD/KABUL", "PORT-AU-PRINCE": each place of a joint dateline
            return t.is_punct and t.text in "-'’./"

        while start > 0 and (joiner(self.toks[start - 1]) or self.toks[start - 1].is_upper):
            start -= 1
        # ("KILOMETER 101, Egypt": a place named by its milestone)
        while end < len(doc) and (joiner(self.toks[end]) or self.toks[end].is_upper or self.toks[end].like_num):
            end += 1
        opens = start == 0 or "\n" in self.toks[start - 1].text or self.toks[start - 1].is_space
        words = [t for t in self.toks[start:end] if not joiner(t)]
        # ("JEM, led by Khalil Ibrahim, broke off": an acronym opening a paragraph, then a clause;
        # a dateline's comma is followed by a place, a date or an agency)
        clause_after = end + 1 < len(doc) and self.toks[end].text == "," and self.toks[end + 1].is_lower
        return opens and bool(words) and all(t.is_upper or t.like_num for t in words) and words[0].is_upper \
            and end < len(doc) \
            and self.toks[end].text in (",", "(") and not clause_after

    def _byline(self, start: int, end: int) -> bool:
        """"By Kanya Srisuk" on a line of its own, "(Reporting by X in Doha; Editing by Y)": the
        reporters and editors, not actors of the story."""
        line = self._line_at(start).strip().lstrip("(").lower()
        openers = self.kb.words.get("credit_openers", ())
        closers = self.kb.words.get("credit_closers", ())
        if len(line) <= 240 and (any(line.startswith(o + " ") for o in openers)
                                 or any(line.rstrip(".) ").endswith(c) for c in closers)):
            return True   # ... and "AP writers X in Cairo and Y in Gaza contributed to this report."
        # "(AP Photo/Abdel Kareem Hana)": a photograph's credit
        at, text = self.toks[start].idx, self.text
        opened = text.rfind("(", max(0, at - 40), at)
        return opened != -1 and ")" not in text[opened:at] and "photo/" in text[opened:self.toks[end - 1].idx].lower()

    def _is_place(self, tok: Token) -> bool:
        """An unknown name governed by "in", "at", "near"... is where something happens."""
        if tok.text in self.kb.words.get("organisation_words", ()):
            return False      # "now at the Asia Society Policy Institute": where someone works
        if tok.dep_ == "conj" and tok.head.ent_type_ in ("GPE", "LOC") and tok.head.i < tok.i \
                and not (tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I"):
            # "as Croatian as Zagreb or Split": named with a place, a place (not a person's full
            # name the parser has hung on a place: "Shevardnadze of the Soviet Union and James Baker")
            return True
        if tok.ent_type_ == "PERSON" and tok.i > 0 and self.toks[tok.i - 1].lower_ == "the" \
                and self.toks[tok.i - 1].head.i == tok.i and not self.toks[tok.i - 1].ent_type_:
            return True       # "on the Danube": a person's name takes no article
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.is_lower and tok.head.lemma_ in \
                self.kb.words.get("place_nouns", ()):
            return True       # "the Jaffna peninsula", "the Capella hotel"
        if tok.dep_ == "pobj" and tok.head.lower_ == "between" and any(
                c.dep_ == "conj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in tok.children):
            return True       # "the road between Misrata and Sirte"
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in \
                self.kb.words.get("settlement_nouns", ()):
            return True   # "the Amazon city of Iquitos"
        return tok.dep_ == "pobj" and tok.head.lower_ in self.kb.words.get("place_prepositions", ())

    def _longer_name(self, start: int, end: int, covered: list[_M]) -> None:
        """"Daniel Ortega Saavedra": a KB person's name that the recogniser's name runs on from by
        a word or two is that person's full name (a second surname, a patronymic), not a second
        person's."""
        covered = list({id(m): m for m in covered}.values())   # one per token it covers
        first = covered[0]
        rest = self.toks[first.end:end]
        if len(covered) != 1 or first.start != start or first.via != "name" or not 0 < len(rest) <= 2 \
                or self.actors[first.actor_id].kind != "person":
            return
        if all(t.tag_ == "NNP" and t.is_title and (t.is_alpha or _NAME_WORD.match(t.text)) and t.i not in self.blocked
               and t.lower_ not in self.kb.titles and t.lower_ not in MONTHS_AND_DAYS and not self._is_place(t)
               for t in rest):
            self.mentions.remove(first)
            for i in range(first.start, first.end):
                self.owner[i] = None
            self.add(start, end, first.actor_id, "name")

    def _partly_known(self, ent: Span, start: int, end: int, covered: list[_M]) -> None:
        """An entity around a KB name: an ORG's ("Hamas Politburo" is Hamas; "Egyptian Foreign
        Ministry" is Egypt) or a person's longer name (``_longer_name``)."""
        if ent.label_ == "PERSON":
            self._longer_name(start, end, covered)
        if ent.label_ != "ORG":
            return
        first = covered[0]
        root = self.root_of(start, end)
        if first.start > start and all(m.via == "demonym" for m in covered) and self.owner[root.i] is None \
                and root.lemma_.lower() not in self.kb.sectors and self.actors[first.actor_id].kind in ("state", "group"):
            # "Congress of South African Trade Unions", "Indian National Congress": an organisation of
            # that side whose name has the demonym inside it
            for m in {id(m): m for m in covered}.values():
                self.mentions.remove(m)
                for i in range(m.start, m.end):
                    self.owner[i] = None
            self._org_entity(start, end, affiliation=first.actor_id)
            return
        if root.text in self.kb.words.get("organisation_words", ()) and self.owner[root.i] is None \
                and all(self.actors[m.actor_id].kind == "state" and m.via in ("name", "capital") for m in covered):
            # "the Kinshasa Centre for Strategic Studies", "the Congo River Alliance": a place in
            # the name of an organisation of its own, not the state
            for m in {id(m): m for m in covered}.values():
                self.mentions.remove(m)
                for i in range(m.start, m.end):
                    self.owner[i] = None
            self._org_entity(start, end)
            return
        rest = self.toks[first.end:end]
        if first.start == start and len(rest) > 2 and rest[0].text in ("'s", "’s") and len(covered) == 1 \
                and rest[1].is_title and rest[-1].is_title:
            # "Kibaki's Party of National Unity": the name after the owner's is an organisation
            self._org_entity(first.end + 1, end)
            return
        if first.start != start or not rest or any(self.owner[t.i] for t in rest):
            return
        known = self.actors[first.actor_id]
        last = self.toks[end - 1].lemma_.lower()
        if known.kind == "state" and last in self.kb.sectors:
            self.add(start, end, first.actor_id, "name", self.kb.sectors[last])
        elif first.via == "demonym" and known.kind in ("state", "group"):
            # "Sudanese Professionals Association": an organisation of that side
            self.mentions.remove(first)
            for i in range(first.start, first.end):
                self.owner[i] = None
            self._org_entity(start, end, affiliation=first.actor_id)

    def _person_entity(self, start: int, end: int) -> None:
        hon = self.kb.words.get("honorifics", ())
        while start < end - 1 and (self.toks[start].text in hon or self.toks[start].lower_ in self.kb.titles):
            start += 1
        while end > start + 1 and self.toks[end - 1].tag_ == "POS":
            end -= 1
        if not self.free(start, end):
            return
        # "O'Neill" is one word of a name though not all letters
        words = [t for t in self.toks[start:end] if t.is_alpha or _NAME_WORD.match(t.text)]
        if len(words) >= 2:
            name = self.text_of(start, end)
            known = self._same_person(name)
            if known is not None:
                self.add(start, end, known, "surname")
                return
            self.actor(_slug(name), name, "person")
            self.add(start, end, _slug(name), "name")
        # single names are resolved with the surnames (step 3)

    def _honoured_name(self, start: int, end: int) -> bool:
        words = self.toks[start:end]
        return 3 <= len(words) <= 5 and words[0].text in self.kb.words.get("personal_honorifics", ()) \
            and all(w.is_alpha and w.is_title for w in words[1:]) \
            and not any(w.text in self.kb.words.get("organisation_words", ()) for w in words)

    def _titled_name(self, start: int, end: int) -> bool:
        words = self.toks[start:end]
        particles = self.kb.words.get("name_particles", set())
        # "Fernando de Trazegnies": a particle inside the name, never first or last
        if not 2 <= len(words) <= 4 or any(not (w.is_alpha and (w.is_title or (
                0 < k < len(words) - 1 and w.lower_ in particles))) for k, w in enumerate(words)) \
                or any(w.text in self.kb.words.get("organisation_words", ()) for w in words):
            return False
        root = self.root_of(start, end)
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in self.kb.titles \
                and any(d.dep_ in ("det", "poss") for d in root.head.children):
            return True   # "His Peruvian counterpart, Fernando de Trazegnies, said"
        return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in self.kb.titles
                   and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)
                   for c in root.children)

    def untagged_speakers(self) -> None:
        """"Vera Grabe, who heads the delegation, said": a two- or three-word proper name the
        entity recogniser left untagged is a person when it is the subject of a speech verb, follows
        a title, or is listed with persons."""
        verbs = set(self.kb.words.get("speech_verbs", ()))
        places = {p.lower() for p in self.kb.places}
        hon = self.kb.words.get("honorifics", ())
        for tok in (self.toks[i] for i in self.propn_idx):
            if self.owner[tok.i] is not None or tok.ent_type_ not in MISREAD_SPEAKERS or tok.dep_ == "compound":
                continue
            start = tok.i
            while start > 0 and self.toks[start - 1].dep_ == "compound" and self.toks[start - 1].head.i == tok.i \
                    and self.toks[start - 1].pos_ == "PROPN" and start - 1 not in self.in_title \
                    and self.toks[start - 1].text not in hon:
                start -= 1
            # "Commonwealth Secretary-General Shridath Ramphal met them": a name right after a
            # title is a person's whatever its verb
            titled = start > 0 and (start - 1 in self.in_title or self.toks[start - 1].text in hon) \
                and self.toks[start - 1].is_title
            # "Kalonzo Musyoka, Musalia Mudavadi and Moses Wetangula": listed with persons, a person
            listed = tok.dep_ == "conj" and tok.head.ent_type_ == "PERSON"
            if not titled and not listed and (tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ not in verbs):
                continue
            words = self.toks[start:tok.i + 1]
            if not 2 <= len(words) <= 3 or any(not (w.is_alpha and w.is_title) or w.ent_type_ not in MISREAD_SPEAKERS
                                               for w in words):
                continue
            if self.text_of(start, tok.i + 1).lower() in places \
                    or any(w.text in self.kb.words.get("organisation_words", ())
                           or w.text in self.kb.words.get("document_names", ()) for w in words):
                continue   # ("the Rome General Peace Agreement": a document after an honorific)
            self._person_entity(start, tok.i + 1)

    def speaking_groups(self) -> None:
        """"Analysts said", "Western diplomats told Reuters", "Rights groups warned": people the
        article does not name, who speak as one group, are a group actor under the words that
        describe them. Not when an actor qualifies them ("Iranian officials" are Iran's), nor
        when a determiner points back to someone named ("the mediators", "their officials").
        One of them introduced on their own ("said a Western diplomat in Baku", "an analyst
        warned") is a person actor so named: the source a reader is given."""
        verbs = set(self.kb.words.get("speech_verbs", ()))
        nouns = set(self.kb.words.get("speaking_group_nouns", ()))
        for i in self.common_idx:
            tok = self.toks[i]
            # One of them need not speak in the clause that brings them in ("A Western diplomat was
            # blunt. '...,' he said."); a group speaks, or is judged in a copula ("Western diplomats
            # in Moscow were sceptical").
            # ("Western diplomats were guarded": judged by an adjectival participle after "be")
            judged = tok.dep_ == "nsubjpass" and tok.tag_ == "NNS" and tok.head.tag_ == "VBN" and any(
                c.lemma_ == "be" and c.dep_ == "auxpass" for c in tok.head.children) and not any(
                c.dep_ == "agent" for c in tok.head.children)
            brought_in = tok.tag_ == "NN" or tok.head.lemma_ in verbs or tok.head.lemma_ == "be" or judged
            if tok.tag_ not in ("NNS", "NN") or tok.dep_ != "nsubj" and not judged or not brought_in \
                    or tok.lemma_.lower() not in nouns or self.owner[i] is not None:
                continue
            kids = children(tok)
            one = tok.tag_ == "NN"
            # ("one Western diplomat in Cairo said": one of them)
            indefinite = [c for c in kids if c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "another", "one")]
            if one and not indefinite:
                continue   # "the diplomat said": someone introduced before (see _unnamed_intro)
            # (the words that could name a side: not "in Baku" or "Moscow-based", where they speak from)
            based = {t.i for c in kids if c.lower_ == "based" for t in subtree(c)}
            naming = [t for t in subtree(tok) if t.i <= i and t.i not in based] + [
                t for c in kids if c.dep_ == "prep" and c.i > i and c.lower_ in ("of", "for", "from", "with")
                for t in subtree(c)]
            # ("Armenian opposition parties", "Israeli settlers": a state's people against or
            # beside its government, not the state; the demonym says only where they are from)
            apart = set(self.kb.words.get("non_state_groups", ())) & {t.lemma_.lower() for t in naming}
            # ("a Latin American diplomat": a region's name describes one, as "Western" does)
            region = {t.i for t in naming if t.i in self.blocked and self.owner[t.i] is None
                      and t.ent_type_ in ("NORP", "LOC") and t.i not in self.capital_at}
            if any(c.dep_ in ("det", "poss", "nummod", "predet") and not one
                   for c in kids) or any(t.i in self.blocked and t.i not in region or self.owner[t.i] is not None and not (
                       apart and self.owner[t.i].via == "demonym") for t in naming):
                continue
            # named by its modifiers, hyphened ones too ("Gulf-based diplomat", "senior ruling party official")
            start = i
            while start > 0 and self.toks[start - 1].dep_ in ("amod", "compound", "punct", "npadvmod", "advmod") \
                    and self.toks[start - 1].head.i in range(start - 1, i + 1) and self.toks[start - 1].text != ",":
                start -= 1
            # ("Several opposition parties rejected": the quantifier counts them, the name is the rest)
            while start < i and (not self.toks[start].is_alpha or self.toks[start].lower_ in QUANTIFIERS):
                start += 1
            end = i + 1
            if one and start == i and tok.head.lemma_ in verbs:
                # "a diplomat following the process said", "a source close to the talks told
                # Reuters": one with no words before the noun is named by the words after it
                after = next((c for c in kids if c.i > i and (c.dep_ == "prep" and c.lower_ in POSTMODIFYING_PREPS
                                                              or c.dep_ in ("acl", "amod") and c.tag_ in ("VBG", "VBN", "JJ"))), None)
                if after is not None and after.lower_ not in LOCATING_PREPS and any(
                        self.owner[t.i] is not None for t in subtree(after)):
                    after = None   # "a source close to Hamas": a description of that side (see titles)
                if after is not None:
                    stop = next((t.i for t in subtree(after) if t.text in (",", ";", "(") or t.dep_ == "relcl"), None)
                    end = min(after.right_edge.i + 1, stop if stop is not None else len(self.toks))
            name = self.text_of(start, end)
            name = name[:1].upper() + name[1:]
            first = start
            if one and start == i and end == i + 1:
                # ("Western diplomats in Moscow were sceptical ... 'Everyone is exhausted,' one
                # diplomat said": one of the group named before, named as they are)
                group = next((a for m in reversed(self.mentions) if m.start < i
                              for a in [self.actors[m.actor_id]] if a.kind == "group" and " " in a.name
                              and self.toks[m.end - 1].lemma_.lower() == tok.lemma_.lower()), None)
                if group is not None:
                    name = group.name.rsplit(" ", 1)[0] + " " + tok.text
            if one:
                # (a bare "an official said" tells a reader nothing to tell one source from another)
                aid = None if start == i and end == i + 1 and name.lower() == tok.lower_ \
                    else self._unnamed_person(name, tok.lower_)
                if aid is None:
                    continue
                start = indefinite[0].i
            else:
                # ("Opposition parties" after "Armenian opposition parties": the group named before)
                aid = next((a.actor_id for a in self.actors.values() if a.kind == "group" and a.name.lower() != name.lower()
                            and a.name.lower().endswith(" " + name.lower())), None) or _slug(name)
                self.actor(aid, name, "group")
                home = next((self.owner[t.i].actor_id for t in naming if self.owner[t.i] is not None), None)
                if home is not None and self.actors[aid].affiliation is None:
                    self.actors[aid].affiliation = home   # "Israeli settlers": Israel's people
                end = i + 1
            self.add(start, end, aid, "description")
            # "Diplomats in Geneva", "a Western diplomat in Baku": where they speak from does not
            # make another actor, but it is how the article names them
            # ... and by what puts them close to the talks ("Diplomats close to the talks",
            # "Officials on both sides")
            where = next((c for c in kids if c.i == end and (c.dep_ == "prep" and c.lower_ in NAMING_PREPS
                                                             or c.dep_ in ("amod", "acl") and c.lower_ in POSTMODIFYING_PREPS)), None)
            if where is not None:
                stop = next((t.i for t in subtree(where) if t.text in (",", ";", "(") or t.dep_ in ("relcl", "acl")), None)
                last = min(where.right_edge.i + 1, stop if stop is not None else len(self.toks))
                if last > where.i + 1:
                    named = self.text_of(first, last)
                    self.actors[aid].aliases.add(named[:1].upper() + named[1:])

    def some_of_them(self) -> None:
        """"Western diplomats in Moscow were sceptical. Some said ...": a quantifier standing alone
        as the subject of a speech verb is part of the group named last in that sentence or the
        one before, and speaks for it."""
        verbs = set(self.kb.words.get("speech_verbs", ()))
        quantifiers = set(self.kb.words.get("quantifier_speakers", ()))
        for tok in tokens_with(self.doc, words=quantifiers | {"one"}):
            one = tok.lower_ == "one"
            if tok.lower_ not in quantifiers and not one or tok.dep_ != "nsubj" or tok.head.lemma_ not in verbs \
                    or self.owner[tok.i] is not None or any(True for _ in tok.children):
                continue
            here = self.sent_of(tok.i)
            group = next((m for m in reversed(self.mentions) if m.end <= tok.i and here - 1 <= self.sent_of(m.start)
                          and self.actors[m.actor_id].kind == "group" and (
                              self.toks[m.end - 1].tag_ == "NNS" or self.toks[m.end - 1].lower_ in quantifiers)), None)
            if group is None:
                # "UN officials describe the timetable as tight. One said ...": one of a side's
                # people named in the plural speaks for that side
                side = next((m for m in reversed(self.mentions) if m.end <= tok.i and here - 1 <= self.sent_of(m.start)
                             and m.via == "description" and m.sector
                             and (self.toks[m.end - 1].tag_ == "NNS" or self.toks[m.end - 1].lower_ in quantifiers)
                             and self.actors[m.actor_id].kind in ("state", "organisation")), None)
                if side is not None:
                    self.add(tok.i, tok.i + 1, side.actor_id, "description", side.sector)
                continue
            if not one:
                self.add(tok.i, tok.i + 1, group.actor_id, "description")
                continue
            # ("Diplomats were wary. '...,' one said": one of them, a person named as they are, as
            # "one diplomat said" is)
            head = self.toks[group.end - 1]
            if head.tag_ != "NNS" or " " not in self.actors[group.actor_id].name:
                continue
            name = self.actors[group.actor_id].name.rsplit(" ", 1)[0] + " " + head.lemma_.lower()
            aid = self._unnamed_person(name, head.lemma_.lower())
            if aid is not None:
                self.add(tok.i, tok.i + 1, aid, "description")

    def untagged_acronyms(self) -> None:
        """"RENAMO wants its officers appointed", "FRELIMO denied it": an upper-case word the
        recogniser left untagged, in running text, is an organisation's acronym."""
        common = {w.lower() for w in self.kb.words.get("common_acronyms", ())}
        toks = self.toks
        for tok in tokens(self.doc):   # (the tagger may read one as a common noun)
            i = tok.i
            if not (tok.is_upper and tok.is_alpha and 3 <= len(tok.text) <= 8) or tok.pos_ not in ("PROPN", "NOUN") \
                    or self.owner[i] is not None \
                    or i in self.blocked or i in self.in_title or tok.ent_type_ not in ("", "ORG") \
                    or tok.lower_ in common or tok.lower_ in STOP_WORDS:
                continue
            if 0 < i < len(toks) - 1 and toks[i - 1].text == "(" and toks[i + 1].text == ")":
                continue   # "... Concord in Chad (FACT)": defined by the name it follows, found with it
            if tok.ent_type_ and (tok.ent_iob_ == "I" or (i + 1 < len(toks) and toks[i + 1].ent_iob_ == "I")):
                continue   # "Cadena SER": part of a longer name, found whole with the entities
            # a word of a headline or dateline in capitals is no acronym
            near = [toks[j] for j in (i - 1, i + 1) if 0 <= j < len(toks) and toks[j].is_alpha]
            if any(t.is_upper for t in near) or self._dateline(i, i + 1) or self._byline(i, i + 1):
                continue
            start, end = _acronym_chain(toks, i)
            if start < i or any(self.owner[j] is not None for j in range(start, end)):
                continue   # ("CNDD-FDD": one name, taken whole at its first acronym)
            if end - start == 1 and tok.text in self.aliases:
                self.add(i, i + 1, self.aliases[tok.text], "acronym")
                continue
            self._org_entity(start, end)
            if self.owner[i] is not None:
                self.aliases.setdefault(self.text_of(start, end), self.owner[i].actor_id)

    def untagged_organisations(self) -> None:
        """"The pro-Kurdish DEM Party", "the Nationalist Movement Party (MHP)": capitalised words
        ending in an organisation word ("Party", "Council") that the recogniser left untagged name
        an organisation."""
        heads = self.kb.words.get("organisation_words", ())
        for tok in tokens_with(self.doc, words={w.lower() for w in heads}):
            if tok.text not in heads or tok.pos_ not in ("PROPN", "NOUN") or self.owner[tok.i] is not None \
                    or tok.ent_type_ or tok.i in self.blocked or tok.i in self.in_title:
                continue
            start = tok.i
            while start > 0 and start <= self.toks[start - 1].head.i <= tok.i and self.toks[start - 1].dep_ == "compound" \
                    and (self.toks[start - 1].is_title or self.toks[start - 1].is_upper) \
                    and self.toks[start - 1].is_alpha and not self.toks[start - 1].ent_type_ \
                    and self.owner[start - 1] is None:
                start -= 1
            if start == tok.i or (tok.dep_ == "compound" and tok.head.i == tok.i + 1 and tok.head.is_title):
                continue   # "the Party" alone names nothing; "Movement" of "... Movement Party" is not the end
            self._org_entity(start, tok.i + 1)
        self._defined_names()
        # "Puigdemont's separatist Junts party", "the Wagner group": a name before a common
        # organisation noun is the organisation's name, which the article then uses alone ("Junts wants")
        nouns = self.kb.words.get("organisation_nouns", set())
        for tok in tokens_with(self.doc, lemmas=nouns):
            if tok.pos_ != "NOUN" or not tok.is_lower or tok.i == 0:
                continue
            end = start = tok.i
            while start > 0 and self.toks[start - 1].dep_ == "compound" and start <= self.toks[start - 1].head.i <= tok.i \
                    and self.toks[start - 1].pos_ == "PROPN" and self.toks[start - 1].is_title \
                    and self.toks[start - 1].is_alpha and self.owner[start - 1] is None \
                    and start - 1 not in self.blocked and self.toks[start - 1].ent_type_ in ("", "ORG"):
                start -= 1
            if start == end or self.toks[start].is_sent_start or self.toks[start].ent_iob_ == "I":
                continue   # (a name the recogniser took in whole, from further left, is found with it)
            self._org_entity(start, end)
            if end - start == 1 and self.owner[start] is not None:
                # (the tagger may read the bare name as a common noun: "Junts" as "junt")
                name, aid = self.toks[start].text, self.owner[start].actor_id
                self.aliases.setdefault(name, aid)
                for other in tokens_with(self.doc, words={name.lower()}):
                    if other.text == name and self.owner[other.i] is None and other.i not in self.blocked:
                        self.add(other.i, other.i + 1, aid, "acronym")

    def _same_person(self, name: str) -> str | None:
        """A shorter form of a person already named in full: "al-Rishq" after "Izzat al-Rishq"; else the
        one KB person whose name ends so ("al-Rishq" alone)."""
        words = _slug(name).split("-")
        def ends(full: str) -> bool:
            w = _slug(full).split("-")
            return len(w) > len(words) and w[-len(words):] == words
        here = [a.actor_id for a in self.actors.values() if a.kind == "person" and ends(a.name)]
        if len(here) == 1:
            return here[0]
        if here or _slug(name) in self.kb.entries:
            return None
        suffixes, aliases = _person_index(self.kb)
        known = set(suffixes.get(tuple(words), ())) | set(aliases.get(_slug(name), ()))
        if len(known) == 1:
            aid = known.pop()
            self.actor(aid)
            return aid
        return None

    def _org_entity(self, start: int, end: int, affiliation: str | None = None) -> None:
        doc = self.doc
        # "the Armed Forces of Liberia (AFL": a name the recogniser ran into its bracket ends there
        bracket = next((i for i in range(start + 1, end) if self.toks[i].text == "("), None)
        if bracket is not None and not any(self.toks[i].text == ")" for i in range(bracket, end)):
            end = bracket
        while end > start + 1 and self.toks[end - 1].tag_ == "POS":
            end -= 1
        # "the ruling FRELIMO party": the common noun after the name is no part of it
        while end > start + 1 and self.toks[end - 1].is_lower \
                and self.toks[end - 1].lemma_ in self.kb.words.get("organisation_nouns", ()):
            end -= 1
        # "[Front for Change] and Concord in Chad (FACT)": a name the recogniser cut short runs on
        # to the acronym that closes it
        paren = end
        while paren < min(len(doc), end + 5) and self.toks[paren].text != "(" \
                and (self.toks[paren].is_title or self.toks[paren].lower_ in NAME_CONNECTORS):
            paren += 1
        if paren > end and paren + 2 < len(doc) and self.toks[paren].text == "(" and self.toks[paren + 2].text == ")" \
                and self.toks[paren + 1].is_upper and self.toks[paren - 1].lower_ not in NAME_CONNECTORS:
            end = paren
        span = doc[start:end]
        text = span.text
        if len(span) == 1 and text in self.aliases:
            return   # a surname or acronym; step 3
        if not any(t.is_alpha for t in span):
            return
        aid = _slug(text)
        # "Kurdistan Workers Party" for the KB's "Kurdistan Workers' Party": the same name, spelt
        # without its punctuation
        aid = aid if aid in self.kb.entries else _kb_slugs(self.kb).get(aid, aid)
        if aid in self.kb.entries and self.kb.entries[aid].kind == "person":
            return
        if aid not in self.actors and aid not in self.kb.entries:
            # "Tamil Tiger rebels" and "the Tamil Tigers": the name in the singular is the same body
            for other in (aid + "s", aid[:-1] if aid.endswith("s") else None):
                other = other and _kb_slugs(self.kb).get(other, other)
                known = other and (self.actors.get(other) or self.kb.entries.get(other))
                if known is not None and known.kind == "organisation":
                    aid = other
                    break
        sector = self.kb.sectors.get(self.toks[end - 1].lemma_.lower())
        if sector and aid not in self.kb.entries and not affiliation:
            # "China's commerce ministry", "the Cambodian defence ministry": a body of the state,
            # not an organisation of its own
            left = self._left_of(span.root, start)
            qual = self._qualifier(self.toks[left:start])
            if qual is not None and self.actors[qual].kind == "state":
                self.add(left, end, qual, "description", sector)
                return
            if qual is None and tuple(text.lower().split()) in _forms(self.kb, "plain_governments")[0]:
                return   # "the defence ministry said": a state's organ, found with "the government"
        a = self.actor(aid, text, "organisation")
        if not affiliation and not a.from_kb:
            # "Ivory Coast's Supreme Court", "the Israeli Knesset"
            affiliation = self._qualifier(self.toks[self._left_of(span.root, start):start])
        if affiliation and not a.affiliation:
            a.affiliation = affiliation
        if not a.from_kb and self._is_outlet(span):
            a.is_outlet = True
        self.add(start, end, aid, "acronym" if text.isupper() and len(span) == 1 else "name")
        # "Rapid Support Forces (RSF)": the parenthesised acronym is the same organisation
        if end + 2 < len(doc) and self.toks[end].text == "(" and self.toks[end + 2].text == ")" and self.toks[end + 1].is_upper:
            acronym = self.toks[end + 1].text
            self.aliases[acronym] = aid
            self.defined[acronym] = aid
            self.add(end + 1, end + 2, aid, "acronym")
        elif end + 3 < len(doc) and end - start > 1 and self.toks[end].text == "," and self.toks[end + 1].lower_ == "or" \
                and self.toks[end + 2].pos_ == "PROPN" and self.toks[end + 2].text[:1].isupper() \
                and self.toks[end + 3].text in (",", ")", ".") and self.free(end + 2, end + 3) \
                and self.toks[end + 2].ent_type_ not in ("GPE", "PERSON", "LOC"):
            # "the Mozambican National Resistance, or Renamo,": the short name it is also known by
            short = self.toks[end + 2].text
            self.aliases[short] = aid
            self.defined[short] = aid
            self.add(end + 2, end + 3, aid, "acronym" if short.isupper() else "name")

    def _defined_names(self) -> None:
        """"The rebel Congolese Rally for Democracy (RCD)": capitalised words the recogniser left
        untagged, before the acronym that stands for them, name an organisation. (The acronym's
        letters are the words' initials, in any order: "RCD" is French for it.)"""
        toks = self.toks
        for par in tokens_with(self.doc, words={"("}):
            i = par.i
            if i + 2 >= len(toks) or toks[i + 2].text != ")" or not toks[i + 1].is_upper or not toks[i + 1].is_alpha \
                    or not 2 <= len(toks[i + 1].text) <= 8:
                continue
            start = i
            while start > 0 and toks[start - 1].is_alpha and (toks[start - 1].is_title or toks[start - 1].lower_ in NAME_CONNECTORS):
                start -= 1
            while start < i and (toks[start].lower_ in NAME_CONNECTORS or toks[start].lower_ in STOP_WORDS):
                start += 1
            words = [t for t in toks[start:i] if t.is_title]
            letters = set(toks[i + 1].text)
            if len(words) < 2 or not letters <= {t.text[0] for t in words} or len(toks[i + 1].text) > len(words) + 1:
                continue
            owned = [self.owner[j] for j in range(start, i) if self.owner[j] is not None]
            if any(m.via != "demonym" for m in owned) or any(toks[j].ent_type_ in ("ORG", "PERSON") for j in range(start, i)):
                continue   # a name the recogniser or the KB found, taken whole elsewhere
            for m in {id(m): m for m in owned}.values():
                self.mentions.remove(m)
                for j in range(m.start, m.end):
                    self.owner[j] = None
            self._org_entity(start, i)

    def _is_outlet(self, span: Span) -> bool:
        """An unknown organisation that is told something ("told CNBC") or interviews someone."""
        head = span.root
        cues = self.kb.words.get("outlet_cue_verbs", ())
        told = head.dep_ == "dobj" and head.head.lemma_ in cues
        interview = head.dep_ == "pobj" and head.head.head.lemma_ in cues
        if told or interview:
            return True
        doc = self.doc
        if 0 < span.start and span.end + 1 < len(doc) and self.toks[span.start - 1].text == "(" \
                and self.toks[span.end].text == ")" and self.toks[span.end + 1].text in ("-", "–", "—", "--"):
            return True           # the agency of a dateline: "DOHA, Jan 14 (Reuters) -"
        words = self.ix.outlet_words
        if head.dep_ == "compound" and head.head.lower_ in self.ix.outlet_words and head.head.i >= span.end:
            return True           # "Al Masirah television", "Kan radio"
        before = self.toks[span.start - 1] if span.start > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.lower_ in words:
            return True           # "state broadcaster RTS", "the newspaper Kathimerini"
        verb = head.head.head if head.head.dep_ == "agent" or head.head.lower_ == "by" else head.head
        # "..., the Kabul Times reported", "remarks carried by the Omani News Agency"
        return any(t.lower_ in words for t in span) and verb.lemma_ in self.kb.words.get("outlet_report_verbs", ())

    # ---- step 3: surnames, acronyms and single names
    def _nicknames(self) -> None:
        """"General Paulo Lukamba "Gato"", "Mohamed Hamdan Dagalo, known as Hemedti": the name a
        person is given right after their own is theirs ("Gen Gato said")."""
        text = self.text
        for m in self.mentions:
            if m.via != "name" or self.kind_of(m) != "person":
                continue
            last = self.toks[m.end - 1]
            got = NICKNAME.match(text, last.idx + len(last.text))
            nick = got and (got.group(1) or got.group(2))
            if nick and nick not in self.aliases:
                self.aliases[nick] = m.actor_id
                self.actors[m.actor_id].aliases.add(nick)

    def _surname_aliases(self) -> None:
        self._nicknames()
        bearers: dict[str, list[str]] = {}
        for a in list(self.actors.values()):
            if a.kind != "person":
                continue
            last = a.name.split()[-1]
            # "García" is also written "Garcia"
            folded = _fold(last)
            halves = last.split("-")
            # ("Mendes-France" is "Mendes", never "France")
            tail = halves[0] if len(halves) == 2 and halves[1].lower() in self.ix.country_names else halves[-1]
            for alias in (last, tail, folded):
                # "el-Sisi" and "Sisi"; never "II" of "King Abdullah II" or an initial
                if len(alias) >= 3 and alias[:1].isupper() and not alias.isupper() \
                        and alias.replace("'", "").replace("-", "").isalpha() and alias not in self.aliases:
                    bearers.setdefault(alias, [])
                    if a.actor_id not in bearers[alias]:
                        bearers[alias].append(a.actor_id)
        for alias, ids in bearers.items():
            if len(ids) == 1:
                self.aliases[alias] = ids[0]
            else:
                # "Humberto Ortega ... Ortega said ... President Daniel Ortega": a surname two
                # persons share is the one named last before it
                self.shared_firsts[alias] = set(ids)
        # Thai, Ethiopian, Malay and Indonesian names are shortened to the given name ("Phumtham",
        # "Abiy", "Anwar"): a first name shared by no other person of the article is an alias too
        firsts: dict[str, set[str]] = {}
        for a in self.actors.values():
            words = a.name.split()
            if a.kind == "person" and len(words) >= 2:
                firsts.setdefault(words[0], set()).add(a.actor_id)
        # ... and South Sudanese and Ethiopian ones to the middle name ("Kuol Manyang Juuk" is
        # "Manyang"), when no other person of the article bears it
        for a in self.actors.values():
            words = a.name.split()
            if a.kind == "person" and len(words) >= 3:
                for middle in words[1:-1]:
                    firsts.setdefault(middle, set()).add(a.actor_id)
                    self.middle_names.add(middle)
        # ... and Korean and Chinese ones to the family name, written first ("Kim", "Ri"): a first
        # word two persons share ("Kim Jong Un", "Kim Eui-kyeom") is the one named last before it
        hon = self.kb.words.get("honorifics", ())
        particles = self.kb.words.get("name_particles", set())
        for first, ids in firsts.items():
            if len(first) >= 2 and first.isalpha() and first[:1].isupper() and first not in hon \
                    and first.lower() not in self.kb.titles and first.lower() not in particles \
                    and first.lower() not in STOP_WORDS:   # "He Lifeng" is never "He"
                if len(ids) == 1:
                    self.aliases.setdefault(first, next(iter(ids)))
                else:
                    self.shared_firsts[first] = set(ids)

    def _last_named(self, tok: Token) -> str | None:
        """Of the persons sharing the first word ``tok``, the one whose name came last before it."""
        ids = self.shared_firsts.get(tok.text)
        if not ids:
            return None
        full = [m for m in self.mentions if m.actor_id in ids and m.end - m.start > 1]
        before = [m for m in full if m.end <= tok.i]
        if before:
            return max(before, key=lambda m: m.start).actor_id
        return min(full, key=lambda m: m.start).actor_id if full else None

    def surnames(self) -> None:
        doc = self.doc
        self._surname_aliases()
        persons = {k: v for k, v in self.aliases.items() if self.actors[v].kind == "person"}
        ent_label = {}
        for e in nlp_ents(doc):
            for i in range(e.start, e.end):
                ent_label[i] = e.label_
        in_place = {i for e in nlp_ents(doc) for i in range(e.start, e.end) if self._in_place_name(i, e)}
        # an acronym the article defined, however the tagger reads it later ("FACT would defend")
        acronyms = {t.i for t in tokens_with(doc, words={a.lower() for a in self.defined}) if t.text in self.defined}
        # a surname of the article's persons the tagger reads as a common noun ("Dirir told Reuters")
        named = {t.i for t in tokens_with(doc, words={k.lower() for k in persons}) if t.is_title and t.text in persons}
        for i in sorted(set(self.propn_idx) | acronyms | named | {i for i, lab in ent_label.items() if lab == "PERSON"}):
            tok = self.toks[i]
            if self.owner[i] is not None or i in self.blocked or i in in_place:
                continue
            # "Rodríguez" for the KB's "Jorge Rodriguez": accents folded as the aliases were
            aid = self.aliases.get(tok.text) or self.aliases.get(_fold(tok.text)) or self._last_named(tok)
            if aid is not None and tok.text in self.middle_names and i > 0 \
                    and self.toks[i - 1].text in self.kb.words.get("personal_honorifics", ()) \
                    and self.toks[i - 1].text not in self.kb.words.get("surname_honorifics", ()):
                # "King Abdullah" is no "Ali Abdullah Saleh": a titled name is someone's own first name
                aid = _slug(tok.text)
                self.actor(aid, tok.text, "person")
            if aid is None and ent_label.get(tok.i) == "PERSON" and tok.is_title:
                # spelling variants of an article's full name ("Sissi" / "Sisi")
                best = max(persons, key=lambda k: fuzz.ratio(k, tok.text), default=None)
                if best is not None and fuzz.ratio(best, tok.text) >= 85:
                    aid = persons[best]
                elif tok.text not in self.kb.words.get("honorifics", ()) and not self._is_place(tok) \
                        and tok.lower_ not in ("the", "a", "an") \
                        and tok.lower_ not in self.kb.titles and not _hyphen_glued(tok) \
                        and not self._modifies_force_noun(tok) \
                        and not any(c.isdigit() for c in tok.text):   # "F-16", "Su-34": a model, no name
                    aid = _slug(tok.text)
                    self.actor(aid, tok.text, "person")
                    persons[tok.text] = aid
                    self.aliases[tok.text] = aid
            if aid is None:
                continue
            via = "surname" if self.actors[aid].kind == "person" else "acronym"
            self.add(tok.i, tok.i + 1, aid, via)

    def known_as(self) -> None:
        """"The United States, Britain and Norway, known as the Troika", "the group known as the
        P5+1": a capitalised name given to several states or a group is a group actor of its own
        (its members keep theirs)."""
        naming = {"know", "call", "dub", "name"}
        for prep in tokens_with(self.doc, words={"as"}):
            verb = prep.head
            if verb.lemma_.lower() not in naming or verb.dep_ != "acl" or verb.tag_ != "VBN":
                continue
            # (several states or a group, not a person's nickname nor a meeting's name)
            named = verb.head
            if not (named.ent_type_ == "GPE" or named.lemma_.lower() in self.kb.words.get("group_name_heads", ())):
                continue
            obj = next((c for c in children(prep) if c.dep_ == "pobj"), None)
            if obj is None or self.owner[obj.i] is not None or not (obj.text[:1].isupper() and obj.pos_ in ("PROPN", "NOUN")):
                continue
            start = obj.i
            while start > prep.i + 1 and self.toks[start - 1].dep_ == "compound" and self.toks[start - 1].text[:1].isupper():
                start -= 1
            end = obj.i + 1
            # ("P5+1", "E3+3": the tokenizer splits the sign)
            while end + 1 < len(self.toks) and self.toks[end].text == "+" and not self.toks[end - 1].whitespace_ \
                    and self.toks[end + 1].like_num:
                end += 2
            if not self.free(start, end):
                continue
            name = self.text_of(start, end)
            aid = _slug(name)
            self.actor(aid, name, "group")
            # ... and wherever the article uses the name again ("The Troika urged ...")
            words = [t.text for t in self.toks[start:end]]
            for i in (t.i for t in tokens_with(self.doc, words={words[0].lower()})):
                if [t.text for t in self.toks[i:i + len(words)]] == words and self.free(i, i + len(words)):
                    self.add(i, i + len(words), aid, "name")

    # ---- step 3b: appositives that rename an organisation
    def appositions(self) -> None:
        """"COSATU, the umbrella union for 1.8 million workers, said": a common-noun appositive renames
        the organisation before it, so it is a description mention of that organisation, never an actor
        of its own; an unknown name it renames as an organisation (``organisation_nouns``) becomes one."""
        doc = self.doc
        org_nouns = self.kb.words.get("organisation_nouns", set())
        for tok in tokens(doc):
            if tok.dep_ != "appos" or tok.head.i >= tok.i or tok.pos_ != "NOUN" or self.owner[tok.i] is not None \
                    or tok.i in self.in_title:
                continue
            head = tok.head
            if not any(t.text == "," for t in self.toks[head.i + 1:tok.left_edge.i]):
                continue      # "the Houthi group": a compound, no apposition
            hm = self.owner[head.i]
            if hm is None:
                if head.pos_ != "PROPN" or head.i in self.blocked or head.ent_type_ in ("PERSON", "GPE", "DATE") \
                        or tok.lemma_.lower() not in org_nouns or not head.text[:1].isupper():
                    continue
                start = head.i
                while start > 0 and self.toks[start - 1].pos_ == "PROPN" and self.toks[start - 1].head.i == head.i \
                        and self.owner[start - 1] is None and start - 1 not in self.blocked:
                    start -= 1
                self._org_entity(start, head.i + 1)
                hm = self.owner[head.i]
                if hm is None:
                    continue
            a = self.actors[hm.actor_id]
            if a.kind == "person" or a.is_outlet:
                continue
            self.add(tok.left_edge.i, tok.i + 1, hm.actor_id, "description")
            if a.kind == "organisation" and self._armed_phrase(tok):
                a.armed = True    # "the Allied Democratic Forces, an armed group linked to ..."

    def _armed_phrase(self, tok: Token) -> bool:
        """"the militant group", "an armed group", "the rebels", "the militia"."""
        nouns = self.kb.words.get("armed_group_nouns", ())
        mods = self.kb.words.get("armed_modifiers", ())
        if tok.lemma_.lower() in nouns or tok.lower_ in nouns:
            return True
        return any(c.dep_ in ("amod", "compound", "nmod") and (c.lower_ in mods or c.lemma_.lower() in mods)
                   for c in lefts(tok))

    def _armed_description(self, tok: Token) -> bool:
        """"the militant group", "the rebels", "the rebel alliance": a group or organisation noun
        (or an armed group noun) with an armed modifier."""
        lemma = tok.lemma_.lower()
        words = self.kb.words
        return tok.pos_ == "NOUN" and any(lemma in words.get(k, ()) for k in (
            "group_nouns", "armed_group_nouns", "organisation_nouns")) and self._armed_phrase(tok)

    def _is_armed(self, aid: str) -> bool:
        """A non-state armed group: the KB says so, the article calls it so ("ADF rebels", "the RSF
        paramilitaries"), or an unknown name ends like one ("Allied Democratic Forces")."""
        a = self.actors[aid]
        if a.armed:
            return True
        if a.kind != "organisation" or a.is_outlet:
            return False
        nouns = self.kb.words.get("armed_group_nouns", ())
        for m in self.mentions:
            if m.actor_id == aid and m.via not in ("pronoun", "description"):
                h = self.toks[m.end - 1]
                if h.dep_ in ("compound", "amod") and h.head.i > h.i and h.head.lemma_.lower() in nouns:
                    return True
            elif m.actor_id == aid and m.via == "description" and self.toks[m.end - 1].lemma_.lower() in nouns:
                return True   # the article has already called it "the guerrillas"
        words = a.name.split()
        return not a.from_kb and bool(words) and words[-1] in self.kb.words.get("armed_name_words", ())

    def _armed_antecedent(self, tok: Token) -> tuple[str | None, int]:
        """The one armed group named before ``tok`` (and how many there are)."""
        ids = {m.actor_id for m in self.mentions if m.end <= tok.i and self.kind_of(m) in ("organisation", "group")}
        armed = [aid for aid in ids if self._is_armed(aid)]
        return (armed[0] if len(armed) == 1 else None), len(armed)

    # ---- step 4: sector phrases
    def sectors(self) -> None:
        for m in list(self.mentions):
            if self.kind_of(m) == "person" or self.actors[m.actor_id].is_outlet:
                continue
            tok = self.toks[m.end - 1]
            if tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound"):
                tok = tok.head
            head = tok
            while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head.i > head.i \
                    and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
                head = head.head
            if head.i == tok.i:
                continue
            if head.pos_ == "PROPN" and self.owner[head.i] is not None:
                continue          # "Israeli Prime Minister Benjamin Netanyahu": a title prefix
            lemma = head.lemma_.lower()
            if lemma in self.kb.titles or head.lower_ in self.kb.titles:
                continue          # "the US envoy", "Hamas officials": the title step decides
            sector = self.kb.sectors.get(lemma) or self.kb.sectors.get(head.lower_)
            if sector is None:
                continue
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            if poss is not None and not poss.left_edge.i <= tok.i <= poss.right_edge.i \
                    and self.owner[poss.i] is not None and self.owner[poss.i].actor_id != m.actor_id:
                continue          # "Nicaragua's Sandinista government": the possessor's government
            start = m.start
            while start > 0 and self.toks[start - 1].head.i == head.i and self.toks[start - 1].dep_ in NP_MODIFIER_DEPS:
                start -= 1        # "the Sudanese government", not "Gaza and Kurdish negotiators"
            self.add(start, head.i + 1, m.actor_id, "description", sector)

    def _nouns_headed(self, heads: frozenset[str]) -> list[Token]:
        """The nouns whose lower-cased text or lemma is one of ``heads``, in document order, read
        from the arrays (a scan of Token objects cost more than the rest of the step). A lower-case
        word tagged as a proper noun ("the defence ministry" inside an ORG) is a noun too."""
        lower, lemma, toks, strings = self._lower, self._lemma, self.toks, self.doc.vocab.strings
        if self._noun_like is None:
            self._noun_like = sorted(self.common_idx + [i for i in self.propn_idx if toks[i].is_lower])
        return [toks[i] for i in self._noun_like
                if lower_of(strings, lower[i]) in heads or lower_of(strings, lemma[i]) in heads]

    def national_forces(self) -> None:
        """"the army said", "security forces fired": the armed forces of the state named nearest before
        (same sentence, then the two before it; a mention already about its military first)."""
        forms, heads = _forms(self.kb, "national_forces")
        # only nouns spelt or lemmatised as a head word can start a form: visit those alone
        for tok in self._nouns_headed(heads):
            if self.owner[tok.i] is not None:
                continue
            tok_lefts = lefts(tok)
            mods = [c for c in tok_lefts if c.dep_ in ("compound", "amod") and c.i == tok.i - 1]
            form = (mods[0].lower_, tok.lower_) if mods else (tok.lower_,)
            if form not in forms:
                continue
            if any(self.owner[c.i] is not None for c in subtree(tok) if c.i < tok.i):
                continue          # "the Thai army": a sector phrase (step 4)
            # "riot police" are the police, "the army" the military
            sector = self.kb.sectors.get(tok.lemma_.lower()) or self.kb.sectors.get(tok.lower_) or "military"
            dets = [c for c in tok_lefts if c.dep_ in ("det", "poss")]
            if not (any(d.lower_ == "the" for d in dets) or not dets and len(form) > 1):
                continue          # "an army", "their military": not the national forces
            here = self.sent_of(tok.i)
            window = [m for m in self.mentions if m.end <= tok.i and self.kind_of(m) == "state"
                      and self.sent_of(m.start) >= here - 2]
            named = {m.actor_id for m in self.mentions if m.end <= tok.i and self.kind_of(m) == "state"
                     and self._names_with(m, tok.lemma_.lower())}
            if len(named) == 1 and not any(self._names_with(m, tok.lemma_.lower()) for m in window
                                           if m.actor_id not in named):
                # "Myanmar's military government ... the military": the one state named with the noun
                start = min([d.i for d in dets] + [m.i for m in mods] + [tok.i])
                self.add(start, tok.i + 1, named.pop(), "description", sector)
                continue
            if not window:
                # no state named nearby: the state the article names most so far ("Colombia's
                # government ... the army")
                counts: dict[str, int] = {}
                for m in self.mentions:
                    if m.end <= tok.i and self.kind_of(m) == "state":
                        counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
                top = sorted(counts.items(), key=lambda kv: -kv[1])
                if not top or len(top) > 1 and top[0][1] == top[1][1]:
                    continue
                start = min([d.i for d in dets] + [m.i for m in mods] + [tok.i])
                self.add(start, tok.i + 1, top[0][0], "description", sector)
                continue
            # "the Thai army ... a spokesman for the army": the same noun first
            # ("Myanmar's military government ... the military": named with the noun)
            window.sort(key=lambda m: (self._names_with(m, tok.lemma_.lower()), self.sent_of(m.start) == here,
                                       m.sector == "military", m.start))
            start = min([d.i for d in dets] + [m.i for m in mods] + [tok.i])
            self.add(start, tok.i + 1, window[-1].actor_id, "description", sector)

    def title_organs(self) -> None:
        """"An army spokesman, Nabil Abdallah", "ministry spokesman Anar Eyvazov": a state organ
        named in a title without its state is the organ named last before it with a state
        ("Sudan's army", "Azerbaijan's defence ministry"), else the state named nearest before."""
        organs = {w.lower() for w in self.kb.words.get("title_organs", ())}
        titles = self.kb.titles
        # the organ words by their lower-cased text: "Army" in "Army spokesman" may be tagged a
        # proper noun
        for tok in tokens_with(self.doc, words=organs):
            # "Junta spokesman Zaw Min Tun", "a presidential spokesman"
            if tok.dep_ not in ("compound", "amod") or self.owner[tok.i] is not None:
                continue
            head = tok.head
            if head.lemma_.lower() not in titles and head.lower_ not in titles:
                continue
            if any(self.owner[c.i] is not None for c in lefts(tok)) or any(
                    self.owner[c.i] is not None for c in lefts(head) if c.i < tok.i):
                continue      # "Sudan's army spokesman": the state is named
            # "a foreign ministry spokesman in Cairo": the capital it speaks from is its state's
            seat = next((self.capital_at[o.i] for p in children(head) if p.dep_ == "prep" and p.lower_ == "in"
                         for o in children(p) if o.dep_ == "pobj" and o.i in self.capital_at), None)
            if seat is None:
                # "In Beijing, foreign ministry spokesman Wang Wenbin said", "At a briefing in Tehran,
                # a ministry spokesman said": the one capital the sentence opens in
                start = self.sent_starts[self.sent_of(tok.i)]
                opened = {self.capital_at[o.i] for o in self.toks[start:tok.i] if o.i in self.capital_at
                          and o.dep_ == "pobj" and o.head.lower_ == "in"}
                seat = opened.pop() if len(opened) == 1 else None
            if seat is not None:
                self.add(tok.i, tok.i + 1, seat, "description", self.kb.sectors.get(tok.lower_) or None)
                continue
            here = self.sent_of(tok.i)
            window = [m for m in self.mentions if m.end <= tok.i and self.kind_of(m) == "state"
                      and self.sent_of(m.start) >= here - 3]
            if not window:
                continue
            # the same organ named with its state first ("Azerbaijan's defence ministry"), else the
            # one state named nearby; two states and no organ leave it open
            same = [m for m in window if self.toks[m.end - 1].head.lower_ == tok.lower_]
            sector = self.kb.sectors.get(tok.lower_) or None
            if not same and len({m.actor_id for m in window}) > 1:
                # "Junta spokesman": a government organ of the one state named with a government
                # phrase ("Myanmar's military government"), as "the junta" is
                earlier = [m for m in self.mentions if m.end <= tok.i and self.kind_of(m) == "state"]
                governed = {m.actor_id for m in earlier if self._names_with(m, tok.lower_)}
                if len(governed) != 1 and sector == "government":
                    governed = {m.actor_id for m in earlier if m.sector == "government"}
                if len(governed) != 1:
                    continue
                same = [m for m in window if m.actor_id in governed] or [m for m in earlier if m.actor_id in governed]
            self.add(tok.i, tok.i + 1, (same or window)[-1].actor_id, "description", sector)

    def national_governments(self, key: str = "national_governments", fallback: bool = True) -> None:
        """"the junta said", "the military government": the one state the article has named with that
        noun, else with a government phrase, else a military one, else the only state named so far.
        Without ``fallback`` (``plain_governments``: "the government") only the first two steps count,
        since news uses the bare noun for whichever side a paragraph is about once two are named."""
        forms, heads = _forms(self.kb, key)
        for tok in self._nouns_headed(heads):
            lemma = tok.lemma_.lower()
            if self.owner[tok.i] is not None:
                continue
            if any(self.owner[c.i] is not None for c in subtree(tok)):
                continue          # "Myanmar's junta", "the junta in Niger": named with its state
            tok_lefts = lefts(tok)
            mods = [c for c in tok_lefts if c.dep_ in ("compound", "amod")]
            form = (mods[-1].lower_, tok.lower_) if mods else (tok.lower_,)
            if form not in forms and (form[:-1] + (lemma,)) not in forms:
                continue
            # ("the government delegation": the determiner is the phrase's head's)
            modifying = tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i and not mods
            dets = lefts(tok.head) if modifying else tok_lefts
            if [c.lower_ for c in dets if c.dep_ in ("det", "poss")] != ["the"] or len(mods) > 1:
                continue          # "a junta", "their military government", "a new military council"
            earlier = [m for m in self.mentions if m.end <= tok.i and self.kind_of(m) == "state"]
            tiers = ([m for m in earlier if self.toks[m.end - 1].lemma_.lower() == lemma and m.via == "description"],
                     [m for m in earlier if m.sector == "government"],
                     [m for m in earlier if m.sector == "military"],
                     earlier)
            if not fallback:
                # "the Colombian government ... the government": named with a government phrase
                # ("Colombian government negotiators" too), and no other state so named
                tiers = ([m for m in earlier if m.sector == "government" or self._names_with(m, lemma)],)
            for tier in tiers:
                states = {m.actor_id for m in tier}
                if states:
                    if len(states) == 1:
                        start = tok.i if modifying else min(c.i for c in tok_lefts)
                        self.add(start, tok.i + 1, states.pop(), "description", "government")
                    break

    def bare_executives(self) -> None:
        """"the administration said": the state the KB's ``bare_executives`` says the bare word
        means, in an article that names that state."""
        for tok in self._nouns_headed(frozenset(self.kb.maps.get("bare_executives", {}))):
            state = self._bare_executive(tok)
            dets = [c for c in lefts(tok) if c.dep_ in ("det", "poss")]
            if state is not None and tok.dep_ != "compound" and [c.lower_ for c in dets] == ["the"]:
                self.add(dets[0].i, tok.i + 1, state, "description", "government")

    def _bare_executive(self, tok: Token) -> str | None:
        state = self.kb.maps.get("bare_executives", {}).get(tok.lower_)
        if state is None or self.owner[tok.i] is not None or tok.ent_type_:
            return None
        if any(c.dep_ in ("poss", "compound", "prep", "appos") or self.owner[c.i] is not None for c in children(tok)):
            return None   # "the Kiir administration", "the administration of Prime Minister X"
        if state not in self.actors and not any(a.affiliation == state for a in self.actors.values()):
            return None
        for other in self._nouns_headed(frozenset((tok.lower_,))):
            # "the Kurdish-run administration ... the administration's foreign affairs chief": the
            # bare word takes up another executive the article has named
            named = [c for c in children(other) if c.dep_ in ("amod", "compound", "poss", "prep")]
            sides = {self.actors[self.owner[t.i].actor_id].affiliation or self.owner[t.i].actor_id
                     for c in named for t in subtree(c) if self.owner[t.i] is not None}
            if other.ent_type_ or named and sides - {state, None}:
                return None
            if named and not sides and any(c.dep_ != "prep" for c in named):
                return None
        return state

    def _names_with(self, m: _M, lemma: str) -> bool:
        """The mention is a state named with that noun: "the Colombian government", "Colombian
        government negotiators" (the demonym and the noun modifying one head)."""
        head = self.toks[m.end - 1].head
        return any(self.toks[i].lemma_.lower() == lemma for i in range(m.start, m.end)) or \
            head.lemma_.lower() == lemma or \
            any(c.dep_ == "compound" and c.lemma_.lower() == lemma for c in children(head))

    # ---- step 5: titles and affiliations
    def titles(self) -> None:
        spans = self.title_spans
        # persons first: their prefix/appositive titles and qualifiers
        title_at = {}
        for sp in spans:
            for i in range(sp.start, sp.end):
                title_at[i] = sp
        person_mentions = [m for m in self.mentions if self.kind_of(m) == "person" and m.via in ("name", "surname")]
        self._group_objects()
        for m in person_mentions:
            self._person_context(m, title_at)
        self._chambers()
        self._unqualified_organs()
        self._unqualified_officials(person_mentions)
        self._genders(person_mentions)
        for sp in spans:
            if sp.root.i in self.title_used or any(self.owner[i] is not None and self.kind_of(self.owner[i]) == "person"
                                                   for i in range(sp.start, sp.end)):
                continue
            self._standalone_title(sp)

    def _unqualified_officials(self, person_mentions: list[_M]) -> None:
        """"Prime Minister Albert Pahimi Padacke", "Government spokesman X": a national office the
        text names without its state is an office of the state it was last about. A state where
        things happen ("signed in Doha", the dateline) is not what it is about."""
        classes = self.kb.words.get("national_title_classes", set())
        scene_only = self.kb.words.get("scene_title_classes", set())
        organs = {w.lower() for w in self.kb.words.get("title_organs", ())}
        seen: set[str] = set()
        for m in person_mentions:
            a = self.actors[m.actor_id]
            if m.actor_id in seen or a.affiliation or a.from_kb or not a.title:
                continue
            seen.add(m.actor_id)
            head = self.toks[m.end - 1]
            left = self.toks[head.left_edge.i:m.start]
            if self.kb.titles.get(a.title) in scene_only:
                chamber = self.kb.maps.get("legislator_chambers", {}).get(a.title)
                a.affiliation = self._scene_state(head) or (
                    self._legislature_state({chamber} if chamber else set(self._legislatures)))
                continue
            if self.kb.titles.get(a.title) not in classes and not {t.lower_ for t in left} & organs:
                continue
            if any(self.owner[t.i] is not None and self.toks[t.i + 1].lower_ == "affairs" for t in left):
                continue      # "Bougainville Affairs Minister": the minister of another state
            a.affiliation = self._state_about(head, m.start)

    def _state_about(self, head: Token, start: int) -> str | None:
        """The state a national office or organ named without one belongs to: where its clause is
        set, else the state the text was last about, else the dateline's."""
        return self._scene_state(head) or self._state_before(start) or self._dateline_state

    def _unqualified_organs(self) -> None:
        """"the Supreme Court had ordered his arrest", "the Transitional Military Council said": an
        organ of a state the text names without its state is the state's the text was last about
        where it is first named, as an unqualified office is (``_unqualified_officials``)."""
        organs = {w.lower() for w in self.kb.words.get("national_organ_nouns", ())}
        first: dict[str, _M] = {}
        for m in self.mentions:
            first.setdefault(m.actor_id, m)
        for aid, m in first.items():
            a = self.actors[aid]
            if a.kind != "organisation" or a.affiliation or a.from_kb or a.is_outlet \
                    or a.name.split()[-1].lower() not in organs:
                continue
            a.affiliation = self._state_about(self.toks[m.end - 1], m.start)

    @functools.cached_property
    def _apart_words(self) -> frozenset[str]:
        """Words by which a person's title stands apart from a state ("rebel", "opposition")."""
        return frozenset(self.kb.words.get("armed_modifiers", ())) | frozenset(self.kb.words.get("non_state_groups", ()))

    @functools.cached_property
    def _chamber_nouns(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.kb.words.get("legislature_nouns", ()))

    @functools.cached_property
    def _legislatures(self) -> dict[str, set[str]]:
        """The states whose legislature the text names as that state's ("Congress", "the Knesset",
        "the U.S. Senate", "the Argentine Senate"), by the chamber noun that names them ("*" for the
        knowledge base's seats of legislature, which hold every chamber)."""
        nouns = self._chamber_nouns
        found: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.via == "seat" and m.sector == "legislature":
                # (a state's seat of legislature holds all its chambers: "Congress" holds the Senate)
                found.setdefault("*", set()).add(m.actor_id)
        for ent in self.doc.ents:
            named = {t.lower_ for t in ent} & nouns
            if ent.label_ != "ORG" or not named:
                continue
            for aid in {self.owner[t.i].actor_id for t in ent if self.owner[t.i] is not None}:
                a = self.actors[aid]
                state = aid if a.kind == "state" else a.affiliation
                if state in self.actors and self.actors[state].kind == "state":
                    for noun in named:
                        found.setdefault(noun, set()).add(state)
        return found

    def _legislature_state(self, nouns: set[str]) -> str | None:
        """The one state whose legislature the text names by one of ``nouns`` (or by a seat of
        legislature), None for none or several: a senator or a chamber named without a state sits
        in it (news names a foreign legislator by his state)."""
        states = set().union(*(self._legislatures.get(n, ()) for n in nouns | {"*"}))
        return next(iter(states)) if len(states) == 1 else None

    def _chambers(self) -> None:
        """"the Senate", "the Senate Foreign Relations Committee": a chamber or one of its committees
        the text names without its state belongs to the one state whose legislature it names, and
        so do its members."""
        nouns = self._chamber_nouns
        chambers: dict[str, str] = {}
        for a in self.actors.values():
            named = {w.lower() for w in a.name.split()} & nouns
            if a.kind == "organisation" and a.affiliation is None and not a.from_kb and not a.is_outlet and named:
                state = self._legislature_state(named)
                if state is not None:
                    a.affiliation = chambers[a.actor_id] = state
        for a in self.actors.values():
            if a.kind == "person" and a.affiliation in chambers:
                a.affiliation = chambers[a.affiliation]

    @functools.cached_property
    def _dateline_state(self) -> str | None:
        """"WASHINGTON, June 22 (AP) - President Clinton said": a wire story filed from a capital
        gives a national office named without its state to the state of that capital (the
        reporter would have named any other state's office by it)."""
        for start in self.sent_starts[:4]:
            while start < len(self.toks) and self.toks[start].is_space:
                start += 1
            end = start
            while end < len(self.toks) and (self.toks[end].is_upper or self.toks[end].text in "-'’."):
                end += 1
            if end > start and end < len(self.toks) and self.toks[end].text == "," and self._dateline(start, end):
                name = self.text_of(start, end)
                state = _capitals(self.kb).get(name.lower())
                return self.kb.holder(name, state, self.date) if state else None
        return None

    def _scene_state(self, head: Token) -> str | None:
        """"In Skopje, President Gjorge Ivanov refused": the place the subject's clause is set in."""
        if head.dep_ not in SUBJECT_DEPS:
            return None
        places = self.kb.words.get("place_prepositions", ())
        for prep in children(head.head):
            if prep.dep_ == "prep" and prep.lower_ in places and prep.i < head.i:
                for obj in (c for c in children(prep) if c.dep_ == "pobj"):
                    m = self.owner[obj.i]
                    if m is not None and self.kind_of(m) == "state":
                        return m.actor_id
                    if obj.i in self.capital_at:
                        return self.capital_at[obj.i]
        return None

    def _state_before(self, i: int) -> str | None:
        """The state last named before token ``i`` as a party to what is told: not a place ("in
        Doha", a dateline) nor a modifier ("Russian gas", "Rwanda-backed rebels") unless of an
        organ ("the Chadian government")."""
        places = self.kb.words.get("place_prepositions", ())
        organs = {w.lower() for w in self.kb.words.get("title_organs", ())} | set(self.kb.sectors)
        # (a headline is no part of the story told: "U.S. to resume talks after Pyongyang
        # confirms freeze" is not what "President Clinton said" is about)
        top = self.sent_starts[self._lead]
        found: list[tuple[str, bool]] = []    # (state, is the subject of its sentence's main verb)
        sent = None
        for m in sorted((m for m in self.mentions if m.end <= i and m.start >= top), key=lambda m: -m.start):
            if sent is not None and self.sent_of(m.start) != sent:
                break
            root = self.root_of(m.start, m.end)
            if self.kind_of(m) == "person":
                a = self.actors[m.actor_id]
                if a.former or a.affiliation not in self.actors or self.actors[a.affiliation].kind != "state":
                    continue
                state = a.affiliation      # "Deby intends to stay": his state
            elif self.kind_of(m) != "state":
                continue
            elif root.is_upper or root.dep_ == "pobj" and root.head.lower_ in places:
                continue
            elif root.dep_ in ("amod", "compound", "npadvmod", "nmod") and root.head.lemma_.lower() not in organs:
                continue
            else:
                state = m.actor_id
            sent = self.sent_of(m.start)
            found.append((state, _main_subject(root)))
        # of the states that sentence names, the one it is about: its main clause's subject
        # ("Poland, which had demanded that Germany never contest its border, welcomed ...")
        return next((s for s, main in found if main), found[0][0] if found else None)

    def _group_objects(self) -> None:
        """"a senior official of the group", "a spokesman for the movement": the organisation named
        last, so that the title gives the person an affiliation."""
        group_nouns = self.kb.words.get("group_nouns", ())
        for i in self.noun_idx:
            tok = self.toks[i]
            if self.owner[i] is not None or tok.lemma_.lower() not in group_nouns or tok.dep_ != "pobj":
                continue
            prep = tok.head
            if prep.lower_ not in ("of", "for") or prep.head.lemma_.lower() not in self.kb.titles:
                continue
            det = [c for c in children(tok) if c.dep_ == "det"]
            if len(det) != 1 or det[0].lower_ != "the":
                continue
            if self._armed_phrase(tok) and all(c.i < tok.i for c in children(tok)):
                aid = self._armed_antecedent(tok)[0]     # "a spokesman for the rebel group"
                if aid is not None:
                    self.add(det[0].i, tok.i + 1, aid, "description")
                continue
            if len(list(children(tok))) != 1:
                continue
            ante = self._antecedent(tok, "organisation")
            if ante is not None:
                self.add(det[0].i, tok.i + 1, ante.actor_id, "description")

    def _genders(self, person_mentions: list[_M]) -> None:
        """Gender from an honorific before the name ("Ms Wagner") or a gendered title ("spokeswoman")."""
        female = self.kb.words.get("female_words", set())
        male = self.kb.words.get("male_words", set())
        for m in person_mentions:
            a = self.actors[m.actor_id]
            if a.gender is not None:
                continue
            words = set((a.title or "").split())
            if m.start > 0:
                words.add(self.toks[m.start - 1].text)
            if words & female and not words & male:
                a.gender = "f"
            elif words & male and not words & female:
                a.gender = "m"

    def _qualifiers(self, tokens) -> list[str]:
        """States/organisations/groups named among tokens, in text order."""
        found: list[str] = []
        for t in tokens:
            m = self.owner[t.i]
            aid = None
            if t.dep_ == "poss" and t.head.lemma_.lower() == "counterpart":
                continue   # "her rebel counterpart", "Blinken's counterpart": the owner is the other side
            if m is not None and t.i + 1 < len(self.toks) and self.toks[t.i + 1].lower_ == "affairs":
                continue   # "Bougainville Affairs Minister", "the Taiwan Affairs Office": the region dealt with
            if m is not None and self.kind_of(m) != "person" and not self.actors[m.actor_id].is_outlet:
                aid = m.actor_id
            elif m is not None and self.kind_of(m) == "person":
                aid = self.actors[m.actor_id].affiliation      # "an aide to Vladimir Putin"
            elif t.lower_ in ("his", "her") and t.dep_ == "poss":
                ante = self._antecedent(t, "person")
                if ante is not None:
                    aid = self.actors[ante.actor_id].affiliation
            elif t.lower_ in ("its", "their") and t.dep_ == "poss":
                ante = self._antecedent(t, "collective")     # "Its spokeswoman, Maly Socheata"
                if ante is not None:
                    aid = ante.actor_id
            elif m is None and t.dep_ in ("compound", "amod") and (state := self._bare_executive(t)):
                aid = state                                   # "a senior administration official"
            elif self._armed_description(t):
                aid = self._armed_antecedent(t)[0]            # "a spokesman for the rebel alliance"
            elif t.dep_ in ("amod", "compound") and t.lower_ in self.kb.words.get("armed_modifiers", ()) \
                    and t.head.lemma_.lower() in self.kb.titles:
                aid = self._armed_antecedent(t)[0]            # "her rebel counterpart", "a rebel negotiator"
            if aid and aid not in found:
                found.append(aid)
        return found

    def _qualifier(self, tokens) -> str | None:
        """The qualifier nearest the title ("senior Hamas official" -> hamas), unless an
        organisation owns the title ("WFP's Sudan director" -> wfp, not Sudan)."""
        tokens = list(tokens)
        for t in tokens:
            m = self.owner[t.i]
            if t.dep_ == "poss" and m is not None and self.kind_of(m) == "organisation" \
                    and not self.actors[m.actor_id].is_outlet:
                return m.actor_id
        found = self._qualifiers(tokens)
        # "head of the OSCE Mission to Moldova", "Russia's ambassador to the United States", "the
        # French commander in Algeria": the place a post is sent to or held in is not who holds
        # it, when anyone else is named
        inside = {t.i for t in tokens}
        posted = self._qualifiers([t for t in tokens if any(a.dep_ == "pobj" and a.head.lower_ in ("to", "in")
                                                           for a in [t, *t.ancestors] if a.i in inside)])
        kept = [q for q in found if q not in posted]
        found = kept or found
        # "Ugandan rebel leader Joseph Kony", "Syrian opposition leader Ahmad Jarba": the demonym
        # says where a rebel or an opponent is from; he does not speak for that state
        if any(t.dep_ in ("amod", "compound") and t.lemma_.lower() in self._apart_words
               and t.head.lemma_.lower() in self.kb.titles for t in tokens):
            found = [q for q in found if self.actors[q].kind != "state"]
        return found[-1] if found else None

    def _person_context(self, m: _M, title_at: dict[int, Span]) -> None:
        doc = self.doc
        a = self.actors[m.actor_id]
        head = self.toks[m.end - 1]
        title = qual = None
        # prefix: "senior Hamas official Osama Hamdan", "Egypt's Sissi"
        left = self.toks[head.left_edge.i:m.start]
        if left and not any(t.pos_ == "VERB" for t in left):
            for t in left:
                if t.i in title_at:
                    title = title_at[t.i]
                    self.title_used.add(title.root.i)
            qual = self._qualifier(left)
        if title is None and head.dep_ == "conj" and self.owner[head.head.i] is not None \
                and self.kind_of(self.owner[head.head.i]) == "person":
            # "Front leaders Tomas Barega and Peter Mwangane": a plural title before the first name
            # is the second's too
            first = self.owner[head.head.i]
            before = self.toks[first.start - 1] if first.start > 0 else None
            if before is not None and before.i in title_at and before.tag_ == "NNS":
                title = title_at[before.i]
                qual = self._qualifier(self.toks[self._left_of(title.root, title.start):first.start])
        prefixed = qual if title is not None else None   # "Nigerian President X": office and state before the name
        if title is None and m.start > 0 and m.start - 1 in title_at:
            # a misparsed prefix ("... and Egyptian intelligence chief Abbas Kamel")
            title = title_at[m.start - 1]
            self.title_used.add(title.root.i)
            qual = qual or self._qualifier(self.toks[self._left_of(title.root, title.start):m.start])
        if title is None and m.start > 2 and m.start - 3 in title_at and self.toks[m.start - 2].lower_ in ("to", "in") \
                and (m.start - 1 in self.blocked or m.start - 1 in self.capital_at):
            # "Russia's ambassador to Kiev Mikhail Zurabov": the post's place between title and name
            title = title_at[m.start - 3]
            self.title_used.add(title.root.i)
            qual = qual or self._qualifier(self.toks[self._left_of(title.root, title.start):title.end])
        # appositive either way: "X, a spokesman for Y" / "the Egyptian president, X,"
        apposed = None
        titled = [head.head] if head.dep_ == "appos" else []
        if head.dep_ == "appos" and head.head.dep_ == "pobj" and head.head.head.dep_ == "prep" \
                and head.head.head.lower_ in ("for", "to", "of") and head.head.head.head.i < head.i:
            # "The UN special envoy for Syria, Staffan de Mistura,": the parser hangs the name on
            # the post's place; it names the holder of the post
            titled.append(head.head.head.head)
        for other in [c for c in children(head) if c.dep_ == "appos"] + titled:
            if other.i in title_at or other.lemma_.lower() in self.kb.titles:
                if any(c.dep_ == "appos" and self.owner[c.i] is not None and self.owner[c.i].actor_id != m.actor_id
                       and self.kind_of(self.owner[c.i]) == "person" for c in children(other)):
                    continue   # "from Trump, Israeli Prime Minister Benjamin Netanyahu and ...": the next name's title
                # the title phrase without the person's own words
                sub = list(subtree(other))
                if other in titled:
                    sub = [t for t in sub if not head.left_edge.i <= t.i <= head.right_edge.i]
                # "foreign minister of the Marshall Islands, which leads a coalition the United
                # States joined": a relative clause inside the title names no employer
                # (nor does a participle's: "the rebel leader held in France since 1956")
                clause = {x.i for t in sub if (t.dep_ == "relcl" or t.dep_ == "acl" and t.tag_ == "VBN")
                          and t.i != other.i for x in subtree(t)}
                sub = [t for t in sub if t.i not in clause]
                # "Kosovo's deputy prime minister, Besnik Bislimi, and Serbia's Petar Petkovic":
                # the other person coordinated with the title is not its qualifier
                for c in children(other):
                    if c.dep_ == "conj":
                        sub = [t for t in sub if not c.left_edge.i <= t.i <= c.right_edge.i]
                career = title is not None and title.root.lemma_.lower() in self.kb.words.get("career_titles", ())
                title = title or title_at.get(other.i) or doc[other.i:other.i + 1]
                self.title_used.add(other.i)
                post = self._owner_of_title(sub) or self._qualifier(sub)
                # (the state named before the title's head, "the Soviet leader", not the one
                # a post is for, "the U.N. envoy for Yemen")
                before = self._qualifier([t for t in sub if t.i < other.i])
                if before is not None and getattr(self.actors.get(before) or self.kb.entries.get(before), "kind", None) == "state":
                    apposed = apposed or before
                if career and post is not None and self.actors[post].kind == "organisation" \
                        and not self.actors[post].is_outlet:
                    # "the U.N. envoy, Peruvian diplomat Alvaro de Soto": a trade and a nationality
                    # before the name, the body he serves in the post beside it
                    qual = post
                qual = qual or post
                # (to the comma before the name: "The UN special envoy for Syria, Staffan de Mistura,")
                last = max([t.i for t in sub if t.i < m.start and not t.is_punct] or [other.i])
                if other in titled and other.i < m.start and self.toks[last + 1].text == "," \
                        and last + 2 == m.start:
                    # "A State Department spokesperson, Matthew Miller, said": the title phrase
                    # is the clause's subject and names the same person (not its possessor: "His
                    # chief of staff" is someone else's)
                    first = self._left_of(other, other.i)
                    while first < other.i and self.toks[first].tag_ == "PRP$":
                        first += 1
                    self.add(first, last + 1, m.actor_id, "title")
        # "X, who is a spokesman for Y" / "X is the foreign minister of Y"
        verbs = [c for c in children(head) if c.dep_ == "relcl"]
        if head.dep_ in SUBJECT_DEPS:
            verbs.append(head.head)
        for v in verbs:
            if v.lemma_ != "be":
                continue
            for attr in (c for c in children(v) if c.dep_ == "attr" and c.i in title_at):
                if title is not None and title.root.i != attr.i:
                    a.other_titles.append(title_at[attr.i].text.lower())
                title = title or title_at[attr.i]
                self.title_used.add(attr.i)
                qual = qual or self._qualifier(list(subtree(attr)))
        # "Sisi of Egypt"
        placed = None
        for c in children(head):
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                qual = qual or self._qualifier(list(subtree(c)))
                if c.lower_ == "of":
                    placed = placed or self._body_at([o for o in children(c) if o.dep_ == "pobj"], kinds=("state",))
        # "Hrvoje Sarinic, chief of staff to President Franjo Tudjman": an aide to a person is on
        # that person's side (a post "to" a place is not: "ambassador to Kiev")
        for c in children(head):
            if c.dep_ == "prep" and c.lower_ == "to" and qual is None:
                aides = [self.owner[o.i] for o in children(c) if o.dep_ == "pobj" and self.owner[o.i] is not None]
                if aides and self.kind_of(aides[0]) == "person" and aides[0].actor_id != m.actor_id:
                    qual = self.actors[aides[0].actor_id].affiliation
        qual = qual or self._led_body(head)
        # "a former U.S. trade negotiator now at the Asia Society": the present employer wins over
        # the qualifier of a former post
        former = any(t.lower_ in ("former", "ex") for c in children(head) if c.dep_ == "appos" for t in subtree(c)) \
            or any(t.lower_ in ("former", "ex") for t in self.toks[head.left_edge.i:m.start])
        a.former = a.former or former
        for c in children(head):
            if c.dep_ == "prep" and c.lower_ == "at" and (former or qual is None):
                at = self._qualifier(list(subtree(c)))
                if at is not None and self.actors[at].kind == "organisation" and not self.actors[at].is_outlet:
                    qual = at
        # "Farida al-Amri, a Yemen analyst at the Gulf Security Forum in Kuwait": the employer the
        # appositive names, an organisation of the article's own, beats the places around it
        for ap in [c for c in children(head) if c.dep_ == "appos"]:
            for c in children(ap):
                if c.dep_ == "prep" and c.lower_ == "at":
                    obj = next((o for o in children(c) if o.dep_ == "pobj"), None)
                    m = self.owner[obj.i] if obj is not None else None
                    if m is not None and self.actors[m.actor_id].kind == "organisation" \
                            and not self.actors[m.actor_id].from_kb and not self.actors[m.actor_id].is_outlet:
                        qual = m.actor_id
        if title is not None and not a.title:
            a.title = title.text.lower() if title.text[:1].isupper() else title.text
            a.title = a.title.lower()
        if qual and not a.affiliation and qual != a.actor_id:
            a.affiliation = qual
        elif prefixed and a.from_kb and not former and prefixed != a.affiliation and (
                self.actors[prefixed].kind == "state" or self.actors[prefixed].kind == "organisation"
                and not self.actors[prefixed].is_outlet and self.actors[prefixed].affiliation != a.affiliation
                and sum(x.actor_id == prefixed for x in self.mentions) > 1):
            # "Nigerian President Olusegun Obasanjo" in a story from his presidency, where the KB
            # has his later post, "Sinn Fein leader Gerry Adams" where it has only his state: the
            # office the article gives him is the side he speaks for here (a state's own organ,
            # "White House spokesman", leaves him with his state; a body named only in his title,
            # "European Council President", may be the title's own words or part of his side)
            a.affiliation = prefixed
        elif apposed and a.from_kb and not former and apposed != a.affiliation:
            # "the Soviet leader, Mikhail S. Gorbachev": a state's office set off by commas, as
            # the prefixed one above
            a.affiliation = apposed
        elif placed and a.from_kb and not former and placed != a.affiliation:
            # "Eduard Shevardnadze of the Soviet Union" in a list of signatories: the state the
            # article places him in, as the prefixed office above ("of", not "from", which tells
            # where one comes from)
            a.affiliation = placed

    def _led_body(self, head: Token) -> str | None:
        """The body a person leads: "the National Salvation Front of Thomas Cirillo", "the
        government team is led by Kuol Manyang Juuk", "the rebels, led by X", "Nur Misuari, whose
        Moro National Liberation Front signed ..."."""
        # (the parser may make the person a second subject of the whose-clause; "Bryant, a church
        # leader who heads the Liberian Action Party": the clause may hang on the apposition)
        clauses = [c for c in children(head) if c.dep_ == "relcl"] + ([head.head] if head.dep_ == "nsubj" else []) \
            + [r for c in children(head) if c.dep_ == "appos" for r in children(c) if r.dep_ == "relcl"]
        leading = self.kb.words.get("leading_verbs", ())
        for c in children(head):
            if c.dep_ in ("conj", "appos") and any(p.dep_ == "poss" and p.lower_ == "whose" for p in children(c)):
                # "Dhlakama, whose Mozambican National Resistance has fought ...": the parser may
                # coordinate the body with the person
                found = self._body_at([c], kinds=("organisation",))
                if found is not None:
                    return found
        for v in clauses:
            for n in children(v):
                if v.dep_ == "relcl" and v.lemma_ in leading and n.dep_ == "dobj":
                    # "Malik Mahmud, who headed the GAM delegation": the body whose team he leads;
                    # "who leads a smaller faction of the Movement for Democratic Change": its body
                    of = [o for c in children(n) if c.dep_ == "prep" and c.lower_ == "of"
                          for o in children(c) if o.dep_ == "pobj"]
                    found = self._body_at([n] + [c for c in children(n) if c.dep_ in ("compound", "poss")] + of)
                elif n.dep_ in ("nsubj", "nsubjpass", "dobj") and owned_by_whose(n):
                    found = self._body_at([n], kinds=("organisation",))
                else:
                    continue
                if found is not None:
                    return found
        if head.dep_ == "poss" and head.head.pos_ == "PROPN":
            # "Thomas Lubanga's Union of Congolese Patriots": the body named as his
            return self._body_at([head.head], kinds=("organisation",))
        if head.dep_ != "pobj":
            return None
        prep = head.head
        if prep.lower_ == "of" and prep.head.pos_ == "PROPN":
            body = [prep.head]
        elif prep.dep_ == "agent" and prep.head.lemma_ in self.kb.words.get("leading_verbs", ()):
            verb = prep.head
            body = [c for c in children(verb) if c.dep_ == "nsubjpass"] + ([verb.head] if verb.dep_ == "acl" else [])
        else:
            return None
        return next(filter(None, (self._body_at([b] + [c for c in children(b) if c.dep_ == "compound"])
                                  for b in body)), None)

    def _body_at(self, toks: list[Token], kinds: tuple[str, ...] = ("organisation", "state")) -> str | None:
        """The first organisation (or state) other than an outlet that one of ``toks`` names."""
        for t in toks:
            m = self.owner[t.i]
            if m is not None and self.actors[m.actor_id].kind in kinds and not self.actors[m.actor_id].is_outlet:
                return m.actor_id
        return None

    def _owner_of_title(self, sub: list[Token]) -> str | None:
        """"But its representative at the United Nations, Sidi Omar, said": the body "its" stands
        for employs him, not the body he is posted to."""
        owners = self._qualifiers([t for t in sub if t.dep_ == "poss" and t.lower_ in ("its", "their")])
        return owners[0] if owners else None

    def _left_of(self, root: Token, start: int) -> int:
        """Start of the modifiers before ``start`` in root's phrase ("the US", "Egypt's", "Saudi and American")."""
        i = min(root.left_edge.i, start)
        while i < start and (self.toks[i].is_punct or self.toks[i].pos_ in ("VERB", "AUX", "ADP", "SCONJ")):
            i += 1
        return i

    def _standalone_title(self, sp: Span) -> None:
        root = sp.root
        left = self.toks[self._left_of(root, sp.start):sp.start]
        right = []
        for c in rights(root):
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "with", "from", "at", "in") and c.i >= sp.end:
                # "envoys from Saudi Arabia, which have pressed ...": the relative clause is not the name
                clause = {x.i for t in subtree(c) if t.dep_ in ("relcl", "acl") for x in subtree(t)}
                right += [t for t in subtree(c) if t.i not in clause]
        while right and right[-1].is_punct:
            right.pop()
        start = left[0].i if left else sp.start
        end = max([sp.end] + [t.i + 1 for t in right])
        # a named person inside the phrase: "the head of the Mossad, David Barnea", or ending it:
        # "senior adviser for Africa Massad Boulos"
        for t in right:
            m = self.owner[t.i]
            if m is not None and self.kind_of(m) == "person" and (t.dep_ == "appos" or t.i + 1 == end):
                a = self.actors[m.actor_id]
                a.title = a.title or sp.text.lower()
                qual = self._qualifier([u for u in right if u.i < m.start] + left)
                if qual and not a.affiliation:
                    a.affiliation = qual
                return
        quals = self._qualifiers(left + right)
        qual = quals[-1] if quals else None
        named = self._named_before(start, end) or self._named_after(end)
        if named is not None:
            # "Anthony Lake, President Bill Clinton's special envoy, who ...": a title set off by
            # commas right after a person's name is that person's, however the parser attached it
            a = self.actors[named]
            a.title = a.title or sp.text.lower()
            if qual and not a.affiliation and qual != named:
                a.affiliation = qual
            self.add(start, end, named, "title")
            return
        dets = [t for t in left if t.dep_ in ("det", "poss")]
        definite = any(t.lower_ in ("the", "his", "her", "their", "its") or t.dep_ == "poss" for t in dets)
        plural = root.tag_ in ("NNS", "NNPS")
        if definite and not plural:
            # "the acting prime minister": the title with its own modifiers, not its qualifiers
            mods = [t.lower_ for t in left if t.dep_ in ("amod", "compound") and self.owner[t.i] is None
                    and not t.is_punct]
            person = self._title_antecedent(sp, sp.label_, qual, " ".join(mods + [sp.text.lower()]))
            if person is not None:
                self.add(start, end, person, "title")
                return
            intro = self._unnamed_intro(sp) if qual is None and not mods else None
            if intro is not None and self._anonymous(intro, sp, start, end):
                return
        sector = self.kb.sectors.get(root.lemma_.lower()) or "officials"
        # "Saudi and American officials": one description mention per side named
        for q in quals if plural else quals[-1:]:
            self.add(start, end, q, "description", sector)

    def _named_before(self, start: int, end: int) -> str | None:
        """The person named just before ", <title phrase>," (or before its full stop)."""
        if start < 2 or self.toks[start - 1].text != "," or end >= len(self.toks):
            return None
        m = self.owner[start - 2]
        after = self.toks[end]
        if m is None or m.end != start - 1 or self.kind_of(m) != "person" or m.via == "pronoun" \
                or not (after.text in (",", ".", ";") or after.lower_ == "who"):
            return None
        # "X, Y and Z": a list of names is no apposition
        if any(t.lower_ in ("and", "or") for t in self.toks[end:min(len(self.toks), end + 2)]):
            return None
        return m.actor_id

    def _named_after(self, end: int) -> str | None:
        """The person named right after "<title phrase> (ACR), " and set off by a comma or the full
        stop: "the leader of the April 19 Movement (M-19), Carlos Pizarro, signed" (the parser
        hangs such a name on whatever came before the title)."""
        toks, n = self.toks, len(self.toks)
        k = end
        while k < n and toks[k].text == ")":
            k += 1
        if k + 1 >= n or toks[k].text != ",":
            return None
        m = self.owner[k + 1]
        if m is None or m.start != k + 1 or m.via != "name" or self.kind_of(m) != "person" or m.end >= n:
            return None
        if toks[m.end].text not in (",", ".", ";") or any(
                t.lower_ in ("and", "or") for t in toks[m.end:min(n, m.end + 2)]):
            return None   # "X, Y and Z": a list of names is no apposition
        return m.actor_id

    def _unnamed_intro(self, sp: Span, after: int = -1) -> Span | None:
        """The latest unnamed holder of this title introduced by an indefinite phrase before ``sp`` (and
        after token ``after``): "A Western diplomat said ... The diplomat said"."""
        found = None
        for other in self.title_spans:
            if not after < other.start < sp.start or other.root.lemma_ != sp.root.lemma_:
                continue
            if other.root.tag_ in ("NNS", "NNPS") or other.root.i in self.title_used:
                continue
            dets = [c.lower_ for c in children(other.root) if c.dep_ == "det"]
            if dets and dets[0] in ("a", "an", "another", "one"):
                found = other
        return found

    def _unnamed_since(self, sp: Span, person: str) -> bool:
        """An unnamed holder of the title introduced after ``person`` was last named: the definite
        phrase takes up the indefinite one, not the person."""
        last = max(m.start for m in self.mentions if m.actor_id == person and m.start < sp.start)
        return self._unnamed_intro(sp, last) is not None

    def _anonymous(self, intro: Span, sp: Span, start: int, end: int) -> bool:
        """Make the unnamed source an actor of its own ("Western diplomat"), named by its indefinite
        phrase without the article, when no side is named in it and no holder of a compatible title
        was named between the two phrases."""
        root = intro.root
        mods = [t for t in lefts(root) if t.dep_ in ("amod", "compound") and t.i < intro.start]
        # (with a hyphened modifier whole: "Gulf-based diplomat")
        words = list(self.toks[min([t.left_edge.i for t in mods] + [intro.start]):intro.end])
        if any(self.owner[t.i] is not None for t in subtree(root) if t.i <= root.i):
            return False          # "a senior Hamas official": a description of the side
        ok = self.kb.compatible.get(sp.label_, {sp.label_})
        for m in self.mentions:
            if intro.start < m.start < sp.start and self.kind_of(m) == "person" \
                    and self.kb.title_class(self.actors[m.actor_id].title) in ok:
                return False
        aid = self._unnamed_person(self.text_of(words[0].i, words[-1].i + 1), intro.text.lower())
        if aid is None:
            return False
        det = min([c.i for c in lefts(root) if c.dep_ == "det"] + [w.i for w in words])
        self.add(det, intro.end, aid, "title")
        self.add(start, end, aid, "title")
        return True

    def _unnamed_person(self, name: str, title: str) -> str | None:
        """An unnamed source as a person actor of its own, named by the words that describe it
        ("Western diplomat"); None when that name is a KB actor's or an actor of another kind."""
        aid = _slug(name)
        if aid in self.kb.entries or (aid in self.actors and self.actors[aid].kind != "person"):
            return None
        a = self.actor(aid, name, "person")
        a.title = a.title or title
        return aid

    def _title_antecedent(self, sp: Span, cls: str, qual: str | None, phrase: str | None = None) -> str | None:
        """The one earlier person holding this very title, else the one of the same class, else of a
        compatible class. Two candidates at the first tier that has any ("President Trump spoke to
        President Putin ... the president said") leave the phrase unresolved: precision first."""
        ok = self.kb.compatible.get(cls, {cls})
        phrase = phrase or sp.text.lower()
        seen: dict[str, int] = {}   # person -> sentence of the last naming before the phrase
        exact: list[str] = []
        same: list[str] = []
        compatible: list[str] = []
        fallback = None
        for m in sorted(self.mentions, key=lambda m: -m.start):
            if m.start >= sp.start or m.actor_id in seen or self.kind_of(m) != "person":
                continue
            seen[m.actor_id] = self.sent_of(m.start)
            a = self.actors[m.actor_id]
            # ("the Palestinian leader" is the Palestinian Authority's president: a body of the side)
            body = (self.actors.get(a.affiliation) or self.kb.entries.get(a.affiliation)) if a.affiliation else None
            if qual and a.affiliation and a.affiliation != qual and not (
                    body is not None and body.kind == "organisation" and body.affiliation == qual):
                continue
            pcls = self.kb.title_class(a.title)
            held = [a.title, *a.other_titles] if a.title else []
            classes = {pcls} | {self.kb.title_class(t) for t in a.other_titles}
            if any(t.lower() == phrase for t in held) or (
                    phrase in self.kb.maps.get("rank_abbreviations", {}).values()
                    and self._called_so(m.actor_id, phrase, sp.start)):
                # "the secretary of state": Rubio, though a foreign minister spoke since; "the
                # general": the one named "Gen. Omar Torrijos", though he was called Panama's leader
                exact.append(a.actor_id)
            elif cls in classes:
                same.append(a.actor_id)
            elif classes & set(ok):
                compatible.append(a.actor_id)
            if pcls is None and qual and a.affiliation == qual and fallback is None and cls != "spokesperson":
                # (a body's spokesman is not its member named before: "Nuri Abu Sahmain of the GNC
                # ... the GNC's spokesman said")
                fallback = a.actor_id
        here = self.sent_of(sp.start)
        for tier in (exact, same, compatible):
            # ("President Reagan ... Soviet leader Mikhail Gorbachev ... the president said": the
            # one the article calls so, not one the knowledge base knows by a later office)
            given = [aid for aid in tier if self._called_so(aid, phrase, sp.start)]
            if given and len(given) < len(tier) and len(phrase.removeprefix("the ").split()) == 1:
                tier = given
            if tier:
                # two holders: the one named just before, if the other was named well before
                # ("Minister Al-Khulaifi met the delegations ... Muyaya, who is also communications
                # minister, denied ... 'We will not', the minister said")
                near = len(tier) > 1 and here - seen[tier[0]] <= 2 and seen[tier[0]] - seen[tier[1]] >= 3
                if (len(tier) > 1 and not near) or self._unnamed_since(sp, tier[0]):
                    return None
                return tier[0]
        if fallback or not qual:
            return fallback
        # a lede that names the person later: "Iran's top diplomat said ... Abbas Araghchi told"
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.start > sp.start and self.kind_of(m) == "person":
                a = self.actors[m.actor_id]
                if a.affiliation == qual and self.kb.title_class(a.title) in ok:
                    return a.actor_id
        return None

    def _called_so(self, aid: str, phrase: str, before: int) -> bool:
        """The article gives person ``aid`` the title ``phrase`` before token ``before``: as a
        word before a naming ("President Reagan", "Gen. Torrijos" for "general") or in a title
        mention ("the president")."""
        word = phrase.split()[-1]
        for m in self.mentions:
            if m.actor_id != aid or m.start >= before:
                continue
            if m.via == "title" and word in self.text_of(m.start, m.end).lower():
                return True
            if m.start > 0 and self._rank_word(self.toks[m.start - 1]) == word:
                return True
        return False

    def _rank_word(self, tok: Token) -> str:
        """The title an honorific stands for, lower-cased ("Gen." -> general)."""
        return self.kb.maps.get("rank_abbreviations", {}).get(tok.text, tok.lower_).lower()

    # ---- step 6: pronouns, "the group", "Netanyahu's office"
    def self_named(self) -> None:
        """"A dissident faction calling itself the RENAMO Military Junta": the group described is
        the one it names itself."""
        for verb in tokens_with(self.doc, lemmas={"call", "name", "style", "dub", "brand"}):
            head = verb.head
            me = next((c for c in children(verb) if c.dep_ == "dobj" and c.lower_ in ("itself", "themselves")), None)
            if verb.dep_ != "acl" or head.pos_ != "NOUN" or self.owner[head.i] is not None or me is None:
                continue
            # the name right after "itself", however the parser attached it
            named = next((self.owner[j] for j in range(me.i + 1, min(me.i + 4, len(self.toks)))
                          if self.owner[j] is not None and self.owner[j].via != "pronoun"), None)
            if named is not None:
                self.add(head.left_edge.i, head.i + 1, named.actor_id, "description")

    def definite_descriptions(self) -> None:
        self.self_named()
        group_nouns = self.kb.words.get("group_nouns", ())
        bodies = self.kb.words.get("person_bodies", ())
        for i in self.noun_idx:
            tok = self.toks[i]
            if self.owner[i] is not None or i in self.title_used:
                continue
            lemma = tok.lemma_.lower()
            if lemma in bodies or lemma in self.kb.sectors and lemma not in self.kb.titles:
                poss = next((c for c in children(tok) if c.dep_ == "poss"), None)
                m = self.owner[poss.i] if poss is not None else None
                if m is None and poss is not None and poss.lower_ in ("his", "her") \
                        and lemma in self.kb.words.get("title_organs", ()):
                    # "his ministry said": pronouns are resolved later, so the person is found here
                    m = self._antecedent(poss, "person")
                if m is not None and self.kind_of(m) == "person":
                    if lemma in bodies:
                        self.add(poss.left_edge.i, tok.i + 1, m.actor_id, "description")
                    elif self.actors[m.actor_id].affiliation in self.actors:
                        # "Netanyahu's government": the state he leads
                        aff = self.actors[m.actor_id].affiliation
                        self.add(poss.left_edge.i, tok.i + 1, aff, "description", self.kb.sectors[lemma])
                    continue
            if self._armed_description(tok):
                # "the militant group", "the rebels": the one armed group named before, wherever the
                # phrase stands; two or more of them leave it unresolved
                if tok.tag_ == "NNS" and tok.lemma_.lower() not in self.kb.words.get("armed_group_nouns", ()):
                    # "the armed groups" are several, one collective actor; "the rebels" are one
                    # group's members
                    if not any(self.owner[c.i] is not None for c in lefts(tok)):
                        self._collective(tok)
                    continue
                if any(self.owner[c.i] is not None for c in subtree(tok)):
                    continue
                if not any(c.dep_ == "det" and c.lower_ == "the" for c in children(tok)):
                    # "El Salvador's government and leftist guerrillas signed": a bare plural in
                    # the lead stands for the one armed group the story goes on to name ("two
                    # other rebel factions", "several separatist rebels" are others or many)
                    if tok.tag_ == "NNS" and self.sent_of(tok.i) == self._lead \
                            and all(c.dep_ in ("amod", "compound") and c.lower_ not in OTHERS | QUANTIFIERS
                                    for c in lefts(tok)):
                        armed = self._armed_in_story()
                        if armed is not None:
                            self.add(min([tok.i] + [c.i for c in lefts(tok)]), tok.i + 1, armed, "description")
                    continue
                aid, n = self._armed_antecedent(tok)
                if aid is None and n == 0 and self.sent_of(tok.i) == self._lead:
                    aid = self._armed_in_story()   # "... and the southern rebel movement signed"
                if aid is None and n == 0 and tok.dep_ in SUBJECT_DEPS | {"poss"}:
                    # no armed group known: the organisation named last, unless the KB knows it as
                    # something else (a UN agency is never "the militant group")
                    ante = self._antecedent(tok, "organisation")
                    a = self.actors[ante.actor_id] if ante is not None else None
                    aid = a.actor_id if a is not None and not a.from_kb else None
                if aid is not None:
                    start = min(c.i for c in lefts(tok))
                    self.add(start, tok.i + 1, aid, "description")
                continue
            if lemma in group_nouns and tok.dep_ in SUBJECT_DEPS | {"poss"}:
                if not any(c.dep_ == "det" and c.lower_ == "the" for c in children(tok)):
                    continue
                if tok.tag_ == "NNS" and lemma not in self.kb.words.get("armed_group_nouns", ()):
                    # "the parties would meet": several bodies, not the one named last; "the
                    # groups" after "the armed groups": those
                    named = [m for m in self.mentions if m.end <= tok.i and m.actor_id in self.collectives
                             and self.toks[m.end - 1].lower_ == tok.lower_] if self.collectives else []
                    if named and not any(c.dep_ in ("nummod", "amod", "compound") for c in children(tok)):
                        self.add(tok.i - 1 if self.toks[tok.i - 1].lower_ == "the" else tok.i, tok.i + 1,
                                 named[-1].actor_id, "description")
                    continue
                if any(self.owner[c.i] is not None for c in subtree(tok)):
                    continue      # "the Houthi movement" is a name
                named = self._named_later(tok) if self.sent_of(tok.i) == self._lead else None
                if named is not None:
                    # "Bangladesh signed ..., while the main opposition party vowed to resist":
                    # the lead's description of the body the story names further on
                    self.add(min(c.i for c in children(tok) if c.dep_ == "det"), tok.i + 1, named, "description")
                    continue
                ante = self._antecedent(tok, "organisation")
                if ante is not None:
                    start = min(c.i for c in children(tok) if c.dep_ == "det")
                    self.add(start, tok.i + 1, ante.actor_id, "description")

    def _armed_in_story(self) -> str | None:
        """The one armed group the article names (or, with none known as armed, the one whose
        name marks a movement that may fight)."""
        orgs = {m.actor_id for m in self.mentions if self.kind_of(m) == "organisation"}
        armed = {aid for aid in orgs if self._is_armed(aid)} or {
            aid for aid in orgs if not self.actors[aid].from_kb and not self.actors[aid].is_outlet
            and set(self.actors[aid].name.split()) & set(self.kb.words.get("armed_cause_words", ()))}
        return armed.pop() if len(armed) == 1 else None

    def _named_later(self, tok: Token) -> str | None:
        """The one organisation named after ``tok`` whose name ends in its word ("the main
        opposition party" ... "the Bangladesh Nationalist Party")."""
        found = {m.actor_id for m in self.mentions if m.start > tok.i and self.kind_of(m) == "organisation"
                 and not self.actors[m.actor_id].is_outlet
                 and self.actors[m.actor_id].name.split()[-1].lower() == tok.lower_}
        return found.pop() if len(found) == 1 else None

    def _collective(self, tok: Token) -> None:
        """"The armed groups, among them the FPRC, demanded": several groups spoken of together
        are one group actor, named by the words that describe them (not "two armed groups", which
        are the sides, nor "some armed groups")."""
        kids = children(tok)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
                c.dep_ in ("nummod", "poss", "predet") or c.lower_ in QUANTIFIERS | {"both"} for c in kids):
            return
        # (named by the words that say they fight: "the most powerful armed movements" are
        # "armed movements")
        mods = self.kb.words.get("armed_modifiers", ())
        words = [c for c in lefts(tok) if c.dep_ in ("amod", "compound") and c.is_alpha
                 and (c.lower_ in mods or c.lemma_.lower() in mods)]
        name = " ".join([w.lower_ for w in words] + [tok.lower_])
        aid = _slug(name)
        self.actor(aid, name, "group")
        self.collectives.add(aid)
        self.add(min([tok.i] + [w.i for w in words]), tok.i + 1, aid, "description")

    def pronouns(self) -> None:
        for i in self.pronoun_idx:
            tok = self.toks[i]
            kind = self.kb.pronouns.get(tok.lower_)
            if kind is None or self.owner[tok.i] is not None:
                continue
            if tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "pobj", "dative"):
                ante = self._object_antecedent(tok)
                if ante is not None:
                    self.add(tok.i, tok.i + 1, ante.actor_id, "pronoun")
                continue
            if tok.lower_ in ("his", "her", "their", "its"):
                if tok.dep_ != "poss":
                    continue
            elif tok.dep_ == "dobj":
                ante = self._parallel_object(tok, kind)
                if ante is None and tok.lower_ == "it" and tok.head.lemma_ in self.kb.words.get("party_object_verbs", ()):
                    ante = self._object_antecedent(tok)
                if ante is not None:
                    self.add(tok.i, tok.i + 1, ante.actor_id, "pronoun")
                continue
            elif tok.dep_ not in SUBJECT_DEPS:
                continue
            if tok.lower_ == "it" and (tok.head.lemma_ in self.kb.words.get("expletive_verbs", ())
                                       or tok.head.pos_ == "ADJ"):
                continue          # "it is impossible to...", "made it clear"
            ante = self._antecedent(tok, kind)
            if ante is not None:
                self.add(tok.i, tok.i + 1, ante.actor_id, "pronoun")
                gender = GENDERED_PRONOUNS.get(tok.lower_)
                a = self.actors[ante.actor_id]
                if gender and a.kind == "person" and a.gender is None:
                    a.gender = gender   # "she" once, "she" again: the next one prefers her

    def _unnamed_speaker(self, tok: Token) -> bool:
        """"The rebels said they would not disarm": the subject pronoun of what a speaker says is
        that speaker, and a speaker no actor stands for ("the rebels", "a commander") leaves it
        unresolved rather than handing it to the last actor named."""
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" \
                or verb.head.lemma_ not in self.kb.words.get("speech_verbs", ()):
            return False
        speaker = next((c for c in children(verb.head) if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.pos_ != "NOUN" or speaker.i > tok.i:
            return False
        # ("The Syrian opposition said it": a demonym before a group apart from its state says
        # where the group is from, it does not name the speaker)
        apart = speaker.lemma_.lower() in set(self.kb.words.get("non_state_groups", ())) | set(
            self.kb.words.get("group_nouns", ()))
        if any(self.owner[t.i] is not None and not (apart and self.owner[t.i].via == "demonym")
               for t in subtree(speaker)):
            return False   # ("the AU's chief mediator, Olusegun Obasanjo, said he": named after all)
        # the pronoun must fit the noun: "they" a plural, "it", "he", "she" a singular
        plural = speaker.tag_ == "NNS"
        return plural if tok.lower_ == "they" else not plural and tok.lower_ in ("it", "he", "she")

    def _object_antecedent(self, tok: Token) -> _M | None:
        """"rejected Momade's leadership, accusing him of betraying ...": the person an object
        "him" or "her" stands for, never the subject of its own clause ("Trump praised him"): the
        last other person named in its sentence; for "it" after a verb aimed at a party, the last
        other state or organisation."""
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        own = self._clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        # ("Buyoya's camp wants him to stay": the camp, not Buyoya, is the subject)
        subjects = [c for c in children(verb) if c.dep_ in SUBJECT_DEPS]
        if verb.dep_ == "relcl" and any(c.lower_ in ("who", "that", "which") for c in subjects):
            # "X, Y and Z, who had stood beside him": the relative pronoun is the names it follows
            subjects += [verb.head] + list(verb.head.conjuncts)
        own_subjects = {m.actor_id for m in [own] + [self.owner[c.i] for c in subjects]
                        if m is not None and m.via != "description"}
        gender = GENDERED_PRONOUNS.get(tok.lower_)
        here = self.sent_of(tok.i)
        # ("accusing it of": a state or organisation, "him"/"her": a person)
        kinds = ("state", "organisation") if tok.lower_ == "it" else ("person",)
        near = [m for m in self.mentions if m.end <= tok.i and self.sent_of(m.start) == here
                and self.kind_of(m) in kinds and m.actor_id not in own_subjects
                and not self.actors[m.actor_id].is_outlet and self.actors[m.actor_id].gender in (None, gender)]
        # (an earlier sentence's subject, which a subject pronoun takes, is as often not the one
        # an object pronoun means: "... Alan Gross, who was arrested in 2009. Cuba freed him")
        return max(near, key=lambda m: m.start) if near else None

    def _parallel_object(self, tok: Token, kind: str) -> _M | None:
        """"accused Washington of stirring up trouble and urged it to stay out": an object pronoun
        of a conjoined verb is the object of the verb it is coordinated with."""
        verb = tok.head
        if verb.dep_ != "conj":
            return None
        for obj in (c for c in children(verb.head) if c.dep_ == "dobj"):
            m = self.owner[obj.i]
            if m is not None and self._compatible(m, kind):
                return m
        return None

    def _compatible(self, m: _M, kind: str) -> bool:
        """kind: person (he/she), collective (they/it: any non-person), organisation ("the group")."""
        a = self.actors[m.actor_id]
        if a.is_outlet:
            return False
        if kind == "organisation":
            return a.kind == "organisation"
        if kind == "person" and a.kind != "person" and m.via == "description":
            # "A Contra field commander said ... 'They lie,' he said": one unnamed person who
            # speaks for the body named
            head = self.root_of(m.start, m.end)
            return head.tag_ == "NN" and (head.lemma_.lower() in self.kb.titles or head.lower_ in self.kb.titles)
        return (a.kind == "person") == (kind == "person")

    def _depth(self, m: _M) -> int:
        tok, n = self.toks[m.end - 1], 0
        while tok.head.i != tok.i and n < 50:
            tok, n = tok.head, n + 1
        return n

    def _thing_before(self, tok: Token) -> bool:
        """"ETA's statement came after a conference where X and Y signed a declaration. It called on
        ETA to disarm": a subject "it" opening a sentence after one whose main subject is a document
        or a thing no actor owns (``speech_products``, ``thing_heads``, ``place_nouns``) is a thing too."""
        here = self.sent_of(tok.i)
        if here == 0 or any(t.dep_ in ("nsubj", "nsubjpass") for t in self.toks[self.sent_starts[here]:tok.i]):
            return False
        prev = self.toks[self.sent_starts[here - 1]:self.sent_starts[here]]
        main = next((t for t in prev if _main_subject(t)), None)
        return main is not None and main.pos_ == "NOUN" and self.owner[main.i] is None \
            and main.lemma_.lower() in self._things

    @functools.cached_property
    def _things(self) -> frozenset[str]:
        words = self.kb.words
        return frozenset().union(*(words.get(k, ()) for k in ("speech_products", "thing_heads", "place_nouns")))

    def _clause_subject(self, tok: Token) -> _M | None:
        """The subject of the clause a possessive sits in ("Netanyahu wants to keep his troops")."""
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        for _ in range(3):
            subj = next((c for c in children(verb) if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                if subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                    subj = verb.head
                return self.owner[subj.i]
            if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and _relative_subject(verb.head):
                return self.owner[verb.head.i]   # "Kiir, for his part, called ...", misparsed
            if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
                return None
            verb = verb.head
        return None

    def _persons_before(self, tok: Token) -> _M | None:
        """"Vedrine and Cook announced the extension. They said ...": the persons coordinated as
        the subject before stand for "they"; a mention holds one actor, so the first of them
        (events and quotes take both)."""
        span = subject_named_before(tok)
        if span is None:
            return None
        # (past the demonyms of their titles: "French Foreign Minister Hubert Vedrine and ...")
        named = sorted((m for m in self.mentions if span[0] <= self.toks[m.start].idx < span[1]
                        and m.via not in ("demonym", "pronoun")), key=lambda m: m.start)
        if len({m.actor_id for m in named}) < 2 or any(self.kind_of(m) != "person" for m in named):
            return None
        return named[0]

    def _window_start(self, tok: Token, here: int) -> int:
        """First sentence of the pronoun's window: PRONOUN_WINDOW sentences back, not counting, for a
        pronoun of the narration, sentences wholly inside a quotation. 'Aliyev said: "S1. S2. S3. S4."
        He urged ...': the speaker is still in reach, though the quotation fills the sentences between."""
        s, n = here, 0
        while s > 0 and n < PRONOUN_WINDOW:
            s -= 1
            if tok.i in self.quoted or self._narrated(s):
                n += 1
        return s

    def _narrated(self, s: int) -> bool:
        """Sentence s has words outside quotation marks (asked again for every pronoun: kept)."""
        got = self._narrated_memo.get(s)
        if got is None:
            got = self._narrated_memo[s] = self._narrated_at(s)
        return got

    def _narrated_at(self, s: int) -> bool:
        start = self.sent_starts[s]
        end = self.sent_starts[s + 1] if s + 1 < len(self.sent_starts) else len(self.doc)
        return any(i not in self.quoted and not self.toks[i].is_punct and not self.toks[i].is_space
                   for i in range(start, end))

    def named_by_head(self) -> None:
        """"the agency", "the court", "the watchdog": a bare definite noun that is the last word
        of the name of an organisation named before (or of one of its names: "UN nuclear
        watchdog") is that organisation, the last one so named."""
        heads: dict[str, set[str]] = {}
        for aid in {m.actor_id for m in self.mentions}:
            a = self.actors[aid]
            if a.kind == "organisation" and not a.is_outlet:
                entry = self.kb.entries.get(aid)
                for n in (a.name, *a.aliases, *(entry.aliases if entry is not None else ())):
                    n = n or ""
                    words = n.split(" of ")[0].split()   # "Court" of "International Court of Justice"
                    if len(words) > 1 and words[-1].isalpha():
                        heads.setdefault(words[-1].lower(), set()).add(aid)
                    # "the alliance" after "Alliance for Freedom and Change": the head before "for"
                    before = n.split(" for ")[0].split()
                    if before and len(before) < len(n.split()) and before[-1].isalpha() and before[-1][0].isupper():
                        heads.setdefault(before[-1].lower(), set()).add(aid)
        for w in self.kb.words.get("group_nouns", ()):
            heads.pop(w, None)   # "the group" has its own rule
        # "the bloc", "the 27-nation bloc", "the world body": what the KB says the body is called
        described: dict[str, set[str]] = {}
        for aid in {m.actor_id for m in self.mentions}:
            entry = self.kb.entries.get(aid)
            for phrase in (entry.described_as if entry is not None else ()):
                described.setdefault(phrase.split()[-1], set()).add(aid)
                heads.setdefault(phrase.split()[-1], set()).add(aid)
        if not heads:
            return
        for tok in tokens_with(self.doc, words=heads):
            kids = children(tok)
            mods = [c for c in kids if c.dep_ in ("amod", "compound", "poss", "nummod")]
            # (the small model tags a lower-case noun NNP now and then: "the bloc would ...")
            if self.owner[tok.i] is not None or not (tok.tag_ == "NN" or tok.tag_ == "NNP" and tok.is_lower) \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in kids):
                continue
            ids = heads[tok.lower_]
            if mods:
                # a described body may carry words that say what it is, none naming another actor
                ids = {aid for aid in described.get(tok.lower_, ()) if self._described(aid, tok, mods)}
                if not ids:
                    continue
            named = [m for m in self.mentions if m.end <= tok.i and m.actor_id in ids]
            if named:
                det = min(c.i for c in kids if c.dep_ == "det")
                self.add(det, tok.i + 1, max(named, key=lambda m: m.start).actor_id, "description")

    def _described(self, aid: str, tok: Token, mods: list[Token]) -> bool:
        """"the 27-nation bloc", "the world body": modifiers that name no actor, and the words
        before the head of the KB's phrase among them."""
        if any(self.owner[w.i] is not None for c in mods for w in subtree(c)) or any(c.dep_ == "poss" for c in mods):
            return False
        words = {w.lower_ for c in mods for w in subtree(c)}
        return any(phrase.split()[-1] == tok.lower_ and set(phrase.split()[:-1]) <= words
                   for phrase in self.kb.entries[aid].described_as)

    def _antecedent(self, tok: Token, kind: str) -> _M | None:
        if tok.lower_ == "it" and self._thing_before(tok):
            return None
        if self._unnamed_speaker(tok):
            return None
        if tok.lower_ == "they":
            both = self._persons_before(tok)
            if both is not None:
                return both
        if tok.dep_ == "poss":
            m = self._clause_subject(tok)
            g = GENDERED_PRONOUNS.get(tok.lower_)
            if m is not None and m.start < tok.i and self._compatible(m, kind) \
                    and (g is None or self.actors[m.actor_id].gender in (None, g)):
                return m
        here = self.sent_of(tok.i)
        first = self._window_start(tok, here)
        window = [m for m in self.mentions
                  if m.end <= tok.i and self.sent_of(m.start) >= first and self._compatible(m, kind)]
        if tok.i not in self.quoted:
            # '"He is afraid," he told reporters': the narrator's "he" never takes a word the
            # speaker said inside the quotation
            window = [m for m in window if m.start not in self.quoted]
        if not window:
            return None
        window.sort(key=lambda m: m.start)
        gender = GENDERED_PRONOUNS.get(tok.lower_) if kind == "person" else None
        if gender:
            # a person known to be of the other gender never; for "she", a woman known as such (KB,
            # "Ms", "spokeswoman", an earlier "she") first. Not for "he": news names men far more
            # often, so an unmarked person is as likely a "he" as one already called so.
            other = "m" if gender == "f" else "f"
            window = [m for m in window if self.actors[m.actor_id].gender != other] or window
            if gender == "f":
                window = [m for m in window if self.actors[m.actor_id].gender == "f"] or window
        same = [m for m in window if self.sent_of(m.start) == here and m.subject]
        if same:
            return same[-1]
        for s in range(here - 1, first - 1, -1):
            subj = [m for m in window if self.sent_of(m.start) == s and m.subject]
            if subj:
                # the main clause's subject, not one of an embedded clause ("Zelensky, who waited
                # for Putin to join, accused ...")
                return min(subj, key=lambda m: (self._depth(m), -m.start))
        return window[-1]

    # ---- result
    def result(self) -> ArticleActors:
        doc, aid_ = self.doc, self.article_id
        text = text_of(doc)
        out: list[Mention] = []
        seen = set()
        for m in self.mentions:
            s, e = self.toks[m.start].idx, self.toks[m.end - 1].idx + len(self.toks[m.end - 1].text)
            key = (s, e, m.actor_id)
            if key in seen:
                continue
            seen.add(key)
            out.append(Mention(aid_, m.actor_id, text[s:e], s, e, m.via, m.sector))
            if m.via == "title":
                self.actors[m.actor_id].aliases.add(text[s:e])
        used = {m.actor_id for m in out}
        # an affiliation the KB knows is listed too, so every affiliation id resolves to an actor
        # (in the order the article names its members: the same output on every run)
        for aid in list(dict.fromkeys(m.actor_id for m in out)):
            aff = self.actors[aid].affiliation
            if aff and aff not in used and aff in self.kb.entries:
                self.actor(aff)
                used.add(aff)
        actors = {}
        for a in self.actors.values():
            if a.actor_id not in used:
                continue
            aliases = set(a.aliases)
            entry = self.kb.entries.get(a.actor_id)
            if entry is not None:
                aliases |= entry.aliases
            aliases.discard(a.name)
            actors[a.actor_id] = Actor(
                a.actor_id, a.name, a.kind, a.affiliation,
                ("outlet",) if a.is_outlet else (), tuple(sorted(aliases)), a.title, a.is_outlet)
        return ArticleActors(aid_, actors, out, text)


def extract_actors(doc: Doc, article_id: str, kb: KB | None = None, date: str | None = None) -> ArticleActors:
    """``date`` (YYYY-MM-DD), the article's, decides which state a capital stood for then."""
    art = _Article(doc, article_id, _index_for(doc.vocab, kb or load_kb()), date)
    art.kb_names()
    art.datelines()
    art.untagged_organisations()
    art.untagged_acronyms()
    art.known_as()
    art.entities()
    art.polity_demonyms()
    art.communities()
    art.allegiance_groups()
    art.untagged_speakers()
    art.surnames()
    art.appositions()
    art.sectors()
    art.national_forces()
    art.national_governments()
    art.national_governments("plain_governments", fallback=False)
    art.bare_executives()
    art.title_organs()
    # "The front's spokesman, X": the body a bare head noun stands for is known before the
    # titles look for their owners
    art.named_by_head()
    art.titles()
    art.definite_descriptions()
    # (before pronouns: "A Western diplomat was blunt. '...,' he said.")
    art.speaking_groups()
    art.some_of_them()
    art.pronouns()
    return art.result()


# --------------------------------------------------------------------------- spaCy component

@Language.factory("accord_actors")
def make_actors_component(nlp: Language, name: str) -> "ActorsComponent":
    """``nlp.add_pipe("accord_actors")``: ``doc._.accord_actors`` holds the ArticleActors."""
    return ActorsComponent()


class ActorsComponent:
    """Thin spaCy wrapper; ``extract_actors`` stays the source of truth."""

    def __init__(self) -> None:
        if not Doc.has_extension("accord_actors"):
            Doc.set_extension("accord_actors", default=None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.accord_actors = extract_actors(doc, doc.user_data.get("article_id", ""))
        return doc
