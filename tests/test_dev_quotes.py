"""The quote and actor dev articles (data/dev/q_*) keep their scores.

Fourteen articles of our own about other negotiations (Armenia-Azerbaijan, DRC-M23, Ethiopia-TPLF,
US-China trade, Thailand-Cambodia, India-Pakistan, Serbia-Kosovo, Venezuela, Israel-Lebanon,
Iran-US, Russia-Ukraine, Sudan, Yemen-Saudi, Colombia-ELN), each annotated before Accord was run
on it.
Floors are the measured figures less 0.05, so a change that loses a pattern fails here.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from accord.evaluate import evaluate_path

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    files = sorted(DEV.glob("q_*.txt")) + sorted(DEV.glob("q_*.gold.json"))
    if not files:
        pytest.skip("no q_* dev articles")
    folder = tmp_path_factory.mktemp("qdev")
    for f in files:
        shutil.copy(f, folder / f.name)
    return evaluate_path(folder)["scores"]


def test_dev_quotes_are_found(scores):
    assert scores["quotes"]["f1"] >= 0.95


def test_dev_quote_speakers_are_right(scores):
    assert scores["quotes"]["speaker_f1"] >= 0.93


def test_dev_quote_outlets_and_types_are_right(scores):
    assert scores["quotes"]["outlet_accuracy"] >= 0.95
    assert scores["quotes"]["type_accuracy"] >= 0.95


def test_dev_actors_are_found_with_their_affiliation(scores):
    assert scores["actors"]["f1"] >= 0.92
    assert scores["actors"]["affiliation_f1"] >= 0.91
