"""Dossiers: an analyst's frame for one negotiation, in YAML, validated with pydantic.

A dossier names the actors (ids as the actor layer makes them: ISO alpha-3 for states, slugs for
organisations and persons), their aliases, roles and capability priors; the issues with what 0
and 100 mean on each issue's scale and the phrases that signal the issue and its poles; and known
positions as priors. ``load("gaza-ceasefire-2024")`` reads a shipped dossier, ``load(path)`` a
user's own; a bad file raises ``DossierError`` naming the file and the field.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

HERE = Path(__file__).resolve().parent

Role = Literal["party", "mediator", "guarantor", "spoiler", "observer"]
Kind = Literal["state", "organisation", "person", "group"]


class DossierError(ValueError):
    """A dossier that cannot be read or does not validate; the message names file and field."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DossierActor(_Model):
    id: str = Field(pattern=r"^([A-Z]{3}|[a-z0-9]+(-[a-z0-9]+)*)$")
    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    affiliation: str | None = None
    capability: float = Field(0.5, ge=0.0, le=1.0)
    notes: str | None = None


class DossierIssue(_Model):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    label: str
    description: str
    low: str             # what 0 means
    high: str            # what 100 means
    signals: tuple[str, ...] = Field(min_length=1)   # phrases that say the text is about this issue
    low_signals: tuple[str, ...] = ()                # phrases that point at the 0 pole
    high_signals: tuple[str, ...] = ()               # phrases that point at the 100 pole


class PriorPosition(_Model):
    actor: str
    issue: str
    value: float = Field(ge=0.0, le=100.0)
    salience: float = Field(0.5, ge=0.0, le=1.0)
    source: str | None = None       # where the analyst got it


class Dossier(_Model):
    name: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str
    description: str | None = None
    period: str | None = None
    actors: tuple[DossierActor, ...] = Field(min_length=1)
    issues: tuple[DossierIssue, ...] = Field(min_length=1)
    priors: tuple[PriorPosition, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> "Dossier":
        ids = [a.id for a in self.actors]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"duplicate actor ids: {sorted(dup)}")
        issue_ids = {i.id for i in self.issues}
        for k, p in enumerate(self.priors):
            if p.actor not in ids:
                raise ValueError(f"priors.{k}.actor: '{p.actor}' is not an actor of this dossier")
            if p.issue not in issue_ids:
                raise ValueError(f"priors.{k}.issue: '{p.issue}' is not an issue of this dossier")
        for a in self.actors:
            if a.affiliation and a.affiliation not in ids:
                raise ValueError(f"actors.{a.id}.affiliation: '{a.affiliation}' is not an actor of this dossier")
        return self

    def actor(self, actor_id: str) -> DossierActor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def issue(self, issue_id: str) -> DossierIssue | None:
        return next((i for i in self.issues if i.id == issue_id), None)

    def resolve(self, name: str) -> DossierActor | None:
        """The dossier actor a name or alias denotes (case-insensitive)."""
        key = name.strip().lower()
        for a in self.actors:
            if key in (a.id.lower(), a.name.lower()) or key in (x.lower() for x in a.aliases):
                return a
        return None


def list_dossiers() -> list[str]:
    """Names of the dossiers shipped with Accord."""
    return sorted(p.stem for p in HERE.glob("*.yaml"))


def _where(loc: tuple) -> str:
    return ".".join(str(x) for x in loc) or "(top level)"


def load(name_or_path: str | Path) -> Dossier:
    """A shipped dossier by name, or a YAML file by path."""
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = HERE / f"{name_or_path}.yaml"
    if not path.exists():
        raise DossierError(f"{name_or_path}: no such dossier (shipped: {', '.join(list_dossiers())})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DossierError(f"{path}:{at} is not valid YAML: {getattr(err, 'problem', err)}") from None
    if not isinstance(data, dict):
        raise DossierError(f"{path}: a dossier must be a mapping with name, title, actors and issues")
    try:
        return Dossier.model_validate(data)
    except ValidationError as err:
        lines = []
        for e in err.errors():
            where = _where(e["loc"])
            msg = e["msg"]
            if e["type"] == "value_error" and ":" in msg:
                # our own cross-reference checks already name the field
                msg = msg.removeprefix("Value error, ")
                lines.append(f"{path}: {msg}")
            else:
                lines.append(f"{path}: field '{where}': {msg}")
        raise DossierError("\n".join(lines)) from None
