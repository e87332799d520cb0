"""`python -m build_steps site/`: the build steps that need only the built site (build_steps/finish.py), run on a
folder built by MkDocs with PV_POST_BUILD=off (`make build` does so) or by another engine.

Prints what it did, in French; on a problem, prints the French message and exits with status 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from content import command_line
from engine.compat import material_templates

from .finish import finish_site

PROJECT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(
        prog="python -m build_steps",
        description="Étapes qui ne demandent que le site construit : index de recherche, sources CSP, vérification des images.",
    )
    parser.add_argument("site", type=Path, help="le dossier du site construit (par ex. site/)")
    parser.add_argument(
        "--gabarits",
        action="append",
        default=None,
        metavar="DOSSIER",
        help="dossier des gabarits du thème (plusieurs fois : overrides/ puis ceux de Material, par défaut)",
    )
    args = parser.parse_args(argv)
    templates = tuple(args.gabarits or [str(PROJECT / "overrides"), str(material_templates())])

    def run() -> str:
        finish_site(args.site, templates, project=Path.cwd())
        return f"index de recherche, sources CSP et images vérifiées dans {args.site}."

    return command_line.finish("Étapes après la construction", run, (PluginError,))


if __name__ == "__main__":
    sys.exit(main())
