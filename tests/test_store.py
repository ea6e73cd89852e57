import json

import duckdb
import pytest

from accord.records import (Actor, ActorRef, Article, Assessment, Event, Extraction, Mention, Quote, Span,
                            record_id)
from accord.store import Store, StoreError


def _extraction(text="Officials met in Cairo on Monday.", alias="Cairo talks") -> Extraction:
    art = Article(article_id=record_id(text), text=text, source="mem.txt", published="2025-03-03")
    speaker = ActorRef("EGY", "Egypt", 0, 5)
    return Extraction(
        article=art,
        actors=[Actor("EGY", "Egypt", "state", aliases=(alias,), roles=("mediator",))],
        mentions=[Mention(art.article_id, "EGY", "Cairo", 20, 25, via="capital")],
        quotes=[Quote(record_id(art.article_id, 1), art.article_id, "indirect", 0, 9, text[:9], speaker,
                      Span("met", 10, 13), None)],
        events=[Event(record_id(art.article_id, 2), art.article_id, "CONSULT", None, "040", 0, len(text),
                      speaker, (ActorRef("QAT", "Qatar", 1, 2),), date={"start": "2025-03-01", "end": "2025-03-03"})],
        assessments=[Assessment(record_id(art.article_id, 3), art.article_id, speaker, 0.5, Span("met", 10, 13),
                                False, 0, len(text))],
    )


def test_writing_the_same_article_twice_adds_nothing(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    ex = _extraction()
    assert store.write([ex]) == 1
    before = store.counts()
    assert store.write([ex, ex]) == 0
    assert store.counts() == before
    assert before["articles"] == 1 and before["events"] == 1 and before["mentions"] == 1


def test_same_actor_from_two_articles_merges_aliases_and_roles(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.write([_extraction("First text.", "Cairo"), _extraction("Second text.", "the Egyptian government")])
    actors = store.records("actors")
    assert len(actors) == 1
    assert set(actors[0]["aliases"]) == {"Cairo", "the Egyptian government"}
    assert actors[0]["roles"] == ["mediator"]


def test_actor_merges_across_batches_and_survives_a_failed_batch(tmp_path):
    # actors named again are merged from the rows the store remembers; a batch that fails must
    # leave neither the table nor that memory with its aliases
    store = Store(tmp_path / "s.duckdb")
    store.write([_extraction("First text.", "Cairo")])
    store.write([_extraction("Second text.", "Cairo")])        # nothing new: row unchanged
    failed = _extraction("Third text.", "the Sisi government")
    failed.events.append("not a record")
    with pytest.raises(Exception):
        store.write([failed])
    store.write([_extraction("Fourth text.", "the Egyptian government")])
    actors = store.records("actors")
    assert len(actors) == 1
    assert actors[0]["aliases"] == ["Cairo", "the Egyptian government"]
    store.close()
    reopened = Store(tmp_path / "s.duckdb")                     # a new Store reads what is stored
    reopened.write([_extraction("Fifth text.", "Egypt")])
    assert reopened.records("actors")[0]["aliases"] == ["Cairo", "Egypt", "the Egyptian government"]


def test_failed_batch_leaves_no_half_article(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    good = _extraction("A good article.")
    bad = _extraction("A bad article.")
    bad.events.append("not a record")        # fails while writing, after the article row went in
    with pytest.raises(Exception):
        store.write([good, bad])
    assert store.counts()["articles"] == 0
    assert store.counts()["events"] == 0


def test_jsonl_export_follows_the_contract(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.write([_extraction()])
    files = store.export(tmp_path / "out", "jsonl")
    events = [json.loads(l) for l in files["events"].read_text().splitlines()]
    assert set(events[0]) >= {"event_id", "article_id", "type", "mode", "cameo", "start", "end", "source",
                              "targets", "negated", "modality", "condition", "date"}
    assert events[0]["targets"] == [{"actor_id": "QAT", "text": "Qatar", "start": 1, "end": 2}]
    assert events[0]["date"] == {"start": "2025-03-01", "end": "2025-03-03"}
    quote = json.loads(files["quotes"].read_text())
    assert quote["speaker"] == {"actor_id": "EGY", "text": "Egypt", "start": 0, "end": 5}
    assert quote["cue"] == {"text": "met", "start": 10, "end": 13}
    art = json.loads(files["articles"].read_text())
    assert set(art) >= {"article_id", "source", "id", "url", "title", "outlet", "published", "text"}
    actor = json.loads(files["actors"].read_text())
    assert set(actor) >= {"actor_id", "name", "kind", "affiliation", "roles", "aliases"}
    assert json.loads(files["assessments"].read_text())["holder"]["actor_id"] == "EGY"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_csv_and_parquet_exports_hold_every_table(tmp_path, fmt):
    store = Store(tmp_path / "s.duckdb")
    store.write([_extraction()])
    files = store.export(tmp_path / fmt, fmt)
    reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
    n = duckdb.sql(f"SELECT count(*) FROM {reader}('{files['events']}')").fetchall()[0][0]
    assert n == 1
    assert len(files) == 10


def test_corrupt_store_file_gives_a_clear_error(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="bad.duckdb"):
        Store(bad)


def test_records_filter_with_sql(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.write([_extraction()])
    assert store.records("events", "type = ?", ["CONSULT"])[0]["cameo"] == "040"
    assert store.records("events", "type = ?", ["ASSAULT"]) == []
    with pytest.raises(KeyError):
        store.records("nope")


WIRE = ("Negotiators from both delegations met for six hours in the Omani capital on Saturday, according to "
        "two officials familiar with the talks, who said the next round would focus on sanctions relief and "
        "on limits to uranium enrichment. The foreign minister of the host country described the meeting as "
        "constructive and said both sides had agreed to keep technical teams working through the week. ")


def test_same_wire_story_in_two_outlets_is_linked_as_near_duplicate(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    first = _extraction(WIRE + "(Reporting by Agency A; editing by B.)")
    store.write([first])
    rerun = _extraction("MUSCAT - " + WIRE + "Copyright Daily Courier.")
    other = _extraction("Sudan's army and the paramilitary forces agreed on Thursday to a one-week truce "
                        "in Jeddah, Saudi and US mediators said, the first such deal in a month of fighting.")
    store.write([rerun, other])
    dup = {r["article_id"]: r["duplicate_of"] for r in store.records("articles")}
    assert dup[rerun.article.article_id] == first.article.article_id
    assert dup[other.article.article_id] is None
    assert dup[first.article.article_id] is None


def test_near_duplicates_within_one_batch_link_to_the_first(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    a, b = _extraction(WIRE + "Filed by A."), _extraction(WIRE + "Filed by B.")
    store.write([a, b])
    dup = {r["article_id"]: r["duplicate_of"] for r in store.records("articles")}
    assert dup[b.article.article_id] == a.article.article_id


def _claim_article(n: int, polarity: int, negotiation: str = "grain-deal") -> Extraction:
    """An article whose one claim says Russia did (or did not) withdraw from the deal."""
    from accord.records import Claim
    text = f"Article {n}: a source says Russia {'withdrew' if polarity > 0 else 'did not withdraw'} from the deal."
    art = Article(article_id=f"a{n:03d}", text=text, source=f"{n}.txt", published=f"2025-03-{n + 1:02d}",
                  negotiation=negotiation)
    claimant = ActorRef("UKR" if polarity > 0 else "TUR", "a source", 0, 5)
    claim = Claim(f"c{n:03d}", art.article_id, claimant, ActorRef("RUS", "Russia", 20, 26),
                  Span("withdrew from the deal", 27, 49), 0, len(text), polarity=polarity, predicate="withdraw")
    return Extraction(article=art, claims=[claim])


def _disputed_pairs(store: Store) -> set[tuple[str, str]]:
    return {(c["a_article_id"], c["b_article_id"]) for c in store.records("contradictions")
            if c["kind"] == "disputed_fact"}


def test_cross_article_contradictions_are_searched_in_neighbouring_date_blocks(tmp_path, monkeypatch):
    import accord.store as store_mod
    monkeypatch.setattr(store_mod, "CONTRADICTION_BLOCK", 2)
    store = Store(tmp_path / "s.duckdb")
    # a000 affirms; a001..a005 deny; blocks of two in date order: [0,1] [2,3] [4,5]
    store.write([_claim_article(0, 1)] + [_claim_article(n, -1) for n in range(1, 6)])
    store.after_analysis()
    # the affirming article meets denials in its own block and the next one, not beyond
    assert _disputed_pairs(store) == {("a000", "a001"), ("a000", "a002"), ("a000", "a003")}
    store.after_analysis()    # a rerun adds nothing
    assert len(store.records("contradictions")) == 3


def test_articles_of_different_negotiations_never_contradict(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    store.write([_claim_article(0, 1, "grain-deal"), _claim_article(1, -1, "other-talks"),
                 _claim_article(2, -1, "grain-deal")])
    store.after_analysis()
    assert _disputed_pairs(store) == {("a000", "a002")}
