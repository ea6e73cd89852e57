"""Dev-set guard for event coding: six negotiation articles written for Accord (data/dev/e_*),
annotated before the coder was tuned on them. Fails when a change loses what they measured."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from accord.evaluate import evaluate_path

DEV = Path(__file__).resolve().parent.parent / "data" / "dev"
# measured on 2026-11-25 (events f1 0.934, arguments f1 0.738), less 0.05 of slack
MIN_F1 = 0.88
MIN_ARGUMENTS_F1 = 0.68


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    files = sorted(DEV.glob("e_*.txt"))
    if not files:
        pytest.skip("no dev event articles")
    out = tmp_path_factory.mktemp("dev_events")
    for txt in files:
        shutil.copy(txt, out / txt.name)
        shutil.copy(txt.with_name(txt.stem + ".gold.json"), out / (txt.stem + ".gold.json"))
    return evaluate_path(out)["scores"]["events"]


def test_dev_events_are_found(scores):
    assert scores["f1"] >= MIN_F1, scores


def test_dev_event_arguments_are_right(scores):
    assert scores["arguments_f1"] >= MIN_ARGUMENTS_F1, scores
