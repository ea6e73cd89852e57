"""Resolve date expressions against an article's publication date.

"on Tuesday" is the most recent Tuesday on or before the article date (the following one for
planned acts); "last week", "late July", "this month" become {"start", "end"} ranges; exact
dates go through dateparser with the article date as its relative base.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

import dateparser

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
# Parts of a month, as news writing uses them ("early", "mid-", "late").
PARTS = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, 31), "end": (21, 31),
         "beginning": (1, 10), "start": (1, 10)}
# Stretches of time rather than points: these name no date of their own.
DURATION = re.compile(r"\b(past|previous|for|since|until|till|from|over|recent|coming|next few|last few|months|years|weeks|days|decades?|hours?|ago|decade)\b", re.I)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _range(a: dt.date, b: dt.date) -> dict:
    return {"start": _iso(a), "end": _iso(b)}


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _base(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve_date(expr: str, published: str | None, future: bool = False) -> str | dict | None:
    """A date ("YYYY-MM-DD") or range ({"start", "end"}) for a date expression, or None."""
    got = _resolve_cached(expr, published, future)
    return dict(got) if isinstance(got, dict) else got   # a range of one's own: callers may keep it


# A corpus repeats its date expressions ("on Monday", "last week") against few publication
# dates, and the answer depends on nothing else (without a publication date, dateparser's
# reading against today was already cached, in _absolute_cached).
@functools.lru_cache(maxsize=8192)
def _resolve_cached(expr: str, published: str | None, future: bool) -> str | dict | None:
    return _resolve(expr, published, future)


def _resolve(expr: str, published: str | None, future: bool = False) -> str | dict | None:
    base = _base(published)
    text = expr.strip().lower().replace("\u2019", "'")
    text = re.sub(r"^(on|in|at|by|during|of|the)\s+", "", text)   # "since", "until" stay: stretches
    text = re.sub(r"^(the)\s+", "", text)
    words = re.findall(r"[a-z]+|\d+", text)
    if not words:
        return None
    if base is None:
        return _absolute(text, None)
    # weekday names: the latest such day on/before the article date (next one for plans)
    days = [w for w in words if w in WEEKDAYS]
    if days and not re.search(r"\d", text):
        target = WEEKDAYS[days[0]]
        if "next" in words or (future and "last" not in words):
            delta = (target - base.weekday()) % 7 or 7
            return _iso(base + dt.timedelta(days=delta))
        delta = (base.weekday() - target) % 7
        if "last" in words and delta == 0:
            delta = 7
        return _iso(base - dt.timedelta(days=delta))
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return _iso(base)
    if text in ("yesterday", "last night"):
        return _iso(base - dt.timedelta(days=1))
    if text == "tomorrow":
        return _iso(base + dt.timedelta(days=1))
    if "week" in words and not DURATION.search(text.replace("last week", "").replace("next week", "")):
        monday = base - dt.timedelta(days=base.weekday())
        shift = -7 if "last" in words else 7 if "next" in words else 0
        start = monday + dt.timedelta(days=shift)
        return _range(start, start + dt.timedelta(days=6))
    if "month" in words and words[0] in ("last", "this", "next") and len(words) == 2:
        y, m = base.year, base.month + {"last": -1, "this": 0, "next": 1}[words[0]]
        y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
        return _range(dt.date(y, m, 1), dt.date(y, m, _month_end(y, m)))
    if "year" in words and words[0] in ("last", "this", "next") and len(words) == 2:
        y = base.year + {"last": -1, "this": 0, "next": 1}[words[0]]
        return _range(dt.date(y, 1, 1), dt.date(y, 12, 31))
    if DURATION.search(text):
        return None
    # "late July", "mid-August", "July", "early 2024", "July 2024"
    months = [w for w in words if w in MONTHS]
    numbers = [int(w) for w in words if w.isdigit()]
    part = next((PARTS[w] for w in words if w in PARTS), None)
    if months and not [n for n in numbers if n <= 31]:
        m = MONTHS[months[0]]
        year = next((n for n in numbers if n > 1000), None)
        if year is None:
            year = base.year if (m <= base.month or future) else base.year - 1
            if future and m < base.month:
                year = base.year + 1
        lo, hi = part or (1, 31)
        return _range(dt.date(year, m, lo), dt.date(year, m, min(hi, _month_end(year, m))))
    if not months and len(numbers) == 1 and numbers[0] > 1000 and len(words) <= 2:
        y = numbers[0]
        lo, hi = {None: (1, 12), (1, 10): (1, 4), (11, 20): (5, 8), (21, 31): (9, 12)}[part]
        return _range(dt.date(y, lo, 1), dt.date(y, hi, _month_end(y, hi)))
    return _absolute(text, base, future)


@functools.lru_cache(maxsize=4096)
def _absolute_cached(text: str, base: dt.date | None, future: bool) -> str | None:
    settings = {"PREFER_DATES_FROM": "future" if future else "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month"]}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    got = dateparser.parse(text, languages=["en"], settings=settings)
    return got.date().isoformat() if got else None


def _absolute(text: str, base: dt.date | None, future: bool = False) -> str | None:
    if not re.search(r"\d", text):
        return None
    return _absolute_cached(text, base, future)
