"""The unit of work of the multi-process and Dask engines: parse and extract one partition.

Kept apart from ``distributed.py`` so that a worker process imports only the pipeline: DuckDB,
PyArrow and Dask are not loaded in workers that do not write Parquet (about 75 MB less per
worker, which is what keeps two workers and the writer under 1.5 GB).
"""
from __future__ import annotations

from pathlib import Path

from accord import pipeline
from accord.records import Article, Extraction


def process_partition(articles: list[Article], model: str | None, dossier, stages: tuple[str, ...],
                      parquet_dir: str | None, partition: int) -> list[Extraction]:
    """Run on a worker: parse and extract one partition (the model is loaded once per process)."""
    from accord import nlp as nlp_mod
    extractions = pipeline.extract_batch(nlp_mod.load_for_run(model, pipeline.warm), articles, dossier, stages)
    if parquet_dir:
        from accord.distributed import write_parquet
        write_parquet(extractions, Path(parquet_dir), partition)
    return extractions
