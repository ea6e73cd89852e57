"""Property-based robustness: random and hostile input through every ingest path and extractor.

No input may crash a reader or an extractor (an error reported through ``on_error`` naming the
file is the expected outcome for bad input, not a crash), and every record an extractor returns
points at a non-empty span inside its article. Many inputs are drawn per Hypothesis example so
the file tries more than 10,000 inputs in well under a minute; ``bench/fuzz.py`` runs longer.
"""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import subprocess
import sys
import textwrap
from collections import Counter

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from accord.ingest import read_stream
from accord.records import Article

# Inputs tried, per test: the last test checks the file reached its 10,000.
TRIED: Counter = Counter()
MIN_INPUTS = 10_000

# Shrinking a failure in these list-valued inputs can take minutes; the suite stays fast and
# prints the unshrunk example. FUZZ_SHRINK=1 turns shrinking on to get a minimal one.
PHASES = tuple(Phase) if os.environ.get("FUZZ_SHRINK") else tuple(p for p in Phase if p is not Phase.shrink)
FAST = settings(max_examples=60, deadline=None, derandomize=True, phases=PHASES,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ---------------------------------------------------------------------------------------------
# Ingest

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".json", ".xml", ".rss", ".atom", ".warc", ".warc.gz",
            ".jsonl.gz", ".md", "", ".bin")


def ingest_ok(data: bytes, name: str) -> list[Article]:
    """Read one stream; it must not raise, and every article it yields must be usable."""
    errors: list[str] = []
    articles = list(read_stream(io.BytesIO(data), name, errors.append))
    for message in errors:
        assert isinstance(message, str) and message.strip()
    for a in articles:
        assert isinstance(a, Article)
        assert isinstance(a.text, str) and a.text.strip(), (name, a)
        assert a.article_id and all(c in "0123456789abcdef" for c in a.article_id.lower())
    return articles


@FAST
@given(st.lists(st.tuples(st.binary(max_size=600), st.sampled_from(SUFFIXES)), min_size=50, max_size=50))
def test_random_bytes_under_any_file_name_never_crash_a_reader(inputs):
    for data, suffix in inputs:
        ingest_ok(data, "fuzz" + suffix)
    TRIED["random bytes"] += len(inputs)


MAGIC = (b"WARC/1.0\r\n", b"\x1f\x8b\x08\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"<?xml version='1.0'?>", b"<rss>",
         b"<feed xmlns='http://www.w3.org/2005/Atom'>", b"{\"text\": ", b"[", b"<html>", b"\x00")


@FAST
@given(st.lists(st.tuples(st.sampled_from(MAGIC), st.binary(max_size=400), st.sampled_from(SUFFIXES)),
                min_size=50, max_size=50))
def test_bytes_after_a_recognisable_file_header_never_crash_a_reader(inputs):
    # sniffing picks a reader from the first bytes: give each reader garbage behind its own magic
    for magic, rest, suffix in inputs:
        ingest_ok(magic + rest, "fuzz" + suffix)
    TRIED["magic + bytes"] += len(inputs)


ENCODINGS = ("utf-8", "utf-16", "utf-8-sig", "latin-1", "cp1252", "utf-32", "shift_jis")


@FAST
@given(st.lists(st.tuples(st.text(max_size=300), st.sampled_from(ENCODINGS), st.sampled_from(SUFFIXES)),
                min_size=40, max_size=40))
def test_random_text_in_any_encoding_never_crashes_a_reader(inputs):
    for text, encoding, suffix in inputs:
        data = text.encode(encoding, errors="replace")
        ingest_ok(data, "fuzz" + suffix)
    TRIED["encoded text"] += len(inputs)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8)
CORPUS_KEYS = ("text", "id", "url", "title", "outlet", "published", "date", "language", "pubdate")
corpus_records = st.dictionaries(st.sampled_from(CORPUS_KEYS), json_values | st.text(max_size=200), max_size=7)


@FAST
@given(st.lists(st.one_of(corpus_records.map(json.dumps), json_values.map(json.dumps),
                          st.text(max_size=80), corpus_records.map(lambda r: json.dumps(r)[:-3])),
                min_size=5, max_size=25),
       st.sampled_from((".jsonl", ".json", ".jsonl.gz", "")), st.sampled_from(("\n", "\r\n", "\n\n")))
def test_corpus_files_with_odd_or_broken_records_never_crash(lines, suffix, newline):
    data = newline.join(lines).encode("utf-8", "surrogatepass")
    if suffix.endswith(".gz"):
        data = gzip.compress(data)
    ingest_ok(data, "fuzz" + suffix)
    if suffix == ".json":   # a .json file may also be one list of records
        ingest_ok(("[" + ",".join(lines) + "]").encode("utf-8", "surrogatepass"), "fuzz.json")
    TRIED["corpus lines"] += len(lines)


TAGS = ("html", "head", "body", "title", "meta", "p", "div", "article", "script", "style", "br", "table", "tr",
        "td", "a", "span", "iframe", "svg", "math", "noscript", "template", "h1", "time", "main", "nav",
        "footer", "form", "textarea", "pre", "![CDATA[", "!--", "?xml", "!DOCTYPE html", "base")
ATTRS = ('charset="x-unknown-7"', 'http-equiv="content-type" content="text/html; charset=utf-99"',
         'property="og:title" content="', 'name="date" content="2024-13-45"', "onload=alert(1)",
         'href="javascript:void(0)"', 'itemprop="datePublished" content="yesterday"', 'lang="zz"', "=", '"""')
PIECES = ("&amp;", "&#0;", "&#x110000;", "&#xD800;", "&nbsp;", "&bogus;", "&#99999999999;", "\x00", "\ufeff",
          "\u202e", "“", "”", "'", '"', "<", ">", "</", "/>", "-->", "]]>", "\r", "\n", " ",
          "Negotiators met in Doha on Monday.", "“We will not sign,” said Mara Tellen, a spokeswoman.")


@st.composite
def hostile_html(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            tag = draw(st.sampled_from(TAGS))
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRS), max_size=3)))
            parts.append(f"<{tag} {attrs}>")
        elif kind == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(PIECES)))
        elif kind == 3:
            parts.append(draw(st.text(max_size=30)))
        else:   # deep nesting: parsers that recurse per level are the classic stack overflow
            tag = draw(st.sampled_from(("div", "b", "span", "table", "p")))
            depth = draw(st.integers(50, 1500))
            parts.append(f"<{tag}>" * depth + "text" + f"</{tag}>" * draw(st.integers(0, depth)))
    return "".join(parts)


@FAST
@given(st.lists(st.tuples(hostile_html(), st.sampled_from((".html", ".htm", "", ".xml", ".txt"))),
                min_size=5, max_size=5))
def test_hostile_html_never_crashes_the_html_reader(pages):
    for page, suffix in pages:
        ingest_ok(page.encode("utf-8", "surrogatepass"), "fuzz" + suffix)
    TRIED["hostile html"] += len(pages)


@st.composite
def feeds(draw) -> str:
    atom = draw(st.booleans())
    text = st.one_of(st.text(max_size=80), hostile_html(), st.sampled_from(PIECES))
    items = []
    for _ in range(draw(st.integers(0, 6))):
        fields = {name: draw(text) for name in draw(st.lists(st.sampled_from(
            ("title", "link", "description", "content", "summary", "pubDate", "published", "updated")),
            max_size=5, unique=True))}
        body = "".join(f"<{k}>{v}</{k}>" if draw(st.booleans()) else f"<{k}><![CDATA[{v}]]></{k}>"
                       for k, v in fields.items())
        items.append(f"<entry>{body}</entry>" if atom else f"<item>{body}</item>")
    inner = "".join(items)
    if atom:
        doc = f"<feed xmlns='http://www.w3.org/2005/Atom'><title>{draw(text)}</title>{inner}</feed>"
    else:
        doc = f"<rss version='2.0'><channel><title>{draw(text)}</title>{inner}</channel></rss>"
    cut = draw(st.integers(0, len(doc)))
    return doc if draw(st.booleans()) else doc[:cut]


@settings(FAST, max_examples=40)
@given(st.lists(st.tuples(feeds(), st.sampled_from((".xml", ".rss", ".atom", ""))), min_size=5, max_size=5))
def test_odd_and_truncated_feeds_never_crash_the_feed_reader(docs):
    for doc, suffix in docs:
        ingest_ok(doc.encode("utf-8", "surrogatepass"), "fuzz" + suffix)
    TRIED["feeds"] += len(docs)


def _warc_record(rec_type: str, url: str, content_type: str, payload: bytes, status: str) -> bytes:
    if rec_type == "response":
        payload = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + payload
        ctype = "application/http; msgtype=response"
    else:
        ctype = content_type
    head = (f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Record-ID: <urn:uuid:0>\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n")
    return head.encode("utf-8", "surrogatepass") + payload + b"\r\n\r\n"


@st.composite
def warcs(draw) -> tuple[bytes, str]:
    records = []
    for _ in range(draw(st.integers(1, 4))):
        payload = draw(st.one_of(st.binary(max_size=300), hostile_html().map(
            lambda s: s.encode("utf-8", "surrogatepass"))))
        records.append(_warc_record(
            draw(st.sampled_from(("response", "resource", "request", "warcinfo", "metadata"))),
            draw(st.text(max_size=30)).replace("\r", "").replace("\n", ""),
            draw(st.sampled_from(("text/html", "text/plain", "application/xhtml+xml", "image/png", "", ";;"))),
            payload, draw(st.sampled_from(("200 OK", "404 Not Found", "999", "abc", "")))))
    data = b"".join(records)
    how = draw(st.integers(0, 3))
    if how == 1:            # truncated
        data = data[:draw(st.integers(0, len(data)))]
    elif how == 2:          # gzipped, maybe truncated
        data = gzip.compress(data)
        data = data[:draw(st.integers(len(data) // 2, len(data)))]
    elif how == 3:          # bytes flipped
        pos = draw(st.integers(0, max(0, len(data) - 1)))
        data = data[:pos] + draw(st.binary(min_size=1, max_size=8)) + data[pos + 1:]
    return data, ".warc.gz" if how == 2 else ".warc"


@FAST
@given(st.lists(warcs(), min_size=5, max_size=5))
def test_odd_truncated_and_corrupt_warcs_never_crash_the_warc_reader(archives):
    for data, suffix in archives:
        ingest_ok(data, "fuzz" + suffix)
    TRIED["warc"] += len(archives)


@pytest.mark.parametrize("ref", ["&#xD800;", "&#x110000;", "&#55296;", "&#2200000000;"])
@pytest.mark.parametrize("page", ["<html >{}", "<rss><channel><item><title>{}</title></item></channel></rss>"])
def test_a_feed_with_a_surrogate_or_out_of_range_character_reference_is_reported_not_raised(page, ref):
    # found by the hostile-HTML property: feedparser's charref handler raises ValueError/UnicodeEncodeError
    errors: list[str] = []
    list(read_stream(io.BytesIO(page.format(ref).encode()), "bad.xml", errors.append))


def test_a_warc_response_record_without_a_target_uri_is_reported_not_raised():
    # found by the WARC property: warcio's load_http_headers calls uri.startswith on None
    errors: list[str] = []
    list(read_stream(io.BytesIO(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n"), "bad.warc", errors.append))


def test_iter_articles_reports_each_bad_file_by_name_and_reads_the_good_ones(tmp_path):
    from accord.ingest import iter_articles
    (tmp_path / "good.txt").write_text("Negotiators from both sides met in Doha on Tuesday for a third day.\n")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "broken.jsonl").write_bytes(b'{"text": "ok then, talks resumed in Cairo"}\n{"text": \n')
    (tmp_path / "cut.warc.gz").write_bytes(gzip.compress(_warc_record("response", "http://x", "text/html",
                                                                      b"<p>hi</p>", "200 OK"))[:30])
    errors: list[str] = []
    articles = list(iter_articles([str(tmp_path), str(tmp_path / "missing.txt")], on_error=errors.append))
    assert {os.path.basename(a.source).split(":")[0] for a in articles} >= {"good.txt", "broken.jsonl"}
    for bad in ("blob.bin", "empty.html", "missing.txt"):
        assert any(bad in e for e in errors), (bad, errors)
    assert any("broken.jsonl" in e and "2" in e for e in errors), errors


# ---------------------------------------------------------------------------------------------
# Extractors

# English-ish material: invented names, titles, cue verbs, negotiation words, every quote mark.
NAMES = ("Mara Tellen", "Tellen", "Omar Vashti", "Vashti", "Ilse Korrovin", "Jon Abaru", "the Kesh Front",
         "Front", "KF", "Norvania", "Norvanian", "Estrelia", "the Estrelian government", "the United Nations",
         "UN", "Reuters", "AFP", "the BBC", "Hamas", "Israel", "Egypt", "Qatar", "Washington", "the Kremlin",
         "the White House", "Antony Blinken", "the US envoy", "the foreign minister", "a spokeswoman",
         "officials", "mediators", "He", "he", "She", "she", "They", "they", "it", "its", "his", "her")
VERBS = ("said", "told", "says", "added", "warned", "denied", "accused", "insisted", "rejected", "proposed",
         "agreed", "demanded", "threatened", "offered", "accepted", "refused", "urged", "will", "would",
         "could", "not", "never", "if", "unless", "met", "signed", "released", "withdraw", "attack",
         "confirmed", "hopes", "expects", "doubts", "optimistic", "unlikely", "deal", "ceasefire",
         "talks", "prisoners", "sanctions", "on Monday", "next week", "in Cairo", "of", "to", "and", "that",
         "a", "the", "was", "is", "be", "no", "chance", "agreement", "by", "with", "over", "for")
MARKS = ('"', "“", "”", "'", "‘", "’", "«", "»", "„", "``", "''", ",", ".", ";", ":", "—", "–", "-", "(", ")",
         "?", "!", "...", "\n", "\n\n", "’s", "'s", "%", "$", "12", "2024", "May 5", "1,200")
words = st.one_of(st.sampled_from(NAMES), st.sampled_from(VERBS), st.sampled_from(MARKS),
                  st.text(min_size=1, max_size=4))


@st.composite
def englishish(draw) -> str:
    tokens = draw(st.lists(words, min_size=1, max_size=60))
    seps = draw(st.lists(st.sampled_from((" ", " ", " ", "", "\n", "  ")), min_size=len(tokens),
                         max_size=len(tokens)))
    return "".join(t + s for t, s in zip(tokens, seps))


@st.composite
def newsish(draw) -> str:
    """Sentences shaped like news (quote, cue, speaker) with random parts, more likely to reach deep code."""
    out = []
    for _ in range(draw(st.integers(1, 6))):
        q = draw(st.sampled_from(('"', "“", "'", "«", "")))
        close = {"“": "”", "«": "»"}.get(q, q)
        speaker = draw(st.sampled_from(NAMES))
        cue = draw(st.sampled_from(VERBS[:14]))
        body = draw(englishish())
        form = draw(st.integers(0, 3))
        if form == 0:
            out.append(f"{q}{body},{close} {speaker} {cue}.")
        elif form == 1:
            out.append(f"{speaker} {cue} {draw(st.sampled_from(NAMES))} that {body}.")
        elif form == 2:
            out.append(f"{q}{body},{close} {cue} {speaker}, {draw(st.sampled_from(NAMES))}. {q}{body}.{close}")
        else:
            out.append(f"{speaker} {cue} {draw(st.sampled_from(NAMES))} of {body} if {draw(englishish())}.")
    return draw(st.sampled_from(("\n\n", " ", "\n"))).join(out)


def spans_of(value, path="record"):
    """(path, start, end) of every span-like value nested in a record (anything with start and end)."""
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from spans_of(v, f"{path}[{i}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from spans_of(v, f"{path}.{k}")
    elif dataclasses.is_dataclass(value):
        names = {f.name for f in dataclasses.fields(value)}
        if {"start", "end"} <= names and isinstance(value.start, int):
            yield path, value.start, value.end
        for f in dataclasses.fields(value):
            if f.name not in ("start", "end", "article"):
                yield from spans_of(getattr(value, f.name), f"{path}.{f.name}")


RECORD_LISTS = ("mentions", "quotes", "events", "issues", "positions", "claims", "assessments")


def check_extraction(ex, text: str) -> None:
    # a stage's exception is turned into a warning by pipeline.extract; for fuzzing it is a crash
    crashed = [w for w in ex.warnings if "extraction failed" in w]
    assert not crashed, (crashed, text)
    for name in RECORD_LISTS:
        for record in getattr(ex, name):
            assert record.article_id == ex.article.article_id if hasattr(record, "article_id") and \
                record.article_id else True
            for where, start, end in spans_of(record, name):
                assert 0 <= start < end <= len(text), (where, start, end, record, text)
    for c in ex.contradictions:     # cross-article: only the side in this article can be checked
        for side in ("a", "b"):
            if getattr(c, f"{side}_article_id") == ex.article.article_id:
                start, end = getattr(c, f"{side}_start"), getattr(c, f"{side}_end")
                assert 0 <= start < end <= len(text), (c, text)


def run_extract(nlp, texts: list[str], dossier=None) -> None:
    from accord import pipeline
    from accord.ingest import article_id
    for doc, text in zip(nlp.pipe(texts, batch_size=32), texts):
        article = Article(article_id=article_id(text), text=text, source="fuzz.txt", language="en")
        check_extraction(pipeline.extract(doc, article, dossier), text)


EXTRACT = settings(max_examples=25, deadline=None, derandomize=True, phases=PHASES,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@EXTRACT
@given(texts=st.lists(englishish(), min_size=20, max_size=20))
def test_every_extractor_survives_random_englishish_text_with_spans_inside_it(nlp, texts):
    run_extract(nlp, texts)
    TRIED["englishish"] += len(texts)


@EXTRACT
@given(texts=st.lists(newsish(), min_size=12, max_size=12))
def test_every_extractor_survives_news_shaped_random_sentences_with_spans_inside_it(nlp, texts):
    run_extract(nlp, texts)
    TRIED["newsish"] += len(texts)


@pytest.fixture(scope="module")
def dossier():
    from accord import dossiers
    return dossiers.load("gaza-ceasefire-2024")


@settings(EXTRACT, max_examples=15)
@given(texts=st.lists(newsish(), min_size=12, max_size=12))
def test_every_extractor_survives_random_sentences_with_a_dossier(nlp, dossier, texts):
    run_extract(nlp, texts, dossier)
    TRIED["newsish + dossier"] += len(texts)


@settings(EXTRACT, max_examples=20, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(st.text(max_size=120), min_size=15, max_size=15))
def test_every_extractor_survives_arbitrary_unicode(nlp, texts):
    run_extract(nlp, [t for t in texts if t.strip()])
    TRIED["unicode"] += len(texts)


def test_extractors_survive_degenerate_texts(nlp):
    texts = ['"', "“", "”" * 50, "'" * 200, '""', "said.", "He said.", '"said," said said.', ". . . .",
             "\n\n\n\nx", "“He said,” ”she said“", "« »", '"' + "a " * 500 + '"', "Tellen" * 100,
             "(((((((((((", ")" * 40, "—", "‘’" * 30, "a\u0000b said", "\u202eTellen said\u202c"]
    run_extract(nlp, texts)
    TRIED["degenerate"] += len(texts)


# ---------------------------------------------------------------------------------------------
# Store

def test_a_corrupt_store_file_gives_a_clear_error_naming_it(tmp_path):
    from accord.store import Store, StoreError
    path = tmp_path / "corrupt.duckdb"
    path.write_bytes(os.urandom(64 * 1024))
    with pytest.raises(StoreError, match="corrupt.duckdb"):
        Store(path)


def test_a_truncated_store_file_gives_a_clear_error_naming_it(tmp_path):
    from accord.store import Store, StoreError
    path = tmp_path / "cut.duckdb"
    with Store(path):
        pass
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreError, match="cut.duckdb"):
        Store(path)


@settings(max_examples=30, deadline=None, derandomize=True)
@given(junk=st.binary(min_size=1, max_size=5000))
def test_any_junk_store_file_gives_a_store_error_naming_it(tmp_path_factory, junk):
    from accord.store import Store, StoreError
    path = tmp_path_factory.mktemp("junk") / "junk.duckdb"
    path.write_bytes(junk)
    try:
        Store(path).close()
    except StoreError as exc:
        assert "junk.duckdb" in str(exc)
    TRIED["store junk"] += 1


def test_a_store_locked_by_another_process_gives_a_clear_error_naming_it(tmp_path):
    from accord.store import Store, StoreError
    path = tmp_path / "busy.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from accord.store import Store
        s = Store({str(path)!r})
        print("open", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="busy.duckdb") as info:
            Store(path)
        assert "lock" in str(info.value).lower()
    finally:
        holder.communicate("", timeout=30)


def test_a_store_path_that_is_a_directory_gives_a_clear_error_naming_it(tmp_path):
    from accord.store import Store, StoreError
    (tmp_path / "dir.duckdb").mkdir()
    with pytest.raises(StoreError, match="dir.duckdb"):
        Store(tmp_path / "dir.duckdb")


# ---------------------------------------------------------------------------------------------

def test_the_file_tried_at_least_ten_thousand_inputs():
    if len(TRIED) < 8:
        pytest.skip("only part of the file ran")
    assert sum(TRIED.values()) >= MIN_INPUTS, dict(TRIED)
