"""The French pages of the errors nginx answers itself (deploy/nginx/snippets/porter-la-voix-errors.conf): one table
of codes and texts, one page layout, written out as <code>.html with their style sheet erreurs.css.

    python3 -m deploy.error_pages /var/www/porter-la-voix-erreurs/ [--accueil /porter-la-voix/]

Standard library only: it runs on the server as it is. `--accueil`: the address of the site's home page, when the
site is not served at the root of its host name (the pages' « Revenir à l’accueil du site » link). LocalNginx
(deploy/local_nginx.py) writes them the same way for the tests.
"""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

from content import command_line

STYLE_SHEET = Path(__file__).resolve().parent / "nginx" / "erreurs.css"
SITE_NAME = "Porter la voix de son employeur"
NBSP = "\u00a0"

# code -> (title, what happened and what to do). Each code has its error_page line in the snippet.
PAGES: dict[int, tuple[str, str]] = {
    400: (
        "Requête incorrecte",
        "Le serveur n’a pas compris la demande envoyée par le navigateur. Vérifiez l’adresse, puis rechargez la page.",
    ),
    404: ("Page introuvable", "Aucune page ne correspond à cette adresse."),
    405: ("Méthode non autorisée", f"Ce site se consulte seulement{NBSP}: il n’accepte pas d’envoi de données à cette adresse."),
    408: ("Délai dépassé", "Le navigateur a mis trop de temps à envoyer sa demande. Rechargez la page."),
    411: ("Requête incomplète", "La demande du navigateur n’indique pas la taille des données envoyées."),
    412: ("Condition non remplie", "Le fichier demandé a changé depuis votre dernière visite. Rechargez la page."),
    413: (
        "Requête trop volumineuse",
        f"Les données envoyées sont trop volumineuses. Ce site se consulte seulement{NBSP}: il n’accepte pas d’envoi de données.",
    ),
    414: (
        "Adresse trop longue",
        "L’adresse demandée est trop longue pour être une adresse du site. Vérifiez-la, ou repartez de l’accueil.",
    ),
    416: ("Partie de fichier indisponible", "La partie du fichier demandée n’existe pas. Téléchargez le fichier en entier."),
    421: (
        "Site inconnu à cette adresse",
        "Ce serveur ne publie pas de site sous le nom utilisé dans l’adresse. Vérifiez l’adresse saisie, ou passez par le "
        "lien donné sur l’intranet.",
    ),
    494: (
        "En-têtes trop longs",
        "La demande du navigateur est trop longue, souvent à cause de cookies trop nombreux. Supprimez les cookies de ce "
        "site, puis rechargez la page.",
    ),
    500: ("Erreur du serveur", "Le serveur a rencontré une erreur. Réessayez dans quelques minutes."),
    501: ("Demande non prise en charge", "Le serveur ne sait pas traiter cette demande."),
    502: ("Erreur du serveur", "Un serveur intermédiaire a reçu une réponse incorrecte. Réessayez dans quelques minutes."),
    503: ("Site momentanément indisponible", "Le site est momentanément indisponible. Réessayez dans quelques minutes."),
    504: ("Délai dépassé", "Un serveur intermédiaire n’a pas répondu à temps. Réessayez dans quelques minutes."),
    505: (
        "Version de HTTP non prise en charge",
        "Le navigateur utilise une version du protocole HTTP que ce serveur ne prend pas en charge.",
    ),
}

# Pages without « Revenir à l’accueil du site »: 421 is answered to a host name the server does not publish, where
# « / » would lead to the same page again.
WITHOUT_HOME_LINK = {421}
HOME_LINK = '<p><a href="{home}">Revenir à l’accueil du site</a></p>\n'

# No script, no inline style (the site's policy: style-src 'self'), nothing from another server; the style sheet is
# served by both server blocks at this address.
LAYOUT = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title} - {site}</title>
<link rel="stylesheet" href="/.porter-la-voix-erreurs/erreurs.css">
</head>
<body>
<header><p>{site}</p></header>
<main>
<h1>{title}</h1>
<p>{message}</p>
{home_link}<p class="code">Code d’erreur&#160;: {code}</p>
</main>
</body>
</html>
"""


def page(code: int, *, home: str = "/") -> str:
    """The page of one error code."""
    title, message = PAGES[code]
    escaped = html.escape(message, quote=False).replace(NBSP, "&#160;")
    home_link = "" if code in WITHOUT_HOME_LINK else HOME_LINK.format(home=html.escape(home))
    return LAYOUT.format(title=html.escape(title), site=SITE_NAME, message=escaped, home_link=home_link, code=code)


def write_pages(folder: Path, *, home: str = "/") -> list[Path]:
    """Every page and the style sheet, into `folder` (created if needed)."""
    if not home.startswith("/") or not home.endswith("/"):
        raise ValueError(f"--accueil {home!r} : une adresse qui commence et finit par « / » est attendue (par ex. /porter-la-voix/).")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for code in PAGES:
        path = folder / f"{code}.html"
        path.write_text(page(code, home=home), encoding="utf-8")
        written.append(path)
    shutil.copyfile(STYLE_SHEET, folder / STYLE_SHEET.name)
    return [*written, folder / STYLE_SHEET.name]


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(prog="python3 -m deploy.error_pages", description="Écrit les pages d’erreur de nginx, en français.")
    parser.add_argument("dossier", type=Path, help="le dossier des pages (par ex. /var/www/porter-la-voix-erreurs/)")
    parser.add_argument("--accueil", default="/", help="l’adresse de l’accueil du site sur son serveur (par défaut /)")
    args = parser.parse_args(argv)

    def run() -> str:
        written = write_pages(args.dossier, home=args.accueil)
        return f"{len(written) - 1} pages et leur feuille de style écrites dans {args.dossier}."

    return command_line.finish("Pages d’erreur", run, (ValueError, OSError))


if __name__ == "__main__":
    sys.exit(main())
