"""The `accord` command: a thin layer over the Python API (Typer + Rich)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Accord: evidence-linked models and forecasts of negotiations from news.")
console = Console()
err = Console(stderr=True)

STORE = typer.Option("accord.duckdb", "--store", "-s", help="DuckDB store file")
DEMO_DIR = Path(__file__).resolve().parents[2] / "data" / "demo"


def _open_store(path: str, read_only: bool = True):
    from accord.store import Store, StoreError
    if read_only and not Path(path).exists():
        err.print(f"[red]error:[/] {path}: no such store (run `accord analyze` first)")
        raise typer.Exit(2)
    try:
        return Store(path, read_only=read_only)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2)


def _load_dossier(name: Optional[str]):
    """A dossier by name or path; "auto" gives every shipped dossier, chosen per article."""
    if not name:
        return None
    from accord import dossiers
    try:
        if name == "auto":
            return [dossiers.load(n) for n in dossiers.list_dossiers()]
        return dossiers.load(name)
    except Exception as exc:  # validation errors name the file and field
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2)


def _run_analysis(paths: list[str], store: str, model: Optional[str], workers: int, batch_size: Optional[int],
                  dossier: Optional[str], engine: str = "local", scheduler: Optional[str] = None,
                  parquet: Optional[str] = None):
    from accord import pipeline
    from accord.nlp import ModelNotFound
    from accord.store import Store, StoreError

    try:
        st = Store(store)
    except StoreError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2)
    dos = _load_dossier(dossier)
    stale = st.stale()   # before the run: the records already there
    if engine == "dask":
        from accord import distributed
        summary = distributed.analyze(paths, st, model=model, workers=workers, scheduler=scheduler,
                                      partition_size=batch_size or pipeline.PARTITION, dossier=dos, parquet_dir=parquet, on_error=lambda m: err.print(f"[yellow]warning:[/] {m}"))
    else:
        progress = Progress(TextColumn("[bold]analysing"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]:.1f} articles/s"),
                            TextColumn("skipped {task.fields[skipped]}"), TimeElapsedColumn(),
                            console=err, transient=True)
        with progress:
            task = progress.add_task("analyse", total=None, rate=0.0, skipped=0)

            def on_progress(summary, n):
                progress.update(task, advance=n, rate=summary.rate, skipped=summary.skipped_known)

            try:
                summary = pipeline.analyze(paths, st, model=model, workers=workers, batch_size=batch_size,
                                           dossier=dos, on_progress=on_progress,
                                           on_error=lambda m: progress.console.print(f"[yellow]warning:[/] {m}",
                                                                                     highlight=False, markup=False))
            except ModelNotFound as exc:
                err.print(f"[red]error:[/] {exc}")
                raise typer.Exit(2)
    _print_summary(summary, st)
    st.close()
    if stale and summary.skipped_known:
        err.print(f"[yellow]warning:[/] {store}: {summary.skipped_known} article(s) already in the store keep records "
                  "written by another version of Accord's extractors; analyse into a new --store to recode them",
                  highlight=False)
    if summary.analysed == 0 and summary.skipped_known == 0 and summary.read - summary.duplicates <= 0:
        err.print("[red]error:[/] nothing could be analysed")
        raise typer.Exit(1)
    return summary


def _print_summary(summary, store) -> None:
    table = Table(title="Accord analysis", show_header=False)
    table.add_row("articles read", str(summary.read))
    table.add_row("analysed", str(summary.analysed))
    table.add_row("already in store", str(summary.skipped_known))
    table.add_row("exact duplicates skipped", str(summary.duplicates))
    table.add_row("non-English (stored, not extracted)", str(summary.non_english))
    table.add_row("errors", str(len(summary.errors) - summary.non_english))
    table.add_row("articles/s", f"{summary.rate:.1f}")
    counts = store.counts()
    near = store.con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    table.add_row("store: distinct reports (near-duplicates linked)", f"{counts['articles'] - near} ({near})")
    for name, n in counts.items():
        table.add_row(f"store: {name}", str(n))
    console.print(table)


@app.command()
def analyze(paths: list[str] = typer.Argument(..., help="files, directories, or - for stdin"),
            store: str = STORE,
            model: Optional[str] = typer.Option(None, help="spaCy model package name"),
            workers: int = typer.Option(1, help="worker processes, each parsing and extracting its "
                                        "partitions (with --engine dask: local Dask workers)"),
            batch_size: Optional[int] = typer.Option(None, help="articles read and committed together (one "
                                                     "partition); default 256 in one process, 64 per "
                                                     "worker partition with --workers or Dask"),
            dossier: Optional[str] = typer.Option(None, help="dossier name or YAML path; 'auto': the shipped "
                                                  "dossier each article names most"),
            engine: str = typer.Option("local", help="local or dask"),
            scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address (tcp://host:8786)"),
            parquet: Optional[str] = typer.Option(None, help="with --engine dask: also write Parquet per partition here")):
    """Analyse articles into the store (the main job)."""
    if engine not in ("local", "dask"):
        err.print(f"[red]error:[/] unknown engine {engine!r} (local or dask)")
        raise typer.Exit(2)
    _run_analysis(paths, store, model, workers, batch_size, dossier, engine, scheduler, parquet)


@app.command()
def demo(store: str = STORE, model: Optional[str] = typer.Option(None)):
    """Analyse the bundled demo corpus (data/demo) and print a summary."""
    if not DEMO_DIR.exists():
        err.print(f"[red]error:[/] {DEMO_DIR}: demo corpus not found")
        raise typer.Exit(2)
    _run_analysis([str(DEMO_DIR)], store, model, 1, 64, "auto")
    console.print(f"Store written to [bold]{store}[/]. Try: accord quotes --store {store}")


@app.command()
def export(store: str = STORE, format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet"),
           out: Path = typer.Option(Path("export"), "--out", "-o")):
    """Export every table (jsonl follows the export contract)."""
    st = _open_store(store)
    try:
        files = st.export(out, format)
    except ValueError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2)
    for table, path in files.items():
        console.print(f"{table:15} {st.count(table):7d}  {path}")


def _listing(title: str, columns: list[str], rows: list[list], as_json: bool, records: list[dict]) -> None:
    if as_json:
        for r in records:
            print(json.dumps(r, ensure_ascii=False))
        return
    table = Table(title=f"{title} ({len(rows)})")
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in rows:
        table.add_row(*[("" if v is None else str(v)) for v in row])
    console.print(table)


def _ref(ref: Optional[dict]) -> str:
    if not ref:
        return ""
    return f"{ref.get('text')} [{ref.get('actor_id') or '?'}]"


def _clip(text: str, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


JSON_OPT = typer.Option(False, "--json", help="print export records as JSON lines")
LIMIT = typer.Option(200, help="rows to show")


@app.command()
def articles(store: str = STORE, outlet: Optional[str] = None, language: Optional[str] = None,
             limit: int = LIMIT, as_json: bool = JSON_OPT):
    """List stored articles."""
    st = _open_store(store)
    where, params = [], []
    if outlet:
        where.append("outlet ILIKE ?"); params.append(f"%{outlet}%")
    if language:
        where.append("language = ?"); params.append(language)
    recs = st.records("articles", " AND ".join(where), params, order="published NULLS LAST, article_id", limit=limit)
    rows = [[r["article_id"], r["published"], r["outlet"], _clip(r["title"] or r["text"], 60), r["language"],
             r["source"]] for r in recs]
    _listing("Articles", ["id", "published", "outlet", "title", "lang", "source"], rows, as_json, recs)


@app.command()
def actors(store: str = STORE, kind: Optional[str] = None, role: Optional[str] = None,
           name: Optional[str] = typer.Option(None, help="substring of name or alias"),
           limit: int = LIMIT, as_json: bool = JSON_OPT):
    """List canonical actors with their mention counts."""
    st = _open_store(store)
    where, params = [], []
    if kind:
        where.append("kind = ?"); params.append(kind)
    if role:
        where.append("list_contains(CAST(roles AS VARCHAR[]), ?)"); params.append(role)
    if name:
        where.append("(name ILIKE ? OR CAST(aliases AS VARCHAR) ILIKE ?)"); params += [f"%{name}%"] * 2
    recs = st.records("actors", " AND ".join(where), params)
    counts = dict(st.con.execute("SELECT actor_id, count(*) FROM mentions GROUP BY 1").fetchall())
    recs = sorted(recs, key=lambda r: (-counts.get(r["actor_id"], 0), r["actor_id"]))[:limit]
    rows = [[r["actor_id"], r["name"], r["kind"], r["affiliation"], ",".join(r["roles"]),
             counts.get(r["actor_id"], 0), _clip(", ".join(r["aliases"]), 60)] for r in recs]
    _listing("Actors", ["id", "name", "kind", "affiliation", "roles", "mentions", "aliases"], rows, as_json, recs)


@app.command()
def quotes(store: str = STORE, speaker: Optional[str] = typer.Option(None, help="actor id or name"),
           article: Optional[str] = None, type: Optional[str] = None, limit: int = LIMIT, as_json: bool = JSON_OPT):
    """List quotes with speaker, cue and outlet."""
    st = _open_store(store)
    where, params = [], []
    if speaker:
        where.append("(speaker->>'actor_id' ILIKE ? OR speaker->>'text' ILIKE ?)"); params += [speaker, f"%{speaker}%"]
    if article:
        where.append("article_id = ?"); params.append(article)
    if type:
        where.append("type = ?"); params.append(type)
    recs = st.records("quotes", " AND ".join(where), params, order="article_id, start", limit=limit)
    rows = [[_ref(r["speaker"]), (r["cue"] or {}).get("text"), r["outlet"], r["type"], _clip(r["text"])] for r in recs]
    _listing("Quotes", ["speaker", "cue", "outlet", "type", "content"], rows, as_json, recs)


@app.command()
def events(store: str = STORE, type: Optional[str] = None, actor: Optional[str] = None,
           modality: Optional[str] = None, limit: int = LIMIT, as_json: bool = JSON_OPT):
    """List PLOVER/CAMEO events."""
    st = _open_store(store)
    where, params = [], []
    if type:
        where.append("type = ?"); params.append(type.upper())
    if actor:
        where.append("(source->>'actor_id' = ? OR CAST(targets AS VARCHAR) LIKE ?)"); params += [actor, f'%"{actor}"%']
    if modality:
        where.append("modality = ?"); params.append(modality)
    recs = st.records("events", " AND ".join(where), params, order="article_id, start", limit=limit)
    rows = [[r["type"], r["cameo"], _ref(r["source"]), "; ".join(_ref(t) for t in r["targets"]),
             ("NOT " if r["negated"] else "") + r["modality"], json.dumps(r["date"]) if r["date"] else "",
             _clip(_evidence(st, r), 70)] for r in recs]
    _listing("Events", ["type", "cameo", "source", "targets", "modality", "date", "evidence"], rows, as_json, recs)


def _evidence(st, rec: dict) -> str:
    row = st.con.execute("SELECT substr(text, ?, ?) FROM articles WHERE article_id = ?",
                         [rec["start"] + 1, rec["end"] - rec["start"], rec["article_id"]]).fetchone()
    return row[0] if row else ""


@app.command()
def issues(store: str = STORE, limit: int = LIMIT, as_json: bool = JSON_OPT):
    """List negotiation issues (from dossiers and discovered in the text)."""
    st = _open_store(store)
    recs = st.records("issues", limit=limit)
    counts = dict(st.con.execute("SELECT issue_id, count(*) FROM positions GROUP BY 1").fetchall())
    rows = [[r["issue_id"], r["label"], r["origin"], counts.get(r["issue_id"], 0), _clip(r["description"] or "", 60)]
            for r in recs]
    _listing("Issues", ["id", "label", "origin", "positions", "description"], rows, as_json, recs)


@app.command()
def positions(store: str = STORE, issue: Optional[str] = None, actor: Optional[str] = None,
              limit: int = LIMIT, as_json: bool = JSON_OPT):
    """List actors' positions on issues, with who reports them."""
    st = _open_store(store)
    where, params = [], []
    if issue:
        where.append("issue_id = ?"); params.append(issue)
    if actor:
        where.append("actor_id = ?"); params.append(actor)
    recs = st.records("positions", " AND ".join(where), params, order="issue_id, actor_id", limit=limit)
    rows = [[r["issue_id"], r["actor_id"], r["stance"], r["value"], r["salience"], r["reported_by"],
             _clip(r["text"] or _evidence(st, r), 70)] for r in recs]
    _listing("Positions", ["issue", "actor", "stance", "value", "salience", "reported by", "evidence"], rows,
             as_json, recs)


@app.command()
def contradictions(store: str = STORE, limit: int = LIMIT, as_json: bool = JSON_OPT):
    """List contradicting claims, with both evidence spans."""
    st = _open_store(store)
    recs = st.records("contradictions", limit=limit)
    rows = [[r["kind"], ", ".join(r["actors"]), _clip(r["a_text"], 60), _clip(r["b_text"], 60)] for r in recs]
    _listing("Contradictions", ["kind", "actors", "claim", "contradicted by"], rows, as_json, recs)


@app.command()
def prospects(store: str = STORE, actor: Optional[str] = None, limit: int = LIMIT, as_json: bool = JSON_OPT):
    """List judgements of the chances of a deal, by holder."""
    st = _open_store(store)
    where, params = ("holder->>'actor_id' = ?", [actor]) if actor else ("", [])
    recs = st.records("assessments", where, params, order="date NULLS LAST, article_id, start", limit=limit)
    rows = [[r["date"], _ref(r["holder"]), f"{r['polarity']:+.2f}", r["cue"]["text"],
             "yes" if r["negated"] else "", r["reported_by"], _clip(_evidence(st, r), 60)] for r in recs]
    _listing("Prospects", ["date", "holder", "polarity", "cue", "negated", "reported by", "evidence"], rows,
             as_json, recs)


@app.command()
def report(store: str = STORE, out: Path = typer.Option(Path("report.html"), "--out", "-o"),
           dossier: Optional[str] = typer.Option(None, help="dossier name or YAML path"),
           figures: Optional[Path] = typer.Option(None, help="also write each chart as PNG and SVG here"),
           no_forecast: bool = typer.Option(False, "--no-forecast")):
    """Write a self-contained HTML report that works offline."""
    from accord.report.html import write_report
    st = _open_store(store)
    path = write_report(st, out, _load_dossier(dossier), with_forecast=not no_forecast, figures=figures)
    console.print(f"report written to [bold]{path}[/] ({path.stat().st_size / 1e6:.1f} MB)")


@app.command()
def serve(store: str = STORE, host: str = typer.Option("127.0.0.1", help="bind address (local only by default)"),
          port: int = typer.Option(8000)):
    """Serve a read-only web UI and JSON API (OpenAPI docs at /docs)."""
    import uvicorn

    from accord.web.app import create_app
    _open_store(store).close()
    console.print(f"Accord UI on http://{host}:{port}/  (API docs: /docs)")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
def forecast(scenario: Optional[Path] = typer.Option(None, help="scenario YAML/CSV, BDM table or decide #A/#P/#M/#D file"),
             store: Optional[str] = typer.Option(None, "--store", "-s", help="build the scenario from this store"),
             dossier: Optional[str] = typer.Option(None, help="dossier giving issues and priors"),
             model: str = typer.Option("all", help="bdm, exchange, compromise, median, nash or all"),
             rounds: int = typer.Option(10), draws: int = typer.Option(0, help="Monte Carlo draws (0: none)"),
             format: str = typer.Option("table", "--format", "-f", help="table, json or csv"),
             save_scenario: Optional[Path] = typer.Option(None, help="write the scenario used (YAML/CSV) here")):
    """Run negotiation models on a scenario (from a file, or built from the store's evidence)."""
    from accord import model as models
    from accord.model import scenario as scen_mod
    try:
        if scenario is not None:
            scen = scen_mod.load_scenario(scenario)
        elif store:
            scen = scen_mod.from_store(_open_store(store), _load_dossier(dossier))
        else:
            err.print("[red]error:[/] give --scenario FILE or --store S [--dossier D]")
            raise typer.Exit(2)
        if save_scenario:
            scen_mod.save_scenario(scen, save_scenario)
        result = models.forecast(scen, model=model, rounds=rounds, draws=draws)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2)
    if format == "json":
        print(json.dumps(result, indent=2, default=float))
    elif format == "csv":
        import csv
        writer = csv.writer(sys.stdout)
        writer.writerow(["model", "issue", "round", "actor", "position"])
        for row in models.rows(result):
            writer.writerow(row)
    else:
        table = Table(title=f"Forecast ({model})")
        for c in ("model", "issue", "round", "actor", "position"):
            table.add_column(c)
        for row in models.rows(result, last_round_only=True):
            table.add_row(*[f"{v:.3f}" if isinstance(v, float) else str(v) for v in row])
        console.print(table)
        if result.get("zopa"):
            from accord.report.html import blocking_issues
            blocking = blocking_issues(result["zopa"])
            console.print("Issues blocking a deal: " + (", ".join(blocking) if blocking else "none"))


@app.command(name="eval")
def evaluate(path: Path = typer.Argument(..., help="gold folder, NAME.txt with NAME.gold.json, or event-set JSONL"),
             model: Optional[str] = typer.Option(None), as_json: bool = typer.Option(False, "--json"),
             limit: Optional[int] = typer.Option(None, help="score only the first N items of an event set")):
    """Score extraction against gold annotations (P/R/F1 per record type)."""
    from accord import evaluate as ev
    if not path.exists():
        err.print(f"[red]error:[/] {path}: no such file or directory")
        raise typer.Exit(2)
    try:
        result = ev.evaluate_path(path, model=model, limit=limit)
    except ev.GoldError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2)
    for warning in result.get("warnings", ()):
        # (a warning quotes article text, which is no markup)
        err.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    if as_json:
        print(json.dumps(result, indent=2))
        return
    table = Table(title=f"accord eval {path}")
    for c in ("record", "metric", "value"):
        table.add_column(c)
    for record, metrics in result["scores"].items():
        # gold folders give record -> metrics; event sets give flat figures with nested parts
        for metric, value in _flat(metrics) if isinstance(metrics, dict) else [("", metrics)]:
            table.add_row(record, metric, f"{value:.3f}" if isinstance(value, float) else str(value))
    console.print(table)


def _flat(metrics: dict, prefix: str = "") -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for name, value in metrics.items():
        if isinstance(value, dict):
            out += _flat(value, f"{prefix}{name}.")
        else:
            out.append((f"{prefix}{name}", value))
    return out


if __name__ == "__main__":  # pragma: no cover
    app()
