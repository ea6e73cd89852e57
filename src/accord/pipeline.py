"""The one place the stages are chained: ingest -> nlp -> extract -> store.

Used alike by the CLI, the Python API and the Dask engine. ``extract`` is a pure function of a
parsed Doc and its Article; ``analyze`` adds the I/O at the edges.
"""
from __future__ import annotations

import dataclasses
import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from accord.records import Article, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from accord.extract.actors import ArticleActors

# spaCy and the extractors are imported where they are used, not here: the parent process of a
# multi-process or Dask run only reads and commits, and importing them would cost it about 80 MB
# it never uses (see bench/scale.py, RSS).

log = logging.getLogger("accord")

# With ACCORD_STRICT=1 (the test suite sets it) a stage that fails raises instead of becoming a
# warning, so a bug in an extractor cannot pass for an article with nothing to extract.
STRICT = os.environ.get("ACCORD_STRICT") == "1"

# Articles per partition (read, extracted and committed together) when none is asked for. One
# process commits 256 at a time: a commit writes every table in one transaction with a cost per
# statement, and at 64 the store took 1.7 ms per article, at 256 1.1 ms. Worker processes get
# 64 each, so the last partitions of a run keep every worker busy.
COMMIT_BATCH = 256
PARTITION = 64

# Stages an analysis can stop after; "actors" is the foundation-only run measured by bench/ingest.py.
STAGES = ("actors", "quotes", "events", "positions", "prospects")


def choose_dossier(found: ArticleActors, dossiers) -> object | None:
    """The dossier an article belongs to, when several are in play (``--dossier auto``).

    An article belongs to the negotiation whose parties and mediators it names most: at least
    one party and two distinct dossier actors (states, organisations or their people, counted
    through affiliation). A corpus mixing negotiations thus gets each article's own issues and
    priors, and an article about none of them gets no dossier (issues are discovered instead).
    """
    if dossiers is None or not isinstance(dossiers, (list, tuple)):
        return dossiers
    named = set()
    for m in found.mentions:
        named.add(m.actor_id)
        actor = found.actors.get(m.actor_id)
        if actor is not None and actor.affiliation:
            named.add(actor.affiliation)
    best, best_key = None, (0, 0)
    for d in dossiers:
        ids = {a.id for a in d.actors}
        parties = {a.id for a in d.actors if "party" in a.roles}
        key = (len(named & parties), len(named & ids))
        if key[0] >= 1 and key[1] >= 2 and key > best_key:
            best, best_key = d, key
    return best


def extract(doc: Doc, article: Article, dossier=None, stages: Iterable[str] = STAGES) -> Extraction:
    """All records of one parsed article.

    ``dossier`` is a Dossier, None, or a list of Dossiers to choose from per article.

    A stage that fails on one article is reported in ``Extraction.warnings`` and leaves its
    records empty; the article and the other stages' records are still kept.
    """
    from accord.extract import actors as actors_mod
    from accord.extract import events as events_mod
    from accord.extract import positions as positions_mod
    from accord.extract import prospects as prospects_mod
    from accord.extract import quotes as quotes_mod
    from accord.extract import rejections as rejections_mod

    stages = set(stages)
    found = actors_mod.extract_actors(doc, article.article_id, date=article.published)
    result = Extraction(article=article, actors=list(found.actors.values()), mentions=list(found.mentions))
    dossier = choose_dossier(found, dossier)
    if dossier is not None:
        result.article = dataclasses.replace(article, negotiation=dossier.name)

    def stage(name: str, run: Callable[[], None]) -> None:
        if name not in stages:
            return
        try:
            run()
        except Exception as exc:  # one bad article must not stop a corpus
            if STRICT:
                raise
            log.debug("stage %s failed on %s", name, article.source, exc_info=True)
            result.warnings.append(f"{article.source}: {name} extraction failed ({type(exc).__name__}: {exc})")

    def quotes() -> None:
        result.quotes = list(quotes_mod.extract_quotes(doc, found))

    def events() -> None:
        result.events = list(events_mod.extract_events(doc, found, article, result.quotes))

    def positions() -> None:
        issues, positions, claims, contradictions = positions_mod.extract_positions(
            doc, found, article, result.quotes, result.events, dossier)
        result.issues, result.positions = list(issues), list(positions)
        result.claims, result.contradictions = list(claims), list(contradictions)

    def rejections() -> None:
        # a denial answering another party's statement is a rejection of it (see rejections.py); it
        # is found among the claims and contradictions of the positions stage
        if "positions" in stages:
            result.events += rejections_mod.rejections(doc, article, result.claims, result.contradictions,
                                                       result.events, result.quotes)

    def prospects() -> None:
        result.assessments = list(prospects_mod.extract_assessments(doc, found, article, result.quotes))

    for name, run in (("quotes", quotes), ("events", events), ("positions", positions), ("events", rejections),
                      ("prospects", prospects)):
        stage(name, run)
    # actors may have gained roles or aliases from later stages
    result.actors = list(found.actors.values())
    return result


# A text of our own that touches every stage's one-off loading (a dateline, a date, a quote, a
# judgement of the chances): see ``warm``.
WARM_TEXT = ("GENEVA, March 3 (Reuters) - Negotiators for both sides met on Tuesday and agreed to resume "
             "talks on March 10, a spokesman for the mediators told reporters. \"We are cautiously "
             "optimistic,\" he said.")


def warm(nlp) -> None:
    """Build what the extractors load once per process (the knowledge base's matchers, the cue
    lexicons, the language model, dateparser's English locale) by analysing ``WARM_TEXT``; a run
    calls it at start-up, with the model's loading (``nlp.load_for_run``)."""
    from accord.extract import dates
    from accord.ingest import language
    language.detect(WARM_TEXT)
    dates.resolve_date("March 10, 2024", "2024-03-03")   # (the text's dates may not reach dateparser)
    article = Article(article_id="warm", text=WARM_TEXT, source="warm", published="2024-03-03")
    extract(nlp(WARM_TEXT), article)


def is_english(article: Article) -> bool:
    return article.language in (None, "en")


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass
class Summary:
    read: int = 0
    analysed: int = 0
    skipped_known: int = 0      # already in the store (idempotent re-run)
    duplicates: int = 0         # exact duplicates within the input
    non_english: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0


def extract_batch(nlp, articles: list[Article], dossier=None, stages=STAGES, n_process: int = 1,
                  batch_size: int | None = None) -> list[Extraction]:
    """Parse and extract a batch; non-English articles are kept, with no extraction.

    ``batch_size`` is spaCy's batch (default ``nlp.BATCH_SIZE``), not the partition's size.
    """
    from accord import nlp as nlp_mod

    batch_size = batch_size or nlp_mod.BATCH_SIZE
    english = [a for a in articles if is_english(a)]
    docs = nlp_mod.parse(nlp, (a.text for a in english), batch_size=batch_size, n_process=n_process)
    by_id = {a.article_id: extract(doc, a, dossier, stages) for a, doc in zip(english, docs)}
    return [by_id.get(a.article_id) or Extraction(article=a) for a in articles]


class Run:
    """One analysis run's bookkeeping, shared by the local, parallel and Dask engines: which
    articles are new, what was skipped and why, what was committed, and the store-wide last step."""

    def __init__(self, on_error: Callable[[str], None] | None = None,
                 on_progress: Callable[[Summary, int], None] | None = None):
        from accord import ingest
        self.summary = Summary()
        self.stats = ingest.IngestStats()
        self.on_error, self.on_progress = on_error, on_progress
        self.started = time.perf_counter()

    def error(self, msg: str) -> None:
        self.summary.errors.append(msg)
        if self.on_error:
            self.on_error(msg)

    def partitions(self, paths: Iterable[str | Path], store, size: int) -> Iterator[tuple[int, list[Article]]]:
        """Numbered partitions of the articles not yet in the store (idempotent reruns)."""
        from accord import ingest
        store.limit_memory()
        articles = ingest.iter_articles([str(p) for p in paths], on_error=self.error, stats=self.stats)
        for number, chunk in enumerate(batched(articles, size)):
            self.summary.read += len(chunk)
            known = store.known_article_ids(a.article_id for a in chunk)
            fresh = [a for a in chunk if a.article_id not in known]
            self.summary.skipped_known += len(chunk) - len(fresh)
            for a in fresh:
                if not is_english(a):
                    self.summary.non_english += 1
                    self.error(f"{a.source}: language '{a.language}' is not English; stored without extraction")
            if fresh:
                yield number, fresh
            elif self.on_progress:
                self.on_progress(self.summary, len(chunk))

    def commit(self, store, extractions: list[Extraction]) -> None:
        """Write one partition (one transaction) and count what it held."""
        self.summary.analysed += store.write(extractions)
        for ex in extractions:
            for warning in ex.warnings:
                self.error(warning)
            for name in ("quotes", "events", "positions", "assessments", "mentions"):
                self.summary.counts[name] = self.summary.counts.get(name, 0) + len(getattr(ex, name))
        self.summary.seconds = time.perf_counter() - self.started
        if self.on_progress:
            self.on_progress(self.summary, len(extractions))

    def commit_in_order(self, store, paths: Iterable[str | Path], size: int, submit: Callable, window: int) -> None:
        """Hand partitions to workers (``submit(number, articles)`` returns a future) with at most
        ``window`` in flight, and commit them in the order they were read, so the store ends as
        the single-process engine's would however the workers finish."""
        pending: deque = deque()
        for number, fresh in self.partitions(paths, store, size):
            pending.append(submit(number, fresh))
            while len(pending) >= window:
                self.commit(store, pending.popleft().result())
        while pending:
            self.commit(store, pending.popleft().result())

    def finish(self, store) -> Summary:
        self.summary.duplicates = self.stats.duplicates
        store.after_analysis()
        self.summary.seconds = time.perf_counter() - self.started
        return self.summary


def analyze(paths: Iterable[str | Path], store=None, model: str | None = None, workers: int = 1,
            batch_size: int | None = None, dossier=None, stages: Iterable[str] = STAGES,
            on_progress: Callable[[Summary, int], None] | None = None,
            on_error: Callable[[str], None] | None = None) -> Summary:
    """Analyse every article under ``paths`` into ``store`` (a Store or a path).

    ``batch_size`` is the partition: articles read, handed to a worker and committed together
    (default ``COMMIT_BATCH`` in one process, ``PARTITION`` per worker).
    """
    from accord.store import Store

    store = store if isinstance(store, Store) else Store(store or "accord.duckdb")
    if workers > 1:
        # spaCy's n_process parallelises the parse only and leaves extraction on one core;
        # worker processes that parse and extract scale with the cores (see parallel.py)
        from accord import parallel
        return parallel.analyze(paths, store, model=model, workers=workers, dossier=dossier, stages=stages,
                                partition_size=batch_size or PARTITION, on_error=on_error, on_progress=on_progress)
    from accord import nlp as nlp_mod

    nlp = nlp_mod.load_for_run(model, warm)
    run = Run(on_error, on_progress)
    for _, fresh in run.partitions(paths, store, max(batch_size or COMMIT_BATCH, 32)):
        run.commit(store, extract_batch(nlp, fresh, dossier, tuple(stages)))
    return run.finish(store)
