"""engine/compat.py: every private internal of MkDocs, Material, mkdocs-macros and pymdown-extensions the project
uses is still there, in the versions installed; an upgrade that changes one fails here, naming it."""

from __future__ import annotations

from importlib import metadata

import pytest
from mkdocs.exceptions import PluginError

from build_steps import markup
from engine import compat


def test_every_internal_is_still_offered():
    problems = compat.problems()
    assert not problems, "Des éléments internes dont le projet dépend ont changé :\n" + "\n".join(problems)


@pytest.mark.parametrize("package", sorted(compat.CHECKED_VERSIONS))
def test_installed_versions_are_those_checked(package):
    """An upgrade is deliberate: check the list of engine/compat.py against the new version, then update
    CHECKED_VERSIONS (and requirements.txt)."""
    installed = metadata.version(package)
    assert installed == compat.CHECKED_VERSIONS[package], (
        f"{package} {installed} est installé ; engine/compat.py a été vérifié avec {compat.CHECKED_VERSIONS[package]}. "
        "Relisez chaque élément interne qu’il liste avec la nouvelle version, puis mettez CHECKED_VERSIONS à jour."
    )


def test_a_missing_internal_is_named(monkeypatch):
    """The check really looks: a message of MkDocs it relies on, removed, is reported with its text and module."""
    monkeypatch.setattr(compat, "MKDOCS_SOURCES", [*compat.MKDOCS_SOURCES, ("mkdocs.commands.build", "texte disparu")])
    problems = compat.problems()
    assert len(problems) == 2, problems  # MkDocs's module, and the same module of ProperDocs (properdocs.commands.build)
    assert "« texte disparu »" in problems[0] and "mkdocs.commands.build" in problems[0] and "vérifié avec 1.6.1" in problems[0]
    assert "properdocs.commands.build" in problems[1] and "vérifié avec 1.6.7" in problems[1]


# --- build_steps/markup.py: Material's markup completed, loudly refused when it changed ------------------------
HEADER = '<header class="md-header md-header--shadow"><nav class="md-header__inner md-grid" aria-label="En-tête"><a>logo</a></nav></header>'
SEARCH = f"{markup.SEARCH_START}<label>loupe</label><div>dialogue</div>{markup.SEARCH_END}"


def test_search_moves_to_the_end_of_the_header_bar():
    html = markup.complete_markup(HEADER + SEARCH + "<main></main>", "docs/index.md")
    assert html == HEADER.replace("</nav>", "<label>loupe</label><div>dialogue</div></nav>") + "<main></main>"


def test_a_header_without_its_bar_stops_the_build():
    with pytest.raises(PluginError, match="recherche dans l’en-tête.*docs/index.md|docs/index.md.*recherche dans l’en-tête"):
        markup.complete_markup('<header class="md-header"><div></div></header>' + SEARCH, "docs/index.md")


def test_landmarks_get_their_french_names():
    html = markup.complete_markup('<nav class="md-path" aria-label="Navigation"><ol></ol></nav><nav class="md-tags" ><a>x</a></nav>', "p")
    assert '<nav class="md-path" aria-label="Fil d’Ariane">' in html
    assert '<nav class="md-tags" aria-label="Étiquettes de la page" >' in html


def test_changed_breadcrumbs_or_tags_stop_the_build():
    with pytest.raises(PluginError, match="fil d’Ariane"):
        markup.complete_markup('<ol class="md-path"></ol>', "p")
    with pytest.raises(PluginError, match="étiquettes"):
        markup.complete_markup('<ul class="md-tags"></ul>', "p")


def test_pages_without_those_parts_are_left_alone():
    assert markup.complete_markup("<main><p>texte</p></main>", "p") == "<main><p>texte</p></main>"
