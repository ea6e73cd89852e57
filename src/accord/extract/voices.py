"""Who is speaking where: spans of quoted text with their speaker.

Taken from the quote extractor's records when it found any; otherwise from the quotation marks
and the nearest reporting verb outside them (same sentence, then same paragraph, then a
paragraph continuing the previous speaker), so positions do not depend on the quote layer.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from accord.records import ActorRef, Quote
from accord.extract.stance import Cues, clean_ref, in_quote_marks, resolve_actor, within
from accord.nlp import children, sentences, text_of


@dataclass(frozen=True)
class Voice:
    start: int
    end: int
    speaker: ActorRef


class Voices:
    def __init__(self, voices: list[Voice]):
        self.voices = sorted(voices, key=lambda v: v.start)
        self._starts = [v.start for v in self.voices]

    def speaker_at(self, start: int, end: int) -> ActorRef | None:
        i = bisect.bisect_right(self._starts, start)
        for v in reversed(self.voices[max(0, i - 8):i]):
            if v.start <= start and end <= v.end + 1:
                return v.speaker
        return None


def _last_person_before(doc: Doc, actors, pos: int, want_person: bool = True) -> ActorRef | None:
    for m in reversed(actors.mentions):
        if m.end > pos:
            continue
        actor = actors.actors.get(m.actor_id)
        if actor is None or actor.is_outlet:
            continue
        if want_person and actor.kind != "person":
            continue
        return ActorRef(m.actor_id, m.text, m.start, m.end)
    return None


def _attribution(sent, actors, quoted: list[tuple[int, int]], cues: Cues) -> ActorRef | None:
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in cues.reporting_verbs:
            continue
        if within(tok.idx, tok.idx + len(tok.text), quoted):
            continue
        subj = [c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            continue
        ref = resolve_actor(subj[0], actors)
        if ref is None and subj[0].pos_ == "PRON" and subj[0].lower_ in ("he", "she"):
            ref = _last_person_before(sent.doc, actors, subj[0].idx)
        if ref is None and subj[0].pos_ == "PRON" and subj[0].lower_ in ("it", "they"):
            ref = _last_person_before(sent.doc, actors, subj[0].idx, want_person=False)
        if ref is not None and not (actors.actors.get(ref.actor_id) and actors.actors[ref.actor_id].is_outlet):
            return ref
    return None


def find_voices(doc: Doc, actors, quotes: list[Quote], cues: Cues) -> Voices:
    voices = [Voice(q.start, q.end, clean_ref(q.speaker, doc)) for q in quotes
              if q.speaker is not None and q.speaker.actor_id]
    if voices:
        return Voices(voices)
    quoted = in_quote_marks(doc)
    if not quoted:
        return Voices([])
    text = text_of(doc)
    all_sents = list(sentences(doc))
    previous: ActorRef | None = None
    prev_para_end = -1
    for qs, qe in quoted:
        if qe - qs < 15:   # scare quotes ("green light") are not speech
            continue
        sents = [s for s in all_sents if s.start_char < qe and s.end_char > qs]
        speaker = None
        for s in reversed(sents):
            speaker = _attribution(s, actors, quoted, cues)
            if speaker:
                break
        para_start = text.rfind("\n", 0, qs) + 1
        para_end = text.find("\n", qe)
        para_end = len(text) if para_end < 0 else para_end
        if speaker is None:
            for s in all_sents:
                if para_start <= s.start_char < para_end and s not in sents:
                    speaker = _attribution(s, actors, quoted, cues)
                    if speaker:
                        break
        # a paragraph that opens with a quote and no attribution continues the previous speaker
        if speaker is None and previous is not None and text[para_start:qs].strip() == "" and \
                text[prev_para_end:para_start].count("\n") <= 2:
            speaker = previous
        if speaker is not None:
            voices.append(Voice(qs, qe, speaker))
            previous = speaker
            prev_para_end = para_end
    return Voices(voices)
