"""The legal notices' values that only the publication knows (mkdocs.yml, `extra.publisher`).

The publication's director, the host and the contact are given by environment variables when the
site is published (deploy/README.md). Unset, the page sends readers to the intranet's own legal notices: the site
stays correct, but `make check` warns — without failing — so that the publication does not forget them.
"""

from __future__ import annotations

from collections.abc import Mapping

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
