"""Scale and reliability: SIGKILL mid-run then rerun loses and duplicates nothing; Dask equals local."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from accord.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
TABLES = ("articles", "mentions", "quotes", "events", "positions", "assessments", "issues", "claims")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A few hundred short synthetic articles (bench/synth.py), enough for a run of several seconds."""
    out = tmp_path_factory.mktemp("corpus") / "synth.jsonl"
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "120", str(out), "--seed", "7"],
                   check=True, capture_output=True, timeout=120)
    return out


def _analyze(corpus: Path, store: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "accord.cli", "analyze", str(corpus), "--store", str(store),
                             "--batch-size", "16"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _snapshot(store: Path) -> dict[str, list]:
    with Store(store, read_only=True) as st:
        snap = {}
        for table in TABLES:
            cols = "*"
            snap[table] = sorted(map(repr, st.con.execute(f"SELECT {cols} FROM {table}").fetchall()))
        return snap


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict[str, list]:
    store = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    proc = _analyze(corpus, store)
    assert proc.wait(timeout=600) == 0, proc.stderr.read().decode()
    return _snapshot(store)


@pytest.mark.parametrize("kill_after", [2.0, 4.0, 6.0])
def test_sigkill_mid_run_then_rerun_loses_and_duplicates_nothing(corpus, reference, tmp_path, kill_after):
    store = tmp_path / "s.duckdb"
    proc = _analyze(corpus, store)
    time.sleep(kill_after)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    rerun = _analyze(corpus, store)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err.decode()
    snap = _snapshot(store)
    for table in TABLES:
        assert len(snap[table]) == len(reference[table]), table
        assert snap[table] == reference[table], table
    with Store(store, read_only=True) as st:
        dupes = st.con.execute("SELECT count(*) - count(DISTINCT article_id) FROM articles").fetchone()[0]
        assert dupes == 0


def test_dask_engine_gives_the_same_records_as_the_local_engine(tmp_path):
    from accord import distributed, pipeline
    paths = [str(DEMO)]
    local_store, dask_store = Store(tmp_path / "local.duckdb"), Store(tmp_path / "dask.duckdb")
    pipeline.analyze(paths, local_store)
    summary = distributed.analyze(paths, dask_store, workers=2, partition_size=4,
                                  parquet_dir=str(tmp_path / "parquet"))
    assert summary.analysed == local_store.count("articles")
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    local_store.export(local_out, "jsonl")
    dask_store.export(dask_out, "jsonl")
    for f in sorted(local_out.iterdir()):
        a = sorted(f.read_text(encoding="utf-8").splitlines())
        b = sorted((dask_out / f.name).read_text(encoding="utf-8").splitlines())
        assert a == b, f.name
    # the Parquet written per partition is what DuckDB reads directly
    import duckdb
    n = duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{tmp_path / 'parquet' / 'events' / '*.parquet'}')").fetchall()[0][0]
    assert n == local_store.count("events")


@pytest.mark.parametrize("tasks_per_worker", [None, 2], ids=["long-lived workers", "workers replaced"])
def test_two_worker_processes_give_the_same_records_as_one(tmp_path, monkeypatch, tasks_per_worker):
    from accord import parallel, pipeline
    if tasks_per_worker:
        # 5 partitions on 2 workers of 2 partitions each: a worker is replaced mid-run
        monkeypatch.setattr(parallel, "TASKS_PER_WORKER", tasks_per_worker)
    one, two = Store(tmp_path / "one.duckdb"), Store(tmp_path / "two.duckdb")
    pipeline.analyze([str(DEMO)], one)
    summary = pipeline.analyze([str(DEMO)], two, workers=2, batch_size=4)
    assert summary.analysed == one.count("articles")
    one.export(tmp_path / "a", "jsonl")
    two.export(tmp_path / "b", "jsonl")
    for f in sorted((tmp_path / "a").iterdir()):
        assert sorted(f.read_text(encoding="utf-8").splitlines()) == \
            sorted((tmp_path / "b" / f.name).read_text(encoding="utf-8").splitlines()), f.name


def test_parent_of_a_multi_process_run_does_not_load_spacy():
    # the parent only reads and commits; spaCy and the extractors would cost it ~80 MB of RSS
    code = ("import sys, accord.cli, accord.pipeline, accord.parallel, accord.distributed, accord.store, "
            "accord.ingest, accord.dossiers; print(sorted(m for m in ('spacy', 'thinc', 'accord.extract.events') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_parse_batch_is_small_whatever_the_partition(monkeypatch):
    from accord import nlp, pipeline
    from accord.records import Article

    seen = []
    monkeypatch.setattr(nlp, "parse", lambda _nlp, texts, batch_size, n_process: seen.append(batch_size) or iter(()))
    articles = [Article(article_id=str(i), text="Talks resumed.", source="x") for i in range(64)]
    pipeline.extract_batch(None, articles)
    assert seen == [nlp.BATCH_SIZE] and nlp.BATCH_SIZE <= 16


def test_one_process_commits_larger_partitions_unless_told(tmp_path, monkeypatch):
    from accord import pipeline
    from accord.records import Extraction

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": f"Talks resumed on day {i}."}) + "\n"
                              for i in range(100)))
    sizes = []

    def fake_extract(_nlp, fresh, *_args, **_kw):
        sizes.append(len(fresh))
        return [Extraction(article=a) for a in fresh]

    monkeypatch.setattr(pipeline, "extract_batch", fake_extract)
    monkeypatch.setattr(pipeline, "COMMIT_BATCH", 40)
    assert pipeline.analyze([str(corpus)], tmp_path / "a.duckdb").analysed == 100
    assert sizes == [40, 40, 20]
    sizes.clear()
    assert pipeline.analyze([str(corpus)], tmp_path / "b.duckdb", batch_size=32).analysed == 100
    assert sizes == [32, 32, 32, 4]


def test_scale_bench_small_version_prints_every_figure(tmp_path):
    """bench/scale.py end to end on 40 articles: every goal's figure is printed and is a number."""
    import re
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "scale.py"), "--n", "40", "--engines", "local",
                          "--rss-at", "20,40", "--rss-engine", "local", "--rss-workers", "1", "--work", str(tmp_path)],
                         check=True, capture_output=True, text=True, timeout=300).stdout
    per_round = re.search(r"pipeline / raw this round: (\d+\.\d+)", out)
    overall = re.search(r"ratio pipeline 1 worker / raw nlp.pipe = (\d+\.\d+)", out)
    assert per_round and overall and per_round.group(1) == overall.group(1)   # one round: its own ratio
    # raw is timed on both sides of the 1-worker run
    assert out.count("raw nlp.pipe, 1 process:") == 2
    assert re.search(r"ratio local, --workers 2 .* / 1 worker = \d+\.\d+", out)
    peaks = [float(x) for x in re.findall(r"by +\d+ articles .*peak RSS (\d+\.\d+) GB", out)]
    assert len(peaks) == 2 and 0.1 < peaks[0] <= peaks[1] < 1.5


def test_a_run_takes_the_model_out_of_the_collectors_reach_once():
    # a child process, so the test suite's own collector is left alone
    code = ("import gc; from accord import nlp; nlp.load_for_run(); n = gc.get_freeze_count(); "
            "x = [[] for _ in range(1000)]; nlp.load_for_run(); print(n, gc.get_freeze_count())")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120)
    frozen, again = map(int, out.stdout.split())
    assert frozen > 10_000          # the model's objects
    assert again == frozen          # only the first load freezes: later objects stay collectable


def test_a_run_warms_the_extractors_once_before_the_freeze():
    # the knowledge base, lexicons and dateparser load at start-up and are frozen with the model
    code = ("import gc; from accord import nlp, pipeline; calls = []\n"
            "def warm(m): calls.append(gc.get_freeze_count()); pipeline.warm(m)\n"
            "nlp.load_for_run(None, warm); n = gc.get_freeze_count(); nlp.load_for_run(None, warm)\n"
            "from accord.extract import dates\n"
            "print(calls, n, dates._absolute_cached.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=120)
    calls, frozen, dated = out.stdout.rsplit(" ", 2)
    assert calls == "[0]"               # once, and before anything was frozen
    assert int(frozen) > 10_000 and int(dated) >= 1
