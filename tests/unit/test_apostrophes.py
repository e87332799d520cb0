"""editors/apostrophes.py: straight apostrophes in the reader's text, listed by make check with their line, fixed by
make corriger in the prose only (never in code, addresses or macro calls), data files left readable."""

from __future__ import annotations

from pathlib import Path

import yaml

from editors import apostrophes

PAGE = """---
title: "Ce qu'un agent peut dire"
---

# Ce qu'un agent peut dire

Aujourd'hui, l'agent publie. Du code : `print('l'x')` et un [lien vers l'aide](https://exemple.fr/l'aide).

{{ checklist('avant-de-publier') }}

```python
texte = "l'agent"
```
"""
DATA = """titre: "Vérifier l'image"
intro: 'Avant d''agir'
items:
  - texte: C'est fait.
"""


def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "liste.yml").write_text(DATA, encoding="utf-8")
    return tmp_path


def test_each_line_with_straight_apostrophes_is_listed_with_the_fix(tmp_path):
    found = [str(problem) for problem in apostrophes.find(project(tmp_path))]
    assert (
        "docs/page.md, ligne 5 : apostrophe droite dans « qu'un ». Attendu : l’apostrophe typographique : « qu’un » ; « make corriger » la met partout."
        in found
    )
    assert any(f.startswith("docs/page.md, ligne 2 : apostrophe droite dans « qu'un »") for f in found), "le titre de l’en-tête aussi"
    assert any(f.startswith("docs/page.md, ligne 7 : apostrophe droite dans « Aujourd'hui », « l'agent », « l'aide »") for f in found), (
        found
    )
    assert not any("ligne 9" in f or "ligne 12" in f for f in found), "ni l’appel de macro, ni le bloc de code"
    assert any(f.startswith("data/liste.yml, ligne 1 :") for f in found) and any(f.startswith("data/liste.yml, ligne 4 :") for f in found)


def test_make_corriger_fixes_the_prose_only(tmp_path):
    root = project(tmp_path)
    report = apostrophes.fix(root)
    page = (root / "docs" / "page.md").read_text(encoding="utf-8")
    assert "# Ce qu’un agent peut dire" in page and 'title: "Ce qu’un agent peut dire"' in page
    assert "Aujourd’hui, l’agent publie. Du code : `print('l'x')` et un [lien vers l’aide](https://exemple.fr/l'aide)." in page
    assert "{{ checklist('avant-de-publier') }}" in page and 'texte = "l\'agent"' in page
    # Data: the double-quoted and plain texts are fixed; a '…' text writes its apostrophe '' (YAML), left as typed.
    assert yaml.safe_load((root / "data" / "liste.yml").read_text(encoding="utf-8")) == {
        "titre": "Vérifier l’image",
        "intro": "Avant d'agir",
        "items": [{"texte": "C’est fait."}],
    }
    assert report == ["data/liste.yml : apostrophes corrigées, ligne(s) 1, 4", "docs/page.md : apostrophes corrigées, ligne(s) 2, 5, 7"]
    assert apostrophes.find(root) == []


def test_a_data_file_that_would_read_differently_is_left_whole(tmp_path, monkeypatch):
    root = project(tmp_path)
    before = (root / "data" / "liste.yml").read_text(encoding="utf-8")
    monkeypatch.setattr(apostrophes, "_same_data", lambda old, new: False)
    report = apostrophes.fix(root)
    assert report[0] == "data/liste.yml : laissé tel quel (les apostrophes sont dans un texte entre apostrophes) ; corrigez-le à la main"
    assert (root / "data" / "liste.yml").read_text(encoding="utf-8") == before
