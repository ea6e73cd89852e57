"""The stance lexicon (kb/stance_cues.yaml) and the grammar the position, claim and issue
extractors share: who is the subject of a verb, is it negated, what it is reported by.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from accord.records import ActorRef

KB = Path(__file__).resolve().parent.parent / "kb"

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
FIRST_PERSON = {"i", "we", "me", "us", "our", "my", "ours", "myself", "ourselves"}
PARTICLES = {"forward", "out", "away", "back", "off", "down", "up", "on"}
THIRD_PERSON = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"}


@dataclass(frozen=True)
class Cues:
    stance_of: dict[str, str]          # verb lemma (or "verb particle") -> stance
    noun_stance: dict[str, str]
    adj_stance: dict[str, str]
    salience: dict[str, float]
    value: dict[str, float]
    commitment_verbs: frozenset[str]
    condition_markers: tuple[str, ...]
    intensifiers: frozenset[str]
    hedges: frozenset[str]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    confirm_verbs: frozenset[str]
    denial_adjectives: tuple[str, ...]
    denial_nouns: frozenset[str]
    denial_phrases: tuple[str, ...]
    denial_targets: frozenset[str]
    mediation_verbs: frozenset[str]
    mediation_nouns: frozenset[str]
    bridging: tuple[str, ...]
    issue_nouns: tuple[str, ...]
    issue_verbs: frozenset[str]
    issue_adjectives: frozenset[str]
    issue_preps: frozenset[str]
    list_verbs: frozenset[str]
    list_qualifiers: frozenset[str]
    default_issue: tuple[str, str]     # (id, label) of "the deal as a whole"
    deal_nouns: frozenset[str]


@functools.lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    data = yaml.safe_load(Path(path or KB / "stance_cues.yaml").read_text(encoding="utf-8"))
    stance_of, noun_stance, adj_stance, salience, value = {}, {}, {}, {}, {}
    for stance, entry in data["stances"].items():
        for v in entry.get("verbs", []):
            stance_of.setdefault(v, stance)
        for n in entry.get("nouns", []):
            noun_stance.setdefault(n, stance)
        for a in entry.get("adjectives", []):
            adj_stance.setdefault(a, stance)
        salience[stance] = float(entry.get("salience", 0.5))
        value[stance] = float(entry.get("value", 50))
    den, med, it = data["denial"], data["mediation"], data["issue_triggers"]
    return Cues(
        stance_of=stance_of, noun_stance=noun_stance, adj_stance=adj_stance, salience=salience, value=value,
        commitment_verbs=frozenset(data["commitment_verbs"]),
        condition_markers=tuple(data["condition_markers"]),
        intensifiers=frozenset(data["intensifiers"]), hedges=frozenset(data["hedges"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
        denial_verbs=frozenset(den["verbs"]), confirm_verbs=frozenset(den["never_confirmed"]),
        denial_adjectives=tuple(den["adjectives"]), denial_nouns=frozenset(den["nouns"]),
        denial_phrases=tuple(den["phrases"]), denial_targets=frozenset(den["targets"]),
        mediation_verbs=frozenset(med["verbs"]), mediation_nouns=frozenset(med["nouns"]),
        bridging=tuple(med["bridging"]),
        issue_nouns=tuple(it["nouns"]), issue_verbs=frozenset(it["verbs"]), issue_adjectives=frozenset(it.get("adjectives", [])),
        issue_preps=frozenset(it["prepositions"]), list_verbs=frozenset(it["list_verbs"]),
        list_qualifiers=frozenset(data["list_qualifiers"]),
        default_issue=(data["default_issue"]["id"], data["default_issue"]["label"]),
        deal_nouns=frozenset(data["default_issue"]["nouns"]),
    )


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def phrasal_lemma(verb: Token) -> str:
    """'back out', 'put forward', 'rule out': the verb lemma with its particle."""
    # the small model often tags the particle of "put forward" or "back out" as advmod
    prt = [c for c in verb.children if c.dep_ == "prt" or
           (c.dep_ == "advmod" and c.lower_ in PARTICLES and c.i == verb.i + 1)]
    lemma = verb.lemma_.lower()
    return f"{lemma} {prt[0].lower_}" if prt else lemma


def is_negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "neg") for c in verb.children):
        return True
    # "refuses to accept", "failed to agree": a negative matrix verb negates its complement
    return False


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject, inherited through xcomp/conj chains ("wants to keep", "met and agreed")."""
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        # "as required by the declaration": a passive participle's agent, not the host clause's subject
        agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
            # advcl only when it is a participle/infinitive clause without its own subject
            if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VB", "VBN"):
                return None
            tok = tok.head
            seen += 1
            continue
        if tok.dep_ == "relcl":
            return tok.head
        # "the plan proposed by Biden": the agent is the logical subject
        agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        return None
    return None


def clause_span(verb: Token, stop_at: set[int] | None = None) -> tuple[int, int]:
    """Character span of the clause headed by ``verb`` (its subtree, minus trailing punctuation)."""
    keep = {t.i for t in verb.subtree if not stop_at or t.i not in stop_at}
    # the contiguous run around the verb: a clause cut out of a longer sentence stays one span
    lo = hi = verb.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    toks = [t for t in verb.doc[lo:hi + 1] if not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks:
        return verb.idx, verb.idx + len(verb.text)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def sentence_span(tok: Token) -> tuple[int, int]:
    s = tok.sent
    text = s.text.rstrip()
    return s.start_char, s.start_char + len(text)


def resolve_actor(tok: Token | None, actors, fallback: ActorRef | None = None) -> ActorRef | None:
    """Actor of a noun-phrase head. First-person pronouns resolve to ``fallback`` (the speaker);
    a relative pronoun to its antecedent; "our movement" to the speaker."""
    if tok is None:
        return None
    if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US":
        return fallback
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if any(c.lower_ in ("our", "my") and c.dep_ == "poss" for c in tok.children):
        return fallback
    ref = actors.ref_for_token(tok)
    if ref is not None and ref.actor_id:
        return ref
    # a compound or possessive modifier names the actor ("Hamas officials", "Israel's army")
    for c in tok.children:
        # "his forces", "Hamas officials", "Israel's army": the modifier names the actor
        if c.dep_ in ("compound", "poss", "amod") and (c.pos_ in ("PROPN", "ADJ") or
                                                       c.dep_ == "poss" and c.lower_ in THIRD_PERSON):
            ref = actors.ref_for_token(c)
            if ref is not None and ref.actor_id:
                return ActorRef(ref.actor_id, tok.doc[min(c.i, tok.i):tok.i + 1].text,
                                tok.doc[min(c.i, tok.i)].idx, tok.idx + len(tok.text))
    return None


def has_condition(verb: Token, cues: Cues) -> Token | None:
    """The condition clause of a verb ("will respond if the talks fail"), or None."""
    for t in verb.subtree:
        if t.dep_ == "mark" and t.head.dep_ in ("advcl",) and _marker(t, cues):
            head = t.head
            if t.lower_ in ("while", "until") and any(
                    c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"))
                    for c in head.children):
                continue   # contrastive "while the other side wants ...", not a condition
            anc = head.head
            if anc == verb or (anc.dep_ == "conj" and anc.head == verb) or verb.dep_ == "conj" and anc == verb.head:
                return head
            if anc in verb.conjuncts:
                return head
            # a condition inside the stance's own complement ("insists that a truce is possible once ...")
            up = anc
            while up.dep_ in ("ccomp", "xcomp", "acomp", "oprd") and up.head != up:
                up = up.head
                if up == verb:
                    return head
    return None


def _marker(mark: Token, cues: Cues) -> bool:
    text = mark.lower_
    prev = mark.nbor(-1).lower_ if mark.i > 0 else ""
    if text in cues.condition_markers or f"{prev} {text}" in cues.condition_markers:
        return True
    return False


def in_quote_marks(doc: Doc) -> list[tuple[int, int]]:
    """Character spans between paired quotation marks (curly or straight)."""
    spans, text = [], doc.text
    for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text):
        spans.append((m.start(), m.end()))
    return spans


def within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def content_lemmas(span: Span | list[Token]) -> list[str]:
    return [t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")]
