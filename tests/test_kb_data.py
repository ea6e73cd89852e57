"""Knowledge files are data an analyst edits: YAML's bare on/off/yes/no/true/false must not turn
words into booleans (a bug once dropped "on" from "call on X to")."""
from pathlib import Path

import pytest
import yaml

SRC = Path(__file__).resolve().parents[1] / "src" / "accord"
FILES = sorted([*SRC.glob("kb/*.yaml"), *SRC.glob("dossiers/*.yaml")])


def _bools_in_lists(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, bool):
                yield f"{path}.{k} (a key)"
            yield from _bools_in_lists(v, f"{path}.{k}")
    elif isinstance(node, list):
        words = [x for x in node if isinstance(x, str)]
        for i, x in enumerate(node):
            if isinstance(x, bool) and words:
                yield f"{path}[{i}]"
            else:
                yield from _bools_in_lists(x, f"{path}[{i}]")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_word_lists_hold_no_yaml_booleans(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(_bools_in_lists(data)) == [], f"quote the words at these places in {path.name}"
