"""Deal prospects: who judges the chances of a deal, how, and how the mood moves over time.

``extract_assessments`` finds prospect cues (``kb/prospect_cues.yaml``) on lemmas and uses the
dependency parse to find who holds each judgement:

- attitude cues ("optimistic", "optimism", "doubt") belong to their experiencer: the subject of
  the predicate ("X is optimistic", "X remained hopeful"), the possessor ("X's optimism"), an
  agent or owner phrase ("a positive assessment by Y's government", "the optimism of Z",
  "optimism among X"), or the subject of the verb that expresses them ("X voiced hope");
- state cues ("stalled", "close to a deal", "will not be easy") describe the talks, so they
  belong to whoever says or thinks them: the subject of the reporting verb governing the clause
  ("X made it clear that a deal would not be easy"), an "according to X" phrase,
  or the speaker of the quote the cue stands in.

A third party reporting the judgement ("officials said Y was optimistic") is kept apart in
``reported_by``. "X does not share the optimism of Z" gives two records: X's own negated
judgement and Z's judgement as reported by X. Negation flips a cue, hedges weaken it, and a cue
in a conditional clause ("if the talks fail") is no assessment of the actual chances.

``prospects_index`` turns assessments into a mood series: per negotiation and day, the mean
polarity over distinct holders (each holder's own mean first, so a talkative actor counts once).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from accord.kb.loader import load_kb, read_yaml
from accord.extract.event_grammar import infinitive, speech_conjunct
from accord.extract.quotes import ALL_MARKS, DOUBLE_OPEN, SINGLE_OPEN
from accord.ingest.text import headline_end
from accord.records import ActorRef, Assessment, Quote, Span as TextSpan, record_id
from accord.nlp import children, columns, lefts, sent_of, sentences, subtree, text_of, tokens

LEXICON_PATH = Path(__file__).resolve().parent.parent / "kb" / "prospect_cues.yaml"
SIGNS = {"positive": 1.0, "negative": -1.0, "uncertain": -1.0}

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Edges by which a clause hangs under the verb that reports it.
CLAUSE_EDGES = ("ccomp", "xcomp", "advcl", "conj", "parataxis", "pcomp", "acomp", "relcl", "oprd")
# An adjective in these relations is predicated of its clause's subject ("X is optimistic").
PREDICATIVE_ADJ_DEPS = ("acomp", "attr", "oprd")
# Prepositions naming whose attitude a noun is: "the optimism of Z", "hope among X".
OWNER_PREPS = ("of", "by", "from", "among", "within", "in")
# Prepositions naming what a cue is about: "progress on the nuclear file".
TOPIC_PREPS = ("about", "on", "over", "regarding", "for", "of", "in", "with", "towards", "toward")
FIRST_PERSON = ("i", "we", "me", "us", "our", "my")
# Relations through which a cue still belongs to the clause whose "if"/"unless" it inherits.
HYPOTHETICAL_CHAIN = ("acomp", "attr", "xcomp", "amod", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "conj", "aux")


@dataclass(frozen=True, slots=True)
class Cue:
    phrase: str
    polarity: float     # signed strength, before negation and hedges
    kind: str           # attitude | state
    family: str         # positive | negative | uncertain


@dataclass(frozen=True, eq=False)   # hashed by identity: one matcher per loaded lexicon
class Lexicon:
    cues: dict[str, Cue]
    deal_nouns: frozenset[str]
    report_verbs: frozenset[str]
    verdict_verbs: frozenset[str]
    share_verbs: frozenset[str]
    proxy_nouns: frozenset[str]
    negators: frozenset[str]
    nobody: frozenset[str]
    negating_governors: frozenset[str]
    negation_scale: float
    hedges: frozenset[str]
    negation_hedges: frozenset[str]
    modal_hedges: frozenset[str]
    hedge_scale: float
    modal_scale: float
    intensifiers: frozenset[str]
    intensifier_scale: float
    conditional_marks: frozenset[str]
    dismissals: frozenset[str] = frozenset()
    concessive: frozenset[str] = frozenset()
    military_nouns: frozenset[str] = frozenset()
    frame_nouns: frozenset[str] = frozenset()
    predicative_only: frozenset[str] = frozenset()
    not_verbs: frozenset[str] = frozenset()
    failing_at: frozenset[str] = frozenset()
    reviewing_verbs: frozenset[str] = frozenset()
    outlook_nouns: frozenset[str] = frozenset()
    outlook_adjectives: tuple[tuple[str, float], ...] = ()   # (lemma, signed strength)
    outlook_verbs: tuple[tuple[str, float], ...] = ()
    fading: frozenset[str] = frozenset()
    process_nouns: frozenset[str] = frozenset()
    too_early: frozenset[str] = frozenset()       # "too early to speak of a deal"   # talks, rounds, meetings: the process, not its outcome
    accusing_verbs: frozenset[str] = frozenset()  # "accused X of failing": a charge, not a forecast
    intent_words: frozenset[str] = frozenset()    # "an attempt to sabotage peace": an aim, not a forecast
    directive_verbs: frozenset[str] = frozenset()  # "urged both sides to keep the momentum": a request


def _words(items) -> frozenset[str]:
    return frozenset(str(w).lower() for w in items or ())


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | Path = LEXICON_PATH) -> Lexicon:
    data = read_yaml(path)
    strengths = data["strengths"]
    cues: dict[str, Cue] = {}
    for family, sign in SIGNS.items():
        for strength, kinds in (data.get(family) or {}).items():
            for kind, phrases in (kinds or {}).items():
                for phrase in phrases or ():
                    phrase = str(phrase).strip().lower()
                    cues[phrase] = Cue(phrase, sign * float(strengths[strength]), kind, family)
    neg, hedges, intens = data["negation"], data["hedges"], data["intensifiers"]
    outlook = data.get("outlook") or {}
    return Lexicon(
        cues=cues,
        deal_nouns=_words(data["deal_nouns"]),
        report_verbs=_words(data["report_verbs"]),
        verdict_verbs=_words(data.get("verdict_verbs") or ()),
        share_verbs=_words(data["share_verbs"]),
        proxy_nouns=_words(data["proxy_nouns"]) | _role_heads(),
        negators=_words(neg["words"]),
        nobody=_words(neg.get("nobody") or ()),
        negating_governors=_words(w.split()[0] for w in neg["governors"]),
        negation_scale=float(neg["scale"]),
        hedges=_words(hedges["plain"]),
        negation_hedges=_words(hedges["under_negation"]),
        modal_hedges=_words(hedges["modal"]),
        hedge_scale=float(hedges["scale"]),
        modal_scale=float(hedges["modal_scale"]),
        intensifiers=_words(intens["words"]),
        intensifier_scale=float(intens["scale"]),
        conditional_marks=_words(data["conditional_marks"]),
        dismissals=_words(neg.get("dismissals")),
        concessive=_words(data.get("concessive")),
        military_nouns=_military_nouns(),
        frame_nouns=_words(data.get("frame_nouns")),
        predicative_only=_words(data.get("predicative_only")),
        not_verbs=_words(data.get("not_verbs")),
        failing_at=_words(data.get("failing_at")),
        reviewing_verbs=_words(data.get("reviewing_verbs")),
        outlook_nouns=_words(outlook.get("nouns")),
        outlook_adjectives=tuple((str(w).lower(), SIGNS[family] * float(strengths[outlook["strength"]]))
                                 for family in ("positive", "negative") for w in outlook.get(family) or ()),
        outlook_verbs=tuple((str(w).lower(), sign * float(strengths[outlook["strength"]]))
                            for key, sign in (("rising", 1.0), ("falling", -1.0)) for w in outlook.get(key) or ()),
        fading=_words(w.split()[0] for w in neg.get("fading") or ()),
        process_nouns=_words(data.get("process_nouns")),
        too_early=_words(neg.get("too_early")),
        accusing_verbs=_words(data.get("accusing_verbs")),
        intent_words=_words(data.get("intent_words")),
        directive_verbs=_words(data.get("directive_verbs")),
    )


def _military_nouns(path: Path = LEXICON_PATH.parent / "roles.yaml") -> frozenset[str]:
    """Head nouns of the actor layer's military sector ("the army", "troops")."""
    try:
        data = read_yaml(path) or {}
    except OSError:
        return frozenset()
    return frozenset(str(k).lower() for k, v in (data.get("sectors") or {}).items() if v == "military")


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Verbs of saying the actor layer knows ("say", "tell", "warn"), not of judging ("believe")."""
    words = load_kb().words
    return frozenset(words.get("speech_verbs", ())) - set(words.get("judging_verbs", ()))


def _role_heads(path: Path = LEXICON_PATH.parent / "roles.yaml") -> frozenset[str]:
    """Head nouns of the actor layer's titles, sectors and speaking groups ("the US envoy",
    "Hamas officials", "analysts").

    They stand for a person or body of the actor named beside them, so an opinion held by
    "the Ukrainian delegation" or "the EU trade commissioner" is looked for among the actors.
    """
    try:
        data = read_yaml(path) or {}
    except OSError:
        return frozenset()
    heads = set()
    for phrase in list((data.get("titles") or {})) + list((data.get("sectors") or {})):
        words = str(phrase).lower().split(" of ")[0].split()
        if words:
            heads.add(words[-1])
    # unnamed groups that speak ("Human rights groups were sceptical", "Analysts were divided")
    heads.update(str(w).lower() for w in data.get("speaking_group_nouns") or ())
    return frozenset(heads)


PLACEHOLDERS = ("{deal}", "{outcome}", "{adv}")


def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase cut as the English tokenizer cuts text ("anyone's" -> "anyone", "'s")."""
    words: list[str] = []
    for chunk in phrase.split():
        # ("=close": that spelling only, so "close to a deal" is not "closed to talks")
        exact = chunk.startswith("=") and chunk[1:].isalpha()
        words += [chunk] if chunk in PLACEHOLDERS or exact else re.findall(r"'s|n't|\w+|[^\w\s]", chunk)
    return tuple(words)


def _placeholder_pattern(phrase: str, lex: Lexicon) -> list[dict]:
    pattern: list[dict] = []
    for word in _phrase_words(phrase):
        if word == "{adv}":
            # "prospects were (very) good", "chances are “slim”", "the truce would probably hold"
            pattern.append({"POS": {"IN": ["ADV", "PUNCT", "PART", "AUX"]}, "OP": "*"})
        elif word in ("{deal}", "{outcome}"):
            # "close to a deal", "close to a final ceasefire agreement"; "{outcome}" leaves out
            # the process itself ("expected further talks" forecasts no deal)
            nouns = lex.deal_nouns if word == "{deal}" else lex.deal_nouns - lex.process_nouns
            pattern += [{"POS": {"IN": ["DET", "PRON"]}, "OP": "?"},
                        {"POS": {"IN": ["ADJ", "NOUN", "PROPN", "VERB"]}, "OP": "{0,2}"},
                        {"LEMMA": {"IN": sorted(nouns)}}]
        elif word.startswith("="):
            pattern.append({"LOWER": word[1:]})
        else:
            pattern.append({"LEMMA": word})
    return pattern


@functools.lru_cache(maxsize=8)
def _pattern_matcher(vocab, lex: Lexicon) -> Matcher:
    """Token patterns for the few lexicon entries with placeholders."""
    matcher = Matcher(vocab)
    for phrase in lex.cues:
        if any(p in phrase for p in PLACEHOLDERS):
            matcher.add(phrase, [_placeholder_pattern(phrase, lex)])
    return matcher


@functools.lru_cache(maxsize=8)
def _pattern_words(lex: Lexicon) -> tuple[frozenset[str], ...]:
    """The literal words each placeholder pattern needs, to skip sentences that have none."""
    return tuple(frozenset(w.lstrip("=") for w in _phrase_words(phrase) if w not in PLACEHOLDERS)
                 for phrase in lex.cues if any(p in phrase for p in PLACEHOLDERS))


@functools.lru_cache(maxsize=8)
def _pattern_matchers(vocab, lex: Lexicon) -> tuple[tuple[frozenset[str], Matcher], ...]:
    """One Matcher per placeholder entry, with the literal words it needs (see ``_pattern_words``)."""
    out = []
    for phrase, words in zip((p for p in lex.cues if any(ph in p for ph in PLACEHOLDERS)), _pattern_words(lex)):
        matcher = Matcher(vocab)
        matcher.add(phrase, [_placeholder_pattern(phrase, lex)])
        out.append((words, matcher))
    return tuple(out)


def _placeholder_matches(doc: Doc, lex: Lexicon) -> Iterator[tuple[str, int, int]]:
    # the Matcher's optional wildcards make it slow over a whole article, and a pattern can only
    # match in a sentence holding its literal words, so each pattern runs on those sentences
    # alone (patterns match independently: the matches are those of one Matcher holding all)
    matchers = _pattern_matchers(doc.vocab, lex)
    cols = columns(doc)
    for sent in sentences(doc):
        # (an exact-spelling word is looked for among the spellings)
        lemmas = set(cols.lemma[sent.start:sent.end]) | set(cols.lower[sent.start:sent.end])
        for words, matcher in matchers:
            if words <= lemmas:
                for m, start, end in matcher(sent):
                    yield doc.vocab.strings[m], sent.start + start, sent.start + end


@functools.lru_cache(maxsize=8)
def _phrases_by_first_word(lex: Lexicon) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for phrase in lex.cues:
        if not any(p in phrase for p in PLACEHOLDERS):
            words = _phrase_words(phrase)
            index[words[0].lstrip("=")].append((phrase, words))
    return dict(index)


def _phrase_matches(doc: Doc, lex: Lexicon) -> Iterator[tuple[str, int, int]]:
    """Lexicon phrases in the text, each word matching a token by lemma or by surface form, so
    an entry may be written "stall" or "stalled", "drag its feet" or "drag their feet"."""
    cols = columns(doc)
    forms = list(zip(cols.lower, cols.lemma_lower))
    index = _phrases_by_first_word(lex)
    # only a token spelt or lemmatised as some phrase's first word starts a match
    starts = [i for i, (lower, lemma) in enumerate(forms) if lower in index or lemma in index]
    for i in starts:
        first = forms[i]
        candidates = index.get(first[0], []) + (index.get(first[1], []) if first[1] != first[0] else [])
        for phrase, words in candidates:
            end = i + len(words)
            if end <= len(doc) and all(forms[i + k][0] == w[1:] if w.startswith("=") else w in forms[i + k]
                                       for k, w in enumerate(words)):
                yield phrase, i, end


# --------------------------------------------------------------------------- parse helpers

def _line_bounds(doc: Doc, sent: Span, token: Token) -> tuple[int, int]:
    """Character bounds of the part of the sentence on the token's line.

    The small English model glues a heading to the next paragraph's first sentence; a line
    break inside a "sentence" is a boundary the parse must not cross.
    """
    text = text_of(doc)
    start = text.rfind("\n", sent.start_char, token.idx) + 1 or sent.start_char
    start = max(start, sent.start_char)
    end = text.find("\n", token.idx, sent.end_char)
    end = sent.end_char if end == -1 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _in(token: Token, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= token.idx < bounds[1]


def _children(token: Token, deps: Iterable[str], bounds) -> list[Token]:
    deps = tuple(deps)
    return [c for c in children(token) if c.dep_ in deps and _in(c, bounds)]


def _conjuncts(token: Token, bounds) -> list[Token]:
    """The token and the nominal conjuncts coordinated with it ("Israel and the Palestinian side")."""
    out, todo = [], [token]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in children(t) if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")
                    and _in(c, bounds))
    return sorted(out, key=lambda t: t.i)


DASHES = ("—", "–", "--")
CLAUSE_BREAKS = (",", ";", ":", "(", ")") + DASHES


def _recover_subjects(verb: Token, bounds) -> list[Token]:
    """Subjects of a finite verb the parser left without one (or gave a dateline as one).

    The small model sometimes attaches a subject after a fronted phrase ("Despite X's optimism,
    both Y and Z have made it clear ...") into that phrase, or takes a dateline ("ISTANBUL,
    March 29 (Wire) – Russian and Ukrainian negotiators ... reported") for the subject. An
    English finite clause has a subject: the noun group before the verb group, after the last
    clause break, leaving out objects of prepositions and dates.
    """
    if not any(c.dep_ in ("aux", "auxpass") for c in children(verb)) and verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    first = min([verb] + [c for c in lefts(verb) if c.dep_ in ("aux", "auxpass", "neg", "advmod")], key=lambda t: t.i)
    doc = verb.doc
    i = first.i - 1
    while i >= 0 and _in(doc[i], bounds) and doc[i].text not in CLAUSE_BREAKS and doc[i].dep_ != "mark":
        i -= 1
    lo, end = i + 1, first.i
    if lo >= end:
        return []
    out = []
    for chunk in doc[lo:end].noun_chunks:
        root = chunk.root
        if chunk.start < lo or chunk.end > end or root.ent_type_ in ("DATE", "TIME") \
                or root.dep_ in ("pobj", "dobj", "npadvmod", "poss", "appos"):
            continue
        out.append(root)
    return out


def _dateline_subject(subject: Token, verb: Token) -> bool:
    """A subject cut off from its verb by a dash is a dateline or a heading, not the subject."""
    lo, hi = sorted((subject.i, verb.i))
    return any(t.text in DASHES for t in subject.doc[lo + 1:hi])


def _subjects(pred: Token, bounds, speaker: bool = False) -> list[Token]:
    """Nominal subjects of a predicate, with coordination, control and recovery.

    For a reporting verb (``speaker``) the agent of a passive is the one who speaks, and a
    passive subject is what is spoken of ("the talks were described as productive by X").
    """
    t = pred
    for _ in range(4):
        if speaker:
            agents = [p for a in _children(t, ("agent",), bounds) for p in _children(a, ("pobj",), bounds)]
            if agents:
                return _unique([c for s in agents for c in _conjuncts(s, bounds)])
            if _children(t, ("nsubjpass",), bounds):
                return []   # "it was reported that ...": nobody named
        deps = ("nsubj",) if speaker else ("nsubj", "nsubjpass")
        subs = [s for s in _children(t, deps, bounds)
                if not s.is_punct and not _dateline_subject(s, t)]
        if len(subs) > 1:
            # several subjects without coordination are one name the parser cut up ("Sudan's army
            # chief Abdel Fattah al-Burhan said"): the part next to the verb is the name
            subs = subs[-1:]
        if subs:
            return _unique([c for s in subs for c in _conjuncts(s, bounds)])
        agents = [p for a in _children(t, ("agent",), bounds) for p in _children(a, ("pobj",), bounds)]
        if agents:
            return _unique([c for s in agents for c in _conjuncts(s, bounds)])
        # "said the parties had made progress but warned that ...": a speech verb the parser
        # coordinated with the reported verb is the speaker's (events read it the same way)
        real = speech_conjunct(t)
        if real is not None and _in(real, bounds):
            t = real
            continue
        # "X seems to be optimistic", "X wants to remain hopeful": the controller is the subject;
        # "X were still working but were less optimistic": a coordinated verb shares it
        if t.dep_ in ("xcomp", "conj") and t.head != t and t.head.pos_ in ("VERB", "AUX") and _in(t.head, bounds):
            t = t.head
            continue
        break
    recovered = _recover_subjects(t, bounds)
    return _unique([c for s in recovered for c in _conjuncts(s, bounds)])


def _unique(tokens: list[Token]) -> list[Token]:
    seen, out = set(), []
    for t in tokens:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


def _predicate(root: Token) -> Token:
    """The clause head that carries the cue's subject."""
    if root.pos_ == "ADJ" and root.dep_ in PREDICATIVE_ADJ_DEPS:
        return root.head
    # "X described the talks as constructive": the complement of "as" hangs off the verb
    if root.dep_ in ("amod", "pobj", "acomp") and root.head.lower_ == "as" and root.head.dep_ == "prep":
        owner = root.head.head
        # (or off its object: "welcomed [the accord as a milestone]")
        return owner.head if owner.dep_ == "dobj" and owner.head.pos_ in ("VERB", "AUX") else owner
    # prepositional and adverbial cues ("on track", "within reach", "a long way off") are
    # predicated by their verb
    if root.pos_ in ("ADP", "ADV") and root.dep_ in ("prep", "advmod", "npadvmod"):
        return root.head
    # "talk of an imminent agreement was ...", "X cited constructive talks": an attributive cue
    # belongs to the clause its noun phrase stands in
    if root.dep_ == "amod":
        t = root.head
        for _ in range(8):
            if t.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd"):
                return t.head
            if t.dep_ not in ("pobj", "prep", "compound", "conj", "appos") or t.head == t:
                break
            t = t.head
        return root
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd"):
        return root.head
    if root.dep_ == "pobj" and root.head.head.pos_ in ("VERB", "AUX") and root.head.dep_ in ("prep", "agent"):
        return root.head.head
    return root


def _first_conjunct(token: Token) -> Token:
    """"optimistic or pessimistic": the second adjective shares the first one's clause."""
    while token.dep_ == "conj" and token.head.pos_ == token.pos_ and token.pos_ in ("ADJ", "NOUN") \
            and token.head != token:
        token = token.head
    return token


def _is_report_verb(token: Token, lex: Lexicon) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in lex.report_verbs:
        return False
    if token.lemma_.lower() == "make":
        return any(c.lemma_.lower() == "clear" for c in children(token))
    return True


def _according_to(token: Token, bounds) -> list[Token]:
    for prep in _children(token, ("prep",), bounds):
        if prep.lower_ == "according":
            for to in children(prep):
                return [p for p in _children(to, ("pobj",), bounds)]
    return []


def _reporters(pred: Token, lex: Lexicon, bounds, root: Token | None = None) -> list[tuple[Token, list[Token]]]:
    """Reporting verbs (or "according to" phrases) above a clause, nearest first, with their subjects."""
    out: list[tuple[Token, list[Token]]] = []
    t = pred
    via_sibling = False
    seen = set()
    while t.i not in seen:
        seen.add(t.i)
        according = _according_to(t, bounds)
        # "The talks ended without a breakthrough, officials said": the parser may hang the
        # reporting verb under the clause it reports
        for c in _children(t, ("parataxis",), bounds):
            if _is_report_verb(c, lex) and not any(m.dep_ == "mark" for m in children(c)):
                subs = _subjects(c, bounds, speaker=True)
                if subs:
                    out.append((c, subs))
        # the predicate itself reports when the cue is its complement ("X described the talks
        # as constructive", "X reported progress"), not when it is the cue ("X hopes")
        verdict = t.lemma_.lower() in lex.verdict_verbs and root is not None and root.head.lower_ == "as" \
            and root.head.dep_ == "prep" and t.pos_ == "VERB"
        if not via_sibling and (_is_report_verb(t, lex) or verdict) and not (t == pred and pred == root):
            subs = _subjects(t, bounds, speaker=True)
            if subs:
                out.append((t, subs))
        if according:
            # after the verb's own subject: "X welcomed the deal as a historic step, according to
            # a spokesman" is X's judgement, which the spokesman passes on
            out.append((t, [c for a in according for c in _conjuncts(a, bounds)]))
        if t.head == t:
            break
        if not _in(t.head, bounds):
            # a heading glued to the first sentence: the parse may route the clause through the
            # heading's verb before it reaches this line's "X said"
            up = t.head
            while up.head != up and not _in(up, bounds):
                up = up.head
            if _in(up, bounds) and up.i not in seen and _is_report_verb(up, lex):
                via_sibling, t = False, up
                continue
            break
        if t.dep_ in CLAUSE_EDGES:
            # a clause coordinated with a reporting verb is its sibling, not its content:
            # "Israel says they can succeed, but Hamas is backtracking"; one whose subject is
            # "it", beside a verb of speech, names no other voice: the parser has cut a reported
            # clause loose ("X said the deal was welcome but it would not be easy to enforce";
            # "The President believes the gaps can be bridged, but it will not be easy" is the
            # speaker's own)
            via_sibling = t.dep_ == "conj" and not (t.head.lemma_.lower() in _speech_verbs() and any(
                c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in children(t)))
            t = t.head
        elif t.dep_ == "prep" or (t.dep_ == "pobj" and t.head.dep_ == "prep"):
            via_sibling = False
            t = t.head
        else:
            break
    return out


# --------------------------------------------------------------------------- holders

class _Resolver:
    """Actor references for noun-phrase heads, on top of the actor layer."""

    def __init__(self, actors, lex: Lexicon):
        self.actors, self.lex = actors, lex

    def refs(self, token: Token, bounds) -> list[ActorRef]:
        """One reference per actor: "Egyptian and US officials" are two holders."""
        mods = [c for c in children(token)
                if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i and _in(c, bounds)]
        for mod in mods:
            coordinated = [mod] + [c for c in children(mod) if c.dep_ == "conj" and _in(c, bounds)
                                   and c.pos_ in ("ADJ", "PROPN", "NOUN")]
            if len(coordinated) > 1:
                span = _np_span(token, bounds)
                found = []
                for c in coordinated:
                    inner = self.actors.ref_for_token(c) if self.actors is not None else None
                    if inner is not None and inner.actor_id and inner.actor_id not in {f.actor_id for f in found}:
                        found.append(ActorRef(inner.actor_id, span.text, span.start_char, span.end_char))
                if len(found) > 1:
                    return found
        ref = self.ref(token, bounds)
        return [ref] if ref is not None else []

    def ref(self, token: Token, bounds) -> ActorRef | None:
        ref = self.actors.ref_for_token(token) if self.actors is not None else None
        if ref is not None and ref.actor_id:
            return ref
        if token.lemma_.lower() in self.lex.proxy_nouns or token.lower_ in self.lex.proxy_nouns:
            # "the administration of Y", "the Palestinian side", "Y's negotiators" -> Y
            left = token.left_edge.idx if _in(token.left_edge, bounds) else token.idx
            for child in self._owners(token, bounds):
                inner = self.ref(child, bounds)
                if inner is not None and inner.actor_id:
                    lo = min(left, inner.start, token.idx)
                    hi = max(inner.end, token.idx + len(token))
                    return ActorRef(inner.actor_id, text_of(token.doc)[lo:hi], lo, hi)
        if ref is not None:
            return ref
        if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
                or token.lemma_.lower() in self.lex.proxy_nouns:
            # a holder the actor layer does not know: keep the words, leave the id empty
            span = _np_span(token, bounds)
            return ActorRef(None, span.text, span.start_char, span.end_char)
        return None

    def _owners(self, token: Token, bounds) -> list[Token]:
        out = []
        for c in children(token):
            if not _in(c, bounds):
                continue
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < token.i:
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "on", "in", "at", "with"):
                # "an official on the Israeli negotiating team", "officials in Kyiv"
                out.extend(_children(c, ("pobj",), bounds))
        return out


def _np_span(token: Token, bounds) -> Span:
    doc = token.doc
    left = token
    for t in lefts(token):
        if t.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod") and _in(t, bounds):
            left = t.left_edge if _in(t.left_edge, bounds) else t
            break
    right = token.i + 1
    while right < len(doc) and doc[right].dep_ == "compound" and doc[right].head.i > token.i:
        right += 1
    # "diplomats in Belgrade", "many in the region": the place is part of who the group is
    place = next((c for c in children(token) if c.dep_ == "prep" and c.i == right and c.lower_ in ("in", "from")
                  and _in(c.right_edge, bounds) and c.right_edge.i - c.i < 5), None)
    if place is not None:
        right = place.right_edge.i + 1
    return doc[left.i:right]


# --------------------------------------------------------------------------- cue features

def _negation(root: Token, pred: Token, lex: Lexicon, cue: Span | None = None) -> tuple[bool, list[Token]]:
    """Is the cue negated, and which tokens carry the negation scope (for scoped hedges)?

    Negators inside the cue ("no chance", "dead end") are part of its meaning, not a negation.
    """
    inside = range(cue.start, cue.end) if cue is not None else range(0)
    carriers = [root] if pred == root else [root, pred]
    # "not optimistic or pessimistic": negation over a disjunction covers each disjunct
    first = _first_conjunct(root)
    if first != root and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in children(first)):
        carriers.append(first)
    # "there is no progress", "no breakthrough": determiner; "not optimistic": neg on the cue or
    # on the copula/verb of its clause; "without a breakthrough": negating preposition
    # "never been this close", "never been closer": a degree never reached before affirms
    degree = root.tag_ in ("JJR", "RBR") or any(
        c.dep_ in ("advmod", "det") and (c.lower_ in ("this", "so") or c.tag_ in ("JJR", "RBR")) for c in children(root))
    # ("the door is not closed", "the gap has not narrowed": a "not" a cue's {adv} let in still
    # negates it; the cues that hold a negator of their own open with it, "not sure")
    if cue is not None and any(t.dep_ == "neg" and t.i > cue.start for t in cue):
        return True, carriers
    for t in carriers:
        for c in children(t):
            if c.i in inside or degree and c.lower_ == "never":
                continue
            if c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "amod", "preconj") and c.lower_ in lex.negators):
                return True, carriers
    if root.dep_ == "pobj" and root.head.lower_ in lex.negators and root.head.i not in inside:
        return True, carriers
    # "no sign of progress", "little hope of a deal": the negation sits on the governing noun
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        gov = root.head.head
        if any(c.dep_ in ("det", "neg", "amod") and c.lower_ in lex.negators for c in children(gov)):
            return True, carriers + [gov]
    # "talk of an imminent agreement was an illusion": the noun phrase holding the cue is
    # the subject of a dismissal
    t = root
    for _ in range(6):
        if t.dep_ in ("nsubj", "nsubjpass") and t.head != t:
            if any(c.dep_ in ("attr", "acomp", "oprd") and c.lemma_.lower() in lex.dismissals
                   for c in children(t.head)):
                return True, carriers
            break
        if t.dep_ not in ("amod", "compound", "pobj", "prep", "dobj", "pcomp") or t.head == t:
            break
        t = t.head
    # "it is premature to speak of a breakthrough": the cue in the complement of a dismissal
    t = root
    for _ in range(5):
        if t.head == t:
            break
        if t.dep_ in ("xcomp", "ccomp") and (_dismissive(t.head, lex) or any(
                c.dep_ == "acomp" and _dismissive(c, lex) for c in children(t.head))):
            return True, carriers
        if t.dep_ not in ("pobj", "prep", "dobj", "xcomp", "pcomp", "compound", "amod"):
            break
        t = t.head
    # "optimism evaporated", "hopes of a deal faded"
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in lex.fading:
        return True, carriers
    # "a lack of progress", "ruled out a breakthrough"
    gov = root.head.head if root.dep_ == "pobj" else root.head
    if gov != root and gov.lemma_.lower() in lex.negating_governors:
        return True, carriers
    return False, carriers


def _dismissive(adj: Token, lex: Lexicon) -> bool:
    """"premature", or "too early" / "too soon": said of speaking of progress, it denies it."""
    if adj.pos_ not in ("ADJ", "ADV"):
        return False
    lemma = adj.lemma_.lower()
    return lemma in lex.dismissals or lemma in lex.too_early and any(c.lower_ == "too" for c in children(adj))


def _hedges(root: Token, carriers: list[Token], negated: bool, lex: Lexicon) -> tuple[float, bool]:
    scale, hedged = 1.0, False
    mods = [c for t in carriers for c in children(t) if c.dep_ in ("advmod", "amod", "npadvmod", "nmod")]
    words = {c.lower_ for c in mods} | {c.lemma_.lower() for c in mods}
    if words & lex.hedges:
        scale *= lex.hedge_scale
        hedged = True
    if negated and words & lex.negation_hedges:
        scale *= lex.hedge_scale
        hedged = True
    elif not negated and words & lex.intensifiers:
        scale *= lex.intensifier_scale
    auxes = {c.lower_ for t in carriers for c in children(t) if c.dep_ == "aux"}
    # "Hamas would walk away if Israel continued": a threat on a condition, not a forecast
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.conditional_marks
                                                 for m in children(c))
                      for t in carriers for c in children(t))
    if auxes & lex.modal_hedges or conditional:
        scale *= lex.modal_scale
        hedged = True
    return scale, hedged


def _hypothetical(root: Token, lex: Lexicon) -> bool:
    """A cue inside an "if"/"unless" clause states no judgement of the actual chances."""
    t = root
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in children(t)):
            return True
        if t.head == t or t.dep_ not in HYPOTHETICAL_CHAIN:
            break
        t = t.head
    return False


def _is_deal_noun(token: Token, lex: Lexicon) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (token.lower_ in lex.deal_nouns
                                                or token.lemma_.lower() in lex.deal_nouns)


def _topic_tokens(root: Token, pred: Token, cue: Span, bounds) -> tuple[list[Token], list[Token]]:
    """Words the cue is about: (the thing judged, other complements).

    The thing judged is the subject of a state predicate ("the economy is difficult"), the noun
    an adjective cue modifies, or what an attitude is "about"; other complements ("progress on
    the nuclear file") name the matter and can only confirm that the cue is about talks.
    """
    judged: list[Token] = []
    other: list[Token] = []
    if root.dep_ == "amod":
        judged.append(root.head)
    # "export controls remain a serious obstacle": a noun cue predicated of its subject names
    # the subject as the obstacle or the breakthrough, not as the matter judged
    subject_judged = not (root.pos_ in ("NOUN", "PROPN") and root.dep_ in ("attr", "oprd"))
    for t in (root,) if pred == root else (root, pred):
        for c in children(t):
            if not _in(c, bounds):
                continue
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                (judged if subject_judged else other).append(c)
            elif c.dep_ in ("dobj", "xcomp", "attr"):
                other.append(c)
            elif c.dep_ == "prep" and c.lower_ == "about":
                judged.extend(_children(c, ("pobj", "pcomp"), bounds))
            elif c.dep_ == "prep" and c.lower_ in TOPIC_PREPS:
                other.extend(_children(c, ("pobj", "pcomp"), bounds))

    def words(heads):
        return [t for h in heads for t in subtree(h) if _in(t, bounds) and not (cue.start <= t.i < cue.end)]
    return words(judged), words(other)


def _about_deal(cue: Cue, root: Token, pred: Token, span: Span, bounds, actors, lex: Lexicon,
                article_about_talks: bool) -> bool:
    if "{deal}" in cue.phrase or "{outcome}" in cue.phrase:
        return True
    if root.lemma_.lower() in RECEPTIONS and any(_is_deal_noun(t, lex) for t in subtree(pred) if _in(t, bounds)):
        return True   # "gave the plan a cool reception": the plan it was given to is judged
    # (the infinitive outside the cue: "declined to predict" is one cue, not a plan)
    plan = next((c for c in children(root) if c.dep_ == "xcomp" and not span.start <= c.i < span.end), None) \
        if root.pos_ == "VERB" and cue.kind == "attitude" else None
    if plan is not None:
        # "hoped to bring Zelenskiy and Putin together", "hopes to deliver a report": a plan of
        # one's own, not the chances of a deal, unless the plan is the deal ("hoped to see the
        # treaty signed within a year")
        return any(_is_deal_noun(t, lex) for t in subtree(plan) if _in(t, bounds))
    judged, other = _topic_tokens(root, pred, span, bounds)
    if any(_is_deal_noun(t, lex) for t in judged + other):
        return True
    if any(t.pos_ == "NOUN" and _outlook_noun(t, lex) and not any(c.dep_ == "prep" for c in children(t))
           for t in judged + other):
        return True   # "guarded about the prospects", "optimistic about the chances": of the outcome
    if cue.kind == "attitude" and root.pos_ in ("ADJ", "VERB"):
        # "a senior official, speaking on condition of anonymity, was upbeat": the subject of
        # an attitude feels it; it is not the thing judged
        subjects = {t.i for c in children(pred) if c.dep_ in SUBJECTS for t in subtree(c)}
        judged = [t for t in judged if t.i not in subjects]
    # "the army was making good progress in Rafah": the fighting, not the talks
    if any(t.dep_ in SUBJECTS and (t.lower_ in lex.military_nouns or t.lemma_.lower() in lex.military_nouns)
           for t in judged):
        return False
    if cue.kind == "state" and _an_act_judged(pred):
        # "disarming militias in the Kivus will not be easy", "it would not be easy to protect the
        # new party": a task ahead is judged, in a story of talks the deal's
        return article_about_talks
    judged_ids = {t.i for t in judged}
    for t in judged:
        if t.pos_ != "NOUN" or t.dep_ in ("compound", "npadvmod") or t.lemma_.lower() in lex.proxy_nouns \
                or _frame_noun(t, lex):
            continue
        if t.ent_type_ or (actors is not None and actors.ref_for_token(t) is not None):
            continue   # an actor is the judge or the judged party, not the topic
        if t.head.i in judged_ids and t.dep_ not in SUBJECTS + ("dobj", "pobj", "attr", "xcomp"):
            continue
        if _below_frame(t, judged_ids, lex):
            continue   # "building trust between two armies ... will not be easy": the trust is judged
        # the cue is said of something of its own, and it is not the talks: general sentiment
        return False
    if any(_is_deal_noun(t, lex) for t in sent_of(root) if _in(t, bounds) and not (span.start <= t.i < span.end)):
        return True
    return article_about_talks


def _an_act_judged(pred: Token) -> bool:
    kids = children(pred)
    if any(c.dep_ == "csubj" or c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "VBG" for c in kids):
        return True
    # ("it will not be easy to protect ...": the subject stands for the infinitive after it)
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in kids) and any(
        c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VB" and infinitive(c) for c in kids)


def _below_frame(t: Token, judged_ids: set[int], lex: Lexicon) -> bool:
    """A noun inside the phrase of a negotiation's matter ("trust between the two armies", "the
    gap on land"): it says what the matter is between or about, it is not itself the thing judged."""
    h = t.head
    while h.i in judged_ids and h.head != h:
        if h.pos_ == "NOUN" and _frame_noun(h, lex):
            return True
        h = h.head
    return False


def _frame_noun(t: Token, lex: Lexicon) -> bool:
    return t.lemma_.lower() in lex.frame_nouns or t.lower_ in lex.frame_nouns


def _talks_article(doc: Doc, article, lex: Lexicon) -> bool:
    title = (getattr(article, "title", None) or "").lower()
    if any(w.strip(".,:;!?\"'") in lex.deal_nouns for w in title.split()):
        return True
    return sum(1 for t in tokens(doc) if _is_deal_noun(t, lex)) >= 3


def _quote_at(quotes: list[Quote], start: int) -> Quote | None:
    best = None
    for q in quotes:
        if q.start <= start < q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return best


# --------------------------------------------------------------------------- extraction

@dataclass(frozen=True, slots=True)
class _Judgement:
    holder: ActorRef
    negated: bool
    scope: tuple[Token, ...]       # tokens whose modifiers weigh on this holder's judgement
    reported_by: str | None


def _same_side(reporter: str, holder: str | None, actors) -> bool:
    """A reporter speaking for its own state or organisation is no third party.

    "Lavrov said Moscow was skeptical" is Russia's own judgement, voiced by its minister.
    """
    if holder is None:
        return False
    if reporter == holder:
        return True
    known = getattr(actors, "actors", None) or {}
    a, b = known.get(reporter), known.get(holder)
    return bool((a is not None and a.affiliation == holder) or (b is not None and b.affiliation == reporter))


def _actor_key(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    return ref.actor_id or ref.text.lower()


def _holder_refs(tokens: list[Token], resolver: _Resolver, bounds, quote: Quote | None) -> list[ActorRef]:
    refs = []
    for t in tokens:
        if t.lower_ in ("it", "this", "that", "there", "which", "what"):
            continue
        found = resolver.refs(t, bounds)
        if (not found or found[0].actor_id is None) and t.lower_ in FIRST_PERSON and quote and quote.speaker:
            found = [quote.speaker]  # "we are hopeful", said X: X speaks for the "we"
        refs.extend(found)
    return refs


def _attitude_experiencers(root: Token, pred: Token, lex: Lexicon, bounds) -> tuple[list[Token], Token | None]:
    """Experiencer tokens of an attitude cue, and the verb through which they are found."""
    if root.pos_ in ("ADJ", "VERB", "AUX"):
        return _subjects(pred, bounds), pred
    owners: list[Token] = []
    owners += _children(root, ("poss",), bounds)
    owners += [c for c in children(root) if c.dep_ in ("amod", "compound", "nmod") and _in(c, bounds)
               and (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))]
    # "a positive assessment of the round by the government of Y": the agent phrase may
    # hang anywhere inside the noun phrase, so search it, without entering clauses
    todo = [root]
    while todo and not owners:
        t = todo.pop(0)
        for c in children(t):
            if not _in(c, bounds) or c.dep_ in ("relcl", "acl", "conj", "appos", "cc"):
                continue
            if c.dep_ in ("prep", "agent") and c.lower_ in OWNER_PREPS:
                for p in _children(c, ("pobj",), bounds):
                    if c.lower_ == "by" or p.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
                            or p.lemma_.lower() in lex.proxy_nouns or p.lower_ in lex.proxy_nouns \
                            or p.pos_ in ("PRON", "PROPN"):
                        owners.append(p)
                    else:
                        todo.append(p)
    if owners:
        return [c for o in owners for c in _conjuncts(o, bounds)], None
    # "X expressed optimism", "there is optimism among X" (handled above), "X sees progress"
    if pred != root and root.dep_ in ("dobj", "attr", "pobj") and pred.pos_ in ("VERB", "AUX"):
        return _subjects(pred, bounds), pred
    return [], None


def _nobody(subjects: list[Token], lex: Lexicon, cue: Span) -> bool:
    """"Nobody thinks ...", "no one expects ...", "no diplomat believes ...": a subject that denies
    the judgement it would hold, leaving it to whoever says so, negated (unless the cue holds it:
    "nobody can say whether")."""
    return bool(subjects) and not any(cue.start <= t.i < cue.end for t in subjects) and all(t.lower_ in lex.nobody or any(
        c.dep_ == "det" and c.lower_ == "no" for c in children(t)) for t in subjects)


def _few(subjects: list[Token]) -> bool:
    """"Few expect ...", "few diplomats believe ...": the holders doubt what they are said to
    expect ("a few diplomats believe" do believe it)."""
    few = [q for t in subjects for q in [t, *children(t)] if q.lower_ == "few"]
    return bool(few) and not any(c.lower_ == "a" for q in few for c in [*children(q), *children(q.head)])


def _in_concession(token: Token, lex: Lexicon) -> bool:
    for _ in range(8):
        if token.dep_ == "prep" and token.lower_ in lex.concessive:
            return True
        if token.head == token or token.dep_ not in ("pobj", "prep", "amod", "compound", "conj"):
            return False
        token = token.head
    return False


def _unowned_attitude(root: Token, pred: Token, lex: Lexicon) -> bool:
    """An attitude noun that is the object of an act, not of a report: "building confidence"."""
    return root.pos_ == "NOUN" and pred != root and root.dep_ == "dobj" \
        and not _is_report_verb(pred, lex) and pred.lemma_.lower() not in ("have", "be")


# Nouns of a reaction, whose giver judges what it is given to ("a cool reception", "a frosty response").
RECEPTIONS = frozenset(("reception", "response", "welcome", "reaction"))


def _judgements(cue: Cue, span: Span, root: Token, pred: Token, resolver: _Resolver, lex: Lexicon,
                bounds, quote: Quote | None) -> list[_Judgement]:
    speaker = quote.speaker if quote is not None else None
    negated, carriers = _negation(root, pred, lex, span)
    out: list[_Judgement] = []

    verbs: list[Token] = []

    def reporters_from(t: Token, own: Token = root) -> list[list[ActorRef]]:
        nonlocal speaker, negated
        found = []
        for verb, subs in _reporters(t, lex, bounds, own):
            if _nobody(subs, lex, span):
                negated = not negated   # "Nobody here thinks a deal is close": the speaker's denial
                continue
            refs = _holder_refs(subs, resolver, bounds, quote)
            if not refs:
                continue
            if _few(subs):
                negated = not negated   # "Few diplomats believe the truce will hold": most doubt it
            found.append(refs)
            verbs.append(verb)
            # a reporting verb outside the quote's words is the quote's own attribution: its
            # subject is the speaker, who reports nothing beyond what the parse found
            if quote is not None and not (quote.start <= verb.idx < quote.end):
                speaker = None
        return found

    # "X does not (fully) share the optimism of Z": Z's judgement, reported by X, and X's own
    if root.dep_ == "dobj" and root.head.lemma_.lower() in lex.share_verbs:
        verb = root.head
        owners, _ = _attitude_experiencers(root, root, lex, bounds)
        sharers = _holder_refs(_subjects(verb, bounds), resolver, bounds, quote)
        by = sharers[0].actor_id if sharers else None
        for ref in _holder_refs(owners, resolver, bounds, quote):
            out.append(_Judgement(ref, False, (root,), by))
        share_negated, _ = _negation(verb, verb, lex)
        for ref in sharers:
            rb = speaker.actor_id if speaker and _actor_key(speaker) != _actor_key(ref) else None
            out.append(_Judgement(ref, share_negated, (root, verb), rb))
        return out

    if cue.kind == "state" and _in_concession(root, lex):
        return []
    holders: list[ActorRef] = []
    above, own = pred, root
    via_token = None
    if cue.kind == "attitude":
        experiencers, via = _attitude_experiencers(root, pred, lex, bounds)
        if _nobody(experiencers, lex, span):
            # "Diplomats said nobody was optimistic": the reporter's judgement, negated
            experiencers, negated = [], not negated
        holders = _holder_refs(experiencers, resolver, bounds, quote)
        if not holders and via is not None and via.pos_ == "VERB" and experiencers \
                and experiencers[0].pos_ in ("NOUN", "ADJ") and root.dep_ == "pobj":
            # "many in the region greeted the deal with caution": a group the actor layer does
            # not name feels what its act shows, as a group that says so holds what it says
            np = _np_span(experiencers[0], bounds)
            holders = [ActorRef(None, np.text, np.start_char, np.end_char)]
        via_token = experiencers[0] if experiencers else None
        if not holders and _unowned_attitude(root, pred, lex):
            return []
        if via is not None:
            above = via
        elif holders:
            # "Despite X's optimism, Y said ...": the phrase hangs on Y's verb without being
            # what Y said, so Y does not report X's optimism
            own = pred
        # an experiencer that is no actor ("the mood was optimistic") leaves the cue to its reporter
    subjects = _subjects(root, bounds) if cue.kind == "state" and root.i == pred.i and _is_report_verb(root, lex) \
        else []
    if subjects and _nobody(subjects, lex, span):
        subjects, negated = [], not negated   # "No one expects a breakthrough": see reporters_from
    if subjects and not any(t.pos_ == "PRON" for t in subjects):
        # "Diplomats expect a quick breakthrough": a cue spoken by its own verb of saying or
        # thinking is held by that verb's subject; "few expect" expects nothing ("he expected",
        # a pronoun, is left to the reporter above: "an official told Reuters he expected")
        holders = _holder_refs(subjects, resolver, bounds, quote)
        if not holders and subjects[0].pos_ in ("NOUN", "ADJ"):
            # ("few in the region", "most analysts": holders the actor layer does not name)
            span = _np_span(subjects[0], bounds)
            holders = [ActorRef(None, span.text, span.start_char, span.end_char)]
        if _few(subjects):
            negated = not negated
    reporters = reporters_from(above, own)
    if holders and reporters and any(_actor_key(r) in {_actor_key(h) for h in holders} for r in reporters[0]):
        reporters = reporters[1:]   # "X voiced optimism": the expressing verb is X's own
    if not holders and cue.kind == "state" and root.pos_ == "NOUN" and root.lemma_.lower() in RECEPTIONS:
        # "the opposition gave the plan a cool reception", "the plan got a cool reception from
        # the opposition": who gives the reception judges the plan
        verb = root.head if root.dep_ in ("dobj", "attr") else None
        givers = [c for c in children(verb) if c.dep_ == "nsubj"] if verb is not None \
            and verb.lemma_.lower() in ("give", "offer", "extend") else []
        givers += [o for h in (root, verb) if h is not None for p in children(h)
                   if p.dep_ == "prep" and p.lower_ == "from" for o in children(p) if o.dep_ == "pobj"]
        holders = _holder_refs(givers, resolver, bounds, quote)
        if not holders and givers and givers[0].pos_ in ("NOUN", "PROPN"):
            np = _np_span(givers[0], bounds)   # (a giver the actor layer does not name)
            holders = [ActorRef(None, np.text, np.start_char, np.end_char)]
    if not holders:
        if reporters:
            holders, reporters = reporters[0], reporters[1:]
            # "I would not say we are at the finish line", "X does not think a deal is close":
            # a denied saying or belief denies what it governs
            if any(c.dep_ == "neg" for c in children(verbs[0])) and verbs[0].i != pred.i \
                    and not _via_adverbial(pred, verbs[0]):
                negated = not negated
        elif speaker is not None:
            holders, speaker = [speaker], None
    if not holders:
        return []
    if speaker is not None and _actor_key(speaker) in {_actor_key(h) for h in holders}:
        speaker = None   # the quote is the holders' own words (one speaker of several)
    by = None
    if reporters and cue.kind == "attitude" and via_token is not None and via_token.pos_ == "PRON":
        # "X said he was optimistic": the pronoun is the reporter himself, no third party
        reporters = reporters[1:]
    if reporters:
        by = reporters[0][0].actor_id
    elif speaker is not None:
        by = speaker.actor_id
    for ref in holders:
        rb = by if by and not _same_side(by, ref.actor_id, resolver.actors) else None
        out.append(_Judgement(ref, negated, tuple(carriers), rb))
    return out


def _reports_other(doc: Doc, a: ActorRef | None, b: ActorRef | None, lex: Lexicon) -> bool:
    """Whether one holder is the subject of a verb of saying that governs the other holder
    ("Zakharova said Moscow welcomed ..."), rather than two judgements side by side."""
    if a is None or b is None:
        return False
    sa = doc.char_span(a.start, a.end, alignment_mode="expand")
    sb = doc.char_span(b.start, b.end, alignment_mode="expand")
    if sa is None or sb is None:
        return False
    ta, tb = sa.root, sb.root
    return any(_is_report_verb(x.head, lex) and x.dep_ in ("nsubj", "nsubjpass") and x.head.is_ancestor(y)
               for x, y in ((ta, tb), (tb, ta)))


def _via_adverbial(low: Token, high: Token) -> bool:
    """Whether ``low`` hangs under ``high`` through an adverbial clause ("did not expect a
    signing, accusing Yerevan of dragging its feet": the accusation is not what he doubts)."""
    t = low
    for _ in range(12):
        if t.i == high.i or t.head == t:
            return False
        if t.dep_ == "advcl":
            return True
        t = t.head
    return False


def _outlook_noun(token: Token, lex: Lexicon) -> bool:
    # by surface form too: the small model lemmatises "hopes" as "hop"
    return token.lemma_.lower() in lex.outlook_nouns or token.lower_ in lex.outlook_nouns


def _outlook_cues(doc: Doc, lex: Lexicon) -> tuple[list[tuple[Cue, Span]], set[int]]:
    """Adjectives said of an outlook noun, and the nouns they consume."""
    adjectives = dict(lex.outlook_adjectives)
    verbs = dict(lex.outlook_verbs)
    out, nouns = [], set()
    # only outlook verbs and adjectives can be cues: the others are not visited
    cols, toks = columns(doc), tokens(doc)
    candidates = [toks[i] for i, (pos, lemma, lower) in enumerate(zip(cols.pos, cols.lemma_lower, cols.lower))
                  if pos == "VERB" and lemma in verbs or pos == "ADJ" and (lemma in adjectives or lower in adjectives)]
    for t in candidates:
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in verbs:
            # "hopes for a truce faded", "the chances of a deal have improved"
            noun = next((c for c in children(t) if c.dep_ in ("nsubj", "nsubjpass")
                         and _outlook_noun(c, lex)), None)
            if noun is not None:
                polarity = verbs[lemma]
                family = "positive" if polarity > 0 else "negative"
                out.append((Cue(f"{noun.lemma_.lower()} {lemma}", polarity, "state", family), doc[t.i:t.i + 1]))
                nouns.add(noun.i)
            continue
        if t.pos_ != "ADJ" or (lemma not in adjectives and t.lower_ not in adjectives):
            continue
        noun = None
        if t.dep_ == "amod" and _outlook_noun(t.head, lex):
            noun = t.head                       # "slim chances"
        elif t.dep_ in PREDICATIVE_ADJ_DEPS:    # "the prospects ... were very good"
            noun = next((c for c in children(t.head) if c.dep_ in ("nsubj", "nsubjpass")
                         and _outlook_noun(c, lex)), None)
        if noun is None:
            continue
        polarity = adjectives.get(lemma, adjectives.get(t.lower_))
        family = "positive" if polarity > 0 else "negative"
        span = doc[min(t.i, noun.i):max(t.i, noun.i) + 1] if abs(t.i - noun.i) == 1 else doc[t.i:t.i + 1]
        out.append((Cue(f"{noun.lemma_.lower()} {lemma}", polarity, "state", family), span))
        nouns.add(noun.i)
    return out, nouns


def _matches(doc: Doc, lex: Lexicon) -> list[tuple[Cue, Span]]:
    outlook, outlook_nouns = _outlook_cues(doc, lex)
    cue_of = {}
    spans = []
    for cue, span in outlook:
        cue_of[(span.start, span.end)] = cue
        spans.append(span)
    found = set(_phrase_matches(doc, lex))
    found.update(_placeholder_matches(doc, lex))
    for phrase, start, end in sorted(found, key=lambda m: (m[1], m[2], m[0])):
        if end - start == 1 and start in outlook_nouns:
            continue    # "hopes are high": the noun is read through its adjective
        span = doc[start:end]
        last = span[-1]
        if last.pos_ == "VERB" and phrase.startswith("{deal}") and (not (any(
                c.dep_ in ("nsubj", "nsubjpass") and start <= c.i < end for c in last.children)
                and any(t.tag_ == "MD" for t in span)) or any(c.dep_ in ("prt", "dobj") for c in last.children)):
            # ("the deal would not hold them back": a phrasal verb with an object, no forecast)
            # "the truce would hold" forecasts; "talks held in Doha", "the truce has held" and
            # "to ensure the ceasefire holds" report or want, they do not judge
            continue
        cue_of.setdefault((start, end), lex.cues[phrase])
        spans.append(span)
    # the longest cue wins ("impossible to predict" over "impossible")
    spans = sorted(spans, key=lambda s: (-(s.end - s.start), s.start))
    taken: set[int] = set()
    chosen = []
    for s in spans:
        if any(i in taken for i in range(s.start, s.end)):
            continue
        taken.update(range(s.start, s.end))
        chosen.append(s)
    chosen.sort(key=lambda s: s.start)
    roots = {_cue_root(s).i for s in chosen}
    out = []
    for s in chosen:
        root = _cue_root(s)
        if root.pos_ in ("DET", "PRON", "PUNCT", "SCONJ", "CCONJ", "PART"):
            continue
        # "cautious optimism": the hedge belongs to the other cue
        if len(s) == 1 and root.head.i in roots and root.head.i != root.i \
                and root.dep_ in ("amod", "advmod") and root.lemma_.lower() in lex.hedges:
            continue
        # "described the timetable as tight": an adjective the parser hangs on "as" is predicated
        # of the verb's object
        as_named = root.pos_ == "ADJ" and root.head.lower_ == "as" and root.head.dep_ == "prep" \
            and root.head.head.pos_ == "VERB"
        # "a source close to the talks", "officials close to the negotiations": an adjective after
        # its noun says who the people are, it judges nothing
        if root.pos_ == "ADJ" and root.dep_ == "amod" and root.head.i < root.i \
                and root.head.pos_ in ("NOUN", "PROPN", "PRON"):
            continue
        # an adjective cue is a judgement when predicated, or when it qualifies the talks
        if root.pos_ == "ADJ" and root.dep_ in ("pobj", "advmod", "npadvmod", "dobj", "compound") and not as_named:
            continue
        # ("it will not be an easy road": the adjective of a predicate noun is predicated too)
        predicated = as_named or (root.dep_ == "amod" and root.head.dep_ == "attr"
                                  and root.head.lemma_.lower() in lex.frame_nouns)
        if len(s) == 1 and root.lemma_.lower() in lex.predicative_only and not predicated and (
                root.dep_ == "amod" or root.pos_ == "NOUN" and any(c.dep_ == "det" for c in root.children)):
            continue    # "a possible deal"; "we owe it to the dead": an adjective used as a noun
        if len(s) == 1 and root.pos_ == "VERB" and root.lemma_.lower() in lex.not_verbs:
            continue
        if len(s) == 1 and root.pos_ == "NOUN" and (
                root.dep_ == "dobj" and root.head.lemma_.lower() in lex.reviewing_verbs
                or any(c.dep_ == "poss" for c in root.children)
                and any(c.dep_ == "prep" and c.lower_ in ("toward", "towards") for c in root.children)):
            # "to review progress"; "the other's progress towards EU membership": a party's own
            # advance, not the talks'
            continue
        if len(s) == 1 and root.lemma_.lower() == "fail" and any(
                c.dep_ == "xcomp" and c.lemma_.lower() not in lex.failing_at or c.dep_ == "dobj"
                for c in root.children):
            # "after failing to honour their commitments": a charge, not a forecast; "no right to
            # fail our children": failing someone, not talks failing
            continue
        if len(s) == 1 and root.lemma_.lower() == "fail" and root.tag_ in ("VBD", "VBN") \
                and not any(c.dep_ == "xcomp" or c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in ("has", "have"))
                            for c in root.children):
            # "the summit had failed", "earlier accords had failed": what happened, no forecast
            # ("the mediation has failed": the present perfect judges where the talks stand now)
            continue
        out.append((cue_of[(s.start, s.end)], s))
    return out


def _directed(root: Token, lex: Lexicon) -> bool:
    """The cue is in what a directive verb asks for ("called on all parties to implement it in
    good faith", "appealed to donors to keep the momentum")."""
    t = root
    for _ in range(8):
        # (an infinitive: "told them to", not "told reporters the talks were constructive")
        infinitive = t.dep_ == "xcomp" or t.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                      for c in t.children)
        if infinitive and t.head.lemma_.lower() in lex.directive_verbs:
            return True
        if t.head is t:
            return False
        t = t.head
    return False


def _cue_root(span: Span) -> Token:
    """The word a cue turns on: the span's head, or, when the parser made a function word of a
    longer phrase its head ("all" of "all but complete"), the phrase's last content word."""
    root = span.root
    if len(span) >= 3 and root.pos_ in ("DET", "PRON", "SCONJ", "CCONJ", "PART"):
        return next((t for t in reversed(span) if t.pos_ in ("ADJ", "VERB", "NOUN", "ADV")), root)
    return root


def _charged(root: Token, lex: Lexicon) -> bool:
    """Whether the cue is what someone is accused of doing to something else ("accused the
    government of failing to set up a fund"); "accused Israel of backtracking on the agreement"
    and "accused Thailand of stalling" judge the deal."""
    if any(t.lower_ in lex.deal_nouns or t.lemma_.lower() in lex.deal_nouns for t in subtree(root)):
        return False
    if not any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in children(root)):
        return False   # "accused Thailand of stalling": stalling what is being negotiated
    for anc in [root, *root.ancestors]:
        if anc.dep_ in ("pcomp", "pobj") and anc.head.lower_ in ("of", "for"):
            owner = anc.head.head   # the verb, or its object the parser hung the phrase on
            verb = owner.head if owner.dep_ == "dobj" else owner
            if verb.lemma_.lower() in lex.accusing_verbs:
                return True
    return False


def extract_assessments(doc: Doc, actors, article, quotes: Iterable[Quote] = (),
                        lexicon: Lexicon | None = None) -> Iterator[Assessment]:
    """Assessments of the chances of a deal in one parsed article, each with its holder."""
    lex = lexicon or load_lexicon()
    quotes = list(quotes or ())
    resolver = _Resolver(actors, lex)
    about_talks = _talks_article(doc, article, lex)
    article_id = getattr(article, "article_id", None) or ""
    date = getattr(article, "published", None)
    best: dict[tuple[int, str], list[tuple[Token, Assessment]]] = {}
    order: list[tuple[int, str]] = []
    head_end = headline_end(text_of(doc), article)
    for cue, span in _matches(doc, lex):
        if span.start_char < head_end:
            continue   # the headline restates the story in few words; its judgements are the lede's
        root = _cue_root(span)
        if _charged(root, lex):
            continue   # "accused the government of failing to set up a fund": the charge, no forecast
        if root.dep_ in ("xcomp", "acl") and root.head.lemma_.lower() in lex.intent_words:
            continue   # "a cowardly attempt to sabotage peace": someone's aim, no forecast
        if _directed(root, lex):
            continue   # "urged both sides to build on the momentum": what is asked, no forecast
        bounds = _line_bounds(doc, sent_of(root), root)
        pred = _predicate(_first_conjunct(root))
        if not _in(pred, bounds):
            pred = root
        if _hypothetical(root, lex) or text_of(doc)[bounds[0]:bounds[1]].rstrip("\"'”’ )").endswith("?"):
            continue   # a condition or a question is no judgement of the actual chances
        if not _about_deal(cue, root, pred, span, bounds, actors, lex, about_talks):
            continue
        quote = _quote_at(quotes, span.start_char)
        start = bounds[0]
        end = bounds[1]
        if quote is not None and quote.type in ("direct", "mixed") and quote.start < start < quote.end:
            start = _passage_start(text_of(doc), quote.start, start)
        if quote is not None and quote.type in ("direct", "mixed"):
            # a judgement voiced in a quotation is cited with the whole of it: the speaker's words
            # around the cue word are what tell its reader how it was meant
            start, end = min(start, quote.start), max(end, quote.end)
        for j in _judgements(cue, span, root, pred, resolver, lex, bounds, quote):
            scale, hedged = _hedges(root, list(j.scope), j.negated, lex)
            polarity = cue.polarity * scale
            if j.negated:
                polarity = -polarity * lex.negation_scale
            polarity = round(max(-1.0, min(1.0, polarity)), 3)
            key = _actor_key(j.holder)
            record = Assessment(
                assessment_id=record_id(article_id, span.start_char, key),
                article_id=article_id,
                holder=j.holder,
                polarity=polarity,
                cue=TextSpan(span.text, span.start_char, span.end_char),
                negated=j.negated,
                start=start,
                end=end,
                hedged=hedged,
                reported_by=j.reported_by,
                date=date,
            )
            # one judgement per holder and sentence: "X fears the talks could collapse" is one
            slot = (bounds[0], key)
            if slot not in best:
                order.append(slot)
            best.setdefault(slot, []).append((root, record))
    # "Zakharova said Moscow welcomed the progress but ...": a spokesperson and the side she
    # speaks for are one voice in one sentence, so their cues make one judgement
    merged: list[tuple[int, str]] = []
    for slot in order:
        into = next((m for m in merged if m[0] == slot[0] and m[1] and slot[1]
                     and _same_side(m[1], slot[1], actors)
                     and _reports_other(doc, best[m][0][1].holder, best[slot][0][1].holder, lex)), None)
        if into is None:
            merged.append(slot)
            continue
        first = best[into][0][1]
        best[into].extend((t, dataclasses.replace(r, holder=first.holder, reported_by=first.reported_by))
                          for t, r in best[slot])
    for slot in merged:
        for part in _contrasted(doc, best[slot]):
            yield _merge(part)


CONTRASTS = frozenset(("but", "though", "although", "yet", "however"))


def _contrasted(doc: Doc, records: list[tuple[Token, Assessment]]) -> list[list[tuple[Token, Assessment]]]:
    """"He was optimistic the deal would hold, though it would not be easy": judgements of opposite
    sign that a contrastive word sets apart are two, each with the words on its side as evidence."""
    records = sorted(records, key=lambda tr: tr[0].i)
    for k in range(1, len(records)):
        (t0, r0), (t1, r1) = records[k - 1], records[k]
        if r0.polarity * r1.polarity >= 0:
            continue
        # (clauses set apart, not words: "hopeful but not certain" is one hedged judgement)
        turn = next((t for t in doc[t0.i + 1:t1.i] if t.lower_ in CONTRASTS and (
            t.dep_ in ("mark", "advmod") and t.head.pos_ in ("VERB", "AUX")
            # "but cautioned that ...": a coordinated verb, not a coordinated word ("hopeful but not certain")
            or t.dep_ == "cc" and any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > t.i
                                      for c in children(t.head)))), None)
        if turn is None:
            continue
        first = [(t, dataclasses.replace(r, end=min(r.end, turn.idx))) for t, r in records[:k]]
        rest = [(t, dataclasses.replace(r, start=max(r.start, turn.idx))) for t, r in records[k:]]
        return [first, *_contrasted(doc, rest)]
    return [records]


def _passage_start(text: str, quote_start: int, sent_start: int) -> int:
    """Where a judgement inside a longer quotation is cited from: the opening of its passage,
    quote mark included. "We are not naive. Every round has been harder ..." is one passage;
    '"... this far," said Kaya. "It will not be easy"' is two, and "easy" is the second's."""
    for i in range(sent_start, quote_start - 1, -1):
        ch = text[i]
        if ch in DOUBLE_OPEN or ch in SINGLE_OPEN or (ch == '"' and (i == 0 or text[i - 1].isspace())):
            return i
    return quote_start - (1 if quote_start and text[quote_start - 1] in ALL_MARKS else 0)


def _merge(records: list[tuple[Token, Assessment]]) -> Assessment:
    """Several cues of one holder in one sentence make one judgement.

    A cue embedded under another one gives way to it ("X fears the talks could collapse": the
    fear), as does a cue in a relative clause ("a deal which had looked out of reach now seems
    possible": the main clause); coordinated cues are averaged ("not optimistic or pessimistic").
    """
    kept = [(t, r) for t, r in records if not any(_embeds(o, t) for o, _ in records)]
    main = [(t, r) for t, r in kept if not _in_relative_clause(t)]
    level = [r for _, r in (main or kept)]
    if len(level) == 1:
        return level[0]
    strongest = max(level, key=lambda r: abs(r.polarity))
    mean = round(sum(r.polarity for r in level) / len(level), 3)
    return dataclasses.replace(strongest, polarity=mean, hedged=any(r.hedged for r in level))


def _embeds(upper: Token, lower: Token) -> bool:
    """``lower`` hangs under ``upper`` by more than coordination ("difficult but useful" is flat)."""
    if upper.i == lower.i or not upper.is_ancestor(lower):
        return False
    lex = load_lexicon()
    t, embedded = lower, False
    while t.i != upper.i:
        if t.dep_ != "conj":
            embedded = True
        t = t.head
        if t.i != upper.i and _is_report_verb(t, lex) and t.dep_ == "conj":
            # "X was encouraged but cautioned that there was a long way to go": a judgement
            # under its own verb of saying, coordinated with the other, stands beside it
            return False
    return embedded


def _in_relative_clause(token: Token) -> bool:
    for _ in range(50):
        if token.dep_ in ("relcl", "acl"):
            return True
        if token.head == token:
            return False
        token = token.head
    return False


# --------------------------------------------------------------------------- index

def _get(obj, name: str):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _negotiation_id(dossier) -> str:
    if dossier is None:
        return "all"
    if isinstance(dossier, str):
        return dossier
    for name in ("dossier_id", "id", "slug", "name"):
        value = _get(dossier, name)
        if value:
            return str(value)
    return "all"


def prospects_index(assessments: Iterable, articles: Iterable = (), dossier=None,
                    include_unresolved: bool = False) -> list[dict]:
    """Mood per negotiation and day: mean polarity over distinct holders, with counts.

    ``assessments`` and ``articles`` may be records or export-shaped dicts. A day is the
    article's published date (the assessment's own date when the article is not given).
    Each holder's assessments of a day are averaged first, so one talkative actor counts once.
    Holders the actor layer could not resolve ("officials") are left out unless
    ``include_unresolved``: the "officials" of two articles need not be the same people.
    """
    negotiation = _negotiation_id(dossier)
    published = {_get(a, "article_id"): _get(a, "published") for a in articles or ()}
    by_day: dict[str | None, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    counts: dict[str | None, int] = defaultdict(int)
    articles_of_day: dict[str | None, set] = defaultdict(set)
    for a in assessments:
        article_id = _get(a, "article_id")
        day = published.get(article_id) or _get(a, "date")
        holder = _get(a, "holder")
        key = None
        if holder is not None:
            key = _get(holder, "actor_id")
            if key is None and include_unresolved:
                key = (_get(holder, "text") or "").lower() or None
        if key is None:
            continue
        by_day[day][key].append(float(_get(a, "polarity")))
        counts[day] += 1
        articles_of_day[day].add(article_id)
    rows = []
    for day in sorted(by_day, key=lambda d: (d is None, d or "")):
        holders = {k: sum(v) / len(v) for k, v in by_day[day].items()}
        means = list(holders.values())
        rows.append({
            "negotiation": negotiation,
            "date": day,
            "polarity": round(sum(means) / len(means), 3),
            "holders": len(holders),
            "assessments": counts[day],
            "articles": len(articles_of_day[day]),
            "positive": sum(1 for m in means if m > 0),
            "negative": sum(1 for m in means if m < 0),
            "by_holder": {k: round(v, 3) for k, v in sorted(holders.items())},
        })
    return rows
