"""Shared fixtures: the spaCy pipeline and one analysed demo store per test session."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"

# a failing extraction stage raises in tests (it is a warning in production runs); workers and
# CLI subprocesses inherit it
os.environ["ACCORD_STRICT"] = "1"


@pytest.fixture(scope="session")
def nlp():
    from accord import nlp as nlp_mod
    return nlp_mod.load()


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory) -> Path:
    """The demo corpus plus the hostile article, analysed once, each article with its own dossier."""
    from accord import pipeline
    from accord.store import Store

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    try:
        from accord import dossiers
        dossier = [dossiers.load(n) for n in dossiers.list_dossiers()]
    except Exception:
        dossier = None
    with Store(path) as store:
        pipeline.analyze([str(DEMO), str(FIXTURES / "hostile.html")], store, dossier=dossier)
    return path


@pytest.fixture()
def demo_store(demo_store_path, tmp_path):
    """A private copy of the demo store (tests may open it read-write)."""
    target = tmp_path / "demo.duckdb"
    shutil.copy(demo_store_path, target)
    from accord.store import Store
    with Store(target) as store:
        yield store
