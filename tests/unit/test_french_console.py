"""editors/french_console.py: what MkDocs prints on the console, said in French for the editor (make build, make serve)."""

from __future__ import annotations

from pathlib import Path

from editors.french_console import Translator
from tools.project_copy import ROOT

ENGLISH = (
    "Building documentation",
    "Documentation built",
    "Aborted with",
    "Serving on",
    "Doc file",
    "Traceback",
    "INFO ",
    "WARNING ",
    "ERROR ",
)


def said(output: str, *, root: Path = ROOT, strict: bool = True) -> list[str]:
    translator = Translator(root, strict=strict)
    lines = [line for raw in output.splitlines(keepends=True) for line in translator.feed(raw)]
    return lines + list(translator.close())


def assert_french(lines: list[str]) -> None:
    english = [line for line in lines if any(marker in line for marker in ENGLISH)]
    assert not english, english


def test_a_clean_build_is_said_in_three_french_lines():
    lines = said(
        "INFO    -  Cleaning site directory\n"
        f"INFO    -  Building documentation to directory: {ROOT}/site\n"
        "INFO    -  Rendu des pages : 19 sur 34 converties par le processus auxiliaire.\n"
        "INFO    -  Documentation built in 1.43 seconds\n"
    )
    assert lines == [
        "Construction du site dans site/…",
        "Rendu des pages : 19 sur 34 converties par le processus auxiliaire.",
        "Site construit en 1,4 s.",
    ]


def test_a_broken_link_is_said_as_make_check_says_it_and_the_verdict_counts_the_problems():
    lines = said(
        "INFO    -  Building documentation to directory: /tmp/ailleurs\n"
        "WARNING -  Doc file 'fiches/index.md' contains a link '../regles/obligation-des-agents.md', but the target "
        "'regles/obligation-des-agents.md' is not found among documentation files.\n"
        "WARNING -  Doc file 'fiches/index.md' contains a link '../regles/obligation-des-agents.md', but the target "
        "'regles/obligation-des-agents.md' is not found among documentation files.\n"
        "\n"
        "Aborted with 1 warnings, 1 errors in strict mode!\n"
    )
    assert lines[0] == "Construction du site dans /tmp/ailleurs…"
    assert lines[1].startswith("Erreur : docs/fiches/index.md : lien « ../regles/obligation-des-agents.md » : la page docs/regles/")
    assert "Vouliez-vous dire « ../regles/obligations-des-agents.md » ?" in lines[1]
    assert lines[2].startswith("Construction arrêtée : 2 problèmes signalés ci-dessus.")
    assert len(lines) == 3, "the repeated warning is said once"
    assert_french(lines)


def test_the_preview_reports_a_warning_without_calling_it_an_error():
    lines = said(
        "INFO    -  Building documentation...\n"
        "WARNING -  Doc file 'glossaire.md' contains a link '#nulle-part', but there is no such anchor on this page.\n"
        "INFO    -  Documentation built in 0.72 seconds\n"
        "INFO    -  [22:57:14] Watching paths for changes: 'docs', 'mkdocs.yml'\n"
        "INFO    -  [22:57:14] Serving on http://127.0.0.1:8000/\n"
        "INFO    -  [22:57:20] Browser connected: http://127.0.0.1:8000/\n"
        "INFO    -  [22:57:24] Detected file changes\n"
        "INFO    -  Building documentation...\n"
        "WARNING -  Doc file 'glossaire.md' contains a link '#nulle-part', but there is no such anchor on this page.\n"
        "INFO    -  Documentation built in 0.70 seconds\n"
        "INFO    -  [22:57:25] Reloading browsers\n"
        "INFO    -  Shutting down...\n",
        strict=False,
    )
    warning = [line for line in lines if line.startswith("Attention : docs/glossaire.md")]
    assert len(warning) == 2, "each rebuild says its problems again"
    assert "aucun titre de cette page n’a cette ancre" in warning[0]
    assert "Aperçu prêt : ouvrez http://127.0.0.1:8000/ dans le navigateur." in lines[3]
    assert lines[-1] == "Aperçu arrêté."
    assert not any(line.startswith("Erreur") for line in lines)
    assert_french(lines)


def test_pages_missing_from_the_navigation_are_said_by_the_navigation_check_once(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (tmp_path / "docs" / "nouvelle.md").write_text("# Nouvelle\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nnav:\n  - index.md\n  - absente.md\n", encoding="utf-8")
    lines = said(
        'WARNING -  The following pages exist in the docs directory, but are not included in the "nav" configuration:\n'
        "  - nouvelle.md\n"
        "WARNING -  A reference to 'absente.md' is included in the 'nav' configuration, which is not found in the "
        "documentation files.\n",
        root=tmp_path,
    )
    assert lines == [
        "Erreur : mkdocs.yml, ligne 4 : la navigation cite « absente.md », qui n’existe pas dans docs/. Corrigez le chemin "
        "(il part du dossier docs/), ou supprimez la ligne si la page a été supprimée.",
        "Erreur : docs/nouvelle.md : page absente de la navigation. Ajoutez la ligne « - nouvelle.md » à l’endroit voulu "
        "de la partie nav: de mkdocs.yml (à la fin du fichier).",
    ]


def test_a_traceback_becomes_one_french_sentence_with_its_last_line():
    lines = said(
        "INFO    -  Building documentation to directory: /tmp/x\n"
        "Traceback (most recent call last):\n"
        '  File "/x/mkdocs/__main__.py", line 288, in build_command\n'
        "    build.build(cfg, dirty=not clean)\n"
        "KeyError: 'titre'\n"
    )
    assert lines[1].startswith(
        "Erreur inattendue du programme de construction (ce n’est sans doute pas votre texte) : « KeyError: 'titre' »."
    )
    assert "VERBOSE=1" in lines[1]
    assert len(lines) == 2 and not any("__main__" in line for line in lines)


def test_a_build_error_and_a_configuration_message_are_said_in_french():
    lines = said(
        "ERROR   -  Config value 'theme': Unrecognised theme name: 'materiel'.\n"
        "\n"
        "Aborted with a configuration error!\n"
        "ERROR   -  Le site ne peut pas être construit : 1 erreur dans les données.\n"
        "  • data/x.yml, ligne 3 : …\n"
        "\n"
        "Aborted with a BuildError!\n"
        "Error: MkDocs encountered an error parsing the configuration file\n"
    )
    assert lines[0].startswith("Erreur : mkdocs.yml, réglage « theme » : Unrecognised theme name")
    assert lines[1] == "Construction arrêtée : corrigez l’erreur signalée ci-dessus puis relancez."
    assert lines[2] == "Erreur : Le site ne peut pas être construit : 1 erreur dans les données.\n  • data/x.yml, ligne 3 : …"
    assert lines[3] == lines[1]
    assert lines[4] == "Erreur (message de MkDocs, en anglais) : MkDocs encountered an error parsing the configuration file"


def test_an_unknown_line_is_never_hidden():
    assert said("plain output\nINFO    -  Something new from a plugin\n") == ["plain output", "Something new from a plugin"]


def test_a_record_is_said_as_soon_as_mkdocs_pauses_and_keeps_its_blank_lines():
    translator = Translator(ROOT, strict=False)
    assert list(translator.feed("INFO    -  [22:57:14] Serving on http://127.0.0.1:8000/\n")) == []
    assert list(translator.pause())[0].startswith("Aperçu prêt : ouvrez http://127.0.0.1:8000/")
    assert list(translator.pause()) == []
    record = "WARNING -  Un message du projet :\n\n```markdown\n{{ x }}\n```\n"
    assert [line for raw in record.splitlines(keepends=True) for line in translator.feed(raw)] == []
    assert list(translator.pause()) == ["Attention : Un message du projet :\n\n```markdown\n{{ x }}\n```"]
