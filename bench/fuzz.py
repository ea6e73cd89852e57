"""Longer fuzzing of ingest and the extractors: prints inputs tried and crashes found.

    .venv/bin/python bench/fuzz.py [--engine atheris|hypothesis] [--target ingest|extract|all]
                                   [--seconds 120]

``atheris`` (coverage-guided, libFuzzer) is used when it is installed; it is not a project
dependency (``.venv/bin/pip install atheris`` for this bench only). Each target runs in a child
process that catches every exception itself, so a crash is counted and the fuzzing goes on; the
distinct crashes (exception type and innermost accord/library frame) are printed with one input
each. ``--engine hypothesis`` reruns the properties of ``tests/test_fuzz.py`` with many more
examples instead (no shrinking, first failure per property reported).

Crash = an exception escaping ``accord.ingest.read_stream`` (a reported per-file error is not a
crash), or escaping ``pipeline.extract`` / a stage failure it turned into a warning, or a record
span outside its text or empty.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

SUFFIXES = (".txt", ".html", ".jsonl", ".json", ".xml", ".rss", ".warc", ".warc.gz", ".jsonl.gz", "", ".htm")


class Recorder:
    """Counts inputs and distinct crashes; rewrites a JSON stats file now and then for the parent."""

    def __init__(self, path: str):
        self.path, self.tried, self.crashes, self.last = path, 0, {}, 0.0

    def crash(self, exc: BaseException, data) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        where = next((f"{f.filename}:{f.lineno}" for f in reversed(frames)), "?")
        key = f"{type(exc).__name__} at {where}"
        entry = self.crashes.setdefault(key, {"count": 0, "message": str(exc)[:200], "input": repr(data)[:300]})
        entry["count"] += 1

    def tick(self) -> None:
        self.tried += 1
        now = time.monotonic()
        if now - self.last > 2:
            self.flush()
            self.last = now

    def flush(self) -> None:
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"tried": self.tried, "crashes": self.crashes}, f)
        os.replace(tmp, self.path)


def child_atheris(target: str, stats: str, seconds: int) -> None:
    import atheris

    with atheris.instrument_imports(include=["accord"]):
        from accord import pipeline
        from accord.ingest import article_id, read_stream
        from accord.records import Article
    import test_fuzz as props

    rec = Recorder(stats)
    nlp = None
    vocab = props.NAMES + props.VERBS + props.MARKS
    if target == "extract":
        from accord import nlp as nlp_mod
        nlp = nlp_mod.load()

    def ingest_one(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        name = "fuzz" + SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
        body = fdp.ConsumeBytes(fdp.remaining_bytes())
        try:
            for a in read_stream(__import__("io").BytesIO(body), name, lambda m: None):
                assert a.text.strip(), "empty article text"
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            rec.crash(exc, (name, body))

    def extract_one(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        parts = []
        while fdp.remaining_bytes() and len(parts) < 80:
            if fdp.ConsumeIntInRange(0, 5) == 0:
                parts.append(fdp.ConsumeUnicodeNoSurrogates(3))
            else:
                parts.append(vocab[fdp.ConsumeIntInRange(0, len(vocab) - 1)])
            parts.append(" " if fdp.ConsumeIntInRange(0, 3) else "")
        text = "".join(parts)
        if not text.strip():
            return
        try:
            doc = nlp(text)
            article = Article(article_id=article_id(text), text=text, source="fuzz.txt", language="en")
            props.check_extraction(pipeline.extract(doc, article), text)
        except Exception as exc:  # noqa: BLE001
            rec.crash(exc, text)

    one = ingest_one if target == "ingest" else extract_one

    def test_one_input(data: bytes) -> None:
        rec.tick()
        one(data)

    import atexit
    atexit.register(rec.flush)
    # a libFuzzer dictionary of the tokens the readers branch on (tags, magic bytes, entities)
    tokens = [t.encode("utf-8", "surrogatepass") for t in (*props.TAGS, *props.ATTRS, *props.PIECES)]
    tokens += [m for m in props.MAGIC] + [b"<item>", b"<entry>", b"<title>", b"<link>", b"\"text\":",
                                          b"WARC-Type: response\r\n", b"Content-Length: ", b"&#x", b"&#"]
    dict_path = stats + ".dict"
    with open(dict_path, "w") as f:
        for t in tokens:
            f.write('"' + "".join(f"\\x{b:02x}" for b in t) + '"\n')
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-rss_limit_mb=4096", "-print_final_stats=0",
                   "-max_len=4096", f"-dict={dict_path}"], test_one_input)
    try:
        atheris.Fuzz()
    finally:
        rec.flush()


def child_hypothesis(target: str, stats: str, seconds: int) -> None:
    from hypothesis import Phase, settings

    import test_fuzz as props

    rec = Recorder(stats)
    tests = {
        "ingest": ["test_random_bytes_under_any_file_name_never_crash_a_reader",
                   "test_bytes_after_a_recognisable_file_header_never_crash_a_reader",
                   "test_random_text_in_any_encoding_never_crashes_a_reader",
                   "test_corpus_files_with_odd_or_broken_records_never_crash",
                   "test_hostile_html_never_crashes_the_html_reader",
                   "test_odd_and_truncated_feeds_never_crash_the_feed_reader",
                   "test_odd_truncated_and_corrupt_warcs_never_crash_the_warc_reader"],
        "extract": ["test_every_extractor_survives_random_englishish_text_with_spans_inside_it",
                    "test_every_extractor_survives_news_shaped_random_sentences_with_spans_inside_it",
                    "test_every_extractor_survives_arbitrary_unicode"],
    }[target]
    kwargs = {}
    if target == "extract":
        from accord import nlp as nlp_mod
        kwargs["nlp"] = nlp_mod.load()
    budget = seconds / len(tests)
    for name in tests:
        fn = getattr(props, name)
        # the properties carry their own @settings, which Hypothesis will not let a second
        # decorator replace; setting the attribute it reads is the way round that
        fn._hypothesis_internal_use_settings = settings(
            fn._hypothesis_internal_use_settings, max_examples=200, derandomize=False,
            phases=(Phase.generate,), database=None)
        started = time.monotonic()
        while time.monotonic() - started < budget:
            try:
                fn(**kwargs)
            except Exception as exc:  # noqa: BLE001
                rec.crash(exc, name)
            rec.tried = sum(props.TRIED.values())
            rec.flush()
    rec.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("atheris", "hypothesis"), default=None)
    parser.add_argument("--target", choices=("ingest", "extract", "all"), default="all")
    parser.add_argument("--seconds", type=int, default=120, help="per target (default 120)")
    parser.add_argument("--child", nargs=2, metavar=("TARGET", "STATS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    engine = args.engine
    if engine is None:
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    if args.child:
        target, stats = args.child
        (child_atheris if engine == "atheris" else child_hypothesis)(target, stats, args.seconds)
        return 0

    targets = ("ingest", "extract") if args.target == "all" else (args.target,)
    total_tried, total_crashes = 0, 0
    print(f"engine: {engine}, {args.seconds} s per target", flush=True)
    for target in targets:
        with tempfile.TemporaryDirectory() as tmp:
            stats = os.path.join(tmp, "stats.json")
            proc = subprocess.run([sys.executable, __file__, "--engine", engine, "--seconds", str(args.seconds),
                                   "--child", target, stats], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True, timeout=args.seconds * 3 + 300)
            result = json.load(open(stats)) if os.path.exists(stats) else {"tried": 0, "crashes": {}}
        crashes = result["crashes"]
        total_tried += result["tried"]
        total_crashes += len(crashes)
        print(f"{target}: {result['tried']} inputs tried, {len(crashes)} distinct crashes"
              + ("" if proc.returncode == 0 else f" (fuzzer exit {proc.returncode}: {proc.stderr.strip()[-300:]})"),
              flush=True)
        for key, info in sorted(crashes.items(), key=lambda kv: -kv[1]["count"]):
            print(f"  {info['count']:>6} x {key}: {info['message']}\n         e.g. {info['input']}")
    print(f"total: {total_tried} inputs, {total_crashes} distinct crashes")
    return 1 if total_crashes else 0


if __name__ == "__main__":
    sys.exit(main())
