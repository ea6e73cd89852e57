import pytest

from accord.dossiers import Dossier, DossierError, list_dossiers, load


def test_shipped_dossiers_load_and_differ_in_structure():
    names = list_dossiers()
    assert "gaza-ceasefire-2024" in names and len(names) >= 4
    loaded = [load(n) for n in names]
    mediators = {d.name: [a.id for a in d.actors if "mediator" in a.roles] for d in loaded}
    assert len(mediators["sudan-jeddah-talks"]) >= 3          # several mediators
    assert mediators["iran-nuclear-talks-2025"] == ["OMN", "badr-albusaidi"]
    for d in loaded:
        for issue in d.issues:
            assert issue.low and issue.high and issue.signals
        assert all(0 <= a.capability <= 1 for a in d.actors)


def test_resolve_finds_actor_by_alias():
    d = load("russia-ukraine-talks-2025")
    assert d.resolve("Kyiv").id == "UKR"
    assert d.resolve("zelenskyy").id == "volodymyr-zelensky"
    assert d.resolve("Atlantis") is None


def _write(tmp_path, text):
    p = tmp_path / "mine.yaml"
    p.write_text(text)
    return p


GOOD = """
name: my-talks
title: My talks
actors:
  - {id: FRA, name: France, kind: state, roles: [mediator]}
  - {id: some-group, name: Some Group, kind: organisation}
issues:
  - {id: border, label: border, description: where the line runs, low: old line, high: new line,
     signals: [border]}
"""


def test_user_dossier_loads_from_path(tmp_path):
    d = load(_write(tmp_path, GOOD))
    assert isinstance(d, Dossier) and d.actor("FRA").roles == ("mediator",)


def test_bad_yaml_names_file_and_line(tmp_path):
    p = _write(tmp_path, "name: x\nactors: [unclosed\n")
    with pytest.raises(DossierError) as err:
        load(p)
    assert str(p) in str(err.value) and "line" in str(err.value)


def test_missing_field_is_named(tmp_path):
    p = _write(tmp_path, GOOD.replace("low: old line, ", ""))
    with pytest.raises(DossierError) as err:
        load(p)
    assert str(p) in str(err.value) and "issues.0.low" in str(err.value)


def test_wrong_type_is_named(tmp_path):
    p = _write(tmp_path, GOOD.replace("roles: [mediator]", "roles: [mediator], capability: lots"))
    with pytest.raises(DossierError) as err:
        load(p)
    assert "actors.0.capability" in str(err.value)


def test_unknown_role_and_dangling_prior_are_rejected(tmp_path):
    with pytest.raises(DossierError, match="actors.1.roles.0"):
        load(_write(tmp_path, GOOD.replace("kind: organisation}", "kind: organisation, roles: [villain]}")))
    bad = GOOD + "priors:\n  - {actor: GER, issue: border, value: 40}\n"
    with pytest.raises(DossierError, match="priors.0.actor"):
        load(_write(tmp_path, bad))


def test_unknown_dossier_name_lists_shipped_ones():
    with pytest.raises(DossierError, match="gaza-ceasefire-2024"):
        load("no-such-talks")
