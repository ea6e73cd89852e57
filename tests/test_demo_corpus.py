"""The demo corpus (data/demo), its fixtures and the synthetic corpus generator (bench/synth.py).

These tests read the files with the format libraries directly (trafilatura, feedparser, warcio),
not through accord.ingest, so they check the data, not the ingester.
"""
import gzip
import html
import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import feedparser
import lxml.html
import py3langid
import pytest
import trafilatura
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT.parent / "shared" / "seed"
EVAL = ROOT.parent / "shared" / "eval"
RUN = 12  # the project's copy check rejects any 12-word run of the seed


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


synth_module = _load("accord_bench_synth", ROOT / "bench" / "synth.py")
warc_module = _load("accord_bench_make_demo_warc", ROOT / "bench" / "make_demo_warc.py")


def _html_text(markup: str) -> str:
    return lxml.html.fromstring(markup).text_content()


def _demo_articles() -> list[dict]:
    """Every demo article as {source, text, date}, one entry per article whatever its container."""
    articles = []
    for path in sorted(DEMO.iterdir()):
        name = path.name
        if name.endswith(".txt"):
            articles.append({"source": name, "text": path.read_text(encoding="utf-8"), "date": None})
        elif name.endswith(".html"):
            doc = trafilatura.bare_extraction(path.read_text(encoding="utf-8"), with_metadata=True)
            articles.append({"source": name, "text": doc.text, "date": doc.date})
        elif name.endswith(".jsonl"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                record = json.loads(line)
                articles.append({"source": f"{name}:{n}", "text": record["text"], "date": record["published"]})
        elif name.endswith(".xml"):
            for entry in feedparser.parse(str(path)).entries:
                body = entry.content[0].value if "content" in entry else entry.summary
                articles.append({"source": entry.link, "text": _html_text(body), "date": entry.published})
        elif name.endswith(".warc.gz"):
            with open(path, "rb") as fh:
                for record in ArchiveIterator(fh):
                    if record.rec_type == "response":
                        page = record.content_stream().read().decode("utf-8")
                        doc = trafilatura.bare_extraction(page, with_metadata=True)
                        articles.append({"source": record.rec_headers.get_header("WARC-Target-URI"),
                                         "text": doc.text, "date": doc.date})
    return articles


@pytest.fixture(scope="module")
def demo_articles():
    return _demo_articles()


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9]+(?:'[a-z0-9]+)?", text)


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


@pytest.fixture(scope="module")
def seed_runs():
    """12-word runs of every shared text the project must not copy: the seed and the eval texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))] if SEED.is_dir() else []
    if not texts:
        pytest.skip(f"no seed texts under {SEED}")
    texts += [p.read_text(encoding="utf-8") for p in sorted((EVAL / "seed").glob("*.txt"))]
    for path in sorted((EVAL / "events").glob("*/*.jsonl")):
        texts += [json.loads(line).get("text", "") for line in path.read_text(encoding="utf-8").splitlines() if line]
    runs = set()
    for text in texts:
        runs |= _runs(text)
    return runs


def test_demo_folder_holds_every_input_format():
    kinds = Counter()
    for path in DEMO.iterdir():
        kind = next((k for k in (".warc.gz", ".txt", ".html", ".jsonl", ".xml", ".md") if path.name.endswith(k)), None)
        assert kind, f"unexpected file in data/demo: {path.name}"
        kinds[kind] += 1
    assert kinds[".txt"] >= 3
    assert kinds[".html"] >= 3
    assert kinds[".jsonl"] == 1
    assert kinds[".xml"] == 1
    assert kinds[".warc.gz"] == 1


def test_demo_corpus_has_at_least_fifteen_articles(demo_articles):
    assert len(demo_articles) >= 15
    assert len({a["text"] for a in demo_articles}) == len(demo_articles)


def test_every_demo_article_is_short_news_length(demo_articles):
    lengths = {a["source"]: len(a["text"].split()) for a in demo_articles}
    assert all(150 <= n <= 400 for n in lengths.values()), lengths


def test_every_demo_article_carries_a_date(demo_articles):
    dateline = re.compile(r"\b(Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, 20\d\d\b")
    for article in demo_articles:
        assert article["date"] or dateline.search(article["text"][:300]), article["source"]


def test_demo_covers_four_negotiations_with_several_articles_each(demo_articles):
    markers = {
        "gaza": ("Hamas",), "ukraine": ("Zelensky", "Kyiv"), "sudan": ("RSF", "Rapid Support Forces"),
        "iran": ("Araghchi", "enrichment"),
    }
    counts = {k: sum(any(m in a["text"] for m in ms) for a in demo_articles) for k, ms in markers.items()}
    assert all(n >= 3 for n in counts.values()), counts


def test_demo_uses_news_quoting_and_naming_styles(demo_articles):
    corpus = "\n".join(a["text"] for a in demo_articles)
    for cue in ("told Reuters", "told the BBC", "told Al Jazeera", "said in a statement", "a spokesman for",
                "Israeli Prime Minister Benjamin Netanyahu", "the US envoy", "the secretary of state", "he said", "never confirmed", "false",
                "will respond if", "cautiously optimistic", "gaps remain", "Disagreements remain over",
                "on Tuesday", "last week"):
        assert cue.lower() in corpus.lower(), cue


def _opens_unclosed_quote(paragraph: str) -> bool:
    return paragraph.count('"') % 2 == 1 or paragraph.count("“") > paragraph.count("”")


def test_demo_continues_quotes_over_paragraphs(demo_articles):
    # News style: a quote running on leaves its paragraph open and reopens the next one.
    continued = set()
    for article in demo_articles:
        paragraphs = [p for p in article["text"].split("\n") if p.strip()]
        for this, following in zip(paragraphs, paragraphs[1:]):
            if _opens_unclosed_quote(this) and following.lstrip().startswith(('"', "“")):
                continued.add(article["source"])
    assert len(continued) >= 2, continued


def test_corpus_jsonl_lines_have_the_contract_fields():
    lines = (DEMO / "corpus_2023-2025.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 4
    for line in lines:
        record = json.loads(line)
        assert {"id", "url", "title", "outlet", "published", "text"} <= record.keys()
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["published"])


def test_rss_feed_parses_with_three_dated_items():
    feed = feedparser.parse(str(DEMO / "continental_dispatch_feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    assert len(feed.entries) == 3
    assert all(e.get("published_parsed") and e.get("link") for e in feed.entries)
    assert sum("content" in e for e in feed.entries) == 2  # the third has only a description


def test_warc_has_two_html_responses():
    with open(DEMO / "levant_horn_review_crawl.warc.gz", "rb") as fh:
        records = [(r.rec_type, r.http_headers.get_header("Content-Type") if r.http_headers else None)
                   for r in ArchiveIterator(fh)]
    responses = [ctype for kind, ctype in records if kind == "response"]
    assert len(responses) >= 2
    assert all(ctype.startswith("text/html") for ctype in responses)


def test_warc_is_reproduced_byte_for_byte_by_its_script(tmp_path):
    out = tmp_path / "again.warc.gz"
    warc_module.write_warc(out)
    assert out.read_bytes() == (DEMO / "levant_horn_review_crawl.warc.gz").read_bytes()
    with gzip.open(out) as fh:  # each record is its own gzip member; the file reads as one stream
        assert fh.read().startswith(b"WARC/1.1")


def test_demo_text_shares_no_twelve_word_run_with_seed_or_eval_texts(demo_articles, seed_runs):
    for article in demo_articles:
        shared = _runs(article["text"]) & seed_runs
        assert not shared, (article["source"], " ".join(next(iter(shared))))


def test_fixtures_and_synthetic_text_share_no_twelve_word_run_with_seed_or_eval_texts(seed_runs):
    texts = {p.name: p.read_text(encoding="utf-8") for p in FIXTURES.glob("*.*") if p.suffix in (".txt", ".html")}
    texts.update({r["id"]: r["text"] for r in synth_module.synth(300, seed=7)})
    for source, text in texts.items():
        assert not _runs(html.unescape(text)) & seed_runs, source


def test_readme_lists_every_demo_file():
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    for path in DEMO.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name


def test_hostile_fixtures_carry_every_payload_as_text():
    txt = (FIXTURES / "hostile.txt").read_text(encoding="utf-8")
    extracted = trafilatura.extract((FIXTURES / "hostile.html").read_text(encoding="utf-8"))
    for text in (txt, extracted):
        for payload in ("<script>alert(1)</script>", "</script>", "javascript:alert(1)",
                        '"><img src=x onerror=alert(1)>', "<b>Khalil al-Hayya</b>"):
            assert payload in text, payload
    raw = (FIXTURES / "hostile.html").read_text(encoding="utf-8")
    assert '<a href="javascript:alert(1)">' in raw and "<script>alert('head-script')</script>" in raw


def test_non_english_fixture_is_identified_as_spanish():
    text = (FIXTURES / "spanish_eln_talks.txt").read_text(encoding="utf-8")
    assert py3langid.classify(text)[0] == "es"


def test_synth_yields_the_requested_number_of_distinct_texts():
    records = list(synth_module.synth(200, seed=1))
    assert len(records) == 200
    assert len({r["text"] for r in records}) == 200
    assert len({r["id"] for r in records}) == 200
    assert all({"id", "url", "title", "outlet", "published", "text"} <= r.keys() for r in records)


def test_synth_is_deterministic_for_a_seed_and_varies_across_seeds():
    first = [r["text"] for r in synth_module.synth(20, seed=3)]
    assert first == [r["text"] for r in synth_module.synth(20, seed=3)]
    assert not set(first) & {r["text"] for r in synth_module.synth(20, seed=4)}


def test_synth_near_duplicates_follow_the_rate_and_point_back():
    records = list(synth_module.synth(2000, seed=5, near_dup_rate=0.1))
    by_id = {r["id"]: r for r in records}
    dups = [r for r in records if "near_duplicate_of" in r]
    assert 120 <= len(dups) <= 280
    for dup in dups:
        base = by_id[dup["near_duplicate_of"]]
        assert base["id"] < dup["id"]
        assert base["outlet"] != dup["outlet"]
        shared = len(set(_words(base["text"])) & set(_words(dup["text"])))
        assert shared / len(set(_words(base["text"]))) > 0.7
    assert not [r for r in synth_module.synth(300, seed=5, near_dup_rate=0.0) if "near_duplicate_of" in r]


def test_synth_text_is_filled_and_dated():
    for record in synth_module.synth(300, seed=9):
        assert "{" not in record["text"] and "}" not in record["text"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["published"])
        assert 80 <= len(record["text"].split()) <= 400


def test_synth_cli_streams_jsonl(tmp_path):
    out = tmp_path / "synth.jsonl"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "50", str(out), "--seed", "2"],
                          capture_output=True, text=True, check=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 50 and "wrote 50" in done.stderr
    assert [json.loads(x)["text"] for x in lines] == [r["text"] for r in synth_module.synth(50, seed=2)]
