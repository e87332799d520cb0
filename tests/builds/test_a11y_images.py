"""Images need a text alternative: build_steps/image_alt.py stops the build with a French message naming the file and
the line (Markdown images, raw <img>), and checks the published HTML. Fixtures: tests/fixtures/image-alt/."""

from __future__ import annotations

from build_steps import image_alt
from tests.support import FIXTURES, ROOT, copy_project, mkdocs_build

IMAGES = FIXTURES / "image-alt"


def test_images_without_alternative_are_found_with_their_line():
    problems = image_alt.check_markdown((IMAGES / "sans-alternative.md").read_text(encoding="utf-8"))
    assert [line for line, _ in problems] == [7, 11, 13, 15]
    messages = "\n".join(message for _, message in problems)
    assert "l’image « schema-du-dispositif.png » n’a pas de texte de remplacement" in messages
    assert "répète le nom du fichier" in messages  # ![photo-equipe.jpg](photo-equipe.jpg)
    assert "la balise <img> « logo-service.svg » n’a pas d’attribut alt" in messages
    assert "« [illustration] »" in messages  # reference-style image
    assert "stand.jpg" not in messages  # described: fine


def test_described_decorative_and_code_images_pass():
    assert image_alt.check_markdown((IMAGES / "avec-alternatives.md").read_text(encoding="utf-8")) == []


def test_decorative_image_with_a_description_is_ambiguous():
    problems = image_alt.check_markdown("![Un filet](filet.svg){ .decorative }\n")
    assert problems and "décorative" in problems[0][1]


def test_published_html_is_checked_too():
    assert image_alt.images_without_alt('<p><img src="a.png"><img src="b.png" alt=""><img alt="c" src="c.png"></p>') == ["a.png"]


def test_the_real_site_has_no_image_problem():
    for page in sorted((ROOT / "docs").rglob("*.md")):
        assert image_alt.check_markdown(page.read_text(encoding="utf-8")) == [], page


def test_build_fails_with_a_french_message_naming_file_and_line(tmp_path):
    """A real build of a copy of the project, with an image without alternative added to a page."""
    project = copy_project(tmp_path / "projet")
    page = project / "docs" / "glossaire.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    heading = next(i for i, line in enumerate(lines) if line.startswith("# "))
    lines[heading + 1 : heading + 1] = ["", "![](schema.png)"]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (project / "docs" / "schema.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "la construction aurait dû échouer"
    assert f"docs/glossaire.md, ligne {heading + 3} : l’image « schema.png » n’a pas de texte de remplacement" in output, output
    assert "![](image.png){ .decorative }" in output  # the message says how to fix it


def test_front_matter_is_not_markdown():
    """A title that mentions <img> is shown as text (build_steps/escape_front_matter.py): not an image to describe."""
    text = '---\ntitle: "Balise <img src=x> expliquée"\n---\n\n# Titre\n\n<img src="y.png">\n'
    assert image_alt.check_markdown(text) == [(7, "la balise <img> « y.png » n’a pas d’attribut alt")]
