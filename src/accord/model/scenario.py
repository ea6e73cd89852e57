"""Scenario: the actors x issues table the forecast models run on.

Each cell holds an actor's position on an issue (on the issue's scale, 0-100 unless the issue
says otherwise), its salience (0-1), its capability (0 or more; per cell, else the actor's),
how sure we are of the cell (``confidence`` 0-1, which sets the Monte Carlo spread) and the
evidence it rests on (article id and character span). Scenarios are built from the store and a
dossier (``from_store``), or read from the files analysts already have (``load_scenario``):
Accord's YAML or CSV, the one-issue BDM table (``Actor,Capability,Position,Salience``) and
decide's ``#A/#P/#M/#D`` files. An analyst overrides any cell with ``Scenario.override`` or by
editing the YAML/CSV this module writes.
"""
from __future__ import annotations

import csv
import io
import math
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

DEFAULT_CAPABILITY = 0.5
DEFAULT_SALIENCE = 0.5


class ScenarioError(ValueError):
    """A scenario that cannot be read or does not validate; the message names file and field."""


class ScenarioWarning(UserWarning):
    """A row of an input file that was skipped."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="before")
    @classmethod
    def _from_short_forms(cls, v: Any) -> Any:
        # (article_id, start, end) and "article_id:start-end" are accepted as well as mappings
        if isinstance(v, (list, tuple)) and len(v) == 3:
            return {"article_id": v[0], "start": v[1], "end": v[2]}
        if isinstance(v, str):
            art, _, span = v.rpartition(":")
            a, _, b = span.partition("-")
            if not art or not a.strip().isdigit() or not b.strip().isdigit():
                raise ValueError(f"evidence '{v}' is not 'article_id:start-end'")
            return {"article_id": art, "start": int(a), "end": int(b)}
        return v

    @model_validator(mode="after")
    def _ordered(self) -> "Evidence":
        if self.end < self.start:
            raise ValueError(f"evidence span {self.start}-{self.end} ends before it starts")
        return self

    def short(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"


class ScenarioActor(_Model):
    id: str = Field(min_length=1)
    name: str = ""
    capability: float | None = Field(None, ge=0.0)


class ScenarioIssue(_Model):
    id: str = Field(min_length=1)
    name: str = ""
    lower: float = 0.0
    upper: float = 100.0
    low: str | None = None        # what `lower` means
    high: str | None = None       # what `upper` means

    @model_validator(mode="after")
    def _bounds(self) -> "ScenarioIssue":
        if not self.upper > self.lower:
            raise ValueError(f"issue '{self.id}': upper bound {self.upper} must be above lower bound {self.lower}")
        return self


class Cell(_Model):
    actor: str
    issue: str
    position: float
    salience: float = Field(ge=0.0, le=1.0)
    capability: float | None = Field(None, ge=0.0)
    # Expert-coded inputs are estimates too: unless told otherwise a cell is fairly, not fully,
    # certain, so that a Monte Carlo over a hand-typed table still shows the spread.
    confidence: float = Field(0.8, ge=0.0, le=1.0)
    source: str = "analyst"       # analyst | evidence | prior | file
    evidence: tuple[Evidence, ...] = ()

    @field_validator("position")
    @classmethod
    def _finite(cls, v: float) -> float:
        if not math.isfinite(v):
            raise ValueError("position must be a finite number")
        return v


class Scenario(_Model):
    name: str = "scenario"
    actors: tuple[ScenarioActor, ...] = Field(min_length=1)
    issues: tuple[ScenarioIssue, ...] = Field(min_length=1)
    cells: tuple[Cell, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> "Scenario":
        problems = []
        for label, ids in (("actor", [a.id for a in self.actors]), ("issue", [i.id for i in self.issues])):
            dup = sorted({x for x in ids if ids.count(x) > 1})
            if dup:
                problems.append(f"duplicate {label} ids: {dup}")
        actors = {a.id: a for a in self.actors}
        issues = {i.id: i for i in self.issues}
        seen = set()
        for k, c in enumerate(self.cells):
            where = f"cells.{k} ({c.actor} / {c.issue})"
            if c.actor not in actors:
                problems.append(f"{where}: actor '{c.actor}' is not in actors")
            if c.issue not in issues:
                problems.append(f"{where}: issue '{c.issue}' is not in issues")
                continue
            if (c.actor, c.issue) in seen:
                problems.append(f"{where}: a second cell for the same actor and issue")
            seen.add((c.actor, c.issue))
            iss = issues[c.issue]
            if not iss.lower <= c.position <= iss.upper:
                problems.append(f"{where}: position {c.position} is outside the issue's scale "
                                f"{iss.lower}-{iss.upper}")
            if c.capability is None and c.actor in actors and actors[c.actor].capability is None:
                problems.append(f"{where}: no capability (give it on the cell or on the actor)")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # -- access --------------------------------------------------------------------------
    @property
    def actor_ids(self) -> list[str]:
        return [a.id for a in self.actors]

    @property
    def issue_ids(self) -> list[str]:
        return [i.id for i in self.issues]

    def issue(self, issue_id: str) -> ScenarioIssue:
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise KeyError(f"no issue '{issue_id}' in scenario (issues: {', '.join(self.issue_ids)})")

    def cell(self, actor: str, issue: str) -> Cell | None:
        return next((c for c in self.cells if c.actor == actor and c.issue == issue), None)

    def capability(self, cell: Cell) -> float:
        if cell.capability is not None:
            return cell.capability
        return next(a.capability for a in self.actors if a.id == cell.actor)

    def arrays(self, issue_id: str) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """(actors, position, salience, capability) of one issue, actors in scenario order."""
        self.issue(issue_id)
        cells = {c.actor: c for c in self.cells if c.issue == issue_id}
        names = [a for a in self.actor_ids if a in cells]
        x = np.array([cells[a].position for a in names], dtype=float)
        s = np.array([cells[a].salience for a in names], dtype=float)
        c = np.array([self.capability(cells[a]) for a in names], dtype=float)
        return names, x, s, c

    def override(self, actor: str, issue: str, **fields) -> "Scenario":
        """A copy with one cell replaced or added (the analyst's correction)."""
        old = self.cell(actor, issue)
        base = old.model_dump() if old else {"actor": actor, "issue": issue}
        base.update(fields)
        base.setdefault("source", "analyst")
        if "source" not in fields:
            base["source"] = "analyst"
        new_cell = Cell.model_validate(base)
        cells = [new_cell if (c.actor, c.issue) == (actor, issue) else c for c in self.cells]
        if old is None:
            cells.append(new_cell)
        return self.model_copy(update={"cells": tuple(cells)}).revalidate()

    def revalidate(self) -> "Scenario":
        return Scenario.model_validate(self.model_dump())

    def to_rows(self) -> list[dict]:
        """One flat dict per cell (the CSV and table shape)."""
        issues = {i.id: i for i in self.issues}
        names = {a.id: a.name for a in self.actors}
        return [{
            "actor": c.actor, "actor_name": names.get(c.actor, ""), "issue": c.issue,
            "position": c.position, "salience": c.salience, "capability": self.capability(c),
            "confidence": c.confidence, "source": c.source,
            "lower": issues[c.issue].lower, "upper": issues[c.issue].upper,
            "evidence": ";".join(e.short() for e in c.evidence),
        } for c in self.cells]


# -- validation with readable errors ----------------------------------------------------------

def validate(data: dict, source: str = "scenario") -> Scenario:
    try:
        return Scenario.model_validate(data)
    except ValidationError as err:
        lines = []
        for e in err.errors():
            where = ".".join(str(x) for x in e["loc"]) or "(top level)"
            msg = e["msg"].removeprefix("Value error, ")
            if e["type"] == "value_error" and where == "(top level)":
                lines.extend(f"{source}: {m}" for m in msg.split("; "))
            else:
                lines.append(f"{source}: field '{where}': {msg}")
        raise ScenarioError("\n".join(lines)) from None


# -- readers ------------------------------------------------------------------------------

def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file, detecting its format: YAML, Accord CSV, BDM table or decide file."""
    path = Path(path)
    if not path.exists():
        raise ScenarioError(f"{path}: no such file")
    text = path.read_text(encoding="utf-8", errors="replace")
    kind = detect_format(text, path.suffix)
    if kind == "yaml":
        return read_yaml(text, source=str(path))
    if kind == "decide":
        return read_decide(text, source=str(path), name=path.stem)
    if kind == "bdm":
        return read_bdm_table(text, source=str(path), name=path.stem)
    return read_csv(text, source=str(path), name=path.stem)


def detect_format(text: str, suffix: str = "") -> str:
    if suffix.lower() in (".yaml", ".yml"):
        return "yaml"
    for line in text.splitlines():
        s = line.strip().lstrip("'\"")
        if not s:
            continue
        if s.startswith("#") and len(s) > 1 and s[1] in "APMD0/O":
            return "decide"
        header = {h.strip().lower() for h in next(csv.reader([line]))}
        if {"actor", "capability", "position", "salience"} <= header and "issue" not in header:
            return "bdm"
        if {"actor", "issue", "position"} <= header:
            return "csv"
        if ":" in s:
            return "yaml"
        break
    raise ScenarioError("cannot tell the scenario format: expected YAML, a CSV with columns "
                        "actor,issue,position,salience[,capability], a BDM table "
                        "Actor,Capability,Position,Salience, or a decide #A/#P/#M/#D file")


def read_yaml(text: str, source: str = "scenario") -> Scenario:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise ScenarioError(f"{source}: not valid YAML: {err}") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: a scenario must be a mapping with actors, issues and cells")
    return validate(data, source)


def _number(value: str, what: str, source: str, line: int) -> float:
    try:
        return float(str(value).strip().strip("'\""))
    except ValueError:
        raise ScenarioError(f"{source}: line {line}: {what} '{value}' is not a number") from None


def read_bdm_table(text: str, source: str = "scenario", name: str = "issue") -> Scenario:
    """The one-issue table of the BDM replications: ``Actor,Capability,Position,Salience``."""
    rows = list(csv.DictReader(io.StringIO(text)))
    cols = {k.strip().lower(): k for k in (rows[0].keys() if rows else [])}
    actors, cells = [], []
    for n, row in enumerate(rows, start=2):
        get = lambda k: row[cols[k]]
        actor = (get("actor") or "").strip()
        if not actor:
            warnings.warn(f"{source}: line {n}: no actor name, row skipped", ScenarioWarning, stacklevel=2)
            continue
        actors.append({"id": actor, "name": actor,
                       "capability": _number(get("capability"), "capability", source, n)})
        cells.append({"actor": actor, "issue": name,
                      "position": _number(get("position"), "position", source, n),
                      "salience": _number(get("salience"), "salience", source, n), "source": "file"})
    if not cells:
        raise ScenarioError(f"{source}: no actor rows")
    xs = [c["position"] for c in cells]
    lo, hi = min(xs), max(xs)
    if hi == lo:
        lo, hi = lo - 1, hi + 1
    # The table has no scale of its own; the positions' range is what the BDM model uses.
    issue = {"id": name, "name": name, "lower": lo, "upper": hi}
    return validate({"name": name, "actors": actors, "issues": [issue], "cells": cells}, source)


def read_decide(text: str, source: str = "scenario", name: str = "scenario") -> Scenario:
    """decide-exchange-model input: ``#A`` actors, ``#P`` issues, ``#M`` bounds, ``#D`` cells.

    Fields may be quoted, and separated by tabs, semicolons or commas. Comment rows (``#/``,
    ``#0``, ``#O``) are ignored; any other row is skipped with a warning.
    """
    actors: dict[str, dict] = {}
    issues: dict[str, dict] = {}
    bounds: dict[str, list[float]] = defaultdict(list)
    cells: dict[tuple[str, str], dict] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        delim = "\t" if "\t" in line else (";" if ";" in line else ",")
        fields = [f.strip().strip("'\"").strip() for f in next(csv.reader([line], delimiter=delim, quotechar="'"))]
        key = fields[0] if fields else ""
        try:
            if key == "#A" and len(fields) >= 2:
                actors.setdefault(fields[1], {"id": fields[1]})["name"] = fields[2] if len(fields) > 2 and fields[2] else fields[1]
            elif key == "#P" and len(fields) >= 2:
                issues.setdefault(fields[1], {"id": fields[1]})["name"] = fields[2] if len(fields) > 2 and fields[2] else fields[1]
            elif key == "#M" and len(fields) >= 3:
                bounds[fields[1]].append(_number(fields[2], "bound", source, n))
            elif key == "#D" and len(fields) >= 6:
                cells[(fields[1], fields[2])] = {
                    "actor": fields[1], "issue": fields[2],
                    "position": _number(fields[3], "position", source, n),
                    "salience": _number(fields[4], "salience", source, n),
                    "capability": _number(fields[5], "power", source, n), "source": "file"}
            elif key in ("#/", "#0", "#O"):
                continue
            else:
                warnings.warn(f"{source}: line {n}: not an #A/#P/#M/#D row, skipped: {line.strip()[:60]!r}",
                              ScenarioWarning, stacklevel=2)
        except ScenarioError as err:
            warnings.warn(f"{err}; row skipped", ScenarioWarning, stacklevel=2)
    for i, b in bounds.items():
        if i in issues:
            issues[i]["lower"], issues[i]["upper"] = min(b), max(b)
    for key, c in list(cells.items()):
        if c["actor"] not in actors or c["issue"] not in issues:
            warnings.warn(f"{source}: #D row for {c['actor']} / {c['issue']} names an undeclared "
                          f"actor or issue, skipped", ScenarioWarning, stacklevel=2)
            del cells[key]
    data = {"name": name, "actors": list(actors.values()), "issues": list(issues.values()),
            "cells": list(cells.values())}
    return validate(data, source)


def read_csv(text: str, source: str = "scenario", name: str = "scenario") -> Scenario:
    """Accord's long CSV: one row per cell (columns as ``Scenario.to_rows``; extra ones ignored)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    actors: dict[str, dict] = {}
    issues: dict[str, dict] = {}
    cells = []
    for n, row in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("actor") or not row.get("issue"):
            warnings.warn(f"{source}: line {n}: no actor or issue, row skipped", ScenarioWarning, stacklevel=2)
            continue
        actors.setdefault(row["actor"], {"id": row["actor"], "name": row.get("actor_name") or row["actor"]})
        iss = issues.setdefault(row["issue"], {"id": row["issue"], "name": row["issue"]})
        for b in ("lower", "upper"):
            if row.get(b):
                iss[b] = _number(row[b], b, source, n)
        cell = {"actor": row["actor"], "issue": row["issue"],
                "position": _number(row.get("position"), "position", source, n),
                "salience": _number(row.get("salience") or DEFAULT_SALIENCE, "salience", source, n),
                "source": row.get("source") or "file"}
        if row.get("capability"):
            cell["capability"] = _number(row["capability"], "capability", source, n)
        if row.get("confidence"):
            cell["confidence"] = _number(row["confidence"], "confidence", source, n)
        if row.get("evidence"):
            cell["evidence"] = [e for e in row["evidence"].split(";") if e.strip()]
        cells.append(cell)
    for a in actors.values():
        if not all("capability" in c for c in cells if c["actor"] == a["id"]):
            a["capability"] = DEFAULT_CAPABILITY
    return validate({"name": name, "actors": list(actors.values()), "issues": list(issues.values()),
                     "cells": cells}, source)


# -- writers ------------------------------------------------------------------------------

def to_yaml(scenario: Scenario, path: str | Path | None = None) -> str:
    data = scenario.model_dump(mode="json", exclude_none=True)
    for c in data["cells"]:
        c["evidence"] = [[e["article_id"], e["start"], e["end"]] for e in c.get("evidence", [])]
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=110)
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text


CSV_COLUMNS = ["actor", "actor_name", "issue", "position", "salience", "capability", "confidence",
               "source", "lower", "upper", "evidence"]


def to_csv(scenario: Scenario, path: str | Path | None = None) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for row in scenario.to_rows():
        w.writerow(row)
    if path is not None:
        Path(path).write_text(buf.getvalue(), encoding="utf-8")
    return buf.getvalue()


def save_scenario(scenario: Scenario, path: str | Path) -> None:
    """Write YAML or CSV, by the file's suffix."""
    if Path(path).suffix.lower() == ".csv":
        to_csv(scenario, path)
    else:
        to_yaml(scenario, path)


# -- the builder from evidence ------------------------------------------------------------

def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _dossier(dossier: Any) -> Any:
    if dossier is None or not isinstance(dossier, (str, Path)):
        return dossier
    from accord import dossiers          # the dossier layer validates and explains its own errors
    return dossiers.load(dossier)


def combine_confidence(confidences: Iterable[float]) -> float:
    """Independent reports: the chance that at least one is right, 1 - prod(1 - c)."""
    miss = 1.0
    for c in confidences:
        miss *= 1.0 - min(max(float(c), 0.0), 1.0)
    return 1.0 - miss


def from_store(store: Any, dossier: Any = None, name: str | None = None,
               prior_confidence: float = 0.3, fold_persons: bool = True,
               articles: Any = None) -> Scenario:
    """Scenario from the store's ``positions`` (the evidence) and a dossier's priors.

    A cell's position is the confidence-weighted mean of the values reported for that actor and
    issue, its salience the mean of the reported saliences (else the dossier prior's, else 0.5),
    its confidence ``combine_confidence`` of the reports, and its evidence every report's span.
    Cells with no evidence come from the dossier's priors, at ``prior_confidence``.
    ``articles`` (ids) limits the evidence to those articles, e.g. the ones read with this dossier.
    Capabilities come from the dossier (default 0.5). With a dossier, only its issues are used,
    and (``fold_persons``) a person the dossier affiliates with one of its actors speaks for that
    actor: Netanyahu's stated positions are Israel's cell, with his quotes as its evidence.
    """
    dossier = _dossier(dossier)
    actor_rows = _actor_rows(store)   # read once: names, and the sides persons speak for
    rows = [r for r in store.records("positions") if r.get("value") is not None and r.get("actor_id") and r.get("issue_id")]
    if articles is None and dossier is not None and hasattr(store, "con"):
        # a store that records which articles were read with this dossier: only their evidence
        read = [r[0] for r in store.con.execute("SELECT article_id FROM articles WHERE negotiation = ?",
                                                [_get(dossier, "name")]).fetchall()]
        articles = read or None
    if articles is not None:
        keep = set(articles)
        rows = [r for r in rows if r.get("article_id") in keep]
    d_actors = {_get(a, "id"): a for a in (_get(dossier, "actors", ()) or ())}
    d_issues = {_get(i, "id"): i for i in (_get(dossier, "issues", ()) or ())}
    priors = {(_get(p, "actor"), _get(p, "issue")): p for p in (_get(dossier, "priors", ()) or ())}
    if d_issues:
        rows = [r for r in rows if r["issue_id"] in d_issues]
    if fold_persons:
        fold = {aid: _get(a, "affiliation") for aid, a in d_actors.items()
                if _get(a, "kind") == "person" and _get(a, "affiliation") in d_actors}
        if not d_actors:
            # no dossier: a person the articles affiliate with a state or body speaks for it
            fold = _person_sides(actor_rows)
        rows = [{**r, "actor_id": fold.get(r["actor_id"], r["actor_id"])} for r in rows]
        priors = {(fold.get(a, a), i): p for (a, i), p in priors.items()}

    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        grouped[(r["actor_id"], r["issue_id"])].append(r)

    cells = []
    for (actor, issue), reports in grouped.items():
        conf = [float(r.get("confidence") if r.get("confidence") is not None else 0.5) for r in reports]
        weights = [max(c, 1e-6) for c in conf]
        value = sum(w * float(r["value"]) for w, r in zip(weights, reports)) / sum(weights)
        sal = [float(r["salience"]) for r in reports if r.get("salience") is not None]
        prior = priors.get((actor, issue))
        salience = (sum(sal) / len(sal) if sal else
                    float(_get(prior, "salience", DEFAULT_SALIENCE)) if prior is not None else DEFAULT_SALIENCE)
        evidence = sorted({(r["article_id"], int(r["start"]), int(r["end"])) for r in reports
                           if r.get("article_id") is not None and r.get("start") is not None})
        cells.append({"actor": actor, "issue": issue, "position": min(max(value, 0.0), 100.0),
                      "salience": min(max(salience, 0.0), 1.0), "confidence": combine_confidence(conf),
                      "source": "evidence", "evidence": evidence})
    for (actor, issue), p in priors.items():
        if (actor, issue) not in grouped:
            cells.append({"actor": actor, "issue": issue, "position": float(_get(p, "value")),
                          "salience": float(_get(p, "salience", DEFAULT_SALIENCE)),
                          "confidence": prior_confidence, "source": "prior"})
    if not cells:
        raise ScenarioError("the store has no positions with values"
                            + (" on the dossier's issues" if d_issues else "") + ", and there are no priors")

    used_actors = list(dict.fromkeys(c["actor"] for c in cells))
    order = [a for a in d_actors if a in used_actors] + [a for a in used_actors if a not in d_actors]
    names = _actor_names(actor_rows)
    actors = [{"id": a, "name": _get(d_actors.get(a), "name", None) or names.get(a, a),
               "capability": float(_get(d_actors.get(a), "capability", DEFAULT_CAPABILITY)
                                   if a in d_actors else DEFAULT_CAPABILITY)} for a in order]
    used_issues = list(dict.fromkeys(c["issue"] for c in cells))
    issue_order = [i for i in d_issues if i in used_issues] + [i for i in used_issues if i not in d_issues]
    labels = _issue_labels(store)
    issues = []
    for i in issue_order:
        di = d_issues.get(i)
        issues.append({"id": i, "name": (_get(di, "label") if di is not None else None) or labels.get(i, i),
                       "low": _get(di, "low") if di is not None else None,
                       "high": _get(di, "high") if di is not None else None})
    rank = {a: k for k, a in enumerate(order)}
    irank = {i: k for k, i in enumerate(issue_order)}
    cells.sort(key=lambda c: (irank[c["issue"]], rank[c["actor"]]))
    title = name or _get(dossier, "name", None) or "store"
    return validate({"name": title, "actors": actors, "issues": issues, "cells": cells}, "store")


def _actor_rows(store: Any) -> list[dict]:
    try:
        return store.records("actors")
    except Exception:        # a store without an actors table still yields a scenario
        return []


def _person_sides(rows: list[dict]) -> dict[str, str]:
    """Person -> the state or body the actor layer affiliated them with (persons only)."""
    kinds = {r["actor_id"]: r.get("kind") for r in rows}
    return {r["actor_id"]: r["affiliation"] for r in rows
            if r.get("kind") == "person" and r.get("affiliation") and kinds.get(r["affiliation"], "person") != "person"}


def _actor_names(rows: list[dict]) -> dict[str, str]:
    return {r["actor_id"]: r.get("name") or r["actor_id"] for r in rows}


def _issue_labels(store: Any) -> dict[str, str]:
    try:
        return {r["issue_id"]: r.get("label") or r["issue_id"] for r in store.records("issues")}
    except Exception:
        return {}
