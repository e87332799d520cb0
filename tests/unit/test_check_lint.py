"""The Markdown lint of `make check` (editors/lint.py + .pymarkdown.yml): French messages, word for word.

tests/fixtures/check-lint/docs/page.md holds one formatting mistake an editor is likely to make per rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from editors import lint
from tests.support import FIXTURES, ROOT

FIXTURE = FIXTURES / "check-lint"
CONFIG = ROOT / ".pymarkdown.yml"


def test_every_mistake_of_the_fixture_with_its_line_and_what_to_do():
    assert [str(problem) for problem in lint.check(FIXTURE, CONFIG)] == [
        "docs/page.md, ligne 11 : laissez une ligne vide avant et après chaque titre (règle MD022).",
        "docs/page.md, ligne 13 : laissez une ligne vide avant et après une liste (règle MD032).",
        "docs/page.md, ligne 19 : une sous-liste se décale de 4 espaces exactement par rapport à la liste qui la contient : "
        "avec 2 espaces, elle s’afficherait comme la suite de cette liste (règle PML101).",
        "docs/page.md, ligne 23 : adresse web écrite seule : elle ne deviendrait pas un lien. Écrivez [texte du lien](https://…) (règle MD034).",
        "docs/page.md, ligne 23 : texte de lien trop vague (« ici », « lien »…) : écrivez ce que le lecteur trouvera en suivant le lien (règle MD059).",
        "docs/page.md, ligne 25 : une ligne entière en gras ou en italique sert de titre : écrivez un vrai titre (« ### Titre »), "
        "que les lecteurs d’écran savent trouver (règle MD036).",
        "docs/page.md, ligne 31 : chaque ligne du tableau doit avoir autant de colonnes que la ligne d’en-tête (règle MD056).",
        "docs/page.md, ligne 33 : une page n’a qu’un titre de niveau 1 (« # »), son titre : passez les autres en « ## » (règle MD025).",
        "docs/page.md, ligne 35 : élément HTML « <font> » : écrivez en Markdown (gras, liens, listes) ou utilisez une macro "
        "(docs/contribuer/conventions.md) (règle MD033).",
    ]


def test_real_pages_and_templates_pass():
    assert [str(problem) for problem in lint.check(ROOT)] == []


def test_a_rule_without_french_text_keeps_pymarkdown_words():
    assert lint.message_for("md099", "Something is wrong.", " [Expected: 1]") == "Something is wrong [Expected: 1] (règle MD099)"


def test_every_enabled_rule_has_a_french_message():
    import pymarkdown

    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    disabled = {rule for rule, settings in config["plugins"].items() if settings.get("enabled") is False}
    plugins = Path(pymarkdown.__file__).parent / "plugins"
    rules = {f"md{m.group(1)}" for m in (re.match(r"rule_md_(\d+)\.py", p.name) for p in plugins.iterdir()) if m}
    never_fail_here = {"md002", "md006", "md043", "md044"}  # off by default, or need settings this site does not give
    missing = sorted(rules - disabled - never_fail_here - set(lint.MESSAGES))
    assert not missing, f"règles sans message en français dans editors/lint.py : {missing}"


def test_every_relaxed_rule_says_why():
    """Each rule set in .pymarkdown.yml carries a comment on its lines (the reason it is relaxed)."""
    text = CONFIG.read_text(encoding="utf-8")
    block = text.split("\nplugins:\n", 1)[1]
    for rule in yaml.safe_load(text)["plugins"]:
        lines = re.search(rf"^  {rule}:.*(?:\n    .*)*", block, re.MULTILINE).group(0)
        assert lines.count("#") >= 2, f"{rule} : chaque réglage de .pymarkdown.yml doit dire pourquoi, en commentaire"


def test_images_are_left_to_the_build_check(tmp_path):
    """A decorative image (« { .decorative } ») passes the lint, as it passes the build; an image without alternative
    is reported once, by the build's image check (build_steps/image_alt.py), not a second time here (MD045 off)."""
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text(
        '---\ntitle: "Images"\n---\n\n# Images\n\n![](filet.svg){ .decorative }\n\n![](schema.png)\n',
        encoding="utf-8",
    )
    assert [str(problem) for problem in lint.check(tmp_path, CONFIG)] == []
