"""Quotes: who said what, to whom.

``extract_quotes(doc, actors)`` yields ``Quote`` records of three types:

- direct: words inside quotation marks (straight, curly, single, guillemets), attributed by a
  cue verb (or "according to X") before, after or in the next sentence, or by the named subject
  of a clause ending in a colon; split quotes ("...", he said, "...") and further quoted
  sentences of the same paragraph form one quote, whose span runs from the first quoted word to
  the last; a quote paragraph with no attribution of its own continues the previous paragraph's
  speaker (``continued=True``).
- indirect: a cue verb with a reported clause ("Iran has said it will refrain ..."), an object
  and preposition ("accuse Washington of ...", "warned Iran against ..."), an infinitive
  ("vowed to ..."), "according to X", and cue nouns ("Hamas's statement that ...").
- mixed: an indirect quote whose reported clause holds a quoted fragment.

The cue lexicon is ``kb/quote_cues.yaml``. Speakers are resolved through the actor layer
(``actors.ref_for_token``); a pronoun it leaves unresolved goes to the most recent compatible
speaker, the way a reader follows "he noted" back to the last person quoted.

Paragraph breaks are hard boundaries: the small English model often runs a sentence across a
headline or a line break, and attributions never cross one in news copy.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token

from accord.ingest.text import headline_end
from accord.kb.loader import load_kb, read_yaml
from accord.records import ActorRef, Quote, Span, record_id
from accord.nlp import children, columns, lefts, rights, sentences, subject_named_before, subtree, text_of, tokens

# Quotation marks by role. Straight marks and the single curly closer (also the apostrophe) are
# decided from context in ``find_segments``.
DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_SINGLE = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_SINGLE
# Characters after which a quotation starts a new unit of text (so it is not a fragment
# embedded in a clause): a quote opening a sentence, after a colon, a comma or a dash.
BOUNDARY_BEFORE = ".!?:;,—–-([" + DOUBLE_CLOSE + SINGLE_CLOSE + STRAIGHT_DOUBLE
SUBJECT_DEPS = ("nsubj", "csubj")
PERSON_PRONOUNS = {"he", "she", "him", "her"}
THING_PRONOUNS = {"it"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
GROUP_PRONOUNS = {"they", "them", "we", "i"}
# pronouns that stand for an earlier speaker ("another", "one" stand for one of a group just named)
SPEAKER_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
# Dependencies through which a cue inherits the subject of the verb it hangs from:
# "was quick to accuse", "went on to say", "was quoted as saying", "said ..., adding that".
INHERIT_DEPS = ("xcomp", "acomp", "conj", "advcl", "pcomp", "prep", "acl", "ccomp")


# ---------------------------------------------------------------------------------------------
# Lexicon


@dataclass(frozen=True)
class Lexicon:
    frames: dict[str, frozenset[str]]          # verb lemma -> frames
    preps: dict[str, frozenset[str]]           # verb lemma -> prepositions of obj_prep
    phrases: dict[str, list[tuple[str, ...]]]  # verb lemma -> alternative sets of required words
    needs_phrase: frozenset[str]
    passive_speakers: frozenset[str]
    call_particles: frozenset[str]
    nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    according: frozenset[str]
    medium_nouns: frozenset[str]
    outlet_preps: frozenset[str]
    outlet_nouns: frozenset[str]
    outlet_common: frozenset[str]
    audiences: frozenset[str]
    outlet_names: frozenset[str]
    outlet_final_words: frozenset[str]
    plural_pairs: dict[str, str] = field(default_factory=dict)     # "leaders" -> person
    refusals: frozenset[str] = frozenset()
    of_on_object: frozenset[str] = frozenset()
    quoted_verdicts: frozenset[str] = frozenset()
    charge_nouns: frozenset[str] = frozenset()
    proposition_nouns: frozenset[str] = frozenset()
    unquoted_verdicts: frozenset[str] = frozenset()
    carriers: frozenset[str] = frozenset()
    attribution_only: frozenset[str] = frozenset()

    def is_verb_cue(self, lemma: str) -> bool:
        return lemma in self.frames


@functools.cache
def lexicon() -> Lexicon:
    data = read_yaml(resources.files("accord.kb").joinpath("quote_cues.yaml"))
    frames: dict[str, set[str]] = {}
    preps: dict[str, set[str]] = {}
    for group in data["verbs"].values():
        for lemma in group["lemmas"]:
            frames.setdefault(lemma, set()).update(group["frames"])
            preps.setdefault(lemma, set()).update(group.get("preps", ()))
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for p in data["phrases"]:
        phrases.setdefault(p["verb"], []).append(tuple(str(w).lower() for w in p["with"]))
        frames.setdefault(p["verb"], set()).update(("ccomp", "direct"))
    low = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    return Lexicon(
        frames={k: frozenset(v) for k, v in frames.items()},
        preps={k: frozenset(v) for k, v in preps.items()},
        phrases=phrases,
        needs_phrase=low(data["needs_phrase"]),
        passive_speakers=low(data["passive_speakers"]),
        call_particles=low(data["call_particles"]),
        nouns=low(n for group in data["nouns"].values() for n in group),
        speaker_nouns=low(data["speaker_nouns"]),
        according=low(data["according"]),
        medium_nouns=low(data["medium_nouns"]),
        outlet_preps=low(data["outlet_preps"]),
        outlet_nouns=low(data["outlet_nouns"]),
        outlet_common=low(data["outlet_common"]),
        audiences=low(data["audiences"]),
        outlet_names=low(data["outlets"]["names"]),
        outlet_final_words=low(data["outlets"]["final_words"]),
        plural_pairs={str(k).lower(): str(v) for k, v in (data.get("plural_pairs") or {}).items()},
        refusals=low(data.get("refusals") or ()),
        of_on_object=low(data.get("of_on_object") or ()),
        quoted_verdicts=low(data.get("quoted_verdicts") or ()),
        charge_nouns=low(data.get("charge_nouns") or ()),
        proposition_nouns=low(data.get("proposition_nouns") or ()),
        unquoted_verdicts=low(data.get("unquoted_verdicts") or ()),
        carriers=low(data.get("carriers") or ()),
        attribution_only=low(data.get("attribution_only") or ()),
    )


# ---------------------------------------------------------------------------------------------
# Text layout: paragraphs and quotation segments (character level, verbatim text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line block; a line break ends a paragraph."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


@dataclass
class Segment:
    """Text between a pair of quotation marks (or from an unclosed mark to the paragraph end)."""
    open: int            # index of the opening mark
    close: int           # index of the closing mark (paragraph end when unclosed)
    start: int           # content span, trimmed
    end: int
    para: int
    closed: bool
    standalone: bool = False   # opens a unit of text (not a fragment inside a clause)


_MARK = re.compile("[" + re.escape("".join(sorted(ALL_MARKS))) + "]")


def _word_char(c: str) -> bool:
    return c.isalnum()


def find_segments(text: str, paras: list[tuple[int, int]]) -> list[Segment]:
    """Outermost quotations of each paragraph; never crosses a paragraph break.

    Nested quotations (single inside double) stay inside their outer segment. Odd marks are
    resolved from context: a mark after a space opens, a mark before a space closes; a stray
    closer with nothing open is ignored and an opener left open runs to the paragraph end, the
    convention for quotations that continue into the next paragraph.
    """
    segments: list[Segment] = []
    for p, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        open_kind = ""
        # only the marks matter: the regex finds them without a Python step per character
        for m in _MARK.finditer(text, ps, pe):
            i = m.start()
            c = text[i]
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if c in DOUBLE_OPEN and open_kind != "single":
                if open_at is not None:
                    # a new opener before the old one closed: the old one ran to here
                    _add(segments, text, open_at, i, p, False)
                open_at, open_kind = i, "double"
            elif c in DOUBLE_CLOSE or c == STRAIGHT_DOUBLE:
                if open_at is not None and open_kind == "double":
                    _add(segments, text, open_at, i, p, True)
                    open_at, open_kind = None, ""
                elif open_at is None and c == STRAIGHT_DOUBLE and not (_word_char(prev) and not _word_char(nxt)):
                    open_at, open_kind = i, "double"
                elif open_at is not None and open_kind == "single" and c == STRAIGHT_DOUBLE:
                    pass  # a double inside a single-quoted passage: nested, ignore
            elif c in SINGLE_OPEN or c in SINGLE_CLOSE or c == STRAIGHT_SINGLE:
                opens = not _word_char(prev) and _word_char(nxt) and c not in SINGLE_CLOSE
                closes = _word_char(prev) or prev in ".!?,;:" and not _word_char(nxt)
                closes = closes and not _word_char(nxt)
                if open_at is not None and open_kind == "single" and closes:
                    _add(segments, text, open_at, i, p, True)
                    open_at, open_kind = None, ""
                elif open_at is None and opens:
                    open_at, open_kind = i, "single"
        if open_at is not None:
            if open_kind == "double":
                _add(segments, text, open_at, pe, p, False)
            # an unclosed single mark is far more likely an apostrophe than a quotation
    return segments


def _add(segments: list[Segment], text: str, open_at: int, close_at: int, para: int, closed: bool) -> None:
    start, end = open_at + 1, close_at
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        segments.append(Segment(open_at, close_at, start, end, para, closed))


# ---------------------------------------------------------------------------------------------
# Candidates: quotes found, before speakers are resolved in text order


@dataclass
class Candidate:
    type: str
    start: int
    end: int
    cue: Token | None
    cue_span: Span | None
    speaker_heads: list[Token] = field(default_factory=list)
    speaker_ref: ActorRef | None = None      # given directly ("according to X")
    outlet: str | None = None
    para: int = 0
    continued: bool = False
    inherit: bool = False                     # take the speaker of the previous quote
    prev_para_speaker: bool = False           # ... of the previous paragraph (continuation)
    parts: list[tuple[int, int]] = field(default_factory=list)


class _Context:
    """Per-document state shared by the passes."""

    def __init__(self, doc: Doc, actors) -> None:
        self.doc = doc
        self.toks = tokens(doc)   # spaCy builds a new Token object on every access: built once
        self.tok_starts = [t.idx for t in self.toks]
        self.text = text_of(doc)
        self.actors = actors
        self.lex = lexicon()
        self.paras = paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paras]
        self.segments = find_segments(self.text, self.paras)
        self.seg_starts = [s.open for s in self.segments]
        for seg in self.segments:
            seg.standalone = self._is_standalone(seg)
        self.units = self._units()
        self.unit_starts = [u[0] for u in self.units]
        self._frames: dict[int, frozenset[str]] = {}
        self.affiliation_hints: dict[tuple[int, int], str] = {}   # speaker span -> side it speaks for

    # -- layout helpers
    def span_text(self, a: int, b: int) -> str:
        """``doc[a:b + 1].text``, cut from the text (Span.text builds every Token)."""
        if not 0 <= a <= b < len(self.toks):
            return self.doc[a:b + 1].text
        last = self.toks[b]
        return self.text[self.toks[a].idx:last.idx + len(last.text)]

    def span(self, a: int, b: int) -> Span:
        """The record Span of tokens a..b, as built from ``doc[a:b + 1]``."""
        if not 0 <= a <= b < len(self.toks):
            span = self.doc[a:b + 1]
            return Span(span.text, span.start_char, span.end_char)
        start, last = self.toks[a].idx, self.toks[b]
        end = last.idx + len(last.text)
        return Span(self.text[start:end], start, end)

    @functools.cached_property
    def token_paras(self) -> list[int]:
        """``para_of(tok.idx)`` of every token, in one walk (the content trimming asks it of
        every token of every candidate clause)."""
        out, p, starts = [], 0, self.para_starts
        for char in self.tok_starts:
            while p + 1 < len(starts) and starts[p + 1] <= char:
                p += 1
            out.append(p)
        return out

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def segment_at(self, char: int) -> Segment | None:
        """The segment whose marks enclose ``char`` (marks included)."""
        i = bisect.bisect_right(self.seg_starts, char) - 1
        if i >= 0:
            seg = self.segments[i]
            if seg.open <= char <= seg.close:
                return seg
        return None

    def in_quote(self, tok: Token) -> bool:
        seg = self.segment_at(tok.idx)
        return seg is not None and seg.open < tok.idx < seg.close

    def _is_standalone(self, seg: Segment) -> bool:
        ps, _ = self.paras[seg.para]
        i = seg.open - 1
        while i >= ps and self.text[i].isspace():
            i -= 1
        return i < ps or self.text[i] in BOUNDARY_BEFORE

    def _units(self) -> list[tuple[int, int]]:
        """Sentence units (token ranges) split at paragraph breaks."""
        # the tokens whose text or trailing space holds a line break, found from the text's
        # line breaks (the Doc's text is its tokens' text_with_ws, end to end)
        breaks, text, starts = set(), self.text, self.tok_starts
        at = text.find("\n")
        while at != -1:
            breaks.add(bisect.bisect_right(starts, at) - 1)
            at = text.find("\n", at + 1)
        breaks = sorted(breaks)
        units = []
        for sent in sentences(self.doc):
            start = sent.start
            for k in breaks[bisect.bisect_left(breaks, sent.start):bisect.bisect_left(breaks, sent.end - 1)]:
                units.append((start, k + 1))
                start = k + 1
            units.append((start, sent.end))
        return [(a, b) for a, b in units if any(not self.toks[i].is_space for i in range(a, b))]

    def unit_of(self, tok_i: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.unit_starts, tok_i) - 1
        return self.units[max(0, i)]

    def tokens_between(self, start_char: int, end_char: int) -> list[Token]:
        if end_char <= start_char:
            return []
        a = bisect.bisect_left(self.tok_starts, start_char)
        b = bisect.bisect_left(self.tok_starts, end_char)
        return self.toks[a:b]

    def token_at(self, char: int) -> Token | None:
        """The token covering character ``char`` (None past the end)."""
        i = bisect.bisect_right(self.tok_starts, char) - 1
        if 0 <= i < len(self.toks) and char < self.toks[i].idx + len(self.toks[i].text):
            return self.toks[i]
        return None

    # -- cue tests
    def cue_frames(self, tok: Token) -> frozenset[str]:
        """Frames a token can head as a cue, or empty when it is not a cue here."""
        if tok.i not in self._frames:
            self._frames[tok.i] = self._cue_frames(tok)
        return self._frames[tok.i]

    def _cue_frames(self, tok: Token) -> frozenset[str]:
        lex = self.lex
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in lex.frames:
            return frozenset()
        if lemma in lex.needs_phrase and not self.phrase_tokens(tok):
            return frozenset()
        if any((c.dep_ == "neg" or c.lower_ in ("never", "not")) and not (c.i < tok.i and self.in_quote(c))
               for c in children(tok)):
            # "has not said whether", "never confirmed": nothing was said ('... It does not,"
            # Mandela told the ceremony': a quoted "not" the parser hung on the cue is no denial)
            return frozenset()
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lex.refusals:
            return frozenset()   # "declined to say when ...": nothing was said
        if tok.tag_ == "VBN" and tok.dep_ == "advcl" and lemma not in lex.passive_speakers \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(tok)):
            return frozenset()   # "Asked whether ..., she said": the question is put to the speaker
        if lemma == "call" and not any(c.dep_ in ("prt", "prep") and c.lower_ in lex.call_particles
                                       for c in children(tok)):
            # "called the ruling "an interference"" names a verdict; "called for talks" is no quote
            return lex.frames[lemma] & {"obj_pred"}
        return lex.frames[lemma]

    def phrase_tokens(self, tok: Token) -> list[Token]:
        """The required dependants of a multiword cue ("made it clear", "pointed out")."""
        for words in self.lex.phrases.get(tok.lemma_.lower(), ()):
            found = [next((t for t in subtree(tok) if t.lower_ == word and t.i != tok.i
                           and abs(t.i - tok.i) <= 4), None) for word in words]
            if all(t is not None for t in found):
                return found
        return []


# ---------------------------------------------------------------------------------------------
# Speakers


def _subjects_of(tok: Token) -> list[Token]:
    deps = SUBJECT_DEPS + ("nsubjpass",) if tok.lemma_.lower() in lexicon().passive_speakers else SUBJECT_DEPS
    # a capitalised subject the tagger reads as another part of speech is a name ("Dagalo, widely
    # known as Hemedti, has denied ...")
    return [c for c in children(tok) if c.dep_ in deps and (c.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X")
                                                             or c.is_title and c.pos_ in ("ADV", "ADJ", "INTJ", "VERB"))]


def _conjuncts(head: Token) -> list[Token]:
    out = [head]
    for c in children(head):
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_conjuncts(c))
    return out


def speaker_heads(ctx: _Context, cue: Token) -> list[Token]:
    """Subject heads of a cue (one per coordinated subject), inheriting through xcomp/conj/... ."""
    tok = cue
    para = ctx.para_of(cue.idx)
    quoted = _quoted_speaker(cue)
    if quoted is not None:
        return [quoted]
    for _ in range(4):
        subj = [s for s in _subjects_of(tok) if ctx.para_of(s.idx) == para]
        if subj and subj[0].lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            subj = [tok.head]   # "Hamas, which said ...": the antecedent speaks
        if subj:
            return [t for s in subj for t in _conjuncts(s) if not ctx.in_quote(t)]
        # "Hamas's statement saying ...", "Hamas issued a statement saying ...": the noun's
        # possessor, or the subject of the verb that issued it
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head
            if noun.dep_ == "ROOT" and noun.lemma_.lower() not in ctx.lex.nouns and (
                    noun.lower_ in ctx.lex.speaker_nouns or noun.lemma_.lower() in ctx.lex.speaker_nouns):
                # "Kosovo's foreign minister, X, called on ...": a sentence the parser left verbless
                return [noun]
            poss = [c for c in children(noun) if c.dep_ == "poss"]
            if poss:
                return poss
            if noun.dep_ in ("dobj", "pobj") and noun.head.i != noun.i:
                tok = noun.head if noun.dep_ == "dobj" else noun.head.head
                continue
        if tok.dep_ not in INHERIT_DEPS or tok.head.i == tok.i:
            break
        # a reported clause does not lend its subject to the verb reporting it, except to a
        # participle the parser hung inside it ("..., saying ...")
        if tok.dep_ == "ccomp" and (tok.i != cue.i or cue.tag_ != "VBG"):
            break
        if tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and ctx.cue_frames(tok.head.head):
            # "X said the deal was close and added that ...": a misattached speech verb
            tok = tok.head.head
            continue
        if tok.i == cue.i and _trailing_participle(tok):
            # "Tehran suspended cooperation after Israel bombed its sites, accusing the agency ...":
            # a participle after a comma tells what the main clause's subject did, wherever the
            # parser hung it
            main = _main_clause_verb(tok)
            if main is None and tok.head.dep_ == "ccomp" and ctx.cue_frames(tok.head.head):
                # "X said the talks went well, stressing that ...": hung on the reported clause,
                # the participle is the reporter's second act
                main = tok.head.head
            if main is not None and (any(_is_valid_speaker(ctx, h, _actor_for(ctx, h)) for h in _subjects_of(main))
                                     or not _subjects_of(tok.head)):
                # ... unless that subject cannot speak: "the breakthrough came after Annan suspended
                # the talks, saying ...": the participle's host clause is the speaker's
                tok = main
                continue
        reporter = _reporting_verb(ctx, tok) if tok.i == cue.i and tok.dep_ == "conj" else None
        if reporter is not None:
            # "He told reporters that Serbia was refusing to sign ... and accused Vucic of ...":
            # a speech verb the parser joined to a verb deep inside another cue's clause
            tok = reporter
            continue
        tok = tok.head
    return _window_subjects(ctx, cue)


def _trailing_participle(tok: Token) -> bool:
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in children(tok)):
        return False
    marks = [c for c in children(tok) if c.dep_ == "mark"]
    # ("..., while stressing that ...": what the speaker did as well, after the comma and "while")
    if marks and (len(marks) > 1 or marks[0].lower_ != "while" or marks[0].i != tok.i - 1):
        return False
    first = marks[0].i if marks else tok.i
    return first > 0 and tok.doc[first - 1].text == ","


def _main_clause_verb(tok: Token) -> Token | None:
    """The verb of the clause a participle's host is subordinate to ("after Israel bombed ...",
    "suggestions that Washington had abandoned ..."), if its host is subordinate at all."""
    host = tok.head
    if host.dep_ == "advcl" and any(c.dep_ == "mark" for c in children(host)):
        return host.head
    if host.dep_ == "acl" and host.head.dep_ in ("dobj", "pobj"):
        noun = host.head
        return noun.head if noun.dep_ == "dobj" else noun.head.head
    return None


def _reporting_verb(ctx: _Context, tok: Token) -> Token | None:
    """The cue whose reported clause holds the verb a conjoined cue hangs from, if any."""
    head = tok.head
    for _ in range(6):
        if head.dep_ == "ccomp" and ctx.cue_frames(head.head):
            return head.head
        # (or hangs from a verb inside a noun of that clause: "said the deal threw away a chance
        # to crush Hezbollah and called it a serious mistake")
        if head.dep_ not in ("xcomp", "conj", "acl", "dobj") or head.head.i == head.i:
            return None
        head = head.head
    return None


def _quoting_verb(cue: Token) -> Token | None:
    """The verb of "Reuters quoted X as saying ...", seen from "saying"."""
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_.lower() in lexicon().passive_speakers:
        return cue.head.head
    return None


def _quoted_speaker(cue: Token) -> Token | None:
    verb = _quoting_verb(cue)
    if verb is None:
        return None
    return next((c for c in children(verb) if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _window_subjects(ctx: _Context, cue: Token) -> list[Token]:
    """Fallback for a broken parse: the noun phrase(s) right before the cue in its clause."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "expl") for c in children(cue)):
        return []   # "it should be noted that ...": a passive has no speaker to find
    ua, _ = ctx.unit_of(cue.i)
    window: list[Token] = []
    i = cue.i - 1
    while i >= ua:
        t = ctx.toks[i]
        if t.text in (",", ";", ":", "(", ")") or t.is_quote or t.pos_ in ("VERB", "SCONJ", "ADP"):
            break
        window.append(t)
        i -= 1
    window.reverse()
    idx = {t.i for t in window}
    heads = [t for t in window if t.pos_ in ("NOUN", "PROPN", "PRON")
             and t.dep_ not in ("compound", "poss", "amod", "nmod", "det", "expl")
             and t.lower_ not in ("it", "there")
             and (t.head.i not in idx or t.dep_ == "conj")]
    return heads


def _np_right(tok: Token) -> int:
    """Last token of a phrase without its clauses, appositions and parentheticals."""
    right = tok.i
    for c in rights(tok):
        if c.dep_ in ("relcl", "acl", "appos", "punct", "advcl", "conj", "cc", "parataxis"):
            break
        right = max(right, _np_right(c))
    return right


def _named_appos(head: Token) -> Token | None:
    """The name right after a title ("President Masoud Pezeshkian" parsed as title + apposition)."""
    for c in rights(head):
        if c.dep_ == "appos" and c.pos_ == "PROPN" and all(not t.is_punct for t in head.doc[head.i + 1:c.i]):
            return c
    return None


def speaker_span(ctx: _Context, head: Token) -> tuple[int, int]:
    """Character span of the full speaker mention: "senior Hamas official Osama Hamdan",
    "a spokesperson for Hamas", "the Palestinian side" (no conjuncts, appositions, clauses)."""
    lex = ctx.lex
    keep_left = [c for c in lefts(head) if c.dep_ not in ("cc", "preconj", "punct", "conj", "appos", "advmod")]
    left = min([t.i for c in keep_left for t in subtree(c)] + [head.i])
    right = head.i
    named = _named_appos(head)
    if named is not None:
        right = named.i
    if head.lower_ in lex.speaker_nouns or head.lemma_.lower() in lex.speaker_nouns:
        for c in rights(head):
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "with", "at", "in", "to", "close"):
                right = max(right, _np_right(c))
            elif c.dep_ in ("amod", "compound", "nummod") and c.i == right + 1:
                right = max(right, _np_right(c))
            else:
                break
    # a dateline ("WASHINGTON, May 2 - US Secretary of State ...") is not part of the speaker:
    # cut at a spaced dash or a colon before the head (unspaced "el-Sisi" stays whole)
    for k in range(head.i - 1, left - 1, -1):
        tok = ctx.toks[k]
        if tok.text == ":" or (tok.text in ("-", "–", "—", "--") and tok.whitespace_
                               and k > 0 and ctx.toks[k - 1].whitespace_):
            left = k + 1
            break
    # keep the mention inside one paragraph
    p = ctx.para_of(head.idx)
    while left < head.i and ctx.para_of(ctx.toks[left].idx) != p:
        left += 1
    while right > head.i and ctx.para_of(ctx.toks[right].idx) != p:
        right -= 1
    while right > head.i and (ctx.toks[right].is_punct or ctx.toks[right].is_space):
        right -= 1
    while left < head.i and (ctx.toks[left].is_punct or ctx.toks[left].is_space or ctx.in_quote(ctx.toks[left])):
        left += 1
    return ctx.toks[left].idx, ctx.toks[right].idx + len(ctx.toks[right].text)


def _actor_for(ctx: _Context, head: Token) -> str | None:
    """Actor of a speaker head: the actor layer first, then the actor it is a spokesman for
    or qualified by ("a spokesperson for Hamas", "Israeli officials")."""
    named = _named_appos(head)
    # "a spokeswoman for Pashinyan, Nazeli Baghdasaryan, said": the named person speaks
    named = named or next((c for c in rights(head) if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    # "His successor, Boutros Boutros-Ghali, who took office ...": a name the actor layer knows
    named = named or _appos_name(ctx, head)
    if named is None and (head.lower_ in ctx.lex.speaker_nouns or head.lemma_.lower() in ctx.lex.speaker_nouns):
        # the parser often hangs that name on the organisation: "a spokesman for Hamas, Hazem Qassem,"
        named = next((a for c in rights(head) if c.dep_ == "prep" for o in children(c) if o.dep_ == "pobj"
                      for a in rights(o) if a.dep_ == "appos" and a.ent_type_ == "PERSON"), None)
    for t in ((named, head) if named is not None else (head,)):
        ref = ctx.actors.ref_for_token(t)
        if ref is not None and ref.actor_id:
            return ref.actor_id
    if head.pos_ == "PRON":
        return None
    related = [t for c in rights(head) if c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "with", "at", "in")
               for t in children(c) if t.dep_ == "pobj"]
    # "sources close to Hamas", "officials familiar with Israel's position"
    related += [t for c in rights(head) if c.dep_ == "amod" for p in children(c) if p.dep_ == "prep"
                for t in children(p) if t.dep_ == "pobj"]
    related += [c for c in lefts(head) if c.dep_ in ("compound", "amod", "poss", "nmod")]
    for t in related:
        ref = ctx.actors.ref_for_token(t)
        if ref is not None and ref.actor_id:
            return ref.actor_id
    m = ctx.actors.mention_at(head.idx, head.idx + len(head.text))
    return m.actor_id if m is not None else None


def _appos_name(ctx: _Context, head: Token) -> Token | None:
    """A proper name set off by commas after a common noun, naming an actor the actor layer knows
    ("His successor, Boutros Boutros-Ghali,", "Spain's largest victims' group, the Association of
    Victims of Terrorism,")."""
    if head.pos_ != "NOUN":
        return None
    for c in rights(head):
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            ref = ctx.actors.ref_for_token(c)
            actor = ctx.actors.actors.get(ref.actor_id) if ref is not None and ref.actor_id else None
            if actor is not None and (actor.kind == "person" or actor.kind in ("organisation", "group")
                                      and not actor.is_outlet):
                return c
    return None


def _is_valid_speaker(ctx: _Context, head: Token, actor_id: str | None) -> bool:
    if head.pos_ == "PRON":
        return head.lower_ not in ("this", "that", "which", "what", "there", "who", "these", "those")
    if actor_id and (head.pos_ == "PROPN" or head.ent_type_):
        return True
    if actor_id and _appos_name(ctx, head) is not None:
        return True   # "His successor, Boutros Boutros-Ghali, said"
    if actor_id and head.is_title and (m := ctx.actors.mention_at(head.idx, head.idx + len(head.text))) is not None \
            and m.via == "surname":
        return True   # a surname the tagger read as a common noun ("Dirir told Reuters")
    if actor_id and head.lower_ in load_kb().words.get("quantifier_speakers", ()) \
            and ctx.actors.mention_at(head.idx, head.idx + len(head.text)) is not None:
        return True   # "Western diplomats were sceptical. Others said ...": the actor layer's "some of them"
    # a common noun speaks only when it names people or a body ("officials", "the ministry"),
    # not when an actor merely qualifies it ("their pressure pushed ...")
    word = head.lower_
    return (word in ctx.lex.speaker_nouns or head.lemma_.lower() in ctx.lex.speaker_nouns
            or head.lemma_.lower() in ctx.lex.nouns or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            or word in _title_words())


@functools.cache
def _title_words() -> frozenset[str]:
    """The head word of every title the actor KB knows ("chairman", "mayor", "governor"): a
    person's title speaks as the person does."""
    return frozenset(phrase.split()[-1] for phrase in load_kb().titles)


# ---------------------------------------------------------------------------------------------
# Outlets


def _np_text(ctx: _Context, tok: Token) -> str:
    toks = [t for t in subtree(tok) if t.dep_ not in ("prep", "relcl", "acl", "appos", "punct", "case")
            and (t.head == tok or t == tok or t.head.head == tok) and t.i <= tok.i]
    toks = [t for t in toks if not (t.dep_ == "det" and t.i == min(x.i for x in toks))]
    if not toks:
        return tok.text
    a, b = min(t.i for t in toks), tok.i
    return ctx.span_text(a, b)


def _np_full(ctx: _Context, tok: Token) -> str:
    left = min(t.i for t in subtree(tok) if t.i <= tok.i and t.dep_ not in ("det", "punct"))
    return ctx.span_text(left, tok.i)


def _outlet_name(ctx: _Context, tok: Token, known_only: bool) -> str | None:
    lex = ctx.lex
    if tok.lower_ in lex.audiences or tok.lemma_.lower() in lex.audiences:
        return None
    name = _np_text(ctx, tok)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.outlet_common:
        # "Al Masirah television" -> Al Masirah; "Iranian state television" stays as it is
        # (the tagger may read an acronym name as an adjective: "the IRNA news agency")
        names = [c for c in lefts(tok) if c.dep_ in ("compound", "amod") and (
            c.pos_ == "PROPN" or c.ent_type_ == "ORG" and c.is_upper)]
        m0 = ctx.actors.mention_at(names[0].idx, names[-1].idx + len(names[-1].text)) if names else None
        kind = getattr(ctx.actors.actors.get(m0.actor_id), "kind", None) if m0 is not None else None
        if names and kind not in ("state", "group"):
            # (the name's own words: "Al" of "Al Masirah", not what the parser hangs on it)
            lo, held = names[0].i, {n.i for n in names}
            while lo > 0 and ctx.toks[lo - 1].pos_ == "PROPN" and ctx.toks[lo - 1].dep_ == "compound" \
                    and ctx.toks[lo - 1].head.i in held:
                lo -= 1
            return ctx.span_text(lo, names[-1].i)
    if tok.pos_ == "PROPN" and tok.lemma_.lower() not in lex.outlet_common:
        # "state broadcaster RTS" -> RTS: the name without the common nouns describing it
        words = name.split()
        while len(words) > 1 and words[0].islower():
            words.pop(0)
        name = " ".join(words)
    m = ctx.actors.mention_at(tok.idx, tok.idx + len(tok.text))
    actor = ctx.actors.actors.get(m.actor_id) if m is not None else None
    if actor is not None and getattr(actor, "is_outlet", False):
        return name
    low = name.lower()
    if low in lex.outlet_names or low.removeprefix("the ") in lex.outlet_names:
        return name
    if tok.pos_ == "PROPN" and tok.lower_ in lex.outlet_final_words or tok.lemma_.lower() in lex.outlet_common:
        return name
    if not known_only and tok.pos_ in ("PROPN", "NOUN") and (tok.pos_ == "PROPN" or tok.ent_type_):
        return name
    return None


def _carried_by(ctx: _Context, noun: Token) -> str | None:
    """The medium of "remarks carried by X", "comments published by X", "an interview aired by X"."""
    for acl in children(noun):
        if acl.dep_ == "acl" and acl.lemma_.lower() in ctx.lex.carriers:
            for agent in children(acl):
                if agent.dep_ == "agent" or agent.dep_ == "prep" and agent.lower_ == "by":
                    for o in children(agent):
                        if o.dep_ == "pobj" and (name := _outlet_name(ctx, o, known_only=False)):
                            return name
    return None


def find_outlet(ctx: _Context, cue: Token) -> str | None:
    """The medium the words were said to: "told Reuters", "in an interview with Al Jazeera"."""
    lex = ctx.lex
    verb = _quoting_verb(cue)
    if verb is not None and _quoted_speaker(cue) is not None:
        # the medium is the subject of "quoted": "Iranian state media quoted Araghchi as saying"
        # ("The official news agency JANA quoted": the parser may make the name a subject too;
        # the subject nearest the verb, not a dateline's place the parser made one)
        for c in sorted(children(verb), key=lambda c: abs(verb.i - c.i)):
            if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN"):
                # ("the Interfax news agency", "Iran's IRNA news agency": the agency's name)
                return _outlet_name(ctx, c, known_only=True) or _np_full(ctx, c)
    interview = False
    for c in children(cue):
        if c.dep_ == "prep" and c.lower_ in lex.outlet_preps:
            for pobj in (t for t in children(c) if t.dep_ == "pobj"):
                if pobj.lemma_.lower() in lex.outlet_nouns:
                    interview = True
                    # "in an interview with Al Jazeera", "in a CNN interview", "in an op-ed for X"
                    for p2 in children(pobj):
                        if p2.dep_ == "prep" and p2.lower_ in ("with", "to", "on", "for", "in"):
                            for o in children(p2):
                                if o.dep_ == "pobj" and (name := _outlet_name(ctx, o, known_only=False)):
                                    return name
                        # "a CNN interview" names the outlet, "a television interview" does not
                        if p2.dep_ in ("compound", "poss") and p2.pos_ == "PROPN" and (
                                name := _outlet_name(ctx, p2, known_only=False)):
                            return name
                elif (name := _outlet_name(ctx, pobj, known_only=True)):
                    return name  # "said on CNN", "wrote in the Guardian", "speaking to the BBC"
                elif (name := _carried_by(ctx, pobj)):
                    return name  # "in remarks carried by the Omani News Agency"
    for c in children(cue):
        if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ in ("PROPN", "NOUN"):
            name = _outlet_name(ctx, c, known_only=not interview)
            if name:
                return name
    # "..., speaking to Reuters" hangs off the cue as a participle, or off its subject ("Vucic,
    # speaking to state broadcaster RTS, said"), or off the verb a conjoined cue shares
    # ("Speaking on state television, he warned ... and claimed ...")
    hosts = list(children(cue)) + [c for s in children(cue) if s.dep_ in ("nsubj", "nsubjpass") for c in children(s)]
    if cue.dep_ == "conj" and cue.head.i < cue.i:
        hosts += list(children(cue.head))
    for c in hosts:
        if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_ in ("speak", "talk") and c.i != cue.i:
            out = find_outlet(ctx, c)
            if out:
                return out
    return None


def cue_span(ctx: _Context, cue: Token) -> Span:
    """The cue verb, widened to its phrase ("made it clear", "said in a statement")."""
    lo = hi = cue.i
    for t in ctx.phrase_tokens(cue):
        lo, hi = min(lo, t.i), max(hi, t.i)
    for c in rights(cue):
        if c.dep_ == "prep" and c.lower_ == "in" and c.i <= hi + 3:
            pobj = next((t for t in children(c) if t.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in ctx.lex.medium_nouns and not any(
                    t.dep_ == "prep" for t in children(pobj)):
                hi = max(hi, pobj.i)
    return ctx.span(lo, hi)


# ---------------------------------------------------------------------------------------------
# Direct quotes


def _attribution_in(ctx: _Context, toks: list[Token], seg: Segment, before: bool) -> Token | None:
    """A cue in an attribution stretch whose own content (if any) is the quotation itself."""
    cues = [t for t in toks if not ctx.in_quote(t) and ("direct" in ctx.cue_frames(t)
                                                         or according_source(ctx, t) is not None)]
    if before:
        cues.reverse()
    for cue in cues[:2]:
        if according_source(ctx, cue) is not None:
            return cue   # '"...", according to a Hamas statement'
        own = [c for c in children(cue) if c.dep_ == "ccomp" and not ctx.in_quote(c)
               and not (seg.open <= c.idx <= seg.close)]
        if own:
            # the verb reports a clause of its own: it is an indirect quote, not this one's cue
            continue
        if speaker_heads(ctx, cue):
            return cue
    return None


def _own_attribution(ctx: _Context, seg: Segment, prev_close: int) -> Token | None:
    doc, text = ctx.doc, ctx.text
    ps, pe = ctx.paras[seg.para]
    nxt = next((s.open for s in ctx.segments if s.open > seg.close and s.para == seg.para), pe)
    # after: up to the end of the sentence unit holding the closing mark, or the next quotation
    close_tok = ctx.token_at(seg.close) if seg.closed else None
    if close_tok is not None:
        ua, ub = ctx.unit_of(close_tok.i)
        end_char = min(nxt, ctx.toks[ub - 1].idx + len(ctx.toks[ub - 1].text) if ub > ua else pe)
        # a closing mark ending its own sentence ("... time.”) may be split off by the parser
        if end_char <= seg.close + 1 and ub < len(doc):
            nb = ctx.unit_of(ub)[1]
            end_char = min(nxt, ctx.toks[nb - 1].idx + len(ctx.toks[nb - 1].text))
        after = ctx.tokens_between(seg.close + 1, end_char)
        after = [t for t in after if ctx.para_of(t.idx) == seg.para][:14]
        cue = _attribution_in(ctx, after, seg, before=False)
        if cue is not None:
            return cue
    # before: from the start of the opening mark's sentence unit (or the previous quotation)
    open_tok = ctx.token_at(seg.open)
    if open_tok is not None:
        ua, _ = ctx.unit_of(open_tok.i)
        start_char = max(ctx.toks[ua].idx, prev_close + 1, ps)
        before = ctx.tokens_between(start_char, seg.open)
        if before:
            cue = _attribution_in(ctx, before, seg, before=True)
            if cue is not None:
                return cue
        elif seg.open <= ps + 1 and seg.para > 0:
            # "Hamdan told Reuters:" closing the previous paragraph
            pps, ppe = ctx.paras[seg.para - 1]
            if text[pps:ppe].rstrip().endswith(":"):
                toks = ctx.tokens_between(pps, ppe)
                if not any(ctx.in_quote(t) for t in toks[-3:]):
                    cue = _attribution_in(ctx, toks, seg, before=True)
                    if cue is not None:
                        return cue
    return None


def _next_sentence_attribution(ctx: _Context, seg: Segment) -> Token | None:
    """'"...". That was how X put it.': a short next sentence with a content-less cue."""
    pe = ctx.paras[seg.para][1]
    toks = ctx.tokens_between(seg.close + 1, pe)
    toks = [t for t in toks if not t.is_space]
    if not toks or any(ctx.in_quote(t) or t.is_quote for t in toks):
        return None
    ua, ub = ctx.unit_of(toks[0].i)
    if toks[0].is_punct and ub - ua <= 2 and ub < len(ctx.doc):
        ua, ub = ctx.unit_of(ub)
    unit = [t for t in ctx.toks[ua:ub] if ctx.para_of(t.idx) == seg.para]
    # short, not counting the speaker's apposition ("X, the M23 official who signed, spoke ...")
    aside = {d.i for t in unit if t.dep_ in ("appos", "relcl") for d in subtree(t)}
    if not unit or len([t for t in unit if t.i not in aside]) > 16:
        return None
    for t in unit:
        frames = ctx.cue_frames(t)
        if t.pos_ == "VERB" and t.lemma_.lower() in ctx.lex.attribution_only:
            frames = frozenset(("direct",))   # '"...". Mbonimpa spoke to journalists after the ceremony.'
        if frames and "direct" in frames and not any(c.dep_ == "ccomp" for c in children(t)):
            if speaker_heads(ctx, t):
                return t
    return None


def _colon_speaker(ctx: _Context, seg: Segment) -> Token | None:
    """The named subject of a clause introducing a quotation with a colon ('Hamdan was blunt:')."""
    ps, _ = ctx.paras[seg.para]
    if not ctx.text[ps:seg.open].rstrip().endswith(":"):
        return None
    colon = ctx.token_at(ctx.text.rindex(":", ps, seg.open))
    if colon is None:
        return None
    ua, _ = ctx.unit_of(colon.i)
    for t in ctx.toks[ua:colon.i]:
        if t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN" and not ctx.in_quote(t):
            ref = ctx.actors.ref_for_token(t)
            if ref is not None and ref.actor_id:
                return t
    return None


def direct_candidates(ctx: _Context) -> tuple[list[Candidate], set[int]]:
    """Direct quotes, grouped per paragraph; also the cue tokens used as their attribution."""
    out: list[Candidate] = []
    used: set[int] = set()
    by_para: dict[int, list[Segment]] = {}
    for seg in ctx.segments:
        if seg.standalone:
            by_para.setdefault(seg.para, []).append(seg)
    for para, segs in sorted(by_para.items()):
        groups: list[tuple[Token | None, list[Segment]]] = []
        prev_close = -1
        for seg in segs:
            cue = _own_attribution(ctx, seg, prev_close)
            words = len(ctx.text[seg.start:seg.end].split())
            ps, _ = ctx.paras[seg.para]
            before = ctx.text[ps:seg.open].rstrip()
            sentence_start = not before or before[-1] in ".!?" + DOUBLE_CLOSE + STRAIGHT_DOUBLE
            if cue is None and words < 4 and not sentence_start:
                prev_close = seg.close
                continue  # a short quoted phrase after a comma is a fragment, not a quotation
            if groups and (cue is None or groups[-1][0] is not None and groups[-1][0].i == cue.i):
                groups[-1][1].append(seg)
            elif groups and groups[-1][0] is None and cue is not None:
                groups[-1] = (cue, groups[-1][1] + [seg])   # "“A.” “B,” he said."
            else:
                groups.append((cue, [seg]))
            prev_close = seg.close
        for cue, group in groups:
            first, last = group[0], group[-1]
            cand = Candidate("direct", first.start, last.end, cue, None, para=para,
                             parts=[(s.start, s.end) for s in group])
            if cue is None:
                cue = _next_sentence_attribution(ctx, last)
            according = according_source(ctx, cue) if cue is not None else None
            if according is not None:
                used.add(cue.i)
                cand.cue, cand.cue_span, cand.speaker_heads = cue, according[1], [according[0]]
            elif cue is not None:
                used.add(cue.i)
                cand.cue = cue
                cand.cue_span = cue_span(ctx, cue)
                cand.speaker_heads = speaker_heads(ctx, cue)
                cand.outlet = find_outlet(ctx, cue)
            elif (lead := _colon_speaker(ctx, first)) is not None:
                cand.speaker_heads = [lead]   # 'Hamdan was blunt: "..."' (no cue verb)
            else:
                cand.inherit = True
                cand.prev_para_speaker = ctx.text[ctx.paras[para][0]:first.open].strip() == ""
            out.append(cand)
    return out, used


# ---------------------------------------------------------------------------------------------
# Indirect and mixed quotes


DASHES = ("—", "–", "-", "--")


def _strip_dateline(toks: list[Token]) -> list[Token]:
    """Drop a wire dateline the parser folded into the first clause ("ROME, April 19 (X) — ...")."""
    if toks and toks[0].text.isupper() and len(toks[0].text) > 2:
        for k, t in enumerate(toks[:16]):
            # (a dateline's dash stands apart; "PNG's ... two-thirds" has none)
            if t.text in DASHES and t.whitespace_ and k > 0 and toks[k - 1].whitespace_:
                return toks[k + 1:]
    return toks


def _trim(ctx: _Context, toks: list[Token], para: int) -> tuple[int, int] | None:
    """Token range of content: one paragraph, no leading 'that' or punctuation, balanced marks."""
    paras = ctx.token_paras
    toks = sorted((t for t in toks if paras[t.i] == para and not t.is_space), key=lambda t: t.i)
    toks = _strip_dateline(toks)
    # (an "if" opening a condition inside the content stays: "If talks fail, he warned, ...")
    while toks and (toks[0].is_punct and not toks[0].is_quote or toks[0].dep_ in ("mark", "cc")
                    and toks[0].lower_ in ("that", "and", "but", "whether", "if")
                    and not (toks[0].lower_ == "if" and toks[0].head.dep_ == "advcl") or toks[0].is_quote
                    and ctx.segment_at(toks[0].idx) is None):
        toks.pop(0)
    while toks and (toks[-1].is_punct and not toks[-1].is_quote or toks[-1].dep_ == "cc"):
        toks.pop()
    if toks and toks[-1].is_quote and sum(t.is_quote for t in toks) % 2:
        seg = ctx.segment_at(toks[-1].idx)
        if seg is None or seg.open < toks[0].idx:
            toks.pop()
    while toks and toks[-1].is_punct and not toks[-1].is_quote:
        toks.pop()
    if not toks:
        return None
    return toks[0].i, toks[-1].i


def _content_tokens(head: Token, exclude: set[int]) -> list[Token]:
    """Subtree of a content head, without dependants that carry their own attributed quote
    ("..., while Hamas has insisted that ...")."""
    out = []
    skip: set[int] = set()
    for c in subtree(head):
        if c.i != head.i and c.dep_ in ("advcl", "conj", "parataxis") and c.i in exclude:
            # "... refusing to sign the deal and accused X of ...": a conjoined cue deeper down
            skip.update(t.i for t in subtree(c))
            skip.update(x.i for x in children(c.head) if x.dep_ == "cc" and x.i < c.i)
    for c in children(head):
        if c.dep_ in ("advcl", "conj", "parataxis") and any(t.i in exclude for t in subtree(c)):
            skip.update(t.i for t in subtree(c))
            # drop the conjunction or comma introducing the skipped branch
            last_word = max((x.i for x in children(head) if x.i < c.i and x.dep_ not in ("cc", "punct")),
                            default=head.i)
            skip.update(x.i for x in children(head) if x.dep_ in ("cc", "punct") and last_word < x.i < c.i)
    for t in subtree(head):
        if t.i not in skip:
            out.append(t)
    return out


def _content(ctx: _Context, cue: Token, frames: frozenset[str], nested_cues: set[int]) -> tuple[int, int, str] | None:
    """Token range and frame of what a cue reports."""
    para = ctx.para_of(cue.idx)
    lemma = cue.lemma_.lower()
    kids = list(children(cue))
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i < cue.i and c.lemma_.lower() in ctx.lex.charge_nouns
           for c in kids) and any(c.dep_ == "ccomp" and c.i < cue.i for c in kids):
        # "GAM accused the army of ..., a charge the military denied": the charge is what is
        # denied; the clause before it is another's words, misread as the denial's content
        return None
    obj = next((c for c in kids if c.dep_ in ("dobj", "dative") and not ctx.in_quote(c)), None)
    order = ("obj_prep", "obj_xcomp", "obj_pred", "ccomp", "xcomp", "gerund", "prep")
    for frame in order:
        if frame not in frames:
            continue
        if frame == "obj_prep" and obj is not None:
            prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ctx.lex.preps.get(lemma, ())
                         and c.i > obj.i), None)
            # "accused Cambodian troops of launching ...": the parser often hangs "of" on the object
            # ("of" only with a gerund: "warned residents of the area" is a noun phrase)
            # ("accused fighters loyal to the tribal leader X of attacking": or deeper in the object)
            prep = prep or next((c for c in subtree(obj) if c.i > obj.i and c.dep_ == "prep"
                                 and c.lower_ in ctx.lex.preps.get(lemma, ())
                                 and (c.lower_ != "of" or lemma in ctx.lex.of_on_object
                                      or c.i + 1 < len(ctx.toks) and ctx.toks[c.i + 1].tag_ == "VBG")),
                                None)
            if prep is not None and prep.lower_ == "as" and lemma in ctx.lex.quoted_verdicts \
                    and not any(ctx.in_quote(t) for t in subtree(prep)):
                prep = None   # "rejected any withdrawal as a precondition": no words reported
            # ("described himself as "cautiously optimistic"": the parser may hang the adjective on "as")
            if prep is not None and any(t.dep_ in ("pobj", "pcomp") or prep.lower_ == "as" and t.dep_ in ("amod", "acomp")
                                        and any(ctx.in_quote(x) for x in subtree(t)) for t in children(prep)):
                toks = list(subtree(obj)) + list(subtree(prep))
                toks += ctx.toks[obj.i:prep.i]
                rng = _trim(ctx, toks, para)
                if rng:
                    return rng[0], rng[1], frame
        if frame == "obj_xcomp":
            xc = next((c for c in kids if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > cue.i
                       and any(t.lower_ == "to" for t in lefts(c))), None)
            # (the parser hangs "on" as a preposition or as a particle with its object: "called on X")
            target = obj or next((t for c in kids if c.dep_ in ("prep", "prt") and c.lower_ in ctx.lex.call_particles
                                  for t in children(c) if t.dep_ == "pobj"), None)
            if xc is not None and target is not None:
                rng = _trim(ctx, list(subtree(target)) + ctx.toks[target.i:xc.i] + list(subtree(xc)), para)
                if rng:
                    return rng[0], rng[1], frame
        if frame == "obj_pred" and obj is None:
            # 'called the attack "barbarism"' parsed as one phrase, the object a modifier of the
            # quoted verdict: a quoted predicate with unquoted words before it
            pred = next((c for c in kids if c.dep_ == "oprd" and c.i > cue.i and ctx.in_quote(c)), None)
            first = pred.left_edge if pred is not None else None
            if first is not None and first.i < pred.i and not ctx.in_quote(first) and first.pos_ in ("DET", "NOUN", "PROPN"):
                rng = _trim(ctx, list(subtree(pred)), para)
                if rng:
                    return rng[0], rng[1], frame
        if frame == "obj_pred" and obj is not None:
            pred = next((c for c in kids if c.dep_ in ("oprd", "xcomp") and c.i > obj.i), None)
            if pred is None:
                # 'called the accord "a real opportunity"', 'calling it "a good step"': a quoted
                # verdict the parser hung on the object or gave the verb as a second object
                pred = next((c for c in [*children(obj), *kids] if c.dep_ in ("appos", "dobj") and c.i > obj.i
                             and ctx.in_quote(c)), None)
            # "called the accord a victory for Tehran": a verdict, quoted or not; "a group that
            # calls itself the Military Junta" names itself
            if pred is not None and (any(ctx.in_quote(t) for t in subtree(pred)) or lemma in ctx.lex.unquoted_verdicts
                                     and pred.pos_ in ("NOUN", "PROPN", "ADJ") and not obj.lower_.endswith("self")
                                     and not obj.lower_.endswith("selves") and obj.lower_ != "what"):
                # "welcomed what he called "a historic understanding"": the verdict alone, the
                # speaker stands inside the free relative
                head_toks = [] if obj.lower_ == "what" else list(subtree(obj)) + ctx.toks[obj.i:pred.i]
                rng = _trim(ctx, head_toks + _content_tokens(pred, nested_cues), para)
                if rng:
                    return rng[0], rng[1], frame
        if frame == "ccomp":
            heads = []
            # "made it clear that ...": the clause hangs from "clear"
            for t in ctx.phrase_tokens(cue):
                heads += [c for c in children(t) if c.dep_ in ("ccomp", "advcl", "csubj")
                          and any(m.lower_ == "that" for m in children(c)) and ctx.para_of(c.idx) == para]
            phrase = {t.i for t in ctx.phrase_tokens(cue)}
            heads += [c for c in kids if c.dep_ == "ccomp" and ctx.para_of(c.idx) == para and c.i not in phrase]
            if not heads and lemma not in ("tell",):
                # a "that"-clause misparsed as an adverbial clause
                heads = [c for c in kids if c.dep_ == "advcl" and c.i > cue.i
                         and any(m.dep_ == "mark" and m.lower_ == "that" for m in children(c))]
            if not heads and obj is not None and obj.i > cue.i and obj.lemma_.lower() in ctx.lex.proposition_nouns \
                    and any(c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in children(c))
                            for c in children(obj)):
                # "denied reports that the summit had come close to collapse": the proposition named
                # (not a cue hung on its clause: "..., saying the United States stands with Israel")
                cues = {t.i for t in subtree(obj) if t.dep_ == "advcl" and ctx.cue_frames(t)}
                rng = _trim(ctx, _content_tokens(obj, nested_cues | cues), para)
                if rng:
                    return rng[0], rng[1], frame
            for h in heads:
                toks = _content_tokens(h, nested_cues)
                rng = _trim(ctx, toks, para)
                if rng and not (rng[0] <= cue.i <= rng[1]):
                    return rng[0], rng[1], frame
        if frame == "ccomp" and lemma == "say" and obj is not None and obj.i > cue.i and obj.pos_ in ("NOUN", "PROPN") \
                and not any(c.dep_ == "ccomp" for c in kids) and len(list(subtree(obj))) >= 4 \
                and any(c.dep_ in ("amod", "compound", "nmod") and c.tag_ == "JJ" and c.lower_.endswith("ed")
                        for c in children(obj)):
            # "said the kingdom preferred dialogue to confrontation": a clause the parser read as a
            # noun phrase (its verb as an adjective); "say" takes no such object in news
            rng = _trim(ctx, _content_tokens(obj, nested_cues), para)
            if rng:
                return rng[0], rng[1], frame
        if frame == "ccomp" and (cue.dep_ in ("parataxis", "ccomp") or _comma_conjunct(cue)) and cue.head.i < cue.i \
                and cue.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("ccomp", "mark") for c in kids):
            # "Talks ended without a breakthrough, officials said": the cue hangs from the clause
            # (one introduced by "whether" or "that" is that clause's complement: "He did not say
            # whether Washington would ask Congress again")
            left = min(t.i for t in subtree(cue))
            toks = [t for t in subtree(cue.head) if t.i < left]
            rng = _trim(ctx, toks, para)
            if rng and ctx.span_text(rng[0], rng[1]).count(" ") >= 2:
                return rng[0], rng[1], frame
        if frame == "ccomp" and cue.dep_ == "parataxis" and cue.head.i > cue.i \
                and cue.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "ccomp" for c in kids):
            # "The fighting, he added, had displaced ...": the cue is an aside inside its content
            # (a clause before it is content the parser hung on the aside: "If talks failed, he
            # warned, the sides would ...")
            own = {t.i for t in subtree(cue)} - {t.i for c in kids if c.dep_ == "advcl" and c.i < cue.i
                                                 for t in subtree(c)}
            toks = [t for t in subtree(cue.head) if t.i not in own]
            rng = _trim(ctx, toks, para)
            if rng and rng[0] < min(own) and ctx.span_text(rng[0], rng[1]).count(" ") >= 3:
                return rng[0], rng[1], "aside"
        if frame == "prep" and obj is None:
            # "warned of a catastrophe if ...": the object of the preposition is the content
            prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in ctx.lex.preps.get(lemma, ())
                         and c.i > cue.i), None)
            pobj = next((t for t in children(prep) if t.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
            if pobj is not None:
                rng = _trim(ctx, [t for t in subtree(prep) if t.i != prep.i], para)
                if rng:
                    return rng[0], rng[1], frame
        if frame == "gerund":
            # "Rwanda denies backing the rebels": what is denied is the gerund's clause
            xc = next((c for c in kids if c.dep_ in ("xcomp", "dobj") and c.i > cue.i and c.tag_ == "VBG"
                       and not any(t.lower_ == "to" for t in lefts(c))), None)
            if xc is not None:
                rng = _trim(ctx, list(subtree(xc)), para)
                if rng:
                    return rng[0], rng[1], frame
        if frame == "xcomp":
            xc = next((c for c in kids if c.dep_ == "xcomp" and c.i > cue.i and c.pos_ in ("VERB", "AUX")
                       and any(t.lower_ == "to" for t in lefts(c))), None)
            if xc is not None:
                rng = _trim(ctx, list(subtree(xc)), para)
                if rng:
                    return rng[0], rng[1], frame
    return None


def _comma_conjunct(cue: Token) -> bool:
    """"The truce took effect, and the sides agreed to talk, spokesperson Mao Ning told a
    briefing": a cue the parser coordinated with the clause it reports, after a comma and no
    conjunction of its own, is the trailing attribution of that clause."""
    if cue.dep_ != "conj" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(cue)):
        return False
    if any(c.dep_ in ("dobj", "ccomp") and c.i < cue.i for c in children(cue)):
        return False   # "..., a charge Tehran denies": the object stands before its verb, no attribution
    left = min(t.i for t in subtree(cue) if not t.is_punct)
    doc, j, comma = cue.doc, left - 1, False
    while j >= 0 and (doc[j].text == "," or doc[j].text in ALL_MARKS):
        comma = comma or doc[j].text == ","   # '... consultation", spokesperson ...': marks and comma
        j -= 1
    if not comma:
        return False
    siblings = [c for c in children(cue.head) if c.dep_ == "conj" and c.i < cue.i]
    after = max((max(t.i for t in subtree(c)) for c in siblings), default=cue.head.i)
    return not any(c.dep_ in ("cc", "preconj") and after < c.i < left for c in children(cue.head))


def _span_chars(ctx: _Context, a: int, b: int) -> tuple[int, int]:
    """Character span of tokens a..b, closing a quoted fragment the content leaves open
    ('... was "unacceptable."' ends after the closing mark, not before the full stop)."""
    start, end = ctx.toks[a].idx, ctx.toks[b].idx + len(ctx.toks[b].text)
    seg = ctx.segment_at(end - 1) or ctx.segment_at(end)
    if seg is not None and start <= seg.open < end <= seg.close and seg.close - end <= 2 and seg.closed:
        end = seg.close + 1
    return start, end


def _depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i and n < 100:
        tok, n = tok.head, n + 1
    return n


def indirect_candidates(ctx: _Context, used: set[int], direct: list[Candidate]) -> list[Candidate]:
    direct_spans = [(s.start, s.end) for s in ctx.segments if s.standalone]
    taken: list[tuple[int, int]] = []     # content of accepted indirect quotes (char spans)
    # only verbs with a cue lemma can be cues (see _cue_frames): picked from the Doc's arrays
    cols, frames_of = columns(ctx.doc), ctx.lex.frames
    verbs = [ctx.toks[i] for i, (pos, lemma) in enumerate(zip(cols.pos, cols.lemma_lower))
             if (pos == "VERB" or pos == "AUX") and lemma in frames_of]
    cues = [t for t in verbs if t.i not in used and ctx.cue_frames(t) and not ctx.in_quote(t)]
    # cues heading a quote of their own inside another's clause: "..., while Hamas has insisted
    # that ...", "... and added that ..."
    cue_ids = {t.i for t in cues if _subjects_of(t) or t.dep_ == "conj"
               and any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children(t))
               # "..., calling the exchange "a step forward"": a participle's own quoted verdict
               or t.dep_ == "advcl" and t.tag_ == "VBG" and "obj_pred" in ctx.cue_frames(t)
               # "said the talks went well, stressing that ...": a participle's own reported clause
               or _trailing_participle(t) and any(c.dep_ == "ccomp" for c in children(t))}
    out: list[Candidate] = []
    for cue in sorted(cues, key=_depth):
        if any(a <= cue.idx < b for a, b in taken):
            continue
        frames = ctx.cue_frames(cue)
        found = _content(ctx, cue, frames, cue_ids - {cue.i})
        if found is None:
            continue
        a, b, frame = found
        start, end = _span_chars(ctx, a, b)
        # 'said "infiltrators" wearing their uniforms had ...': the parser hangs the opening mark
        # on the cue; the quoted words open the content
        start = next((g.open for g in ctx.segments if g.open == start - 1 and g.close < end), start)
        # mostly a direct quotation: that quotation's cue, already handled
        inside = sum(max(0, min(end, e) - max(start, s)) for s, e in direct_spans)
        if inside > 0.5 * (end - start):
            continue
        heads = speaker_heads(ctx, cue)
        own = {t.i for t in subtree(cue)} if frame == "aside" else set()
        heads = [h for h in heads if not (start <= h.idx < end) or h.i in own]
        if not heads:
            continue
        has_fragment = any(start <= s.open < end for s in ctx.segments if not s.standalone or
                           (start <= s.open and s.close <= end))
        cand = Candidate("mixed" if has_fragment else "indirect", start, end, cue, cue_span(ctx, cue),
                         heads, para=ctx.para_of(cue.idx))
        cand.outlet = find_outlet(ctx, cue)
        out.append(cand)
        taken.append((start, end))
    out += according_candidates(ctx, taken, used)
    out += noun_candidates(ctx, taken)
    return out


def according_source(ctx: _Context, tok: Token) -> tuple[Token, Span] | None:
    """Source and cue span of "according to X" at ``tok`` ("according to a statement by Hamas"
    gives Hamas), or None."""
    if tok.lower_ not in ctx.lex.according:
        return None
    to = next((c for c in children(tok) if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(ctx.toks) and ctx.toks[tok.i + 1].lower_ == "to":
        to = ctx.toks[tok.i + 1]
    pobj = next((c for c in children(to) if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return None
    by = next((t for c in children(pobj) if c.dep_ == "prep" and c.lower_ in ("by", "from")
               for t in children(c) if t.dep_ == "pobj"), None)
    src = by if by is not None and pobj.lemma_.lower() in ctx.lex.nouns else pobj
    if by is None and pobj.lemma_.lower() in ctx.lex.nouns | ctx.lex.medium_nouns:
        # "according to an AU readout", "according to Israel's statement": its author
        author = next((c for c in lefts(pobj) if c.dep_ in ("compound", "poss", "amod", "nmod")
                       and ctx.actors.ref_for_token(c) is not None), None)
        src = author if author is not None else src
    return src, ctx.span(tok.i, to.i)


def according_candidates(ctx: _Context, taken: list[tuple[int, int]], used: set[int]) -> list[Candidate]:
    """'According to X, ...': the clause the phrase modifies, said by X."""
    out = []
    according = ctx.lex.according
    for tok in [ctx.toks[i] for i, lower in enumerate(columns(ctx.doc).lower) if lower in according]:
        if tok.i in used or ctx.in_quote(tok):
            continue
        found = according_source(ctx, tok)
        if found is None:
            continue
        src, cspan = found
        # the clause: climb from the phrase to the nearest verb
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            continue
        phrase = {t.i for t in subtree(tok)} | {t.i for t in subtree(ctx.toks[tok.i + 1])} | {tok.i}
        para = ctx.para_of(tok.idx)
        subj = [t for t in _subjects_of(head) if t.i not in phrase]
        if ctx.cue_frames(head) and subj and head.i not in used:
            # "According to the Saudi Press Agency, he stressed the kingdom's support ...": the
            # subject speaks, and the named medium is the outlet
            # (the reported clause before an object: "he told Wang that ..." reports the clause)
            after = [c for c in children(head) if c.dep_ in ("dobj", "ccomp") and c.i > head.i]
            obj = next((c for c in after if c.dep_ == "ccomp"), after[0] if after else None)
            rng = _trim(ctx, list(subtree(obj)), para) if obj is not None else None
            if rng is not None:
                start, end = _span_chars(ctx, rng[0], rng[1])
                if not any(s < end and start < e for s, e in taken):
                    has_fragment = any(start <= s.open < end for s in ctx.segments)
                    cand = Candidate("mixed" if has_fragment else "indirect", start, end, head,
                                     cue_span(ctx, head), subj, para=para)
                    cand.outlet = _outlet_name(ctx, src, known_only=True)
                    out.append(cand)
                    taken.append((start, end))
                    used.add(head.i)
                continue
        toks = [t for t in subtree(head) if t.i not in phrase]
        lo, hi = min(phrase), max(phrase)
        # keep the side of the clause away from the phrase, so the span never holds it
        before = [t for t in toks if t.i < lo]
        after = [t for t in toks if t.i > hi]
        side = after if len(after) >= len(before) else before
        rng = _trim(ctx, side, para)
        if rng is None:
            continue
        start, end = _span_chars(ctx, rng[0], rng[1])
        seg = ctx.segment_at(start)
        if any(s < end and start < e for s, e in taken) or seg is not None and seg.standalone:
            continue
        has_fragment = any(start <= s.open < end for s in ctx.segments)
        out.append(Candidate("mixed" if has_fragment else "indirect", start, end, None, cspan, [src], para=para))
        taken.append((start, end))
    return out


def noun_candidates(ctx: _Context, taken: list[tuple[int, int]]) -> list[Candidate]:
    """"Hamas's statement that ...", "a warning by Israel that ...": cue nouns with a that-clause."""
    out = []
    cols, nouns = columns(ctx.doc), ctx.lex.nouns
    for tok in [ctx.toks[i] for i, (pos, lemma) in enumerate(zip(cols.pos, cols.lemma_lower))
                if pos == "NOUN" and lemma in nouns]:
        if ctx.in_quote(tok):
            continue
        clause = next((c for c in children(tok) if c.dep_ in ("acl", "ccomp", "appos", "relcl") and c.i > tok.i
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in children(c))), None)
        if clause is None:
            continue
        para = ctx.para_of(tok.idx)
        rng = _trim(ctx, list(subtree(clause)), para)
        if rng is None:
            continue
        start, end = ctx.toks[rng[0]].idx, ctx.toks[rng[1]].idx + len(ctx.toks[rng[1]].text)
        if any(s < end and start < e for s, e in taken):
            continue
        speaker = [c for c in children(tok) if c.dep_ == "poss"]
        speaker += [t for c in children(tok) if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                    for t in children(c) if t.dep_ == "pobj"]
        speaker += [c for c in children(tok) if c.dep_ in ("compound", "amod") and c.ent_type_]
        if not speaker and tok.dep_ in ("dobj", "pobj"):
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            speaker = _subjects_of(verb)
        cspan = Span(tok.text, tok.idx, tok.idx + len(tok.text))
        verb = tok.head.head if tok.dep_ == "pobj" else None
        if verb is not None and tok.head.lower_ == "in" and ctx.cue_frames(verb):
            # "the Kremlin said in a statement that ...": the verb phrase is the cue
            cspan, speaker = cue_span(ctx, verb), speaker_heads(ctx, verb)
        else:
            verb = None
        if not speaker:
            continue
        has_fragment = any(start <= s.open < end for s in ctx.segments)
        cand = Candidate("mixed" if has_fragment else "indirect", start, end, None, cspan, speaker, para=para)
        if verb is not None:
            cand.outlet = find_outlet(ctx, verb)
        out.append(cand)
        taken.append((start, end))
    return out


# ---------------------------------------------------------------------------------------------
# Speaker resolution in text order, and the records


@dataclass
class _Said:
    ref: ActorRef | None
    kind: str | None
    para: int
    end: int
    cue: str = ""


def _kind(actors, actor_id: str | None) -> str | None:
    actor = actors.actors.get(actor_id) if actor_id else None
    return actor.kind if actor is not None else None


def _resolve(ctx: _Context, cand: Candidate, history: list[_Said]) -> list[ActorRef | None]:
    if cand.speaker_ref is not None:
        return [cand.speaker_ref]
    if cand.inherit:
        before = [h for h in history if h.end <= cand.start and h.ref is not None]
        same = [h for h in before if h.para == cand.para]
        if same:
            return [same[-1].ref]
        prev = [h for h in before if h.para == cand.para - 1]
        if prev and cand.prev_para_speaker:
            cand.continued = True
            return [prev[-1].ref]
        return [None]
    refs: list[ActorRef | None] = []
    for head in cand.speaker_heads:
        start, end = speaker_span(ctx, head)
        if end <= start:
            continue
        actor_id = _actor_for(ctx, head)
        text = ctx.text[start:end]
        if actor_id is None and head.pos_ == "PRON" and head.lower_ in SPEAKER_PRONOUNS:
            word = head.lower_
            wanted = ("person",) if word in PERSON_PRONOUNS else (
                ("state", "organisation", "group") if word in THING_PRONOUNS else None)
            for h in reversed(history):
                if h.ref is None or not h.ref.actor_id or h.end > head.idx:
                    continue
                if wanted is None or h.kind in wanted or h.kind is None and word in PERSON_PRONOUNS:
                    actor_id = h.ref.actor_id
                    break
        if actor_id is None and head.pos_ == "NOUN" and any(c.lower_ == "the" for c in lefts(head)):
            # "the ministry said", "the source added": the last speaker described the same way
            for h in reversed(history):
                if h.ref is not None and h.ref.actor_id and head.lower_ in h.ref.text.lower().split():
                    actor_id = h.ref.actor_id
                    break
                # "the statement added": the author of the last quote given "in a statement"
                if h.ref is not None and h.ref.actor_id and head.lemma_.lower() in ctx.lex.nouns \
                        and head.lemma_.lower() in h.cue.split():
                    actor_id = h.ref.actor_id
                    break
        if not _is_valid_speaker(ctx, head, actor_id):
            continue
        if actor_id is None and head.text.isupper() and len(head.text) > 3:
            continue   # a dateline ("JEDDAH, May 12 -"), not a speaker
        shared = _coordinated_qualifiers(ctx, head) or _pair_of(ctx, head) or _they_named_before(ctx, head)
        if len(shared) > 1:
            # "Egyptian and US officials said": officials of each, one quote per actor
            refs.extend(ActorRef(aid, text, start, end) for aid in shared)
        else:
            refs.append(ActorRef(actor_id, text, start, end))
            hint = _spoken_for(ctx, head)
            if hint:
                ctx.affiliation_hints[(start, end)] = hint
    return refs


def _spoken_for(ctx: _Context, head: Token) -> str | None:
    """The actor a spokesperson speaks for ("a spokeswoman for Pashinyan" -> Pashinyan's side)."""
    if not (head.lower_ in ctx.lex.speaker_nouns or head.lemma_.lower() in ctx.lex.speaker_nouns):
        return None
    for c in rights(head):
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "to"):
            for o in children(c):
                ref = ctx.actors.ref_for_token(o) if o.dep_ == "pobj" else None
                if ref is not None and ref.actor_id:
                    return _affiliation(ctx.actors, ref.actor_id) or ref.actor_id
    return None


def _coordinated_qualifiers(ctx: _Context, head: Token) -> list[str]:
    """Distinct actors of coordinated modifiers of a speaker noun ("Egyptian and Qatari mediators")."""
    nouns = ctx.lex.speaker_nouns
    if head.pos_ != "NOUN" or not (head.lower_ in nouns or head.lemma_.lower() in nouns):
        return []
    for mod in lefts(head):
        if mod.dep_ in ("amod", "nmod", "compound") and any(c.dep_ == "conj" for c in children(mod)):
            out: list[str] = []
            for t in _conjuncts_any(mod):
                ref = ctx.actors.ref_for_token(t)
                if ref is not None and ref.actor_id and ref.actor_id not in out:
                    out.append(ref.actor_id)
            return out
    return []


def _they_named_before(ctx: _Context, head: Token) -> list[str]:
    """"Vedrine and Cook announced the extension. They said ...": both persons, one quote each."""
    span = subject_named_before(head)
    if span is None:
        return []
    # (past the demonyms of their titles: "French Foreign Minister Hubert Vedrine and ...")
    named = [m.actor_id for m in ctx.actors.mentions if span[0] <= m.start < span[1]
             and getattr(m, "via", None) not in ("demonym", "pronoun")]
    kinds = {getattr(ctx.actors.actors.get(a), "kind", None) for a in named}
    persons = list(dict.fromkeys(named))
    return persons if len(persons) >= 2 and kinds == {"person"} else []


def _pair_of(ctx: _Context, head: Token) -> list[str]:
    """"the two leaders said", "both sides accused each other": the two actors of that kind the
    article has named most so far (the principal parties), ties to the more recent."""
    kind = ctx.lex.plural_pairs.get(head.lower_)
    if kind is None or head.tag_ not in ("NNS", "NNPS"):
        return []
    if not any(c.lower_ in ("two", "both") for c in lefts(head) if c.dep_ in ("nummod", "det", "predet", "amod")):
        return []
    if any(c.dep_ in ("compound", "amod", "poss", "prep") and ctx.actors.ref_for_token(c) is not None
           for c in children(head)):
        return []     # "the two Hamas leaders": their own side, not a pair
    counts: dict[str, list[int]] = {}
    for m in ctx.actors.mentions:
        if m.end > head.idx:
            break
        actor = ctx.actors.actors.get(m.actor_id)
        if actor is None or getattr(actor, "is_outlet", False):
            continue
        if (actor.kind == "person") != (kind == "person"):
            continue
        cell = counts.setdefault(m.actor_id, [0, 0])
        cell[0] += 1
        cell[1] = m.start
    ranked = sorted(counts, key=lambda a: (counts[a][0], counts[a][1]), reverse=True)
    return ranked[:2] if len(ranked) >= 2 else []


def _conjuncts_any(tok: Token) -> list[Token]:
    out = [tok]
    for c in children(tok):
        if c.dep_ == "conj":
            out.extend(_conjuncts_any(c))
    return out


def _affiliation(actors, actor_id: str | None) -> str | None:
    actor = actors.actors.get(actor_id) if actor_id else None
    if actor is None:
        return None
    if actor.affiliation:
        return actor.affiliation
    # a state or an organisation speaks for itself
    return actor.actor_id if actor.kind in ("state", "organisation", "group") else None


def extract_quotes(doc: Doc, actors) -> Iterator[Quote]:
    """Direct, indirect and mixed quotes of a parsed article, in text order."""
    if not text_of(doc).strip():
        return
    ctx = _Context(doc, actors)
    direct, used = direct_candidates(ctx)
    candidates = direct + indirect_candidates(ctx, used, direct)
    candidates.sort(key=lambda c: (min(c.start, c.cue_span.start if c.cue_span else c.start), c.start))
    history: list[_Said] = []
    seen: set[str] = set()
    article_id = getattr(actors, "article_id", "") or ""
    # "Cyprus talks collapse, U.N. chief says": a headline restates what the story quotes in full
    head = headline_end(ctx.text)
    for cand in candidates:
        if not (0 <= cand.start < cand.end <= len(ctx.text)) or cand.end <= head:
            continue
        refs = _resolve(ctx, cand, history)
        if (not refs or refs == [None]) and any(o is not cand and o.start <= cand.start and cand.end <= o.end
                                                for o in candidates):
            continue   # a quoted phrase closing another's reported clause ('..., "neither ... nor ..."')
        if not refs or refs == [None]:
            # a short quotation nobody is said to have said is a slogan or a title, not a quote
            if cand.type != "direct" or len(ctx.text[cand.start:cand.end].split()) < 6:
                continue
            refs = [None]
        refs = _joined(ctx, refs)
        for ref in refs:
            qid = record_id(article_id, cand.type, cand.start, cand.end)
            if qid in seen:   # two speakers of one content (coordinated subjects)
                qid = record_id(article_id, cand.type, cand.start, cand.end, ref.start if ref else "")
            seen.add(qid)
            actor_id = ref.actor_id if ref else None
            history.append(_Said(ref, _kind(actors, actor_id), cand.para, cand.end,
                                 cand.cue_span.text.lower() if cand.cue_span else ""))
            yield Quote(
                quote_id=qid, article_id=article_id, type=cand.type, start=cand.start, end=cand.end,
                text=ctx.text[cand.start:cand.end], speaker=ref, cue=cand.cue_span,
                outlet=cand.outlet,
                speaker_affiliation=_affiliation(actors, actor_id)
                or (ctx.affiliation_hints.get((ref.start, ref.end)) if ref else None),
                continued=cand.continued,
            )


def _joined(ctx: _Context, refs: list[ActorRef | None]) -> list[ActorRef | None]:
    """One speaker the parser split into adjacent subjects ("Ben", "-", "Gvir" of "Itamar
    Ben-Gvir") is one reference, spanning them all."""
    out: list[ActorRef | None] = []
    for r in refs:
        last = out[-1] if out else None
        if r is not None and last is not None and last.actor_id == r.actor_id and r.actor_id \
                and not ctx.text[last.end:r.start].strip():
            out[-1] = ActorRef(r.actor_id, ctx.text[last.start:r.end], last.start, r.end)
        else:
            out.append(r)
    return out


# ---------------------------------------------------------------------------------------------
# spaCy component

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


class QuoteExtractor:
    """Stores ``extract_quotes`` results on ``doc._.quotes`` (actors from ``doc._.actors`` when
    another component set them, else from the actor layer)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from accord.extract.actors import extract_actors

        actors = doc._.actors if Doc.has_extension("actors") and doc._.actors is not None else None
        if actors is None:
            actors = extract_actors(doc, "")
        doc._.quotes = list(extract_quotes(doc, actors))
        return doc


@Language.factory("accord_quotes")
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name)
