"""Positions (placeholder until the positions helper lands)."""

def extract_positions(doc, actors, article, quotes, events, dossier=None):
    """-> (issues, positions, claims, contradictions)"""
    return [], [], [], []
