"""The development set (data/dev/) and the blind set (data/blind/) keep their scores.

data/dev: 26 articles of our own about negotiations other than the seed's (Armenia-Azerbaijan,
DRC-M23, Ethiopia-TPLF, US-China trade, Thailand-Cambodia, India-Pakistan, Serbia-Kosovo,
Venezuela, Israel-Lebanon, Iran-US, Russia-Ukraine, Sudan, Yemen-Saudi, Colombia-ELN), each
annotated for one layer before Accord was run on it: q_* quotes and actors, e_* events, p_*
positions and prospects (a record type a gold file leaves out is not scored there).
data/blind: 292 articles annotated on every layer by sessions that never read Accord's code (see
its README); its floors are far lower, because most of these articles were not used to write the
rules. Floors are the figures measured (2026-11-27, thirteenth session, on 96 articles) less 0.05,
so a change that loses a pattern fails here; the comments give the figures on all 292 (thirty-first
session), which the sets added since, held out when they were added, pull down. The positions and
prospects floors were lowered to 0.44 and 0.57 when the ar-au sets (16 articles, scored 0.315 and
0.494 unseen) were added. The dev positions floor fell with a convention change: an official
voicing their own side's stance now holds it ("Peskov said Moscow was open ..." is Peskov's), as
the blind annotators record it; the dev gold gives such positions to the side. Dev events carry
one more convention gap: talks held somewhere with nobody named ("after talks in Geneva") are
coded as the two sides meeting, as the blind annotators code them; the dev gold leaves them out.
So are a side's stated refusals ("we will not negotiate with a gun to our head"), coded as a
REJECT (since the eleventh session in place of the negated act, which the dev gold has), and a third party's praise of a deal, aimed at its two sides, and
signing a deal, which the dev gold codes as SUPPORT (CAMEO 057) alone and the blind annotators as
AGREE: Accord codes both. And an act one side is accused of ("accused the army of attacking rebel
camps") is coded as an alleged act beside the accusation, as the blind annotators (and issue 5)
have it; the dev gold has the accusation alone. Since the tenth session, signing a declaration
carries the AGREE twin as well (the dev gold has SUPPORT alone), and a judgement of the chances
and its contrary in clauses a contrastive word sets apart ("encouraged ... but cautioned that
there was a long way to go") are two judgements, as the blind annotators mark them; the dev gold
has one mixed judgement.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from accord.evaluate import evaluate_path

DATA = Path(__file__).resolve().parents[1] / "data"

FLOORS = {
    # set: {record type: {metric: floor}}      measured
    "dev": {
        "quotes": {"f1": 0.95,                    # 0.997
                   "speaker_f1": 0.93,            # 0.990
                   "outlet_accuracy": 0.95,       # 1.000
                   "type_accuracy": 0.95},        # 0.993
        "actors": {"f1": 0.93,                    # 0.979
                   "affiliation_f1": 0.92},       # 0.973
        "events": {"f1": 0.83,                    # 0.881
                   "arguments_f1": 0.74},         # 0.799
        "positions": {"recall": 0.71},            # 0.761 (F1 0.737)
        "assessments": {"f1": 0.87},              # 0.921
    },
    "blind": {
        "quotes": {"f1": 0.88,                    # 0.923
                   "speaker_f1": 0.81},           # 0.871
        "actors": {"f1": 0.77,                    # 0.831
                   "affiliation_f1": 0.67},       # 0.713
        "events": {"f1": 0.55,                    # 0.582
                   "arguments_f1": 0.30},         # 0.353
        "positions": {"f1": 0.44},                # 0.459 (the ar-au sets, added unseen, score 0.315)
        "assessments": {"f1": 0.57},              # 0.633
    },
}
_SCORES: dict[str, dict] = {}


def _scores(name: str) -> dict:
    if name not in _SCORES:
        folder = DATA / name
        if not list(folder.glob("*.gold.json")):
            pytest.skip(f"no gold files in data/{name}")
        _SCORES[name] = evaluate_path(folder)["scores"]
    return _SCORES[name]


@pytest.mark.parametrize("name,record,metric,floor", [
    (n, r, m, f) for n, rs in FLOORS.items() for r, ms in rs.items() for m, f in ms.items()])
def test_gold_set_scores_hold(name, record, metric, floor):
    scores = _scores(name)
    assert scores[record][metric] >= floor, scores[record]
