"""Parse walks for event coding: an article's parse read once into arrays, the grammar the rules
ask of a token (subjects, objects, conjuncts, passives, datelines), and trigger matching."""
from __future__ import annotations

import bisect
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import HEAD, POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Span as SpacySpan, Token

from accord.nlp import children, children_table, columns, ents, owned_by_whose, sent_of, subtree, text_of, tokens
from accord.extract.event_lexicon import Entry, Lexicon, lexicon

if TYPE_CHECKING:
    from accord.extract.event_arguments import Context


SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
DATIVE_DEPS = {"dative", "iobj"}
_OBJECTISH = OBJECT_DEPS | PASSIVE_SUBJECT_DEPS
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}
FIRST_PERSON = {"we", "i", "us", "me", "our", "my"}
RELATIVE = {"who", "which", "that", "whom"}
NAMED = {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}


# Token.head, Token.children, Token.subtree and Doc[i] build new Token objects on every call,
# and the rules below walk the parse thousands of times per article. The Doc being coded keeps
# its heads, children, lemmas and parts of speech in a one-slot cache per thread (the Doc itself
# is held, so its id is not reused), made of the Token objects accord.nlp.tokens already built,
# with what the rules ask of one token several times (objects, subject_tokens). Tokens are
# therefore shared objects: compare them by value or index, never with `is`.
class _Slot(threading.local):
    tree = None   # the ParseTree of the Doc this thread codes


tree_slot = _Slot()


class ParseTree:
    """One Doc's parse, read once (see above)."""
    __slots__ = ("doc", "toks", "heads", "kids", "lemmas", "pos", "verbal", "nominal", "objects", "starts",
                 "subjects", "ent_of")

    def __init__(self, doc: Doc):
        self.doc = doc
        toks = self.toks = tokens(doc)
        table = doc.to_array([HEAD, POS])
        # heads are stored as offsets, unsigned
        heads = (table[:, 0].view("int64") + numpy.arange(len(toks))).tolist()
        self.heads = list(map(toks.__getitem__, heads))
        self.kids = children_table(doc)
        self.lemmas = columns(doc).lemma_lower
        pos = table[:, 1]
        self.pos = pos.tolist()   # ids: compare with POS_VERB, POS_AUX, POS_NOUN, POS_PROPN
        # where trigger verbs and nouns can be, in document order
        self.verbal = numpy.flatnonzero((pos == POS_VERB) | (pos == POS_AUX)).tolist()
        self.nominal = numpy.flatnonzero((pos == POS_NOUN) | (pos == POS_PROPN)).tolist()
        self.objects: dict[int, list[Token]] = {}   # objects, by token
        self.starts: dict[int, int] = {}   # phrase_start, by token
        self.subjects: dict[int, list[Token]] = {}   # subject_tokens, by token
        self.ent_of: list | None = None   # the entity holding each token, once asked (ent_at)

    def ent_at(self, i: int):
        """The first of the Doc's entities holding token i, or None."""
        if self.ent_of is None:
            self.ent_of = [None] * len(self.toks)
            for e in ents(self.doc):
                for k in range(e.start, e.end):
                    if self.ent_of[k] is None:
                        self.ent_of[k] = e
        return self.ent_of[i]


POS_VERB, POS_AUX, POS_NOUN, POS_PROPN, POS_PRON, POS_ADP = (IDS[p] for p in ("VERB", "AUX", "NOUN", "PROPN", "PRON", "ADP"))
POS_NOMINAL = {POS_NOUN, POS_PROPN, POS_PRON}


def parse_tree(doc: Doc) -> ParseTree:
    got = tree_slot.tree
    if got is None or got.doc is not doc:
        got = tree_slot.tree = ParseTree(doc)
    return got


# The two below are called tens of thousands of times per hundred articles: they test the
# slot themselves rather than through parse_tree.

def head_of(tok: Token) -> Token:
    got = tree_slot.tree
    if got is None or got.doc is not tok.doc:
        got = parse_tree(tok.doc)
    return got.heads[tok.i]


def subtree_start(tok: Token, n: int) -> list[Token]:
    """The first n tokens of subtree(tok), without walking the rest."""
    kids = parse_tree(tok.doc).kids
    out: list[Token] = []

    def walk(t: Token) -> bool:   # True once n are found
        below = kids[t.i]
        for k in below:
            if k.i < t.i and walk(k):
                return True
        out.append(t)
        if len(out) >= n:
            return True
        for k in below:
            if k.i > t.i and walk(k):
                return True
        return False

    walk(tok)
    return out


def phrase_start(tok: Token) -> int:
    """Where the token's phrase starts: the first character of its subtree (which need not be
    its left edge's subtree when the parse is not projective)."""
    tree = parse_tree(tok.doc)
    got = tree.starts.get(tok.i)
    if got is None:
        got = tree.starts[tok.i] = tree.toks[min(t.i for t in subtree(tok))].idx
    return got


def ancestors(tok: Token) -> Iterator[Token]:
    """Token.ancestors: heads up to the sentence root."""
    heads = parse_tree(tok.doc).heads
    t = tok
    for _ in range(len(heads)):
        h = heads[t.i]
        if h.i == t.i:
            return
        yield h
        t = h


def span_tokens(span: SpacySpan) -> list[Token]:
    """The tokens of a sentence or span, without building them anew."""
    return parse_tree(span.doc).toks[span.start:span.end]


def lemma_of(tok: Token) -> str:
    got = tree_slot.tree
    if got is None or got.doc is not tok.doc:
        got = parse_tree(tok.doc)
    return got.lemmas[tok.i]


def conjuncts(tok: Token) -> list[Token]:
    """A noun phrase and those coordinated with it ("the US, Russia and Switzerland")."""
    out = [tok]
    tree = parse_tree(tok.doc)
    pos, own = tree.pos, tree.pos[tok.i]
    for c in tree.kids[tok.i]:
        dep = c.dep_
        if dep == "conj" and own == POS_PROPN and c.ent_type_ == "PERSON" and tok.ent_type_ != "PERSON" \
                and not any(g.dep_ == "cc" or g.is_punct for g in tok.doc[tok.i + 1:c.left_edge.i]):
            # "U.N. High Commissioner for Human Rights Mary Robinson": the parser joins a long
            # title to its holder's name as a conjunct; with no "and" between, one person
            out[0] = c
            out.extend(conjuncts(c)[1:])
        elif dep == "conj" and pos[c.i] in POS_NOMINAL:
            out.extend(conjuncts(c))
        elif dep == "appos" and pos[c.i] == POS_PROPN and any(g.dep_ in ("cc", "conj") for g in children(c)):
            out.extend(conjuncts(c))   # a list parsed as apposition
        elif dep == "pobj" and own == POS_ADP and tok.dep_ in SUBJECT_DEPS:
            out.extend(conjuncts(c))   # a first name mis-tagged as a preposition
        elif dep in ("compound", "nmod") and own == POS_PROPN:
            # "Treasury Secretary Scott Bessent and Trade Representative Jamieson Greer": the
            # parser folds the first titled name into the second's title (modifier or apposition)
            out.extend(_folded_names(c))
    return out


def _folded_names(tok: Token, depth: int = 0) -> list[Token]:
    """Names with their own "and" inside a modifier of a name: "Treasury Secretary Scott Bessent
    and ...", "Sudan's President Omar al-Bashir and rebel leader John Garang" (the first title
    made a modifier of the second), "President Ahmad Tejan Kabbah and ..." (the surname taken for
    a place: a name with its own "and" and conjunct)."""
    found = [tok] if any(x.dep_ == "cc" for x in children(tok)) and (tok.ent_type_ == "PERSON" or (
        tok.pos_ == "PROPN" and any(x.dep_ == "conj" for x in children(tok)))) else []
    if depth < 3 and not found:
        for g in children(tok):
            if g.dep_ in ("appos", "compound", "nmod") and g.i < tok.i or g.dep_ == "appos":
                found += _folded_names(g, depth + 1)
    return found


def _date_prep(tok: Token) -> bool:
    if tok.dep_ != "prep":
        return False
    objs = [g for g in children(tok) if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def for_to(tok: Token) -> bool:
    """A for-to clause: "for the rebels to withdraw"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)) and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in children(tok))


def _verb_words(tok: Token) -> tuple[set[str], set[str]]:
    """Lemmas of a verb's own particles, prepositions and objects ("direct"), and those with
    their own prepositions ("near")."""
    direct, near = set(), set()
    tree = parse_tree(tok.doc)
    kids, lemmas = tree.kids, tree.lemmas
    for c in kids[tok.i]:
        dep = c.dep_
        if dep == "aux" or dep == "auxpass":
            continue   # the "to" of "to protest" is no preposition ("protest to")
        if dep == "prep" and _date_prep(c):
            continue   # "agreed ... on Monday" is no "agree on"
        direct.add(lemmas[c.i])
        if (dep == "xcomp" or control_complement(c)) and any(g.dep_ == "aux" and g.lower_ == "to" for g in kids[c.i]):
            # "committed to provide guarantees": a to-infinitive (the parser may call it a
            # purpose clause), no "to" preposition
            direct.add("to-inf")
        if dep in ("advcl", "ccomp") and for_to(c):
            near.add("for")   # "called for the rebels to withdraw": "call for"
        if dep in ("prt", "prep", "advmod", "dobj", "agent", "acomp"):   # "remained open to talks"
            for g in kids[c.i]:
                if g.dep_ in ("prep", "pobj", "prt", "advmod"):
                    near.add(lemmas[g.i])
    near |= direct
    if "for" in near:
        direct.add("for")
    return direct, near


def shared_patients(tok: Token) -> list[Token]:
    """"X seized the town and was repelled by Y", "the prisoners detained ... were freed by Y":
    a passive conjunct without its own subject acts on its first conjunct's subject."""
    if tok.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in children(tok)) \
            or any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in children(tok)):
        return []
    return [c for c in children(head_of(tok)) if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
            and c.lower_ not in RELATIVE]


def objects(tok: Token) -> list[Token]:
    """Objects of a verb, found once per token (a fresh list for the caller)."""
    memo = parse_tree(tok.doc).objects
    got = memo.get(tok.i)
    if got is None:
        got = memo[tok.i] = _find_objects(tok)
    return list(got)


def _find_objects(tok: Token) -> list[Token]:
    objs = [c for c in children(tok) if c.dep_ in _OBJECTISH]
    objs = objs or shared_patients(tok)
    if not objs:
        # "struck what the army called militant camps", "hit what Kyiv described as a school":
        # the object is the free relative's predicate
        for c in children(tok):
            if c.dep_ == "ccomp" and any(w.dep_ in OBJECT_DEPS and w.lower_ == "what" for w in children(c)):
                objs = [w for w in children(c) if w.dep_ == "oprd"] + prep_objects(c, {"as"})
    if not objs and tok.dep_ == "relcl" and head_of(tok).pos_ == "NOUN" and any(
            c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in children(tok)):
        objs = [head_of(tok)]   # "the towns the rebels seized": the antecedent is the object
    if not objs and tok.dep_ == "acl" and tok.tag_ == "VBN" and head_of(tok).pos_ == "NOUN" \
            and any(lemma_of(head_of(tok)) in lexicon().classes.get(c, ()) for c in ("proposal", "talks")):
        # "the deal struck by Sunak", "the meeting, led by He and Bessent": an accord or a meeting
        # a passive participle describes is its object
        # ("gunmen armed with rifles" stay the people the participle describes)
        objs = [head_of(tok)]
    # "5 million dollars of aid", "700 kg of medicine": the class word is the of-object
    for o in list(objs):
        below = children(o)
        if not below:
            continue
        counted = any(c.dep_ == "nummod" for c in below) or o.ent_type_ == "MONEY"
        for p in below:
            if p.dep_ == "prep" and (lemma_of(p) == "of" or (lemma_of(p) == "in" and counted)):
                objs.extend(c for c in children(p) if c.dep_ == "pobj")
    return [x for o in objs for x in conjuncts(o)]


def speech_conjunct(tok: Token) -> Token | None:
    """The verb a misattached conjunct really coordinates with ("X said Y will not withdraw,
    and accused Z"): a finite past verb cannot share the bare verb's modal."""
    head = head_of(tok)
    if tok.dep_ != "conj" or tok.tag_ not in ("VBD", "VBZ") or head.tag_ not in ("VB", "VBN", "VBG", "VBD") \
            or head.dep_ != "ccomp":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in children(tok)):
        return None
    gov = lexicon().governors
    accusing = gov["alleging"] | gov.get("blaming", set())
    appealing = gov.get("appealing", set())
    if head.tag_ == "VBG":
        # "said that Moldova was blockading Transnistria and called for talks": a simple past
        # speech act does not share the reported progressive's auxiliary
        if tok.tag_ != "VBD" or not any(c.dep_ == "aux" and lemma_of(c) == "be" for c in children(head)) \
                or lemma_of(tok) not in gov["speech"] | accusing | appealing:
            return None
    elif head.tag_ == "VB":
        if not any(c.dep_ == "aux" and c.tag_ == "MD" for c in children(head)):
            return None
    elif head.tag_ == "VBN":
        # "denied that its forces had opened fire and accused Z", "said Tehran would not be
        # rushed and accused Washington": a speech act in the simple past does not share the
        # reported past perfect, nor a reported passive's modal
        # ("said he had not been consulted and rejected the deal": a simple past with an object
        # is active, so it shares nothing with a reported passive; any such act is the speaker's)
        active_after_passive = tok.tag_ == "VBD" and any(c.dep_ == "dobj" for c in children(tok)) \
            and any(c.dep_ == "auxpass" for c in children(head)) and lemma_of(head_of(head)) in gov["speech"]
        if not active_after_passive and (lemma_of(tok) not in gov["speech"] | accusing or not any(
                c.dep_ == "aux" and (c.lower_ == "had" or c.tag_ == "MD") for c in children(head))):
            return None
    # "told reporters that Khartoum needed the money and accused Juba of ...", "said the bloc stood
    # by Guyana and called on Caracas to ...": an accusation or appeal in the simple past after the
    # speaker's clause is the speaker's second act
    elif tok.tag_ != "VBD" or lemma_of(tok) not in accusing | appealing \
            or lemma_of(head_of(head)) not in gov["speech"]:
        return None
    return head_of(head) if head_of(head).pos_ == "VERB" else None


def reciprocal(tok: Token) -> bool:
    """"accused each other", "met one another": the verb's object is the subjects themselves."""
    if any(c.dep_ in OBJECT_DEPS and c.lower_ in ("other", "another")
           and any(d.lower_ in ("each", "one") for d in children(c)) for c in children(tok)):
        return True
    # "each side accused the other": the subject's "each" and the object's "the other"
    # ("each accuses the other": "each" the subject itself)
    return any(c.dep_ in OBJECT_DEPS and c.lower_ == "other" for c in children(tok)) and any(
        d.lower_ == "each" for s in children(tok) if s.dep_ in SUBJECT_DEPS for d in (s, *children(s)))


def is_passive(tok: Token) -> bool:
    if lemma_of(tok) in lexicon().stative_passives and not any(c.dep_ == "agent" for c in children(tok)):
        return False   # "Israel is opposed to the plan": Israel opposes
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in children(tok)) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN") or misread_participle(tok) is not None or reduced_passive(tok)


def existential(tok: Token) -> bool:
    """"There were ten soldiers killed in the raid": the participle after "there be" reports the
    act ("ten soldiers were killed"), it does not describe the soldiers."""
    noun = head_of(tok)
    return tok.dep_ == "acl" and noun.dep_ == "attr" and there_is(noun)


def there_is(noun: Token) -> bool:
    """"there would be sanctions", "there were ten soldiers ...": the noun is what a "there is"
    asserts."""
    verb = head_of(noun)
    return noun.dep_ in ("attr", "nsubj") and lemma_of(verb) == "be" and any(
        c.dep_ == "expl" and c.lower_ == "there" for c in children(verb))


def reduced_passive(tok: Token) -> bool:
    """"where soldiers killed in the 1995 fighting are buried": a past participle (VBN, not VBD)
    with a subject, no auxiliary and no object is no finite verb; the parser's subject is what
    the participle describes, the one acted upon ("who spoke" is active)."""
    kids = children(tok)
    # "the fourth leader forced out by this year's uprisings", tagged VBD: the by-phrase of a verb
    # with no object marks the participle too ("spoke by phone": a bare noun is a means)
    by = any(c.dep_ == "prep" and c.lower_ == "by" and any(
        o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and (o.pos_ == "PROPN" or o.pos_ == "NOUN" and (
            o.tag_ == "NNS" or any(d.dep_ in ("det", "poss") for d in children(o)))) for o in children(c))
        for c in kids)
    return (tok.tag_ == "VBN" or tok.tag_ == "VBD" and by) and tok.dep_ in ("relcl", "ccomp", "advcl", "conj") \
        and any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in kids) \
        and not any(c.dep_ in ("aux", "auxpass", "dobj", "agent", "expl", "dative", "ccomp", "xcomp") for c in kids)


def misread_participle(tok: Token) -> Token | None:
    """"The dissidents detained for ... were released by X": a participle modifying the subject
    that the parser made the main verb, with the real main verb as its conjunct. Two finite
    verbs are not coordinated without a conjunction, so when the passive conjunct has no subject
    and nothing joins them, the first verb describes its "subject" and the conjunct (returned) is
    the sentence's verb."""
    if tok.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "nsubj" for c in children(tok)) \
            or any(c.dep_ in ("aux", "auxpass") for c in children(tok)):
        return None
    for c in children(tok):
        if c.dep_ == "conj" and c.i > tok.i and c.tag_ == "VBN" \
                and any(a.dep_ == "auxpass" and a.i < c.i for a in children(c)) \
                and not any(a.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for a in children(c)) \
                and not any(t.dep_ == "cc" or t.text in (",", ";")
                            for t in parse_tree(tok.doc).toks[tok.i + 1: c.left_edge.i]
                            if head_of(t).i in (tok.i, c.i)):
            return c
    return None


def dateline_tokens(sent: SpacySpan) -> set[int]:
    """Tokens of a dateline opening a line of the sentence: a place in capitals ("LYON",
    "KHAN YOUNIS"), maybe followed by ", region" or ", date (Agency)", closed by a colon or a dash
    before any verb."""
    doc, out = parse_tree(sent.doc).toks, set()
    starts = [sent.start] + [i + 1 for i in _line_ends(sent) if i + 1 < sent.end]
    for start in starts:
        while start < sent.end and doc[start].is_space:
            start += 1
        if start >= sent.end:
            continue
        first = doc[start]
        if not (first.is_alpha and first.is_upper and len(first) > 1):
            continue
        caps = True
        for t in doc[start: min(sent.end, start + 14)]:
            if t.text == ":" or (t.text in DASHES and (t.text != "-" or t.whitespace_)):
                out.update(range(start, t.i + 1))
                break
            if t.text == ",":
                caps = False
            elif t.pos_ in ("VERB", "AUX") or (caps and t.is_alpha and not t.is_upper) or "\n" in t.text:
                break
            elif not caps and not (t.pos_ in ("PROPN", "NUM", "PUNCT") or t.ent_type_ in ("GPE", "LOC", "DATE")):
                break   # after the comma only a region, a date or an agency: "NATO, the EU and ..." is no dateline
    return out


def _line_ends(sent: SpacySpan) -> list[int]:
    """Tokens of the sentence whose text or trailing space holds a line break, in order. Token
    texts and spaces tile the Doc's text, so the breaks are found in the text itself."""
    toks, text = parse_tree(sent.doc).toks, text_of(sent.doc)
    lo = toks[sent.start].idx
    hi = toks[sent.end].idx if sent.end < len(toks) else len(text)
    out: list[int] = []
    nl = text.find("\n", lo, hi)
    starts = [t.idx for t in toks[sent.start:sent.end]] if nl != -1 else []
    while nl != -1:
        i = sent.start + bisect.bisect_right(starts, nl) - 1
        if not out or out[-1] != i:
            out.append(i)
        nl = text.find("\n", nl + 1, hi)
    return out


def _class_match(ctx: Context, lex: Lexicon, entry: Entry, objs: list[Token], tok: Token) -> bool:
    if entry.obj_class is None:
        return True
    if entry.obj_class == "clause":
        # "accepted that former guerrillas could stand": a that-clause, no object
        return not objs and any(c.dep_ == "ccomp" for c in children(tok))
    if entry.obj_class == "actor":
        return any(ctx._direct(o) is not None for o in objs)
    if entry.obj_class == "object":
        return bool(objs)   # "took over the town", not "a new government took over"
    if entry.obj_class.startswith("own_"):
        # ("Under the treaty, the United States will destroy 859 missiles": what a deal binds a
        # party to do to arms no one else owns is done to its own)
        bound = _under_a_deal(lex, tok)
        objs = [o for o in objs if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children(o))
                or bound and not any(c.dep_ == "poss" for c in children(o))]
    members = lex.classes.get(entry.obj_class, set())
    # "halts seven weeks of air strikes": a measure's of-phrase is what is measured
    objs = objs + [w for o in objs if lemma_of(o) in lex.measure_nouns for p in children(o)
                   if p.dep_ == "prep" and lemma_of(p) == "of" for w in children(p) if w.dep_ == "pobj"]
    words = [w for o in objs for w in [o] + [c for c in children(o) if c.dep_ in ("compound", "amod")]]
    if entry.obj_class == "territory" and any(_named_place(ctx, o) for o in objs):
        return True   # "captured Huambo": a named place is land taken
    return any(lemma_of(w) in members or w.text.lower() in members for w in words)


def _under_a_deal(lex: Lexicon, tok: Token) -> bool:
    """The verb (or the first of coordinated verbs) is governed by "under the treaty/deal"."""
    verb = head_of(tok) if tok.dep_ == "conj" else tok
    deals = lex.classes.get("deals", set()) | lex.classes.get("proposal", set())
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(o.dep_ == "pobj" and lemma_of(o) in deals
                                                               for o in children(c)) for c in children(verb))


def _named_place(ctx: Context, tok: Token) -> bool:
    """A place's name: tagged as one, listed as one, or a name no actor has that the recogniser
    did not take for a person or body (it tags some towns as events or products)."""
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or ctx._place(tok) is not None:
        return True
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "ORG", "NORP") and ctx._direct(tok) is None


def conjuncts_verbs(tok: Token) -> list[Token]:
    return [tok] + [c for c in children(tok) if c.dep_ == "conj" and c.pos_ == "VERB"]


def names_people(lex: Lexicon, tok: Token) -> bool:
    lem = lemma_of(tok)
    if lem in lex.quantity_nouns:   # "hundreds of demonstrators"
        return any(names_people(lex, o) for p in children(tok) if p.dep_ == "prep" and lemma_of(p) == "of"
                   for o in children(p) if o.dep_ == "pobj")
    return lem in lex.agent_nouns or any(lem in lex.classes.get(c, ()) for c in ("observers", "envoy", "troops"))


def _verb_lemmas(tok: Token) -> list[str]:
    """The lemma, then guesses from the inflected form: the small model's lemmatizer
    misreads some verbs ("staged" -> "stag")."""
    text = tok.lower_
    out = [lemma_of(tok)]
    if text.endswith("ied"):
        out.append(text[:-3] + "y")
    if text.endswith("ed"):
        out += [text[:-1], text[:-2], text[:-3]]
    if text.endswith("ing"):
        out += [text[:-3], text[:-3] + "e", text[:-4]]
    if text.endswith("s"):
        out.append(text[:-1])
    return out


def match_verb(ctx: Context, lex: Lexicon, tok: Token) -> Entry | None:
    # the lemma first, as _verb_lemmas lists it, before its guesses are made
    entries = lex.verbs.get(lemma_of(tok)) or next((lex.verbs[w] for w in _verb_lemmas(tok) if w in lex.verbs), None)
    if not entries:
        return None
    objs = objects(tok)
    # a preposition of the verb itself before one inside its object: "agreed sanctions on Iran"
    # is no "agree on"; "took control of the town" still finds "take control of"
    direct, near = _verb_words(tok)
    classes: dict[tuple, bool] = {}   # each object class is tested once per set of prepositions
    for words in (direct, near):
        for e in entries:  # most specific first
            if e.particle_set <= words:
                key = (e.obj_class, e.particle_set)
                fits = classes.get(key)
                if fits is None:
                    # "abide by the accord", "returned to the table": with no direct object, the
                    # class is the entry's own preposition's object
                    pobjs = [w for c in children(tok) if c.dep_ == "prep" and lemma_of(c) in e.particle_set
                             for w in children(c) if w.dep_ == "pobj"] if e.obj_class and not objs else []
                    fits = classes[key] = _class_match(ctx, lex, e, objs or pobjs, tok)
                if fits:
                    return e
    return None


def match_noun(lex: Lexicon, tok: Token) -> Entry | None:
    entries = lex.nouns.get(lemma_of(tok)) or lex.nouns.get(tok.text.lower())
    if not entries:
        return None
    mods = {c.text.lower() for c in children(tok) if c.dep_ in ("compound", "amod")}
    if any(f"{m} {lemma_of(tok)}" in lex.non_events for m in mods):
        return None   # "a press release"
    for e in entries:
        if all(m in mods for m in e.modifiers):
            return e
    return None


def control_complement(tok: Token) -> bool:
    """"have sworn to resist", "vowed to retaliate" parsed as a purpose clause: an infinitive
    without its own subject or object-controller under a verb of intent, schedule or
    (non)performance is that verb's complement ("sent troops to protect" stays a purpose)."""
    if tok.dep_ != "advcl" or not infinitive(tok) or any(c.dep_ in SUBJECT_DEPS for c in children(tok)):
        return False
    head = head_of(tok)
    if any(c.dep_ in OBJECT_DEPS for c in children(head)):
        return False
    gov = lexicon().governors
    return lemma_of(head) in gov["future"] | gov["actual"] | gov["negating"]


def infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))


def _plural_verb(verb: Token) -> bool:
    """The verb (or its first auxiliary) agrees with a plural subject: "have", "are", "were"."""
    first = next((c for c in children(verb) if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb)
    return first.tag_ == "VBP" or first.lower_ == "were"


def antecedent(verb: Token, rel: Token) -> Token:
    """What a relative pronoun stands for. The parser attaches a clause set off by a comma
    ("the support of Paris and Berlin, which have pushed for ...") to the larger phrase; a
    "which" or "that" after a comma names the state or body just before it, unless the larger
    phrase is itself an agent or an act ("officials from Qatar, which", "the strike on Kyiv,
    which")."""
    head = head_of(verb)
    if rel.lower_ in ("who", "whom") and head.dep_ == "appos" and head.ent_type_ != "PERSON" \
            and head_of(head).pos_ == "PROPN" and head_of(head).ent_type_ == "PERSON":
        # "Chester Crocker, the assistant secretary of state who chaired the talks": the person
        # the description is in apposition to
        return head_of(head)
    if rel.lower_ not in ("which", "that") or rel.dep_ not in SUBJECT_DEPS:
        return head
    doc, i = parse_tree(verb.doc).toks, rel.i - 1
    while i > head.i and doc[i].is_punct:
        i -= 1
    if i == rel.i - 1 or i <= head.i:
        return head   # no comma: a restrictive clause, the parser's attachment stands
    near = doc[i]
    while near.dep_ == "conj" and head_of(near).i > head.i:
        near = head_of(near)
    lex = lexicon()
    if near.ent_type_ not in ("GPE", "ORG", "NORP") or near not in set(subtree(head)) \
            or lemma_of(head) in lex.agent_nouns or match_noun(lex, head) is not None or head.ent_type_:
        return head
    return near


def subject_tokens(tok: Token, depth: int = 0) -> list[Token]:
    """Who acts in a verb's clause. Asked several times per trigger: found once per token (a
    fresh list for the caller)."""
    if depth:
        return _find_subject_tokens(tok, depth)
    memo = parse_tree(tok.doc).subjects
    got = memo.get(tok.i)
    if got is None:
        got = memo[tok.i] = _find_subject_tokens(tok, 0)
    return list(got)


def _find_subject_tokens(tok: Token, depth: int = 0) -> list[Token]:
    if depth > 6:
        return []
    subj = [c for c in children(tok) if c.dep_ in SUBJECT_DEPS]
    if not subj and not is_passive(tok):
        subj = [c for c in children(tok) if c.dep_ in PASSIVE_SUBJECT_DEPS]   # a stative participle
    if len(subj) > 1:
        # "JUBA, Jan 17 (Reuters) - Sudan and South Sudan ended ...": the parser made the dateline
        # a second subject
        dateline = dateline_tokens(sent_of(tok))
        subj = [c for c in subj if c.i not in dateline] or subj
        # "Nur Misuari, whose Front signed an accord, said": the parser may make the person whose
        # body it is a second subject of the relative clause
        subj = [c for c in subj if owned_by_whose(c)] or subj
        # "EU High Representative for Foreign Affairs Josep Borrell said": a long title and its
        # holder's name parsed as two subjects; the holder acts
        named = [c for c in subj[1:] if c.ent_type_ == "PERSON" and subj[0].ent_type_ != "PERSON"
                 and subj[0].pos_ == "PROPN" and c.left_edge.i == subj[0].right_edge.i + 1]
        subj = named or subj
        # "Salvadoran President Duarte and Honduran President Azcona Hoyo also signed": the parser
        # may hang the second of two coordinated subjects on the verb, not on the first
        if len(subj) == 2 and subj[1].i > subj[0].i and not any(c.dep_ == "conj" for c in children(subj[0])) \
                and any(c.dep_ == "cc" and c.lower_ == "and" for c in children(subj[0])):
            return conjuncts(subj[0]) + conjuncts(subj[1])
    if subj:
        s = subj[0]
        if s.lower_ in RELATIVE and tok.dep_ == "relcl":
            ante = antecedent(tok, s)
            if ante.dep_ == "conj" and _plural_verb(tok):
                # "Galbraith and U.N. mediator Stoltenberg, who have shuttled between the two
                # sides": a plural verb's clause is about the whole coordination
                first = ante
                while first.dep_ == "conj":
                    first = head_of(first)
                return conjuncts(first)
            return conjuncts(ante)
        return conjuncts(s)
    if tok.dep_ == "relcl" and head_of(tok).pos_ in ("NOUN", "PROPN"):
        return conjuncts(head_of(tok))
    head = head_of(tok)
    if head.i == tok.i:   # the root
        return []
    if tok.dep_ == "conj":
        if is_passive(head) and not is_passive(tok) and not speech_conjunct(tok) and (
                tok.tag_ in ("VB", "VBZ", "VBP")
                or tok.tag_ == "VBD" and any(c.dep_ == "dobj" for c in children(tok))):
            # "was indicted by the court and will resign", "had not been consulted and rejected
            # the deal": the shared subject is the passive's (a past form with an object is active)
            passive = [c for c in children(head) if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if passive:
                return conjuncts(passive[0])
        shared = speech_conjunct(tok) or head
        both = [c for c in children(shared) if c.dep_ in SUBJECT_DEPS]
        if len(both) > 1 and any(owned_by_whose(c) for c in both):
            # "Odinga, whose party says it was robbed, told supporters ...": the whose-clause
            # misread as the first conjunct; the person is the subject of the rest
            return conjuncts(next(c for c in both if not owned_by_whose(c)))
        return subject_tokens(shared, depth + 1)
    if tok.dep_ == "xcomp" or control_complement(tok):
        if head.pos_ == "ADJ":
            return subject_tokens(head_of(head), depth + 1)
        # "spent weeks shuttling between the camps": a stretch of time controls nothing
        objs = [c for c in children(head) if c.dep_ in OBJECT_DEPS and c.ent_type_ not in ("DATE", "TIME")]
        if objs and lemma_of(head) in lexicon().instrument_verbs and not names_people(lexicon(), objs[0]) \
                and objs[0].ent_type_ not in ("NORP", "GPE", "ORG", "PERSON"):
            return subject_tokens(head, depth + 1)   # "used tear gas to disperse": the user acts
        if objs:
            return conjuncts(objs[0])
        # "is set to host", "was expected to sign": the passive governor's subject acts
        passive = [c for c in children(head) if c.dep_ in PASSIVE_SUBJECT_DEPS]
        return conjuncts(passive[0]) if passive else subject_tokens(head, depth + 1)
    if tok.dep_ == "pcomp" and head.dep_ == "prep":
        gov = head_of(head)
        if lemma_of(head) in SUBJECT_CONTROL_PREPS and gov.pos_ in ("VERB", "AUX"):
            # "left the talks without agreeing", "ended the summit after failing": the subject acts
            return subject_tokens(gov, depth + 1)
        objs = [c for c in children(gov) if c.dep_ in OBJECT_DEPS]
        # "accused Kyiv of shelling", "stopped them from leaving": the object acts
        return conjuncts(objs[0]) if objs else subject_tokens(gov, depth + 1)
    if tok.dep_ == "acomp" and tok.pos_ == "VERB":
        return subject_tokens(head, depth + 1)   # "Hanoi is committed to ...": the copula's subject
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        doer = _nearer_doer(tok, head)
        return doer if doer else subject_tokens(head, depth + 1)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.dep_ in OBJECT_DEPS and not names_people(lexicon(), head):
        return subject_tokens(head_of(head), depth + 1)
    if tok.dep_ == "acl" and tok.tag_ == "VBG":
        return conjuncts(head)   # "negotiators meeting in Istanbul"
    return []


def _agentive(tok: Token) -> bool:
    # (an acronym the small model tags as a common noun, "FACT", is still a name)
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or len(tok.text) > 1 and tok.text.isupper() or names_people(lexicon(), tok)


def _nearer_doer(tok: Token, head: Token) -> list[Token]:
    """"The talks collapsed when rebel delegations walked out, accusing the government of
    stalling": the parser hangs the participle on the main verb, whose subject (a thing) cannot
    do it; the doer is the subject of the clause just before the participle."""
    own = [c for c in children(head) if c.dep_ in SUBJECT_DEPS]
    if not own or any(_agentive(c) for c in own):
        return []
    for v in reversed(list(subtree(head))):
        if v.i >= tok.i or v.i <= head.i:
            continue
        if v.pos_ in ("VERB", "AUX") and v.dep_ in ("relcl", "advcl", "ccomp", "conj") and v.right_edge.i < tok.i:
            subj = [c for c in children(v) if c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE]
            return conjuncts(subj[0]) if subj and _agentive(subj[0]) else []
    return []


# Prepositions whose gerund is done by the governing verb's subject, not its object.
SUBJECT_CONTROL_PREPS = {"without", "after", "before", "by", "while", "despite", "since", "upon", "instead"}


def agent_tokens(tok: Token) -> list[Token]:
    for c in children(tok):
        if c.dep_ == "agent" or (c.dep_ == "prep" and lemma_of(c) == "by"):
            return [x for p in children(c) if p.dep_ == "pobj" for x in conjuncts(p)]
    return []


def hyphen_agents(tok: Token) -> list[Token]:
    """"a Russian-brokered protocol", "Oman-mediated talks", "Turkish-mediated talks": the name a
    hyphen glues to a participle is who did it (an actor only if the actor layer says so)."""
    doc = tok.doc
    return [x for c in children(tok) if c.i + 2 == tok.i and c.dep_ in ("npadvmod", "compound", "nmod")
            and c.pos_ in ("PROPN", "ADJ", "NOUN") and not c.whitespace_ and doc[c.i + 1].text == "-" and not doc[c.i + 1].whitespace_
            for x in conjuncts(c)]


def _accompanying(prep: Token) -> bool:
    """"together with French diplomats", "along with Qatar": who acts beside the subject."""
    return lemma_of(prep) == "with" and any(c.dep_ == "advmod" and c.lower_ in ("together", "along")
                                            for c in children(prep))


def companions(tok: Token) -> list[Token]:
    """Those the verb's subject acts together with ("shuttled between the camps together with
    French diplomats"): doers beside it, not the other party."""
    return [x for c in children(tok) if c.dep_ == "prep" and _accompanying(c)
            for p in children(c) if p.dep_ == "pobj" for x in conjuncts(p)]


def prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for c in children(tok):
        if c.dep_ == "prep" and _accompanying(c):
            continue
        if c.dep_ in ("prep", "dative") and lemma_of(c) in preps:
            out.extend(x for p in children(c) if p.dep_ == "pobj" for x in conjuncts(p))
        elif c.dep_ == "prt":
            for p in children(c):
                if p.dep_ == "prep" and lemma_of(p) in preps:
                    out.extend(x for q in children(p) if q.dep_ == "pobj" for x in conjuncts(q))
    return out


DASHES = {"\u2013", "\u2014", "--", "-"}
DASH_CHARS = ("\u2013", "\u2014", "-")
