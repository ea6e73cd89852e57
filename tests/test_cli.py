"""The `accord` command end to end: analyse, bad inputs in a batch, idempotency, export, eval, listings."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "eval" / "seed" / "seed.txt"
runner = CliRunner()

ARTICLE = ("DOHA, March 4 (Reuters) - Qatari mediators met a Hamas delegation on Monday, officials said. "
           "\"We are making progress,\" Qatari Prime Minister Mohammed bin Abdulrahman Al Thani told Reuters.")


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Les négociateurs égyptiens ont rencontré à Doha.".encode("latin-1"))
    (tmp_path / "broken.html").write_text("<html><head><title>x</title></head><body><p>Talks in Cai", "utf-8")
    lines = [json.dumps({"id": "a", "text": "Officials from Egypt met envoys in Cairo on Sunday to discuss aid."}),
             "{not json", json.dumps({"id": "b", "text": "Russia and Ukraine traded accusations on Friday."})]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines), "utf-8")
    store = tmp_path / "s.duckdb"
    result = run("analyze", str(tmp_path), str(tmp_path / "missing.txt"), "--store", str(store))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "missing.txt" in out
    assert "binary.bin" in out
    assert "empty.txt" in out
    assert "corpus.jsonl:2" in out
    from accord.store import Store
    with Store(store, read_only=True) as st:
        ids = {r["id"] for r in st.records("articles")}
        sources = {Path(r["source"]).name for r in st.records("articles")}
    assert {"a", "b"} <= ids
    assert "good.txt" in sources


def test_nothing_analysable_exits_non_zero_with_a_message(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("analyze", str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s.duckdb"))
    assert result.exit_code != 0
    assert "nothing could be analysed" in result.output


def test_analysing_twice_adds_nothing_and_says_what_was_skipped(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    store = str(tmp_path / "s.duckdb")
    run("analyze", str(src), "--store", store)
    first = _counts(store)
    again = run("analyze", str(src), "--store", store)
    assert again.exit_code == 0
    assert _counts(store) == first
    assert "already in store" in again.output


def _counts(store: str) -> dict:
    from accord.store import Store
    with Store(store, read_only=True) as st:
        return st.counts()


def test_seed_export_follows_the_contract_and_names_the_actors(tmp_path):
    store, out = str(tmp_path / "s.duckdb"), tmp_path / "export"
    assert run("analyze", str(SEED), "--store", store).exit_code == 0
    assert run("export", "--store", store, "--format", "jsonl", "--out", str(out)).exit_code == 0
    actors = {a["actor_id"]: a for a in map(json.loads, (out / "actors.jsonl").read_text().splitlines())}
    for state in ("USA", "ISR", "EGY", "QAT", "IRN"):
        assert actors[state]["kind"] == "state"
    for org in ("hamas", "hezbollah"):
        assert actors[org]["kind"] in ("organisation", "group")
    expected = {"antony-blinken": "USA", "benjamin-netanyahu": "ISR", "osama-hamdan": "hamas",
                "mustafa-barghouti": "palestinian-national-initiative", "joe-biden": "USA",
                "abdel-fattah-el-sisi": "EGY"}
    for person, affiliation in expected.items():
        assert actors[person]["affiliation"] == affiliation, person
    outlets = {a["name"] for a in actors.values() if "outlet" in a["roles"]}
    assert {"Reuters", "BBC"} <= outlets
    assert any("US envoy" in alias for alias in actors["antony-blinken"]["aliases"])
    text = json.loads((out / "articles.jsonl").read_text())["text"]
    assert text == SEED.read_text(encoding="utf-8")       # verbatim
    for name in ("quotes", "events", "positions", "assessments"):
        for rec in map(json.loads, (out / f"{name}.jsonl").read_text().splitlines()):
            assert 0 <= rec["start"] < rec["end"] <= len(text), name
    for q in map(json.loads, (out / "quotes.jsonl").read_text().splitlines()):
        assert set(q) >= {"quote_id", "article_id", "type", "start", "end", "speaker", "cue", "outlet"}
    for e in map(json.loads, (out / "events.jsonl").read_text().splitlines()):
        assert set(e) >= {"event_id", "type", "mode", "cameo", "source", "targets", "negated", "modality",
                          "condition", "date"}


def test_eval_on_the_seed_prints_json_scores():
    result = run("eval", str(SHARED / "eval" / "seed"), "--json")
    assert result.exit_code == 0
    scores = json.loads(result.output)["scores"]
    assert scores["quotes"]["f1"] >= 0.9
    assert scores["quotes"]["speaker_f1"] >= 0.85
    assert scores["events"]["f1"] >= 0.75
    assert scores["positions"]["recall"] >= 0.7


def test_eval_names_an_article_whose_stage_failed(tmp_path, monkeypatch):
    # regression: a stage failing on an article lowered the scores with no word why
    from accord import pipeline
    from accord.extract import events as events_mod

    def broken(*args, **kwargs):
        raise KeyError("clause")
    monkeypatch.setattr(pipeline, "STRICT", False)
    monkeypatch.setattr(events_mod, "extract_events", broken)
    (tmp_path / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a1.gold.json").write_text(json.dumps({"events": [
        {"source": "Qatar", "target": "Hamas", "type": "CONSULT", "text_start": "Qatari mediators met"}]}))
    result = run("eval", str(tmp_path), "--json")
    assert result.exit_code == 0
    got = json.loads(result.stdout)
    assert got["scores"]["events"]["recall"] == 0
    assert len(got["warnings"]) == 1 and "a1.txt" in got["warnings"][0] and "events" in got["warnings"][0]
    assert "warning:" in result.stderr and "a1.txt" in result.stderr


def test_eval_on_an_event_set_prints_a_table():
    # regression: nested figures (type_only) of an event set made the table crash
    path = SHARED / "eval" / "events" / "petrarch_validation" / "petr2_gsr_validation.jsonl"
    result = run("eval", str(path), "--limit", "3")
    assert result.exit_code == 0, result.output
    assert "type_only" in result.output and "precision" in result.output


def test_listings_show_tables(demo_store_path):
    store = str(demo_store_path)
    for cmd in ("articles", "actors", "quotes", "events", "issues", "positions", "contradictions", "prospects"):
        result = run(cmd, "--store", store)
        assert result.exit_code == 0, (cmd, result.output)
    as_json = run("quotes", "--store", store, "--json").output.splitlines()
    assert as_json and all(json.loads(l)["quote_id"] for l in as_json)
    people = run("actors", "--store", store, "--kind", "person", "--json").output.splitlines()
    assert people and all(json.loads(l)["kind"] == "person" for l in people)


def test_listing_a_missing_store_is_a_clear_error(tmp_path):
    result = run("quotes", "--store", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 2
    assert "none.duckdb" in result.output


def test_stdin_is_read_with_a_dash(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "accord.cli", "analyze", "-", "--store", str(tmp_path / "s.duckdb")],
                          input=ARTICLE.encode(), capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    assert _counts(str(tmp_path / "s.duckdb"))["articles"] == 1


def test_records_written_by_other_extractors_are_named_when_a_run_skips_them(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    store = str(tmp_path / "s.duckdb")
    run("analyze", str(src), "--store", store)
    assert "another version" not in run("analyze", str(src), "--store", store).output
    import duckdb
    con = duckdb.connect(store)
    con.execute("UPDATE accord_meta SET value = 'older' WHERE key = 'extractors'")
    con.close()
    again = run("analyze", str(src), "--store", store)
    assert again.exit_code == 0
    assert "s.duckdb: 1 article(s) already in the store keep records written by another version" in " ".join(
        again.output.split())
