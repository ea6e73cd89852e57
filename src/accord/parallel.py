"""Local multi-process engine: each worker process parses *and* extracts, and returns only records.

spaCy's own ``n_process`` parallelises the parse alone: Docs are pickled back to the parent and
every extractor then runs in the parent, one core, so two workers give far less than twice the
speed. Here a pool of worker processes runs ``partition.process_partition`` (the same function
the Dask engine runs: ``pipeline.extract_batch`` on one partition) and the parent only ingests,
checks the store for known ids and commits. A bounded window of partitions in flight keeps the
parent's memory flat, and the parent's work overlaps the workers'.

Workers are started with ``spawn``: the parent holds DuckDB's threads, which ``fork`` would copy
in an undefined state. Each worker loads the model once (``nlp.load`` is cached per process).
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor

from accord import pipeline
from accord.partition import process_partition


# A worker process is replaced after this many partitions (12,800 articles at the default size):
# spaCy's string store and the allocator's arenas grow with every new word a worker meets, so a
# worker that lived through a whole corpus would not stay flat in memory. A new worker costs
# one model load, about 1 % of the time its predecessor worked.
TASKS_PER_WORKER = 200


def _executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=max(1, workers), mp_context=multiprocessing.get_context("spawn"),
                               max_tasks_per_child=TASKS_PER_WORKER)


def analyze(paths: Iterable[str], store, model: str | None = None, workers: int = 2, dossier=None,
            stages: Iterable[str] = pipeline.STAGES, partition_size: int = 64,
            on_error: Callable[[str], None] | None = None,
            on_progress: Callable[[pipeline.Summary, int], None] | None = None) -> pipeline.Summary:
    """``pipeline.analyze`` with ``workers`` processes each running parse + extract.

    Partitions are committed in the order they were read (each in one transaction, whole articles
    only), so the store ends as the single-process engine's would, and a killed run resumes by
    idempotency exactly as that engine does.
    """
    from accord.store import Store

    store = store if isinstance(store, Store) else Store(store or "accord.duckdb")
    run = pipeline.Run(on_error, on_progress)
    with _executor(workers) as pool:
        run.commit_in_order(store, paths, partition_size, window=2 * max(1, workers), submit=lambda number, fresh:
                            pool.submit(process_partition, fresh, model, dossier, tuple(stages), None, number))
    return run.finish(store)
