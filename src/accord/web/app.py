"""Local web UI: FastAPI, read-only over a store.

Only GET endpoints. No path from a request reaches the filesystem: the store path is fixed
when the app is made, and tables are chosen from a fixed list.
"""
from __future__ import annotations

import threading
from typing import Literal

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse

from accord.report.html import build
from accord.store import COLUMNS, TABLES, Store

RecordKind = Literal["actors", "quotes", "events", "issues", "positions", "claims", "contradictions",
                     "assessments", "articles", "mentions"]
DATE = r"^\d{4}-\d{2}-\d{2}$"


def create_app(store_path: str) -> FastAPI:
    app = FastAPI(title="Accord", description="Read-only API over an Accord store. Records follow the export "
                  "contract of `accord export`.", version="0.1.0")
    store = Store(store_path, read_only=True)
    lock = threading.Lock()   # one DuckDB connection, used from FastAPI's thread pool

    def query(table: str, where: list[str], params: list, limit: int, offset: int = 0) -> list[dict]:
        with lock:
            return store.records(table, " AND ".join(where), params, limit=limit + offset)[offset:]

    @app.get("/", response_class=HTMLResponse, summary="The report, live over the store")
    def index() -> str:
        with lock:
            page, _ = build(store, title="Accord", api=True)
        return page

    @app.get("/api/search/", include_in_schema=False)
    @app.get("/api/search", summary="Full-text search over articles and quotes")
    def search(q: str = Query(..., min_length=2, max_length=200), limit: int = Query(50, ge=1, le=500)) -> list[dict]:
        like = f"%{q}%"
        with lock:
            arts = store.con.execute(
                "SELECT article_id, title, text, 0 AS s, length(text) AS e FROM articles "
                "WHERE text ILIKE ? OR title ILIKE ? LIMIT ?", [like, like, limit]).fetchall()
            quotes = store.con.execute(
                "SELECT q.article_id, a.title, q.text, q.start, q.\"end\" FROM quotes q JOIN articles a USING (article_id) "
                "WHERE q.text ILIKE ? OR q.speaker->>'text' ILIKE ? LIMIT ?", [like, like, limit]).fetchall()
        hits = [{"kind": "quote", "article_id": a, "title": t, "text": x, "start": s, "end": e} for a, t, x, s, e in quotes]
        for a, t, x, _, _ in arts:
            pos = x.lower().find(q.lower())
            lo = max(0, pos - 80) if pos >= 0 else 0
            hits.append({"kind": "article", "article_id": a, "title": t, "text": x[lo:lo + 240],
                         "start": max(pos, 0), "end": max(pos, 0) + len(q)})
        return hits[:limit]

    @app.get("/api/articles/{article_id}/records", summary="Every record with evidence in one article")
    def article_records(article_id: str) -> dict:
        if len(article_id) > 64:
            raise HTTPException(400, "article id too long")
        with lock:
            if not store.records("articles", "article_id = ?", [article_id]):
                raise HTTPException(404, f"no article {article_id}")
            return {t: store.records(t, "article_id = ?", [article_id])
                    for t, (cls, _) in TABLES.items() if t not in ("actors", "contradictions")}

    @app.get("/api/counts", summary="Number of records per table")
    def counts() -> dict[str, int]:
        with lock:
            return store.counts()

    @app.get("/api/{kind}", summary="Records of one kind, filtered")
    def records(kind: RecordKind,
                actor: str | None = Query(None, max_length=200, description="actor id"),
                issue: str | None = Query(None, max_length=200),
                type: str | None = Query(None, max_length=40, description="event type or quote type"),
                article: str | None = Query(None, max_length=64),
                date_from: str | None = Query(None, pattern=DATE),
                date_to: str | None = Query(None, pattern=DATE),
                limit: int = Query(100, ge=1, le=5000), offset: int = Query(0, ge=0, le=10_000_000)) -> list[dict]:
        where, params = [], []
        columns = {c for c, _ in COLUMNS[kind]}
        if article:
            if "article_id" not in columns:
                raise HTTPException(400, f"{kind} have no article filter")
            where.append("article_id = ?"); params.append(article)
        if type:
            if "type" not in columns:
                raise HTTPException(400, f"{kind} have no type filter")
            where.append("type = ?"); params.append(type.upper() if kind == "events" else type)
        if issue:
            if "issue_id" not in columns:
                raise HTTPException(400, f"{kind} have no issue filter")
            where.append("issue_id = ?"); params.append(issue)
        if actor:
            actor_sql = {
                "quotes": "speaker->>'actor_id' = ?",
                "events": "(source->>'actor_id' = ? OR list_contains(CAST(json_extract_string(targets, '$[*].actor_id') AS VARCHAR[]), ?))",
                "positions": "(actor_id = ? OR reported_by = ?)",
                "assessments": "holder->>'actor_id' = ?",
                "mentions": "actor_id = ?", "actors": "actor_id = ?",
                "claims": "(claimant->>'actor_id' = ? OR subject->>'actor_id' = ?)",
                "contradictions": "list_contains(CAST(actors AS VARCHAR[]), ?)",
            }.get(kind)
            if actor_sql is None:
                raise HTTPException(400, f"{kind} have no actor filter")
            where.append(actor_sql); params += [actor] * actor_sql.count("?")
        if date_from or date_to:
            if "article_id" not in columns:
                raise HTTPException(400, f"{kind} have no date filter")
            where.append("article_id IN (SELECT article_id FROM articles WHERE published BETWEEN ? AND ?)")
            params += [date_from or "0000-01-01", date_to or "9999-12-31"]
        return query(kind, where, params, limit, offset)

    return app
