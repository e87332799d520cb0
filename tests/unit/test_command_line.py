"""content/command_line.py: the project's commands speak French, in their help and in their usage errors."""

from __future__ import annotations

import re

import pytest

from build_steps import __main__ as finish_command
from build_steps import offline, pdf_kit
from content import command_line
from deploy import error_pages
from editors import apostrophes, check, newpage
from tools import compare_sites

COMMANDS = [
    check.main,
    newpage.main,
    apostrophes.main,
    finish_command.main,
    pdf_kit.main,
    offline.main,
    error_pages.main,
    compare_sites.main,
]


@pytest.mark.parametrize("main", COMMANDS, ids=lambda main: main.__module__)
def test_help_is_in_french(main, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("utilisation : python")
    assert "affiche cette aide" in shown and "options\u00a0:" in shown
    # argparse's words, and the arguments' English names (their `metavar` names them in French)
    assert not re.search(r"usage:|positional arguments|show this help|\b(?:project|first)\b", shown), shown


@pytest.mark.parametrize("main", COMMANDS, ids=lambda main: main.__module__)
def test_an_unknown_option_is_refused_in_french(main, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--inconnue"])
    assert stop.value.code == 2
    said = capsys.readouterr().err
    assert said.startswith("utilisation : ") and " : erreur : " in said
    assert "arguments inconnus : --inconnue" in said or "à donner : " in said, said


@pytest.mark.parametrize(
    "english, expected",
    [
        ("the following arguments are required: site", "à donner : site"),
        ("unrecognized arguments: --x", "arguments inconnus : --x"),
        ("argument --runs: invalid int value: 'x'", "argument --runs : valeur 'x' invalide"),
        (
            "argument TYPE: invalid choice: 'z' (choose from 'fiche', 'guide')",
            "argument TYPE : 'z' n’est pas possible (valeurs possibles : 'fiche', 'guide')",
        ),
        ("argument --en-ligne: expected one argument", "argument --en-ligne : il attend une valeur"),
    ],
)
def test_argparse_messages_are_translated(english, expected):
    assert command_line.french(english) == expected


def test_finish_prints_the_result_or_the_french_error(capsys):
    assert command_line.finish("Essai", lambda: "fait.", (ValueError,)) == 0
    assert capsys.readouterr().out == "Essai : fait.\n"

    def broken() -> str:
        raise ValueError("le dossier manque.")

    assert command_line.finish("Essai", broken, (ValueError,)) == 1
    assert capsys.readouterr().err == "Essai : le dossier manque.\n"
