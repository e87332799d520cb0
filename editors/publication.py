"""The values that only the publication knows, given by environment variables when the site is published.

- The legal notices' values (mkdocs.yml, `extra.publisher`): the publication's director, the host and the contact
  (deploy/README.md). Unset, the page sends readers to the intranet's own legal notices: the site stays correct, but
  `make check` warns — without failing — so that the publication does not forget them.
- The editorial team's address (FEEDBACK_EMAIL): unset, the pages show no feedback block and `make check` warns.
- The published address (SITE_URL): without it the site is fine to preview or to copy, but has no canonical links
  and no sitemap. The publishing jobs run `python -m editors.publication` (make publication), which refuses to go
  on without a complete public address. Standard library only: it runs before any installation.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from urllib.parse import urlsplit

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}

# Environment variable -> what it holds, as the editors' message names it.
PUBLISHER_VARIABLES = {
    "PUBLICATION_DIRECTOR": "le directeur ou la directrice de la publication",
    "HOST_NAME": "l’hébergeur (nom, adresse, téléphone)",
    "PUBLISHER_CONTACT": "le contact de l’éditeur (adresse, téléphone, courriel)",
}


def unset_publisher_values(environ: Mapping[str, str]) -> list[str]:
    """One French line naming the legal-notice values the publication has not given (none when all are given)."""
    unset = [(variable, what) for variable, what in PUBLISHER_VARIABLES.items() if not environ.get(variable, "").strip()]
    if not unset:
        return []
    listed = " ; ".join(f"{variable}, {what}" for variable, what in unset)
    return [
        f"mkdocs.yml › extra.publisher : non renseignés, la page « Mentions légales » renvoie pour eux aux mentions "
        f"légales de l’intranet. Rien à corriger dans le contenu : ces valeurs se donnent au moment de publier, "
        f"par des variables d’environnement (deploy/README.md) : {listed}"
    ]


def unset_feedback_address(environ: Mapping[str, str]) -> list[str]:
    """One French line when the editorial team's address (FEEDBACK_EMAIL) is not given (none when it is)."""
    if environ.get("FEEDBACK_EMAIL", "").strip():
        return []
    return [
        "mkdocs.yml › extra.feedback_email : non renseignée, les pages n’affichent ni « Cette page vous a-t-elle été "
        "utile ? » ni « Signaler une erreur ». Rien à corriger dans le contenu : l’adresse de l’équipe éditoriale se "
        "donne au moment de publier, par la variable d’environnement FEEDBACK_EMAIL (deploy/README.md)."
    ]


def published_address_problem(environ: Mapping[str, str]) -> str | None:
    """The French reason why SITE_URL cannot be the published address, or None when it can."""
    address = environ.get("SITE_URL", "").strip()
    fix = (
        "Renseignez la variable SITE_URL avec l’adresse publique complète du site, terminée par « / » "
        "(par exemple https://intranet.example.gouv.fr/porter-la-voix/) dans la configuration de la CI : "
        "voir README.md, section « Publication »."
    )
    if not address:
        return f"Publication refusée : l’adresse du site (SITE_URL) n’est pas renseignée. {fix}"
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"Publication refusée : SITE_URL vaut « {address} », qui n’est pas une adresse complète. {fix}"
    if parts.hostname in LOCAL_HOSTS:
        return f"Publication refusée : SITE_URL vaut « {address} », l’adresse d’un poste de travail. {fix}"
    if not parts.path.endswith("/") or parts.query or parts.fragment:
        return f"Publication refusée : SITE_URL vaut « {address} », qui doit se terminer par « / ». {fix}"
    return None


def main(environ: Mapping[str, str]) -> int:
    """Exit status of the publishing check: 1 with the French reason on standard error, 0 when SITE_URL is right."""
    problem = published_address_problem(environ)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    print(f"Adresse de publication : {environ['SITE_URL'].strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(os.environ))
