"""Issues on the table: discovered from the text ("disagreements remain over X, Y and Z"),
taken from a dossier, matched to what an actor says, and merged across articles.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from accord.kb.loader import read_yaml
from accord.records import Article, Issue
from accord.extract.stance import KB, Cues, load_cues, slug
from accord.nlp import children, lefts, rights, sent_of, text_of, tokens, tokens_with

MAX_LABEL_WORDS = 6
# lexical match thresholds (rapidfuzz scores 0-100), tuned on our own fixtures
MATCH_THRESHOLD = 75
MERGE_THRESHOLD = 85


def normalise(text: str) -> list[str]:
    """Lower-case word list with a light plural strip, for matching texts without a parse."""
    return list(_normalised(text))


@functools.lru_cache(maxsize=65536)
def _normalised(text: str) -> tuple[str, ...]:
    # called for every noun of every article with few distinct texts: kept
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = []
    for w in words:
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "as", "os")):
            w = w[:-1]
        out.append(w)
    return tuple(out)


STOP = frozenset("the a an of to in on for with and or over its their his her our this that these those "
                 "be is are was were will would can could only not no any all as at by from into".split())


def content_words(text: str) -> list[str]:
    syn = _synonyms()
    return [syn.get(w, w) for w in normalise(text) if w not in STOP]


@functools.lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    data = read_yaml(KB / "stance_cues.yaml")
    return {str(k): str(v) for k, v in (data.get("issue_synonyms") or {}).items()}


# ---------------------------------------------------------------------------------------------
# discovery


def _is_trigger_noun(tok: Token, cues: Cues) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = tok.lemma_.lower()
    head = _normalised(lemma)
    if not head or head[-1] not in _cue_heads(cues.issue_nouns):
        return False
    left = " ".join(c.lower_ for c in lefts(tok) if c.dep_ in ("compound", "amod"))
    words = set(_normalised(f"{left} {lemma}".strip()))
    for cue, cw in _cue_words(cues.issue_nouns):
        if cw[-1] == head[-1] and set(cw) <= words:
            # bare "issue"/"question" only with a modifier that makes it contested
            if cue in ("issue", "question") and not (words & {"outstanding", "key", "contentious", "main",
                                                               "thorny", "remaining", "unresolved", "core"}):
                return False
            return True
    return False


@functools.lru_cache(maxsize=4)
def _cue_heads(nouns: tuple[str, ...]) -> frozenset[str]:
    return frozenset(cw[-1] for _, cw in _cue_words(nouns) if cw)


@functools.lru_cache(maxsize=4)
def _cue_words(nouns: tuple[str, ...]) -> tuple[tuple[str, list[str]], ...]:
    return tuple((cue, normalise(cue)) for cue in nouns)


def _region_after(tok: Token, sent: Span) -> tuple[int, int] | None:
    """Token range (start, end) of the list that follows a trigger token, to the sentence end."""
    end = sent.end
    while end > tok.i + 1 and (sent.doc[end - 1].is_punct or sent.doc[end - 1].is_space):
        end -= 1
    start = tok.i + 1
    doc = sent.doc
    # "the main disagreement is this: ..." / "include:" -> skip the pointer and colon
    while start < end and (doc[start].lower_ in ("this", "these", "the", "following") and start + 1 < end
                           and doc[start + 1].text == ":" or doc[start].text == ":"):
        start += 1 if doc[start].text == ":" else 2
    return (start, end) if start < end else None


@functools.lru_cache(maxsize=4)
def _trigger_test(nouns: tuple[str, ...], verbs: frozenset[str]) -> Callable[[str], bool]:
    """Whether a lemma may be a trigger word: asked of every lemma of every article, and a
    corpus repeats its lemmas, so the answers are kept."""
    heads = _cue_heads(nouns)

    @functools.lru_cache(maxsize=200_000)
    def may_trigger(lemma: str) -> bool:
        # a trigger noun's normalised lemma ends in a cue's head word (see ``_is_trigger_noun``)
        words = _normalised(lemma)
        return bool(words) and words[-1] in heads or lemma in verbs
    return may_trigger


def _trigger_regions(doc: Doc, cues: Cues) -> Iterable[tuple[int, int]]:
    """Token ranges of the lists the trigger words of a Doc introduce, in document order."""
    may_trigger = _trigger_test(cues.issue_nouns, cues.issue_verbs)
    for tok in tokens_with(doc, lemma_if=may_trigger, words=cues.issue_adjectives):
        sent = sent_of(tok)
        if _is_trigger_noun(tok, cues):
            preps = [c for c in rights(tok) if c.dep_ == "prep" and c.lower_ in cues.issue_preps]
            if preps:
                yield from filter(None, [_region_after(preps[0], sent)])
                continue
            head = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
                # "disputes persist over X", "sticking points include X"
                prep = [c for c in rights(head) if c.dep_ == "prep" and c.lower_ in cues.issue_preps]
                if prep:
                    yield from filter(None, [_region_after(prep[0], sent)])
                elif head.lemma_ in cues.list_verbs:
                    yield from filter(None, [_region_after(head, sent)])
        elif tok.lower_ in cues.issue_adjectives and tok.pos_ in ("ADJ", "ADV", "NOUN", "VERB"):
            # "remain far apart on X", "are at odds over X": the prep hangs on the word or its verb
            preps = [c for c in (*children(tok), *children(tok.head)) if c.dep_ == "prep" and c.i > tok.i
                     and c.lower_ in ("on", "over", "about", "regarding")]
            if preps:
                yield from filter(None, [_region_after(preps[0], sent)])
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in cues.issue_verbs:
            preps = [c for c in rights(tok) if c.dep_ == "prep" and c.lower_ in ("on", "over", "about")]
            if preps:
                yield from filter(None, [_region_after(preps[0], sent)])


def _clause_like(toks: Sequence[Token]) -> bool:
    """A region that is a full clause ("Israel only wants a break") lists no noun phrases."""
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj") and
               any(c.dep_ in ("nsubj", "nsubjpass") for c in children(t)) for t in toks[:8])


def _split_items(doc: Doc, start: int, end: int, cues: Cues) -> list[list[Token]]:
    """Coordinated noun phrases of a list region, one token list per item."""
    items: list[list[Token]] = [[]]
    toks = list(doc[start:end])
    for k, t in enumerate(toks):
        if t.text in (",", ";"):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and nxt.lower_ in cues.list_qualifiers:
                items[-1].append(t)   # qualifier attaches to the item before (trimmed from the label)
            else:
                items.append([])
            continue
        if t.lower_ in ("and", "or") and t.pos_ == "CCONJ":
            cur = [x for x in items[-1] if not x.is_punct]
            after_comma = k > 0 and toks[k - 1].text == ","
            bare_left = len([x for x in cur if x.pos_ in ("NOUN", "PROPN", "ADJ")]) <= 1 and not any(
                x.pos_ == "ADP" for x in cur)
            # "the number and names of prisoners": a bare noun shares the right conjunct's modifier
            if not cur and after_comma:
                continue
            if not cur or (bare_left and not after_comma and k + 1 < len(toks) and
                           any(x.lower_ == "of" for x in toks[k + 1:k + 4])):
                items[-1].append(t)
                continue
            if not cur and after_comma:
                continue
            items.append([])
            continue
        items[-1].append(t)
    out = []
    for it in items:
        while it and (it[0].is_punct or it[0].lower_ in ("and", "or")):
            it.pop(0)
        if it and any(x.pos_ in ("NOUN", "PROPN") for x in it):
            out.append(it)
    return out


def issue_label(toks: Sequence[Token], cues: Cues | None = None) -> str:
    """Short label of an issue noun phrase: drop determiners, possessor names, qualifiers and
    relative clauses; keep the head with its modifiers and "of" complements."""
    cues = cues or load_cues()
    words: list[str] = []
    for t in toks:
        if t.lower_ in cues.list_qualifiers or t.text in (",", ";", ":"):
            break
        if t.tag_ in ("WDT", "WP") or t.pos_ == "SCONJ" or (
                t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
                                        and t.tag_ not in ("VBG",)):
            break
        if t.pos_ == "ADP" and t.lower_ != "of":
            break   # "presence in Gaza": the place or beneficiary is not part of the issue's name
        if t.pos_ in ("DET", "PRON", "PART", "PUNCT") or t.dep_ == "case":
            continue
        if t.dep_ == "poss" or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].dep_ == "case"):
            continue
        words.append(t.text.lower())
        if len(words) >= MAX_LABEL_WORDS:
            break
    while words and words[-1] in STOP:
        words.pop()
    return " ".join(words)


def _names_an_issue(item: Sequence[Token], label: str, cues: Cues) -> bool:
    """An issue is a common-noun phrase: "freedom of movement", not "according to two sources",
    "Moscow is now open", "but the channel between Washington and Tehran" or "almost every
    substantive question" (a phrase whose nouns are all light names no matter of its own)."""
    first = next((t for t in item if not t.is_punct and not t.is_space), None)
    if first is None or first.pos_ in ("ADP", "SCONJ", "VERB", "AUX") or first.lower_ in ("but", "while", "although"):
        return False
    words = label.split()
    # "Baku's demand that ...": a stance noun names whose demand, not what is disputed
    return any(t.pos_ == "NOUN" and not t.ent_type_ and t.lower_ in words and t.lemma_.lower() not in cues.light_nouns
               and t.lemma_.lower() not in cues.noun_stance for t in item)


def discover_issues(doc: Doc, article: Article, cues: Cues | None = None) -> list[Issue]:
    cues = cues or load_cues()
    found: dict[str, Issue] = {}
    for start, end in _trigger_regions(doc, cues):
        toks = tokens(doc)[start:end]
        if _clause_like(toks):
            continue
        for item in _split_items(doc, start, end, cues):
            if any(t.pos_ == "VERB" and t.lemma_.lower() in cues.reporting_verbs for t in item):
                continue   # the trailing attribution (", diplomats said") is not an issue
            label = issue_label(item, cues)
            if len(content_words(label)) == 0 or not _names_an_issue(item, label, cues):
                continue
            iid = slug(label)
            text_toks = [t for t in item if not t.is_space]
            s, e = text_toks[0].idx, text_toks[-1].idx + len(text_toks[-1].text)
            found.setdefault(iid, Issue(iid, label, description=text_of(doc)[s:e], origin="discovered",
                                        article_id=article.article_id, start=s, end=e))
    return list(found.values())


# ---------------------------------------------------------------------------------------------
# matching a position's content to issues


def _score(words_a: Sequence[str], words_b: Sequence[str]) -> float:
    if not words_a or not words_b:
        return 0.0
    return fuzz.token_set_ratio(" ".join(words_a), " ".join(words_b))


# an article's positions are matched against the same issue labels and actor names many times
@functools.lru_cache(maxsize=4096)
def _label_words(label: str) -> tuple[str, ...]:
    return tuple(content_words(label))


@functools.lru_cache(maxsize=256)
def _name_words(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for n in names for w in normalise(n))


def match_issue(content: str, issues: Iterable[Issue], exclude: Iterable[str] = (),
                threshold: float = MATCH_THRESHOLD) -> Issue | None:
    """The discovered issue a stretch of text is about, by lemma overlap; None if none is close.

    At least one shared content word that is not a name in ``exclude`` (actor names) is required,
    so a shared place name alone does not tie a statement to an issue."""
    names = _name_words(tuple(exclude))
    words = content_words(content)
    word_set = set(words)
    best, best_score = None, 0.0
    for issue in issues:
        iw = _label_words(issue.label)
        shared = (word_set & set(iw)) - names
        if not shared:
            continue
        score = _score(words, iw)
        # a longer label must share more than one word to be the same issue
        if len(set(iw) - names) >= 3 and len(shared) < 2:
            score -= 20
        if score >= threshold and score > best_score:
            best, best_score = issue, score
    return best


def merge_issues(issues: Sequence[Issue], threshold: float = MERGE_THRESHOLD) -> dict[str, str]:
    """issue_id -> canonical issue_id, joining issues with near-identical labels across articles.

    Dossier issues are always canonical; otherwise the most frequent (then shortest) label wins."""
    ordered = sorted(issues, key=lambda i: (i.origin != "dossier", len(i.label)))
    canon: dict[str, str] = {}
    heads: list[Issue] = []
    for issue in ordered:
        if issue.issue_id in canon:
            continue
        words = content_words(issue.label)
        target = None
        for h in heads:
            hw = content_words(h.label)
            if not words or not hw:
                continue
            ratio = fuzz.token_set_ratio(" ".join(sorted(set(words))), " ".join(sorted(set(hw))))
            shorter = min(len(set(words)), len(set(hw)))
            if ratio >= threshold and len(set(words) & set(hw)) >= min(2, shorter):
                target = h
                break
        if target is None:
            heads.append(issue)
            canon[issue.issue_id] = issue.issue_id
        else:
            canon[issue.issue_id] = target.issue_id
    return canon
