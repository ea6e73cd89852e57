"""Every record type Accord produces, in one place.

Records are immutable dataclasses. Every extracted record carries its evidence: the article id
and character offsets (Python ``str`` indices) into the verbatim article text. ``to_dict`` gives
the export-contract shape (``../shared/eval/README.md``); extra fields are allowed there.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

# Vocabularies shared by extractors, store and evaluation.
ACTOR_KINDS = ("state", "organisation", "person", "group")
ROLES = ("party", "mediator", "guarantor", "spoiler", "observer", "commentator", "outlet")
QUOTE_TYPES = ("direct", "indirect", "mixed")
MODALITIES = ("actual", "future", "conditional", "hypothetical", "alleged")
STANCES = ("demands", "insists", "accepts", "rejects", "proposes", "conditions")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def record_id(*parts: object) -> str:
    """Stable id from the parts that identify a record (same input -> same id, so writes are idempotent)."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def to_dict(record: Any) -> dict:
    """Plain dict of a record (nested records and tuples become dicts and lists)."""
    return dataclasses.asdict(record)


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str          # hash of the normalised text (see ingest.normalise)
    text: str                # verbatim
    source: str              # path or URL it came from
    id: str | None = None    # the input's own id, if any
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None   # YYYY-MM-DD
    language: str | None = None    # ISO 639-1
    duplicate_of: str | None = None  # near-duplicate (same wire story) article id
    negotiation: str | None = None   # the dossier the article was read with, if any


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A mention of an actor in the text, resolved (actor_id) or not (None)."""
    actor_id: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    article_id: str
    actor_id: str
    text: str
    start: int
    end: int
    # how the actor was named: name, surname, acronym, demonym, title, pronoun, capital, description
    via: str = "name"
    sector: str | None = None   # government, military, officials, ... ("Ukrainian officials")


@dataclass(frozen=True, slots=True)
class Actor:
    actor_id: str            # ISO alpha-3 for states, slug for organisations and persons
    name: str
    kind: str                # one of ACTOR_KINDS
    affiliation: str | None = None   # another actor_id
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    title: str | None = None         # "Prime Minister", "secretary of state"
    is_outlet: bool = False          # news outlets and agencies: "told Reuters"


@dataclass(frozen=True, slots=True)
class Quote:
    quote_id: str
    article_id: str
    type: str                # direct | indirect | mixed
    start: int               # content span
    end: int
    text: str
    speaker: ActorRef | None
    cue: Span | None
    outlet: str | None       # "told Reuters" -> Reuters; statements and plain "said" -> None
    speaker_affiliation: str | None = None  # actor_id of the speaker's affiliation
    continued: bool = False  # a paragraph continuing the previous speaker's quote


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    article_id: str
    type: str                # PLOVER v2 event type
    mode: str | None
    cameo: str | None
    start: int               # evidence span (sentence or clause)
    end: int
    source: ActorRef | None
    targets: tuple[ActorRef, ...]
    negated: bool = False
    modality: str = "actual"
    condition: Span | None = None
    date: str | dict | None = None   # "YYYY-MM-DD" or {"start": ..., "end": ...}
    location: str | None = None
    trigger: Span | None = None      # the verb or noun that signals the event
    quote_id: str | None = None      # the quote it was said in, if any


@dataclass(frozen=True, slots=True)
class Issue:
    issue_id: str
    label: str
    description: str | None = None
    low: str | None = None           # what 0 means on the issue's scale
    high: str | None = None          # what 100 means
    origin: str = "discovered"       # dossier | discovered
    article_id: str | None = None    # evidence of discovery
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Position:
    position_id: str
    article_id: str
    actor_id: str
    issue_id: str
    stance: str              # one of STANCES
    value: float | None      # 0-100 on the issue's scale
    salience: float | None   # 0-1
    start: int               # evidence span
    end: int
    actor: ActorRef | None = None
    reported_by: str | None = None   # actor_id of a third party stating the position
    confidence: float = 0.5
    text: str = ""
    modality: str = "actual"


@dataclass(frozen=True, slots=True)
class Claim:
    """A (claimant) states that B (subject) holds, did or agreed X."""
    claim_id: str
    article_id: str
    claimant: ActorRef | None
    subject: ActorRef | None
    content: Span
    start: int               # evidence span
    end: int
    polarity: int = 1        # +1 affirms, -1 denies
    predicate: str | None = None   # lemma of the claimed act ("agree", "back out")
    kind: str = "assertion"  # assertion | denial | never_confirmed (a denial's claimant is who denies)
    target: str | None = None      # for denials: actor_id whose statement is denied, when named


@dataclass(frozen=True, slots=True)
class Contradiction:
    contradiction_id: str
    kind: str                # denial | never_confirmed | opposite_stance | disputed_fact
    a_article_id: str
    a_start: int
    a_end: int
    b_article_id: str
    b_start: int
    b_end: int
    actors: tuple[str, ...] = ()
    a_text: str = ""
    b_text: str = ""
    explanation: str = ""
    # contract fields: a contradiction is anchored in its first record
    article_id: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Assessment:
    assessment_id: str
    article_id: str
    holder: ActorRef | None
    polarity: float          # -1 (no chance) .. +1 (deal close)
    cue: Span
    negated: bool
    start: int
    end: int
    hedged: bool = False
    reported_by: str | None = None   # actor_id when a third party reports the judgement
    date: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article; the unit the store commits atomically."""
    article: Article
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
