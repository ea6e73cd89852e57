"""The event lexicon (``kb/event_lexicon.yaml``) read into tables: trigger words and patterns by
CAMEO code, the word lists the coding rules consult, and CAMEO codes to PLOVER types."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields
from pathlib import Path

from accord.kb.loader import read_yaml
from accord.kb.plover import cameo_to_plover


LEXICON_PATH = Path(__file__).resolve().parent.parent / "kb" / "event_lexicon.yaml"

_RULES = read_yaml(LEXICON_PATH)["coding"]
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


def preps_for(etype: str | None, base: set[str]) -> frozenset[str]:
    # asked for every trigger with one of the module's base sets: kept per (type, base); the
    # base itself is kept with it, so that its id cannot be reused by another set
    got = _PREPS_FOR.get((etype, id(base)))
    if got is None or got[0] is not base:
        extra = {p for p, types in TYPE_PREPS.items() if etype in types}
        got = _PREPS_FOR[(etype, id(base))] = (base, frozenset(base | extra))
    return got[1]


_PREPS_FOR: dict[tuple, tuple[set[str], frozenset[str]]] = {}


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
    mishaps: set[str] = field(default_factory=set)
    wish_verbs: set[str] = field(default_factory=set)
    name_calling: dict[str, set[str]] = field(default_factory=dict)
    riot_codes: set[str] = field(default_factory=set)
    pair_nouns: dict[str, str] = field(default_factory=dict)
    plural_pair_nouns: set[str] = field(default_factory=set)
    state_organs: set[str] = field(default_factory=set)
    own_bodies: set[str] = field(default_factory=set)
    conflict_nouns: set[str] = field(default_factory=set)
    own_sides: set[str] = field(default_factory=set)
    replies: dict[str, str] = field(default_factory=dict)
    mutual_codes: set[str] = field(default_factory=set)
    light_verb_types: dict[str, set[str]] = field(default_factory=dict)
    possessor_targets: set[str] = field(default_factory=set)
    pending_marks: set[str] = field(default_factory=set)
    instrument_verbs: set[str] = field(default_factory=set)
    prospect_verbs: set[str] = field(default_factory=set)
    inquiry_verbs: set[str] = field(default_factory=set)
    measure_nouns: set[str] = field(default_factory=set)
    time_part_nouns: set[str] = field(default_factory=set)
    idiom_objects: dict[str, set[str]] = field(default_factory=dict)
    quote_replies: set[str] = field(default_factory=set)
    concluding_verbs: set[str] = field(default_factory=set)
    naming_verbs: set[str] = field(default_factory=set)
    failings: set[str] = field(default_factory=set)
    mutual_acts: set[str] = field(default_factory=set)
    topic_verbs: set[str] = field(default_factory=set)
    judging_types: set[str] = field(default_factory=set)
    mutual_verbs: set[str] = field(default_factory=set)
    signing_verbs: set[str] = field(default_factory=set)
    commanded_men: set[str] = field(default_factory=set)
    active_only: set[str] = field(default_factory=set)
    standing_verbs: set[str] = field(default_factory=set)
    anonymity_verbs: set[str] = field(default_factory=set)
    visiting_nouns: set[str] = field(default_factory=set)
    self_directed: set[str] = field(default_factory=set)
    mediating_verbs: set[str] = field(default_factory=set)
    mediating_nouns: set[str] = field(default_factory=set)


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
    irrealis = "~irrealis" in words
    words = [w for w in words if w != "~irrealis"]
    return Entry(code, words[-1], (), None, irrealis, tuple(words[:-1]))


@functools.lru_cache(maxsize=1)
def lexicon(path: str | None = None) -> Lexicon:
    data = read_yaml(path or LEXICON_PATH)
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
            # stable: first listed wins among equals, but a word class ("hand over ~prisoners")
            # says more than any actor or object at all ("hand over ~actor")
            entries.sort(key=lambda e: (-e.specificity, e.obj_class in ("actor", "object")))
    gov = {k: set(v) for k, v in data["governors"].items()}
    # a word list whose field has the name of its key in the file is read as it is
    lists = {f.name: set(data.get(f.name) or ()) for f in fields(Lexicon) if f.type == "set[str]"}
    return Lexicon(**{**lists, **dict(
        verbs=verbs, nouns=nouns,
        # "~own_arms" is "~arms" owned by the subject (event_grammar._class_match tests the owner)
        classes={n: set(v) for k, v in data["classes"].items() for n in (k, "own_" + k)},
        object_only=set(data["object_only_nouns"]),
        governors=gov,
        conditions_always=tuple(data["conditions"]["always"]),
        conditions_future=tuple(data["conditions"]["future_only"]),
        future_modals=set(data["modals"]["future"]),
        hypothetical_modals=set(data["modals"]["hypothetical"]),
        alleged_adverbs=set(data["adverbs"]["alleged"]),
        overrides={str(k): v for k, v in (data.get("overrides") or {}).items()},
        appeal_governors=set(gov.get("appeal") or ()),
        deontic_modals=set(data["modals"].get("deontic") or ()),
        pair_nouns={str(k): str(v) for k, v in (data.get("pair_nouns") or {}).items()},
        mutual_codes={str(c) for c in data.get("mutual_codes") or ()},
        light_verb_types={str(k): set(v) for k, v in (data.get("light_verb_types") or {}).items()},
        pending_marks=set(data["conditions"].get("pending") or ()),
        idiom_objects={str(k): set(v) for k, v in (data.get("idiom_objects") or {}).items()},
        replies={str(w): str(t) for t, words in (data.get("replies") or {}).items() for w in words},
        non_events={str(w).lower() for w in data.get("non_event_nouns") or ()},
        state_epithets={str(k).lower(): set(v) for k, v in (data.get("state_epithets") or {}).items()},
        protest_agents=set((data.get("riot") or {}).get("agents") or ()),
        mishaps=set(data.get("mishaps") or ()),
        wish_verbs=set(data.get("wish_verbs") or ()),
        name_calling={str(k): set(v) for k, v in (data.get("name_calling") or {}).items()},
        riot_codes={str(c) for c in (data.get("riot") or {}).get("codes") or ()},
    )})


@functools.lru_cache(maxsize=1024)
def code_to_type(code: str) -> tuple[str | None, str | None]:
    over = lexicon().overrides.get(code)
    if over:
        return over["type"], over.get("mode")
    return cameo_to_plover(code)
