"""The stance lexicon (kb/stance_cues.yaml) and the grammar the position, claim and issue
extractors share: who is the subject of a verb, is it negated, what it is reported by.
"""
from __future__ import annotations

import calendar
import contextlib
import functools
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from accord.kb.loader import read_yaml
from accord.records import ActorRef
from accord.nlp import children, sent_of, sentences, subtree, text_of, tokens
from accord.extract.event_grammar import speech_conjunct

KB = Path(__file__).resolve().parent.parent / "kb"

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
FIRST_PERSON = {"i", "we", "me", "us", "our", "my", "ours", "myself", "ourselves"}
PARTICLES = {"forward", "out", "away", "back", "off", "down", "up", "on"}
THIRD_PERSON = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"}
DASHES = {"-", "--", "\u2013", "\u2014"}
# words a leading date is made of ("May 2", "Tuesday"): the calendar's own names
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name, *calendar.month_abbr,
                                                *calendar.day_name, *calendar.day_abbr) if w)


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
    light_nouns: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    object_preps: frozenset[str] = frozenset()
    no_comment_verbs: frozenset[str] = frozenset()
    progress_nouns: frozenset[str] = frozenset()
    clause_only_verbs: frozenset[str] = frozenset()
    negated_denial_adjectives: frozenset[str] = frozenset()
    negated_denial_nouns: frozenset[str] = frozenset()
    red_line_adjectives: frozenset[str] = frozenset()   # "is not negotiable"
    red_line_phrases: tuple[str, ...] = ()               # "is not up for discussion"
    rejected_phrases: tuple[str, ...] = ()               # "is out of the question"
    government_nouns: frozenset[str] = frozenset()       # "his government" speaks for a state
    obligation_modals: tuple[str, ...] = ()              # "any deal must include ..."
    condition_nouns: frozenset[str] = frozenset()        # "made X a condition for Y"
    help_verbs: frozenset[str] = frozenset()             # "ready to help": good offices, no stance
    restrictive_marks: frozenset[str] = frozenset()      # "only after", "unless": an act tied to a condition
    relinquish_verbs: frozenset[str] = frozenset()       # "will not give up X" insists on X

    @functools.cached_property
    def stance_heads(self) -> frozenset[str]:
        """First words of the stance verbs ("back" of "back out"): a verb whose lemma (with its
        particle or preposition) is a stance cue has one of these as lemma, unless the lemma
        itself holds a space, so the extractors skip other verbs without looking at their
        dependents."""
        return frozenset(v.split(" ")[0] for v in self.stance_of)

    @functools.cached_property
    def mediation_heads(self) -> frozenset[str]:
        """First words of the mediation verbs, as ``stance_heads``."""
        return frozenset(v.split(" ")[0] for v in self.mediation_verbs)

    @functools.cached_property
    def denial_words(self) -> frozenset[str]:
        """Every lemma that can make a denial word ("false", "lies", "no truth", "do not reflect")."""
        return frozenset((*self.denial_adjectives, *self.denial_nouns, *self.negated_denial_adjectives,
                          *self.negated_denial_nouns, "reflect"))


@functools.lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    data = read_yaml(Path(path or KB / "stance_cues.yaml"))
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
    flt = data.get("issue_filter") or {}
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
        light_nouns=frozenset(flt.get("light_nouns", ())), light_verbs=frozenset(flt.get("light_verbs", ())),
        object_preps=frozenset(flt.get("object_prepositions", ())),
        no_comment_verbs=frozenset(flt.get("no_comment_verbs", ())),
        progress_nouns=frozenset(flt.get("progress_nouns", ())),
        clause_only_verbs=frozenset(flt.get("clause_only_verbs", ())),
        negated_denial_adjectives=frozenset(den.get("negated_adjectives", ())),
        negated_denial_nouns=frozenset(den.get("negated_nouns", ())),
        red_line_adjectives=frozenset((data.get("red_lines") or {}).get("negated_adjectives", ())),
        red_line_phrases=tuple((data.get("red_lines") or {}).get("negated_phrases", ())),
        rejected_phrases=tuple((data.get("red_lines") or {}).get("rejected_phrases", ())),
        government_nouns=frozenset(data.get("government_nouns", ())),
        obligation_modals=tuple(data.get("obligation_modals", ())),
        condition_nouns=frozenset(data.get("condition_nouns", ())),
        help_verbs=frozenset(med.get("help_verbs", ())),
        restrictive_marks=frozenset(data.get("restrictive_marks", ())),
        relinquish_verbs=frozenset(data.get("relinquish_verbs", ())),
    )


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---------------------------------------------------------------------------------------------
# per-Doc memo
#
# The position, claim, issue and role extractors each scan the whole Doc and ask the same
# questions of the same tokens (the subject of a verb, its phrasal lemma, the actor a phrase
# names); every answer walks spaCy Token objects, which are rebuilt on each access. The Doc
# being extracted keeps the answers in a one-slot memo (holding the Doc, so its id is not
# reused); a Doc's parse does not change while it is extracted.


class _DocMemo:
    __slots__ = ("doc", "subject", "phrasal", "clean", "quoted", "resolve", "actors")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.subject: dict[int, Token | None] = {}
        self.phrasal: dict[int, str] = {}
        self.clean: dict[ActorRef, ActorRef] = {}
        self.quoted: tuple[tuple[int, int], ...] | None = None
        # actor look-ups depend on the actor layer too: only kept inside ``actor_memo``
        self.resolve: dict[int, object] | None = None
        self.actors = None


_slot = threading.local()


def _memo(doc: Doc) -> _DocMemo:
    got = getattr(_slot, "memo", None)
    if got is None or got.doc is not doc:
        got = _slot.memo = _DocMemo(doc)
    return got


@contextlib.contextmanager
def actor_memo(doc: Doc, actors):
    """Within one extraction the actor layer is fixed, so the actor a noun phrase names is
    looked up once per token; outside it ``resolve_actor`` always asks the actor layer."""
    memo = _memo(doc)
    memo.resolve, memo.actors = {}, actors
    try:
        yield
    finally:
        memo.resolve, memo.actors = None, None


def phrasal_lemma(verb: Token) -> str:
    """'back out', 'put forward', 'rule out': the verb lemma with its particle."""
    memo = _memo(verb.doc)
    got = memo.phrasal.get(verb.i)
    if got is None:
        # the small model often tags the particle of "put forward" or "back out" as advmod
        prt = [c for c in children(verb) if c.dep_ == "prt" or
               (c.dep_ == "advmod" and c.lower_ in PARTICLES and c.i == verb.i + 1)]
        lemma = verb.lemma_.lower()
        got = memo.phrasal[verb.i] = f"{lemma} {prt[0].lower_}" if prt else lemma
    return got


def is_negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "neg") for c in children(verb)):
        return True
    # "refuses to accept", "failed to agree": a negative matrix verb negates its complement
    return False


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject, inherited through xcomp/conj chains ("wants to keep", "met and agreed")."""
    memo = _memo(verb.doc).subject
    if verb.i not in memo:
        memo[verb.i] = _subject_of(verb)
    return memo[verb.i]


def _subject_of(verb: Token) -> Token | None:
    seen = 0
    tok = verb
    skip = dateline(verb.doc)
    while tok is not None and seen < 6:
        # "WASHINGTON, May 2 - Blinken said": the model often makes the dateline a second subject
        subj = [c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip]
        # "DOHA, June 4 - US envoy Steve Witkoff said": or the real subject hangs on the dateline as a conjunct
        subj += [g for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass") and c.i in skip
                 for g in children(c) if g.dep_ in ("conj", "appos") and g.i not in skip]
        if subj:
            return subj[0]
        # "as required by the declaration": a passive participle's agent, not the host clause's subject
        agent = [g for c in children(tok) if c.dep_ == "agent" for g in children(c) if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
            # advcl only when it is a participle/infinitive clause without its own subject
            if tok.dep_ == "advcl" and tok.tag_ not in ("VBG", "VB", "VBN"):
                return None
            # "said that Moldova was blockading X and called for talks": the speaker called
            tok = (speech_conjunct(tok) if tok.dep_ == "conj" and tok.head.tag_ == "VBG" else None) or tok.head
            seen += 1
            continue
        if tok.dep_ == "relcl":
            return tok.head
        # "the plan proposed by Biden": the agent is the logical subject
        agent = [g for c in children(tok) if c.dep_ == "agent" for g in children(c) if g.dep_ == "pobj"]
        if agent:
            return agent[0]
        return None
    return None


def clause_span(verb: Token, stop_at: set[int] | None = None) -> tuple[int, int]:
    """Character span of the clause headed by ``verb`` (its subtree, minus trailing punctuation)."""
    keep = {t.i for t in subtree(verb) if not stop_at or t.i not in stop_at}
    # the contiguous run around the verb: a clause cut out of a longer sentence stays one span
    lo = hi = verb.i
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    skip = dateline(verb.doc)
    toks = [t for t in tokens(verb.doc)[lo:hi + 1] if not t.is_space and t.i not in skip]
    while toks and toks[-1].is_punct:
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    if not toks:
        return verb.idx, verb.idx + len(verb.text)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def sent_tokens(tok: Token) -> list[Token]:
    """The tokens of a token's sentence (a slice of the Doc's cached tokens, not new Token objects)."""
    s = sent_of(tok)
    return tokens(tok.doc)[s.start:s.end]


def sentence_span(tok: Token) -> tuple[int, int]:
    """Character span of a token's sentence. A leading dateline ("GENEVA, May 2 (Reuters) -")
    stays: it is how the lead sentence is quoted and cited."""
    s = sent_of(tok)
    text = text_of(tok.doc)[s.start_char:s.end_char].rstrip()   # Span.text, without a Token per word
    first = next((t for t in tokens(tok.doc)[s.start:s.end] if not t.is_space), None)
    start = first.idx if first is not None else s.start_char
    return start, s.start_char + len(text)


def dateline(doc: Doc) -> frozenset[int]:
    """Token indices of wire datelines opening a sentence: "WASHINGTON, May 2 -",
    "GENEVA (Reuters) -", "KYIV, Ukraine, March 3, 2025 --".

    A dateline is a run before a spaced dash holding no verb, whose first word is a capitalised
    place (in capitals, as wires print it) or a date; computed once per Doc."""
    cached = doc.user_data.get("accord_dateline")
    if cached is not None:
        return cached
    found: set[int] = set()
    for sent in sentences(doc):
        toks = [t for t in sent[:16] if not t.is_space]
        dash = next((k for k, t in enumerate(toks) if t.text in DASHES and k > 0
                     and t.idx > 0 and text_of(doc)[t.idx - 1].isspace() and t.whitespace_), None)
        if dash is None:
            continue
        head = toks[:dash]
        first = head[0]
        placeish = first.text.isupper() and len(first.text) > 1 and first.is_alpha
        dated = first.lower_ in CALENDAR_WORDS or first.ent_type_ == "DATE"
        if not (placeish or dated):
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.lower_ not in CALENDAR_WORDS for t in head):
            continue
        found.update(t.i for t in toks[:dash + 1])
    doc.user_data["accord_dateline"] = frozenset(found)
    return doc.user_data["accord_dateline"]


def clean_ref(ref: ActorRef | None, doc: Doc) -> ActorRef | None:
    """The noun phrase of an actor mention, without a dateline or a leading date glued to it by
    the parse ("WASHINGTON, May 2 - US Secretary of State Antony Blinken" -> "US Secretary of
    State Antony Blinken")."""
    if ref is None or ref.end <= ref.start:
        return ref
    memo = _memo(doc).clean
    got = memo.get(ref)
    if got is None:
        got = memo[ref] = _clean_ref(ref, doc)
    return got


def _clean_ref(ref: ActorRef, doc: Doc) -> ActorRef:
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return ref
    skip = dateline(doc)
    toks = tokens(doc)[span.start:span.end]
    # anything up to a spaced dash inside the mention is a dateline fragment, never the name
    for k in range(len(toks) - 1, 0, -1):
        t = toks[k]
        if t.text in DASHES and t.whitespace_ and text_of(doc)[t.idx - 1:t.idx].isspace():
            toks = toks[k + 1:]
            break
    while toks and (toks[0].i in skip or toks[0].is_punct or toks[0].is_space or
                    toks[0].lower_ in CALENDAR_WORDS or (toks[0].like_num and toks[0].ent_type_ == "DATE")
                    or toks[0].lower_ in ("on", "last", "this", "next") and len(toks) > 1
                    and toks[1].lower_ in CALENDAR_WORDS):
        toks.pop(0)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not toks:
        return ref
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if (start, end) == (ref.start, ref.end):
        return ref
    return ActorRef(ref.actor_id, text_of(doc)[start:end], start, end)


def resolve_actor(tok: Token | None, actors, fallback: ActorRef | None = None) -> ActorRef | None:
    """Actor of a noun-phrase head. First-person pronouns resolve to ``fallback`` (the speaker);
    a relative pronoun to its antecedent; "our movement" to the speaker."""
    if tok is None:
        return None
    memo = _memo(tok.doc)
    if memo.actors is not actors:
        ref = _resolve(tok, actors)
    else:
        # kept per token whatever the fallback: only the speaker's own words depend on it
        ref = memo.resolve.get(tok.i, _MISSING)
        if ref is _MISSING:
            ref = memo.resolve[tok.i] = _resolve(tok, actors)
    return clean_ref(fallback if ref is _SPEAKER else ref, tok.doc)


_MISSING = object()
_SPEAKER = object()   # _resolve's answer for "we", "our movement": whoever is speaking


def _resolve(tok: Token, actors):
    if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US":
        return _SPEAKER
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if any(c.lower_ in ("our", "my") and c.dep_ == "poss" for c in children(tok)):
        return _SPEAKER
    ref = actors.ref_for_token(tok)
    if ref is not None and ref.actor_id:
        return ref
    # a compound or possessive modifier names the actor ("Hamas officials", "Israel's army")
    for c in children(tok):
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
    for t in subtree(verb):
        if t.dep_ == "mark" and t.head.dep_ in ("advcl",) and _marker(t, cues):
            head = t.head
            if t.lower_ in ("while", "until") and any(
                    c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                                           # "while Saudi negotiators sought ...": a party, named by its modifier
                                           or any(g.dep_ in ("amod", "compound", "poss")
                                                  and g.ent_type_ in ("GPE", "ORG", "NORP") for g in children(c)))
                    for c in children(head)):
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
    memo = _memo(doc)
    if memo.quoted is None:
        memo.quoted = tuple((m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text_of(doc)))
    return list(memo.quoted)


def within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def content_lemmas(span: Span | list[Token]) -> list[str]:
    return [t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")]
