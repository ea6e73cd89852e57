"""Prospects (placeholder until the prospects helper lands)."""
from collections.abc import Iterator
from accord.records import Assessment

def extract_assessments(doc, actors, article, quotes) -> Iterator[Assessment]:
    return iter(())
