"""The project's commands as their users read them: help, usage and mistakes in French, and one way to end a
command (its result on standard output, or its French error on standard error and the exit status 1).

Every command of the project (`python -m editors.check`, `python -m build_steps.pdf_kit`, `python3 -m
deploy.error_pages`…) builds its parser with `parser()` and ends with `finish()`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

# argparse's own messages (Python 3.11 to 3.14), in French. A message not listed here is shown as argparse writes
# it, after the French « erreur » (tests/unit/test_command_line.py lists the ones a user can meet).
MESSAGES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^the following arguments are required: (.*)$"), r"à donner : \1"),
    (re.compile(r"^unrecognized arguments: (.*)$"), r"arguments inconnus : \1"),
    (
        re.compile(r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$"),
        r"argument \1 : \2 n’est pas possible (valeurs possibles : \3)",
    ),
    (re.compile(r"^argument (.*?): invalid (\w+) value: (.*)$"), r"argument \1 : valeur \3 invalide"),
    (re.compile(r"^argument (.*?): expected one argument$"), r"argument \1 : il attend une valeur"),
    (re.compile(r"^argument (.*?): expected at least one argument$"), r"argument \1 : il attend au moins une valeur"),
    (re.compile(r"^argument (.*?): not allowed with argument (.*)$"), r"argument \1 : impossible avec \2"),
    (re.compile(r"^ambiguous option: (.*?) could match (.*)$"), r"option ambiguë : \1 peut désigner \2"),
    (re.compile(r"^one of the arguments (.*) is required$"), r"donnez l’un de ces arguments : \1"),
]


def french(message: str) -> str:
    """argparse's message `message` in French (unchanged when it is not one of MESSAGES)."""
    for pattern, replacement in MESSAGES:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # noqa: ANN001 - argparse's own signature
        super().add_usage(usage, actions, groups, prefix="utilisation : " if prefix is None else prefix)


class FrenchParser(argparse.ArgumentParser):
    """argparse's parser with its help, usage and errors in French."""

    def __init__(self, **options) -> None:  # noqa: ANN003 - those of argparse.ArgumentParser
        super().__init__(formatter_class=_Formatter, add_help=False, **options)
        # The titles of the help's two lists (argparse has no option for them); argparse adds the colon, after the
        # no-break space French puts before it.
        self._positionals.title = "arguments\u00a0"
        self._optionals.title = "options\u00a0"
        self.add_argument("-h", "--help", action="help", help="affiche cette aide")

    def error(self, message: str) -> None:  # type: ignore[override] - never returns, as argparse's
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {french(message)}\n")


def parser(prog: str, description: str) -> FrenchParser:
    """The parser of the command `prog` (« python -m editors.check »), described in French."""
    return FrenchParser(prog=prog, description=description)


def finish(label: str, action: Callable[[], str], errors: tuple[type[BaseException], ...]) -> int:
    """Run `action`; print « label : » and what it returns (0), or one of `errors` on standard error (1)."""
    try:
        result = action()
    except errors as error:
        print(f"{label} : {error}", file=sys.stderr)
        return 1
    print(f"{label} : {result}")
    return 0
