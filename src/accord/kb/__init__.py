"""Knowledge base shipped as data (YAML) plus analysts' own files; see ``loader``."""
from accord.kb.loader import KB, load_kb, slug

__all__ = ["KB", "load_kb", "slug"]
