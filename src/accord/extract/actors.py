"""Actor mentions -> canonical actors (INTERFACE FIRST CUT: the actor helper replaces the body).

Public interface other extractors rely on (keep it stable):

    extract_actors(doc, article_id) -> ArticleActors
    ArticleActors.actors        dict actor_id -> Actor
    ArticleActors.mentions      list[Mention] sorted by start
    ArticleActors.mention_at(start, end) -> Mention | None
    ArticleActors.ref_for_token(token) -> ActorRef | None   (noun-phrase head -> actor; pronouns resolved)
    ArticleActors.ref_for_span(span) -> ActorRef | None
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.records import Actor, ActorRef, Mention


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@dataclass
class ArticleActors:
    article_id: str
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.index()

    def index(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping [start, end)."""
        i = bisect.bisect_right(self._starts, end)
        best = None
        for m in self.mentions[max(0, i - 20):i]:
            if m.start < end and m.end > start:
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        return best

    def ref_for_span(self, span: Span) -> ActorRef | None:
        m = self.mention_at(span.start_char, span.end_char)
        if m is None:
            return None
        return ActorRef(m.actor_id, span.text, span.start_char, span.end_char)

    def ref_for_token(self, token: Token) -> ActorRef | None:
        left = min(t.idx for t in token.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct") or t == token)
        m = self.mention_at(token.idx, token.idx + len(token.text))
        if m is None:
            return None
        return ActorRef(m.actor_id, token.doc.text[min(left, m.start):max(m.end, token.idx + len(token))],
                        min(left, m.start), max(m.end, token.idx + len(token)))


def extract_actors(doc: Doc, article_id: str) -> ArticleActors:
    found = ArticleActors(article_id)
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        kind = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}[ent.label_]
        aid = slug(ent.text)
        found.actors.setdefault(aid, Actor(aid, ent.text, kind))
        found.mentions.append(Mention(article_id, aid, ent.text, ent.start_char, ent.end_char))
    found.index()
    return found
