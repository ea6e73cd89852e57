"""The development set (data/dev/) keeps its scores.

26 articles of our own about negotiations other than the seed's (Armenia-Azerbaijan, DRC-M23,
Ethiopia-TPLF, US-China trade, Thailand-Cambodia, India-Pakistan, Serbia-Kosovo, Venezuela,
Israel-Lebanon, Iran-US, Russia-Ukraine, Sudan, Yemen-Saudi, Colombia-ELN), each annotated for
one layer before Accord was run on it: q_* quotes and actors, e_* events, p_* positions and
prospects (a record type a gold file leaves out is not scored there). Floors are the figures
measured on 2026-11-25 less 0.05, so a change that loses a pattern fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from accord.evaluate import evaluate_path

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"

FLOORS = {
    # record type: {metric: floor}            measured
    "quotes": {"f1": 0.95,                    # 1.000
               "speaker_f1": 0.93,            # 0.987
               "outlet_accuracy": 0.95,       # 1.000
               "type_accuracy": 0.95},        # 1.000
    "actors": {"f1": 0.92,                    # 0.970
               "affiliation_f1": 0.91},       # 0.964
    "events": {"f1": 0.88,                    # 0.934
               "arguments_f1": 0.68},         # 0.738
    "positions": {"recall": 0.77},            # 0.826
    "assessments": {"f1": 0.88},              # 0.933
}


@pytest.fixture(scope="module")
def scores():
    if not list(DEV.glob("*.gold.json")):
        pytest.skip("no dev set in data/dev")
    return evaluate_path(DEV)["scores"]


@pytest.mark.parametrize("record,metric,floor", [(r, m, f) for r, ms in FLOORS.items() for m, f in ms.items()])
def test_dev_set_scores_hold(scores, record, metric, floor):
    assert scores[record][metric] >= floor, scores[record]
