"""The actor knowledge base: YAML files under ``accord/kb/`` plus analysts' own files.

A KB file is a YAML mapping with any of these sections (see the shipped files for examples):

``states``      alpha-3 -> {aliases, demonyms, capitals, seats, bodies, held}; pycountry adds the names
``actors``      list of {id?, name, kind, aliases, affiliation, title, outlet, demonyms, gender (f|m),
                armed (true for a non-state armed group), described_as (common nouns that stand for
                it with "the" once it is named: "bloc", "world body")}
``defaults``    values applied to every entry of this file's ``actors`` (e.g. ``outlet: true``)
``titles``      role phrase -> title class; ``compatible``: class -> classes it may refer to
``sectors``     head noun -> sector ("officials" -> officials, "army" -> military)
word maps (``WORD_MAPS``): rank_abbreviations, an abbreviated honorific -> the title it stands for
                ("Gen." -> general); legislator_chambers, a legislator's title -> the chamber noun;
                bare_executives, a word for an executive news uses bare -> the state it means
``places``      names of places that are never actors ("Rafah", "El Fasher")
``subdivision_places``  ISO 3166 alpha-2 codes whose ISO 3166-2 subdivisions (pycountry) are places,
                when plain ASCII and no KB name; ``subdivision_exclude``: names never taken
``pronouns``    person | collective -> pronouns; word lists: honorifics, locative_prepositions,
                expletive_verbs, outlet_words, group_nouns, person_bodies, place_prepositions,
                outlet_cue_verbs, outlet_report_verbs, female_words, male_words, national_forces, organisation_words,
                equipment_nouns, national_governments, armed_modifiers, armed_group_nouns,
                armed_name_words, organisation_nouns, title_organs, speech_verbs, plain_governments,
                credit_openers, thing_heads, document_names, leading_verbs, stance_prefixes

Analysts add files in a directory named by the ``ACCORD_KB`` environment variable (several
separated by ``os.pathsep``) or passed as ``extra_paths``; later files extend and override
earlier ones (same id: fields replaced, aliases merged).
"""
from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
import yaml

KB_DIR = Path(__file__).parent
# libyaml's loader parses the shipped files ten times faster than the pure-Python one
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Order matters only for overrides: later files win.
SHIPPED = ("states.yaml", "igos.yaml", "organisations.yaml", "groups.yaml", "outlets.yaml",
           "leaders.yaml", "persons.yaml", "roles.yaml", "places.yaml")


WORD_LISTS = ("honorifics", "locative_prepositions", "expletive_verbs", "outlet_words", "group_nouns",
              "person_bodies", "place_prepositions", "outlet_cue_verbs", "outlet_report_verbs",
              "female_words", "male_words", "national_forces", "organisation_words", "equipment_nouns",
              "national_governments", "armed_modifiers", "armed_group_nouns", "armed_name_words",
              "organisation_nouns", "title_organs", "speech_verbs", "plain_governments", "credit_openers", "thing_heads",
              "document_names", "leading_verbs", "stance_prefixes", "name_particles", "polity_title_classes",
              "polity_title_words", "breakaway_words", "region_nouns", "common_acronyms", "national_title_classes",
              "scene_title_classes", "legislature_nouns", "regional_peoples", "speaking_group_nouns",
              "locating_participles", "party_object_verbs", "personal_honorifics", "surname_honorifics",
              "settlement_nouns", "career_titles", "armed_cause_words", "place_nouns",
              "speech_products", "non_state_groups", "group_name_heads", "judging_verbs", "quantifier_speakers",
              "national_organ_nouns", "credit_closers", "motion_verbs", "place_object_verbs",
              "institution_heads")

WORD_MAPS = ("rank_abbreviations", "legislator_chambers", "bare_executives")


def slug(name: str) -> str:
    """``Abdel Fattah el-Sisi`` -> ``abdel-fattah-el-sisi`` (accents folded)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


@dataclass
class Entry:
    actor_id: str
    name: str
    kind: str
    affiliation: str | None = None
    title: str | None = None
    is_outlet: bool = False
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None   # "f" | "m" when public sources say so: lets she/he skip the other
    armed: bool = False         # a non-state armed group: what "the militant group" can stand for
    described_as: set[str] = field(default_factory=set)   # "bloc", "world body": "the bloc" once named


@dataclass(frozen=True, slots=True)
class Name:
    """One surface form that names an actor."""
    text: str
    actor_id: str
    via: str                 # name | acronym | demonym | capital | seat
    sector: str | None = None


@dataclass
class KB:
    entries: dict[str, Entry] = field(default_factory=dict)
    names: list[Name] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    compatible: dict[str, set[str]] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    maps: dict[str, dict[str, str]] = field(default_factory=dict)   # WORD_MAPS of roles.yaml
    # word lists of roles.yaml: honorifics, locative_prepositions, expletive_verbs, outlet_words
    words: dict[str, set[str]] = field(default_factory=dict)
    pronouns: dict[str, str] = field(default_factory=dict)   # pronoun -> person | collective
    places: set[str] = field(default_factory=set)
    # capitals and seats a past state held until a date: lower-cased name -> [(until, state)]
    held: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def holder(self, name: str, actor_id: str, date: str | None) -> str:
        """The state a capital or seat stood for on ``date`` (YYYY-MM-DD): "Moscow" is the
        Soviet Union's in a 1986 story, Russia's in a 2022 one. Undated: today's holder."""
        if date:
            for until, code in self.held.get(name.lower(), ()):   # earliest first (sorted when built)
                if date < until:
                    return code
        return actor_id

    def title_class(self, title: str | None) -> str | None:
        """Class of a title phrase, by its longest known suffix ("treasury secretary" -> minister)."""
        if not title:
            return None
        words = title.lower().replace("-", " - ").split()
        for i in range(len(words)):
            phrase = " ".join(words[i:]).replace(" - ", "-")
            if phrase in self.titles:
                return self.titles[phrase]
        return None


def read_yaml(path) -> object:
    """A YAML file, parsed by libyaml when PyYAML has it (the cue and lexicon files load at
    every process start, the CLI's and each worker's)."""
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_YAML_LOADER)


def _load_yaml(path: Path) -> dict:
    data = read_yaml(path) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a KB file must be a YAML mapping with sections")
    return data


# British and American spellings of one name ("Organisation for Security and Co-operation")
_SPELLINGS = (("ization", "isation"), ("Co-operation", "Cooperation"),
              ("Defense", "Defence"), ("Center", "Centre"))


def _variants(text: str) -> list[str]:
    """Surface variants of an alias: "the X" is kept with its article, in both cases; a name of
    several words in either spelling."""
    text = text.strip()
    forms = {text}
    if " " in text:
        for a, b in _SPELLINGS:
            for form in list(forms):
                forms |= {form.replace(a, b), form.replace(b, a)}
    out = []
    for form in sorted(forms, key=lambda f: (f != text, f)):
        if form[:4].lower() == "the ":
            out += [f"the {form[4:]}", f"The {form[4:]}"]
        else:
            out.append(form)
    return out


def _state_name(country, aliases: list[str]) -> str:
    """The short name news uses: common name, else the ISO name unless it is inverted ("Palestine, State of")."""
    common = getattr(country, "common_name", None)
    if common:
        return common
    if "," in country.name:
        return aliases[0] if aliases else getattr(country, "official_name", None) or country.name
    return country.name


def _via_for(alias: str) -> str:
    letters = alias.replace(".", "").replace("-", "")
    return "acronym" if len(letters) >= 2 and letters.isupper() and " " not in alias else "name"


class _Builder:
    def __init__(self) -> None:
        self.kb = KB()
        self._names: dict[tuple[str, str], Name] = {}
        # state names that only pycountry gives, and names a KB file gives a state explicitly: an
        # explicit name wins over another state's ISO name (news' "Congo" is Kinshasa, ISO's is
        # Brazzaville)
        self._iso_names: set[tuple[str, str]] = set()
        self._state_names: dict[str, set[str]] = {}
        self._subdivisions: set[str] = set()

    def name(self, text: str, actor_id: str, via: str | None = None, sector: str | None = None) -> None:
        if not text or not str(text).strip():
            return
        for variant in _variants(str(text)):
            self._names[(variant, actor_id)] = Name(variant, actor_id, via or _via_for(variant), sector)

    def entry(self, actor_id: str, name: str, kind: str, **fields) -> Entry:
        e = self.kb.entries.get(actor_id)
        if e is None:
            e = self.kb.entries[actor_id] = Entry(actor_id, name, kind)
        else:
            e.name, e.kind = name or e.name, kind or e.kind
        for key, value in fields.items():
            if value is not None:
                setattr(e, key, value)
        return e

    def states(self, section: dict, path: Path | None = None) -> None:
        for code, info in (section or {}).items():
            info = info or {}
            country = pycountry.countries.get(alpha_3=code)
            if country is None and not info.get("name"):
                raise ValueError(f"{path}: states: {code!r} is no ISO 3166 alpha-3 code; give it a name")
            name = info.get("name") or _state_name(country, info.get("aliases") or [])
            e = self.entry(code, name, "state", affiliation=code)
            explicit = [info["name"]] if info.get("name") else []
            explicit += info.get("aliases") or []
            iso = [] if info.get("name") else [name]
            if country is not None:
                iso += [n for n in (country.name, getattr(country, "official_name", None),
                                    getattr(country, "common_name", None)) if n and "," not in n]
            forms = explicit + iso
            for form in explicit:
                for variant in _variants(str(form)):
                    self._state_names.setdefault(variant, set()).add(code)
            for form in iso:
                self._iso_names.update((v, code) for v in _variants(str(form)))
            for form in forms:
                e.aliases.add(form)
                self.name(form, code)
            for dem in info.get("demonyms") or []:
                self.name(dem, code, "demonym")
            for cap in info.get("capitals") or []:
                self.name(cap, code, "capital")
            for place, sector in (info.get("seats") or {}).items():
                self.name(place, code, "seat", sector)
            for body, sector in (info.get("bodies") or {}).items():
                self.name(body, code, "name", sector)
            held = info.get("held") or {}
            if held and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(held.get("until", ""))):
                raise ValueError(f"{path}: states: {code}: held needs until: YYYY-MM-DD")
            for place in list(held.get("capitals") or []) + list(held.get("seats") or []):
                self.kb.held.setdefault(str(place).lower(), []).append((str(held["until"]), code))
                self.kb.held[str(place).lower()].sort()

    def actors(self, section: list, defaults: dict, path: Path | None = None) -> None:
        for n, raw in enumerate(section or [], 1):
            if not isinstance(raw, dict) or not raw.get("name"):
                raise ValueError(f"{path}: actors entry {n} needs at least a name: {raw!r}")
            item = {**defaults, **raw}
            name = str(item["name"])
            if item.get("kind") and item["kind"] not in ("state", "organisation", "person", "group"):
                raise ValueError(f"{path}: actors entry {n} ({name}): kind must be state, organisation, "
                                 f"person or group, not {item['kind']!r}")
            aid = item.get("id") or slug(name)
            kind = item.get("kind") or "person"
            # a people is its own side, as a state is
            affiliation = item.get("affiliation") or (aid if kind == "group" else None)
            gender = item.get("gender")
            if gender is not None and gender not in ("f", "m"):
                raise ValueError(f"{path}: actors entry {n} ({name}): gender must be f or m, not {gender!r}")
            armed = item.get("armed")
            e = self.entry(aid, name, kind, affiliation=affiliation, title=item.get("title"),
                           is_outlet=bool(item.get("outlet", False)), gender=gender,
                           armed=None if armed is None else bool(armed))
            for form in [name, *(item.get("aliases") or [])]:
                e.aliases.add(form)
                # a person's one-word alias is a surname ("Blinken"), for Mention.via
                one_word = kind == "person" and form != name and " " not in str(form)
                self.name(form, aid, "surname" if one_word else None)
            for dem in item.get("demonyms") or []:
                self.name(dem, aid, "demonym")
            e.described_as.update(str(w).lower() for w in item.get("described_as") or ())

    def roles(self, data: dict) -> None:
        self.kb.titles.update({k.lower(): v for k, v in (data.get("titles") or {}).items()})
        for cls, others in (data.get("compatible") or {}).items():
            self.kb.compatible[cls] = set(others)
        self.kb.sectors.update({k.lower(): v for k, v in (data.get("sectors") or {}).items()})
        for key in WORD_MAPS:
            self.kb.maps.setdefault(key, {}).update({str(k): str(v) for k, v in (data.get(key) or {}).items()})
        for key in WORD_LISTS:
            if data.get(key):
                self.kb.words.setdefault(key, set()).update(data[key])
        self.kb.places.update(str(p) for p in data.get("places") or ())
        exclude = {str(p) for p in data.get("subdivision_exclude") or ()}
        for code in data.get("subdivision_places") or ():
            for sub in pycountry.subdivisions.get(country_code=str(code)) or ():
                # ISO spells most subdivisions in a local transliteration ("Kharkivska oblast",
                # "Ḩalab"); only the plain-ASCII ones read as the news writes them
                if sub.name.isascii() and sub.name not in exclude and "oblast" not in sub.name.lower():
                    self._subdivisions.add(sub.name)
        for kind, words in (data.get("pronouns") or {}).items():
            self.kb.pronouns.update({w.lower(): kind for w in words})

    def countries(self) -> None:
        """Every ISO 3166 country by its pycountry names; states.yaml adds the rest."""
        for c in pycountry.countries:
            self.states({c.alpha_3: {}})

    def add_file(self, path: Path) -> None:
        data = _load_yaml(path)
        self.states(data.get("states"), path)
        self.actors(data.get("actors"), data.get("defaults") or {}, path)
        self.roles(data)

    def build(self) -> KB:
        for text, code in self._iso_names:
            owners = self._state_names.get(text, set())
            if owners and code not in owners:
                self._names.pop((text, code), None)
                self.kb.entries[code].aliases.discard(text)
        self.kb.names = list(self._names.values())
        # a subdivision that shares a KB name ("Khartoum", "Kinshasa": capitals) stays that actor
        known = {n.text for n in self.kb.names}
        self.kb.places.update(p for p in self._subdivisions if p not in known)
        return self.kb


def _extra_files(extra_paths: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for p in extra_paths:
        path = Path(p)
        if path.is_dir():
            files += sorted(q for q in path.rglob("*") if q.suffix in (".yaml", ".yml"))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"knowledge-base path not found: {path}")
    return files


def env_paths() -> tuple[str, ...]:
    return tuple(p for p in os.environ.get("ACCORD_KB", "").split(os.pathsep) if p)


@functools.lru_cache(maxsize=8)
def _load(extra_paths: tuple[str, ...]) -> KB:
    builder = _Builder()
    builder.countries()
    for name in SHIPPED:
        builder.add_file(KB_DIR / name)
    for path in _extra_files(extra_paths):
        builder.add_file(path)
    return builder.build()


def load_kb(extra_paths: tuple[str, ...] | list[str] | None = None) -> KB:
    """The shipped KB plus ``ACCORD_KB`` files plus ``extra_paths`` (cached per path set)."""
    return _load(env_paths() + tuple(str(p) for p in (extra_paths or ())))
