"""The one place the stages are chained: ingest -> nlp -> extract -> store.

Used alike by the CLI, the Python API and the Dask engine. ``extract`` is a pure function of a
parsed Doc and its Article; ``analyze`` adds the I/O at the edges.
"""
from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from accord import nlp as nlp_mod
from accord.extract import actors as actors_mod
from accord.extract import events as events_mod
from accord.extract import positions as positions_mod
from accord.extract import prospects as prospects_mod
from accord.extract import quotes as quotes_mod
from accord.records import Article, Extraction

log = logging.getLogger("accord")

# Stages an analysis can stop after; "actors" is the foundation-only run measured by bench/ingest.py.
STAGES = ("actors", "quotes", "events", "positions", "prospects")


def choose_dossier(found: actors_mod.ArticleActors, dossiers) -> object | None:
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
    stages = set(stages)
    found = actors_mod.extract_actors(doc, article.article_id)
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

    def prospects() -> None:
        result.assessments = list(prospects_mod.extract_assessments(doc, found, article, result.quotes))

    for name, run in (("quotes", quotes), ("events", events), ("positions", positions), ("prospects", prospects)):
        stage(name, run)
    # actors may have gained roles or aliases from later stages
    result.actors = list(found.actors.values())
    return result


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
                  batch_size: int = 64) -> list[Extraction]:
    """Parse and extract a batch; non-English articles are kept, with no extraction."""
    english = [a for a in articles if is_english(a)]
    docs = nlp_mod.parse(nlp, (a.text for a in english), batch_size=batch_size, n_process=n_process)
    by_id = {a.article_id: extract(doc, a, dossier, stages) for a, doc in zip(english, docs)}
    return [by_id.get(a.article_id) or Extraction(article=a) for a in articles]


def analyze(paths: Iterable[str | Path], store=None, model: str | None = None, workers: int = 1,
            batch_size: int = 64, dossier=None, stages: Iterable[str] = STAGES,
            on_progress: Callable[[Summary, int], None] | None = None,
            on_error: Callable[[str], None] | None = None) -> Summary:
    """Analyse every article under ``paths`` into ``store`` (a Store or a path)."""
    from accord import ingest
    from accord.store import Store

    store = store if isinstance(store, Store) else Store(store or "accord.duckdb")
    if workers > 1:
        # spaCy's n_process parallelises the parse only and leaves extraction on one core;
        # worker processes that parse and extract scale with the cores (see parallel.py)
        from accord import parallel
        return parallel.analyze(paths, store, model=model, workers=workers, dossier=dossier, stages=stages,
                                partition_size=batch_size, on_error=on_error, on_progress=on_progress)
    nlp = nlp_mod.load(model)
    summary = Summary()
    stages = tuple(stages)

    def error(msg: str) -> None:
        summary.errors.append(msg)
        if on_error:
            on_error(msg)

    stats = ingest.IngestStats()
    started = time.perf_counter()
    commit_size = max(batch_size, 32) * max(1, workers)
    for chunk in batched(ingest.iter_articles([str(p) for p in paths], on_error=error, stats=stats), commit_size):
        summary.read += len(chunk)
        known = store.known_article_ids([a.article_id for a in chunk])
        fresh = [a for a in chunk if a.article_id not in known]
        summary.skipped_known += len(chunk) - len(fresh)
        for a in fresh:
            if not is_english(a):
                summary.non_english += 1
                error(f"{a.source}: language '{a.language}' is not English; stored without extraction")
        if fresh:
            extractions = extract_batch(nlp, fresh, dossier, stages, n_process=workers, batch_size=batch_size)
            store.write(extractions)
            summary.analysed += len(fresh)
            for ex in extractions:
                for warning in ex.warnings:
                    error(warning)
                for name in ("quotes", "events", "positions", "assessments", "mentions"):
                    summary.counts[name] = summary.counts.get(name, 0) + len(getattr(ex, name))
        summary.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(summary, len(chunk))
    summary.duplicates = stats.duplicates
    summary.seconds = time.perf_counter() - started
    store.after_analysis()
    return summary
