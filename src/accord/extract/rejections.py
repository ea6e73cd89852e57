"""Denials as acts: a party that calls another's statement about it false rejects that statement.

"Biden said Hamas was backing out ... These false statements do not reflect our position, Hamas
said" holds no rejecting verb, yet coders (and analysts) read a rejection by Hamas of Biden's
statement: REJECT, CAMEO 120. The claims extractor already finds the denial and the contradiction
links it to the assertion it answers; this turns each such pair into one event, unless the event
coder already coded a rejection or accusation by the denier in that sentence ("Hamas rejected the
claim" is coded from its verb). Only a denial that names its act counts (a denying verb, "false",
"lies", "baseless": the stance cues' denial words).
"""
from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.dates import resolve_date
from accord.extract.stance import load_cues
from accord.kb.plover import cameo_to_plover
from accord.nlp import ents_in, sent_of, tokens
from accord.records import Article, Claim, Contradiction, Event, Quote, record_id

CAMEO = "120"


def rejections(doc: Doc, article: Article, claims: list[Claim], contradictions: list[Contradiction],
               events: list[Event], quotes: list[Quote] = ()) -> list[Event]:
    assertions = {(c.start, c.end): c for c in claims if c.kind == "assertion"}
    denials = {(c.start, c.end): c for c in claims if c.kind == "denial"}
    cues = load_cues()
    denying = cues.denial_verbs | cues.denial_nouns | set(cues.denial_adjectives)
    etype, mode = cameo_to_plover(CAMEO)
    out: list[Event] = []
    seen: set[tuple[int, str, str]] = set()
    for con in contradictions:
        if con.kind != "denial" or con.a_article_id != article.article_id or con.b_article_id != article.article_id:
            continue
        said, denial = assertions.get((con.a_start, con.a_end)), denials.get((con.b_start, con.b_end))
        if said is None or denial is None or said.claimant is None or denial.claimant is None:
            continue
        source, target = denial.claimant, said.claimant
        if not source.actor_id or not target.actor_id or source.actor_id == target.actor_id:
            continue
        span = doc.char_span(denial.start, denial.end, alignment_mode="expand")
        if span is None or not any(t.lemma_.lower() in denying for t in tokens(doc)[span.start:span.end]):
            continue          # a negated statement of one's own ("we have never been this close") rejects nothing
        sent = sent_of(span[0])
        if any(e.source is not None and e.source.actor_id == source.actor_id and e.type in ("REJECT", "ACCUSE")
               and e.start < sent.end_char and sent.start_char < e.end for e in events):
            continue
        key = (sent.start_char, source.actor_id, target.actor_id)
        if key in seen:
            continue
        seen.add(key)
        quote = next((q.quote_id for q in quotes if q.start <= denial.start < q.end or
                      denial.start <= q.start < denial.end), None)
        out.append(Event(event_id=record_id(article.article_id, "denial", sent.start_char, source.actor_id,
                                            target.actor_id),
                         article_id=article.article_id, type=etype, mode=mode, cameo=CAMEO,
                         start=sent.start_char, end=sent.end_char, source=source, targets=(target,),
                         date=_date(sent, article), quote_id=quote))
    return out


def _date(sent, article: Article):
    """The statement's date when the sentence names one day ("said on Tuesday"), else none."""
    dates = [e for e in ents_in(sent) if e.label_ == "DATE"]
    if len(dates) != 1:
        return None
    return resolve_date(dates[0].text, article.published, False)
