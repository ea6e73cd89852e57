"""DuckDB store: one table per record type, idempotent writes, export.

The schema is derived from the dataclasses in ``records.py`` so a field added there reaches the
store and the export without a second definition. Scalar fields are typed columns; nested ones
(ActorRef, Span, tuples, date ranges) are JSON columns, queryable with DuckDB's ``->>``.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

from accord import dedup
from accord import records as R

# table name -> (record class, primary key)
TABLES: dict[str, tuple[type, str]] = {
    "articles": (R.Article, "article_id"),
    "actors": (R.Actor, "actor_id"),
    "mentions": (R.Mention, ""),
    "quotes": (R.Quote, "quote_id"),
    "events": (R.Event, "event_id"),
    "issues": (R.Issue, "issue_id"),
    "positions": (R.Position, "position_id"),
    "claims": (R.Claim, "claim_id"),
    "contradictions": (R.Contradiction, "contradiction_id"),
    "assessments": (R.Assessment, "assessment_id"),
}
# Tables whose key is enforced by a PRIMARY KEY. The other tables hold per-article records,
# written only with their article (Store.write skips stored articles), so their keys cannot
# repeat; an index on them would only cost memory that grows with the store (DuckDB keeps
# ART indexes in memory: 0.3 GB more per 100,000 articles).
ENFORCED_KEYS = frozenset({"articles", "actors", "issues", "contradictions"})
# the Extraction attribute holding each table's records
EXTRACTION_FIELD = {name: name for name in TABLES} | {"articles": "article"}

_SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


class StoreError(RuntimeError):
    """A store file that cannot be opened or written, with a message naming it."""


def _column_type(annotation: object) -> str:
    """Scalar (or optional scalar) annotations map to SQL types; everything else is JSON."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        if len(args) == 1 and args[0] in _SQL_TYPES:
            return _SQL_TYPES[args[0]]
        return "JSON"
    return _SQL_TYPES.get(annotation, "JSON")  # type: ignore[arg-type]


def _columns(cls: type) -> list[tuple[str, str]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, _column_type(hints[f.name])) for f in dataclasses.fields(cls)]


COLUMNS = {name: _columns(cls) for name, (cls, _) in TABLES.items()}
JSON_COLUMNS = {name: {c for c, t in cols if t == "JSON"} for name, cols in COLUMNS.items()}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: object) -> object:
    """JSON-ready form of a nested field (dataclasses.asdict deep-copies every value on the way,
    which made row building a tenth of a run)."""
    if isinstance(value, (str, int, float)) or value is None:
        return value
    kind = type(value)
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _row(table: str, record: object) -> tuple:
    return tuple(json.dumps(_plain(getattr(record, c)), ensure_ascii=False) if t == "JSON" else getattr(record, c)
                 for c, t in COLUMNS[table])


def _merged(old: dict, new: dict) -> dict:
    """An actor seen again: keep the first name and kind, union aliases and roles."""
    return dict(old, affiliation=old["affiliation"] or new["affiliation"],
                roles=sorted(set(old["roles"]) | set(new["roles"])),
                aliases=sorted(set(old["aliases"]) | set(new["aliases"])),
                title=old["title"] or new["title"], is_outlet=bool(old["is_outlet"] or new["is_outlet"]))


def table_rows_of(extractions: Iterable[R.Extraction]) -> dict[str, list[tuple]]:
    """Rows of every table but actors for a batch of articles, each keyed record once (records are
    keyed by content hashes, so a repeat within a batch is the same record)."""
    out: dict[str, list[tuple]] = {}
    for table, (_, key) in TABLES.items():
        if table == "actors":
            continue
        rows = []
        for ex in extractions:
            value = getattr(ex, EXTRACTION_FIELD[table])
            rows.extend(_row(table, r) for r in ([value] if table == "articles" else value))
        if key:
            at = [c for c, _ in COLUMNS[table]].index(key)
            rows = list({r[at]: r for r in reversed(rows)}.values())[::-1]
        out[table] = rows
    return out


_ARROW_TYPES = {"VARCHAR": pa.string(), "JSON": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
                "BOOLEAN": pa.bool_()}


ACTOR_COLUMNS = [c for c, _ in COLUMNS["actors"]]
# actors whose stored row Store keeps in memory (a few hundred bytes each)
KNOWN_ACTORS = 20_000

# DuckDB memory cap while an analysis run writes the store (see Store.limit_memory)
WRITER_MEMORY = "128MB"
# articles per block when contradictions are searched across articles (see _contradiction_windows)
CONTRADICTION_BLOCK = 2000


@functools.lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A digest of the extraction code and the knowledge base: two runs with the same one code
    articles alike. (The package version does not move with each rule.)"""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for f in sorted([*root.glob("extract/*.py"), *root.glob("kb/*.yaml"), *root.glob("kb/*.py")]):
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return digest.hexdigest()[:16]


class Store:
    """A DuckDB file holding every record Accord extracts."""

    def __init__(self, path: str | Path = "accord.duckdb", read_only: bool = False):
        self.path = str(path)
        # stored rows of recently written actors: a corpus names the same actors again and
        # again, and reading, deleting and rewriting each one per batch was a third of the
        # store's write time. Only this Store writes the file (DuckDB locks it), so the cache
        # cannot go stale; it is updated after a commit only.
        self._known_actors: OrderedDict[str, dict] = OrderedDict()
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            first = str(exc).splitlines()[0]
            raise StoreError(f"{self.path}: cannot open store ({first})") from exc
        if not read_only:
            self._create()

    def _create(self) -> None:
        for name, (_, key) in TABLES.items():
            pk = key if name in ENFORCED_KEYS else None
            cols = ", ".join(f'"{c}" {t}' + (" PRIMARY KEY" if c == pk else "") for c, t in COLUMNS[name])
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")
        self.con.execute("CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id)")
        # which extractors wrote the records: kept apart from the exported tables
        self.con.execute("CREATE TABLE IF NOT EXISTS accord_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        dedup.ensure_tables(self.con)

    def extractors(self) -> str | None:
        """The fingerprint of the extractors that wrote this store's records (None: older store)."""
        try:
            row = self.con.execute("SELECT value FROM accord_meta WHERE key = 'extractors'").fetchone()
        except duckdb.Error:
            return None   # a store opened read-only from before the table existed
        return row[0] if row else None

    def stale(self) -> bool:
        """Whether records in this store were written by other extractors than the running ones
        (an analysis skips articles already stored, so they keep their old records)."""
        return self.count("articles") > 0 and self.extractors() != extractor_fingerprint()

    def limit_memory(self, limit: str = WRITER_MEMORY) -> None:
        """Cap DuckDB's memory. DuckDB caches table blocks up to 80 % of RAM by default; a long
        analysis run would grow with the store it writes, so runs cap the cache (blocks are on
        disk and are read back when needed)."""
        self.con.execute(f"SET memory_limit = '{limit}'")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute("SELECT article_id FROM articles WHERE article_id IN (SELECT unnest(?))", [ids])
        return {r[0] for r in rows.fetchall()}

    def write(self, extractions: Iterable[R.Extraction]) -> int:
        """Write whole articles in one transaction; an article already stored is skipped."""
        extractions = list(extractions)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            known = self.known_article_ids(e.article.article_id for e in extractions)
            fresh = []
            for ex in extractions:
                if ex.article.article_id not in known:
                    known.add(ex.article.article_id)
                    fresh.append(ex)
            if fresh and not self.count("articles"):
                con.execute("INSERT OR REPLACE INTO accord_meta VALUES ('extractors', ?)", [extractor_fingerprint()])
            sigs = dedup.link(con, fresh)
            actor_rows = self._upsert_actors([a for ex in fresh for a in ex.actors])
            for table, table_rows in table_rows_of(fresh).items():
                self._insert_rows(table, table_rows)
            dedup.save(con, sigs)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        self._remember_actors(actor_rows)
        return len(fresh)

    def _insert(self, table: str, recs: list) -> None:
        self._insert_rows(table, [_row(table, r) for r in recs])

    def _insert_rows(self, table: str, rows: list[tuple]) -> None:
        """One INSERT per table and batch, through Arrow (DuckDB's executemany runs row by row)."""
        if not rows:
            return
        cols = COLUMNS[table]
        data = pa.table({c: pa.array(values, type=_ARROW_TYPES[t]) for (c, t), values in zip(cols, zip(*rows))})
        self.con.register("_accord_rows", data)
        try:
            conflict = " ON CONFLICT DO NOTHING" if table in ENFORCED_KEYS else ""
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _accord_rows{conflict}")
        finally:
            self.con.unregister("_accord_rows")

    def _upsert_actors(self, actors: list[R.Actor]) -> dict[str, dict]:
        """Same canonical id from several articles merges: first name, union of aliases and roles.

        Returns the rows as stored after the batch, for the cache of known actors (see
        ``_known_actors``); only actors whose stored row changes are rewritten."""
        merged: dict[str, dict] = {}
        for actor in actors:
            d = {c: getattr(actor, c) for c in ACTOR_COLUMNS}
            d["roles"], d["aliases"] = list(d["roles"]), list(d["aliases"])
            old = merged.get(actor.actor_id)
            merged[actor.actor_id] = d if old is None else _merged(old, d)
        if not merged:
            return {}
        stored = {aid: self._known_actors[aid] for aid in merged if aid in self._known_actors}
        unknown = [aid for aid in merged if aid not in stored]
        if unknown:
            names = ", ".join(f'"{c}"' for c in ACTOR_COLUMNS)
            for row in self.con.execute(f"SELECT {names} FROM actors WHERE actor_id IN (SELECT unnest(?))",
                                        [unknown]).fetchall():
                old = self._decode("actors", row)
                stored[old["actor_id"]] = old
        final = {aid: new if aid not in stored else _merged(stored[aid], new) for aid, new in merged.items()}
        changed = [aid for aid, row in final.items() if row != stored.get(aid)]
        if changed:
            replaced = [aid for aid in changed if aid in stored]
            if replaced:
                self.con.execute("DELETE FROM actors WHERE actor_id IN (SELECT unnest(?))", [replaced])
            self._insert_rows("actors", [tuple(json.dumps(final[aid][c]) if t == "JSON" else final[aid][c]
                                               for c, t in COLUMNS["actors"]) for aid in changed])
        return final

    def _remember_actors(self, rows: dict[str, dict]) -> None:
        known = self._known_actors
        for aid, row in rows.items():
            known[aid] = row
            known.move_to_end(aid)
        while len(known) > KNOWN_ACTORS:
            known.popitem(last=False)

    def after_analysis(self) -> None:
        """Store-wide steps that need every article: merge similar issues, find contradictions
        across articles. Both are recomputed from the stored records, so reruns change nothing."""
        from accord.contradictions import find_contradictions
        from accord.extract.issues import merge_issues

        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            canon = merge_issues([R.Issue(**r) for r in self.iter_records("issues")])
            for old, new in sorted(canon.items()):
                if old != new:
                    con.execute("UPDATE positions SET issue_id = ? WHERE issue_id = ?", [new, old])
                    con.execute("DELETE FROM issues WHERE issue_id = ?", [old])
            affiliations = dict(con.execute("SELECT actor_id, affiliation FROM actors").fetchall())
            for ids in self._contradiction_windows():
                where = "article_id IN (SELECT unnest(?))"
                found = find_contradictions(self.records("positions", where, [ids]),
                                            self.records("claims", where, [ids]), affiliations)
                self._insert("contradictions", found)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _contradiction_windows(self, block: int | None = None) -> Iterator[list[str]]:
        """Article ids to search together for contradictions across articles: each negotiation's
        articles in date order, cut into blocks, and each block taken with the next one.

        A denial answers what was said about the same negotiation in the days around it; holding
        two blocks at a time keeps memory flat however large the store grows (a store of up to
        two blocks per negotiation is searched as a whole)."""
        block = block or CONTRADICTION_BLOCK
        rows = self.con.execute("SELECT coalesce(negotiation, ''), article_id FROM articles "
                                "ORDER BY 1, published NULLS LAST, article_id").fetchall()
        groups: dict[str, list[str]] = {}
        for negotiation, aid in rows:
            groups.setdefault(negotiation, []).append(aid)
        for ids in groups.values():
            blocks = [ids[i:i + block] for i in range(0, len(ids), block)]
            if len(blocks) == 1:
                yield blocks[0]
            for a, b in zip(blocks, blocks[1:]):
                yield a + b

    # -- reading -------------------------------------------------------------------------
    def _decode(self, table: str, row: tuple) -> dict:
        names = [c for c, _ in COLUMNS[table]]
        out = dict(zip(names, row))
        for c in JSON_COLUMNS[table]:
            if isinstance(out[c], str):
                out[c] = json.loads(out[c])
        return out

    def records(self, table: str, where: str = "", params: list | None = None,
                order: str | None = None, limit: int | None = None) -> list[dict]:
        """Export-shaped dicts of a table; ``where`` is SQL over its columns."""
        return list(self.iter_records(table, where, params, order, limit))

    def iter_records(self, table: str, where: str = "", params: list | None = None,
                     order: str | None = None, limit: int | None = None) -> Iterator[dict]:
        if table not in TABLES:
            raise KeyError(f"no table {table!r}; tables: {', '.join(TABLES)}")
        names = ", ".join(f'"{c}"' for c, _ in COLUMNS[table])
        sql = f"SELECT {names} FROM {table}"
        if where:
            sql += f" WHERE {where}"
        key = TABLES[table][1] or "article_id, start"
        sql += f" ORDER BY {order or key}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        cur = self.con.execute(sql, params or [])
        while rows := cur.fetchmany(1000):
            for row in rows:
                yield self._decode(table, row)

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def counts(self) -> dict[str, int]:
        return {t: self.count(t) for t in TABLES}

    def article_texts(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT article_id, text FROM articles").fetchall())

    # -- export --------------------------------------------------------------------------
    def export(self, out: str | Path, fmt: str = "jsonl") -> dict[str, Path]:
        """One file per table: jsonl (the export contract), csv or parquet."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        written = {}
        for table in TABLES:
            target = out / f"{table}.{fmt}"
            if fmt == "jsonl":
                with target.open("w", encoding="utf-8") as fh:
                    for rec in self.iter_records(table):
                        fh.write(json.dumps(_contract(table, rec), ensure_ascii=False) + "\n")
            elif fmt in ("csv", "parquet"):
                option = "(HEADER, DELIMITER ',')" if fmt == "csv" else "(FORMAT PARQUET)"
                self.con.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{_sql_path(target)}' {option}")
            else:
                raise ValueError(f"unknown export format {fmt!r} (jsonl, csv, parquet)")
            written[table] = target
        return written


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _contract(table: str, rec: dict) -> dict:
    """Field names the export contract fixes, where a record's own names differ."""
    if table == "quotes" and rec.get("speaker") is not None:
        rec["speaker"] = dict(rec["speaker"])
    if table == "events":
        rec["targets"] = list(rec.get("targets") or [])
    return rec
