"""Dask engine: the same stage functions as the local engine, run per partition on a cluster.

The driver streams articles from ingest, cuts them into partitions, and keeps a bounded window
of partitions in flight so memory stays flat however large the corpus. Each worker parses and
extracts its partition with ``pipeline.extract_batch`` (the local engine's function), optionally
writes one Parquet file per table per partition, and returns the records; the driver commits
each partition to the DuckDB store in one transaction, as the local engine does.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from accord import pipeline
from accord.partition import process_partition
from accord.records import Extraction
from accord.store import _ARROW_TYPES, COLUMNS, Store, _row, table_rows_of


# Dask settings for the workers this engine starts: Dask's own, with two changes (README: how to
# make them on a cluster of your own).
# - The statistical profiler walks the task thread's stack every 10 ms, which costs the pure-Python
#   extractors time under the GIL; it only feeds the dashboard, which is off.
# - Dask sets MALLOC_TRIM_THRESHOLD_ in its workers, which turns off glibc's adaptive threshold, so
#   the arrays of every parse are returned to the system and asked for again: 7 % slower
#   here (32 vs 34 articles/s, 2 workers, measured twice). The thread caps are kept.
def worker_config() -> dict:
    import dask
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ") or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return {"distributed.worker.profile.enabled": False, "distributed.nanny.pre-spawn-environ": environ}


def load_model(model: str | None) -> str:
    """Run on each worker before the first partition: the model loads once per worker process,
    and a worker without it fails here, before any article is read."""
    from accord import nlp as nlp_mod, pipeline
    return nlp_mod.load_for_run(model, pipeline.warm).meta.get("name", "")


def write_parquet(extractions: list[Extraction], root: Path, partition: int) -> None:
    """One Parquet file per table for this partition, typed as the store's columns."""
    rows_of = table_rows_of(extractions)
    rows_of["actors"] = [_row("actors", a) for ex in extractions for a in ex.actors]
    for table, rows in rows_of.items():
        cols = COLUMNS[table]
        data = pa.table({c: pa.array(list(values), type=_ARROW_TYPES[t])
                         for (c, t), values in zip(cols, zip(*rows) if rows else [()] * len(cols))})
        (root / table).mkdir(parents=True, exist_ok=True)
        pq.write_table(data, root / table / f"part-{partition:06d}.parquet")


def analyze(paths: Iterable[str], store: Store, model: str | None = None, workers: int = 2,
            scheduler: str | None = None, dossier=None, stages=pipeline.STAGES, partition_size: int = 64,
            parquet_dir: str | None = None, on_error: Callable[[str], None] | None = None,
            on_progress: Callable[[pipeline.Summary, int], None] | None = None) -> pipeline.Summary:
    """Analyse ``paths`` on a Dask cluster (a LocalCluster of ``workers`` processes by default)."""
    import dask
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # one thread per worker process: spaCy parsing is CPU-bound and holds the GIL
        with dask.config.set(worker_config()):
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        client = Client(cluster)
    try:
        # loaded on every worker before the run starts, as the local engine loads its model
        client.run(load_model, model)
        run = pipeline.Run(on_error, on_progress)
        run.commit_in_order(store, paths, partition_size, window=2 * max(1, workers), submit=lambda number, fresh:
                            client.submit(process_partition, fresh, model, dossier, tuple(stages), parquet_dir,
                                          number, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return run.finish(store)
