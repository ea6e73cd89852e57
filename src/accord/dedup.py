"""Near-duplicate articles (the same wire story in several outlets), by MinHash + LSH.

Each article's word 5-gram shingles get a MinHash signature (datasketch). Signatures are cut
into bands; articles sharing a band are candidates, and a candidate whose estimated Jaccard
similarity reaches ``THRESHOLD`` makes the later article a near-duplicate of the earlier one
(``Article.duplicate_of``). Bands and signatures live in the store, so linking works across
runs and stays one SQL join per batch however large the store grows.
"""
from __future__ import annotations

import dataclasses
import functools
import re

import numpy as np
import pyarrow as pa
from datasketch import MinHash

from accord.records import Extraction

NUM_PERM = 64
BANDS, ROWS = 16, 4        # LSH: candidates above about (1/16)^(1/4) = 0.5 similarity
THRESHOLD = 0.7            # estimated Jaccard of shingles for "the same story"
SHINGLE = 5
MAX_PER_BAND = 32          # stored articles compared per shared band (see link)

_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1)


def signature(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    # the seed's permutations drawn once: MinHash draws them anew for every object, which was
    # half the cost of a signature
    template = _template()
    mh = MinHash(num_perm=NUM_PERM, seed=1, permutations=template.permutations, scheme=template.scheme)
    mh.update_batch([s.encode() for s in shingles])
    return mh.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[int]:
    # a band's key: its rows folded into one signed 64-bit integer (DuckDB BIGINT)
    keys = []
    for b in range(BANDS):
        h = hash(tuple(int(v) for v in sig[b * ROWS:(b + 1) * ROWS]))
        keys.append((h * BANDS + b) & 0x7FFFFFFFFFFFFFFF)
    return keys


def ensure_tables(con) -> None:
    con.execute("CREATE TABLE IF NOT EXISTS article_bands (key BIGINT, article_id VARCHAR)")
    con.execute("CREATE TABLE IF NOT EXISTS article_signatures (article_id VARCHAR PRIMARY KEY, sig BLOB)")


def link(con, extractions: list[Extraction]) -> dict[str, np.ndarray]:
    """Set ``duplicate_of`` on articles that repeat an earlier stored or batch article.

    Returns the signatures, for ``save`` once the articles are written."""
    ensure_tables(con)
    sigs = {ex.article.article_id: signature(ex.article.text) for ex in extractions}
    keys = {aid: band_keys(s) for aid, s in sigs.items()}
    rows = [(k, aid) for aid, ks in keys.items() for k in ks]
    stored: dict[int, list[str]] = {}
    if rows:
        # a story syndicated thousands of times shares its bands with every copy: the earliest
        # MAX_PER_BAND articles of a band are enough to find what a new copy repeats, and keep
        # each batch's work flat however many copies the store holds
        found = con.execute("SELECT key, article_id FROM (SELECT key, article_id, row_number() OVER "
                            "(PARTITION BY key ORDER BY rowid) AS n FROM article_bands "
                            "WHERE key IN (SELECT unnest(?))) WHERE n <= ?",
                            [[k for k, _ in rows], MAX_PER_BAND]).fetchall()
        for k, aid in found:
            stored.setdefault(k, []).append(aid)
    cand_ids = sorted({a for ids in stored.values() for a in ids})
    stored_sigs = {}
    if cand_ids:
        for aid, blob in con.execute("SELECT article_id, sig FROM article_signatures WHERE article_id IN "
                                     "(SELECT unnest(?))", [cand_ids]).fetchall():
            stored_sigs[aid] = np.frombuffer(blob, dtype=np.uint64)
    seen_in_batch: dict[int, list[str]] = {}
    for ex in extractions:
        aid = ex.article.article_id
        sig = sigs[aid]
        best, best_sim = None, 0.0
        # candidates in a fixed order, so ties go the same way however the corpus was batched
        candidates = sorted({o for k in keys[aid] for o in stored.get(k, []) + seen_in_batch.get(k, [])} - {aid})
        for other in candidates:
            other_sig = stored_sigs.get(other)
            if other_sig is None:
                other_sig = sigs.get(other)
            sim = float(np.mean(sig == other_sig)) if other_sig is not None else 0.0
            if sim > best_sim:
                best, best_sim = other, sim
        for k in keys[aid]:
            seen_in_batch.setdefault(k, []).append(aid)
        if best is not None and best_sim >= THRESHOLD and ex.article.duplicate_of is None:
            ex.article = dataclasses.replace(ex.article, duplicate_of=best)
    return sigs


def save(con, sigs: dict[str, np.ndarray]) -> None:
    """Record bands and signatures of written articles (inside the store's transaction)."""
    if not sigs:
        return
    ids = list(sigs)
    bands = pa.table({"key": pa.array([k for aid in ids for k in band_keys(sigs[aid])], pa.int64()),
                      "article_id": pa.array([aid for aid in ids for _ in range(BANDS)], pa.string())})
    signatures = pa.table({"article_id": pa.array(ids, pa.string()),
                           "sig": pa.array([sigs[aid].tobytes() for aid in ids], pa.binary())})
    # Arrow in, one INSERT each: DuckDB's executemany runs row by row
    con.register("_accord_bands", bands)
    con.register("_accord_sigs", signatures)
    try:
        con.execute("INSERT INTO article_bands SELECT * FROM _accord_bands")
        con.execute("INSERT INTO article_signatures SELECT * FROM _accord_sigs ON CONFLICT DO NOTHING")
    finally:
        con.unregister("_accord_bands")
        con.unregister("_accord_sigs")
