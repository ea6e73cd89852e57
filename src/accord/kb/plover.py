"""CAMEO -> PLOVER v2 mapping, read from the PLOVER project's own table.

`cameo2plover_2021.csv` and `plover_modes_manual_v2.csv` come from openeventdata/PLOVER
(CC BY-SA 4.0; see kb/README.md). The PLOVER manual's advice is to reduce 3- and 4-digit codes
to their root before converting; we use the most specific row the table has, and the root as
fallback, so the 08 split (081-083 CONCEDE, 084-087 RETREAT) survives.
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

KB = Path(__file__).parent

# CAMEO 02 (appeal) has no PLOVER row; the eval contract files appeals under REQUEST.
# CAMEO 01 (public statement) is not an event in PLOVER and maps to nothing.
_EXTRA_ROOTS = {"02": ("REQUEST", None)}


@functools.lru_cache(maxsize=1)
def cameo_table() -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    with open(KB / "cameo2plover_2021.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["cameo_code"].strip()
            if row["level"] == "root" and code == "08":
                continue  # split between CONCEDE and RETREAT; resolved by the 3-digit rows
            table.setdefault(code, (row["plover_event"], row["plover_mode"] or None))
    return table


@functools.lru_cache(maxsize=1)
def plover_modes() -> dict[str, set[str]]:
    modes: dict[str, set[str]] = {}
    with open(KB / "plover_modes_manual_v2.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            modes.setdefault(row["plover_event"], set()).add(row["mode"])
    return modes


def cameo_to_plover(code: str | None) -> tuple[str | None, str | None]:
    """(PLOVER type, mode) of a CAMEO code: the most specific row of the table, else the root."""
    if not code:
        return None, None
    code = code.strip()
    table = cameo_table()
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit:
            event, mode = hit
            return event, mode if mode in plover_modes().get(event, ()) else None
    if code[:2] == "08":
        return ("CONCEDE", None) if code[:3] in ("080", "081", "082", "083") else ("RETREAT", None)
    return _EXTRA_ROOTS.get(code[:2], (None, None))


def cameo_root_to_plover(code: str | None) -> str | None:
    """PLOVER type from the CAMEO root alone (what sentence-level scoring compares)."""
    if not code:
        return None
    root = code.strip()[:2]
    if root == "08":
        return "CONCEDE" if code.strip()[:3] in ("080", "081", "082", "083") else "RETREAT"
    if root in _EXTRA_ROOTS:
        return _EXTRA_ROOTS[root][0]
    hit = cameo_table().get(root)
    return hit[0] if hit else None
