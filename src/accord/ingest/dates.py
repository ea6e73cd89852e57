"""Publication dates: from metadata when given, else from a dateline at the start of the text.

Datelines as agencies write them: "CAIRO, Aug 19 (Reuters) -", "WASHINGTON — Tuesday, 20 August
2024 —", "GAZA CITY, Gaza Strip (AP) —". Only the words between the place and the agency or dash
are parsed, so a date in the first sentence of the story itself is never taken for the dateline.
"""
from __future__ import annotations

import datetime as dt
import re
import time

# dateparser: English only (its language detection is slow and, on datelines, wrong more often
# than right); a bare "Aug 19" is the most recent past Aug 19; a weekday or month alone is no date.
_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")           # 20240820 (PETRARCH, PLOVER)
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]|\s)")     # 2024-08-20, 2024-08-20T10:00Z

# Place: up to five capitalised words ("CAIRO", "GAZA CITY", "Doha, Qatar"), optionally an agency
# in parentheses, then the separator: a comma, a dash or a colon.
_DATELINE = re.compile(
    r"""^\s*(?:[A-Z][\w'.\-]*(?:[ ,/]{1,2}[A-Z][\w'.\-]*){0,4})\s*(?:\([^()\n]{1,40}\))?\s*
        (?:,|[-\u2013\u2014]{1,2}|:)\s*(?P<rest>[^\n]{1,100})""",
    re.VERBOSE,
)
# Where the date part of a dateline ends: an agency in parentheses or a dash before the story.
# A full stop ends it after a number or a long word, not after "Aug." or "Sept.".
_DATE_END = re.compile(r"\(|\s[-\u2013\u2014]{1,2}\s|[\u2013\u2014]|\s-{1,2}$|(?:(?<=\d)|(?<=[a-z]{4}))\.\s")


def _valid(y: str, m: str, d: str) -> str | None:
    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _parse(text: str) -> str | None:
    import dateparser

    try:
        found = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    except Exception:          # dateparser raises assorted errors on odd strings (issues #1045, #1166)
        return None
    return found.date().isoformat() if found else None


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD of a metadata date (ISO, YYYYMMDD, RFC 822, date/datetime, struct_time), or None."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    value = str(value).strip()
    if not value or len(value) > 100:
        return None
    if m := _COMPACT.match(value) or _ISO.match(value):
        return _valid(*m.groups())
    return _parse(value)


# A web page's own date line under the headline: "Published On 25 Aug 2024", "Updated: 3 March 2025".
_PUBLISHED = re.compile(r"^\s*(?:Published|Updated|Last updated|Posted)(?:\s+on)?\s*:?\s+(?P<date>[^\n]{6,60}?)\s*$",
                        re.IGNORECASE)


def from_dateline(text: str) -> str | None:
    """YYYY-MM-DD of the dateline opening ``text`` (or its first line after a headline), else of a
    "Published on ..." line among the first three, or None."""
    lines = [line for line in text[:1000].splitlines() if line.strip()][:3]
    for line in lines[:2]:
        found = _line_date(line)
        if found:
            return found
    for line in lines:
        m = _PUBLISHED.match(line)
        # (up to the year: "Published On 25 Aug 2024 25 Aug 2024" shows the date twice)
        year = m and re.search(r"\d{4}", m.group("date"))
        found = year and _parse(m.group("date")[:year.end()])
        if found:
            return found
    return None


def _line_date(line: str) -> str | None:
    head = line.lstrip()[:200]
    m = _DATELINE.match(head)
    if not m:
        return None
    rest = m.group("rest")
    end = _DATE_END.search(rest)
    candidate = (rest[:end.start()] if end else rest).strip(" ,;:")
    # a dateline date is short ("Tuesday, 20 August 2024" is 23 characters); a longer run is story text
    if not candidate or len(candidate) > 40 or not re.search(r"\d", candidate):
        return None
    return _parse(candidate)
