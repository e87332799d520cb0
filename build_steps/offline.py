"""`python -m build_steps.offline SITE ARCHIVE`: the offline copy of the site (`make hors-ligne`), as a zip file.

Agents without network access unzip it and open `porter-la-voix/index.html`. The site must have been built without
directory URLs (`mkdocs build --no-directory-urls`): every link then names an .html file, which a browser opens from a
folder, where a link to a folder would show a list of files. The copy leaves out what cannot work from files: the
search index (browsers refuse to fetch it from file:, and search.js says so), the 404 page (its links are absolute,
for a server), the nginx files. Before writing the archive, every link of every page is checked: one that does not
lead to a file of the copy stops the command with a French message.
"""

from __future__ import annotations

import datetime
import re
import shutil
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError

from content import command_line
from content.history import french_date
from content.text import count, file_size

# Folder inside the archive: what the reader sees after unzipping.
FOLDER = "porter-la-voix"
LEFT_OUT = ("pagefind", ".nginx", "404.html", "sitemap.xml", "sitemap.xml.gz")
_LINK = re.compile(r"""<(?:a|link|script|img|source)\b[^>]*?\s(?:href|src)=["']([^"']+)["']""", re.IGNORECASE)

README = """Porter la voix de son employeur : copie hors ligne du {date}

Pour lire le site sans réseau, décompressez ce dossier puis ouvrez le fichier
{folder}/index.html avec votre navigateur (double-clic).

Tout fonctionne comme en ligne, sauf la recherche : utilisez le menu de gauche.
Les listes de vérification cochées restent enregistrées dans ce navigateur.

Cette copie ne se met pas à jour. La version à jour est sur le site en ligne{online}.
"""


def broken_links(site_dir: Path) -> list[str]:
    """« page : lien » for each link of a page that does not lead to a file of the copy (a folder counts as broken)."""
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        for target in _LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:  # another site, mailto:, or a #section of the page
                continue
            resolved = (page.parent / unquote(parts.path)).resolve()
            if parts.path.startswith("/") or not resolved.is_file():
                problems.append(f"{page.relative_to(site_dir).as_posix()} : {target}")
    return problems


def package(site_dir: Path, archive: Path, *, online: str = "", today: datetime.date | None = None) -> int:
    """Trim the built site for reading from files, check its links, write the zip; the number of pages."""
    if not (site_dir / "index.html").is_file():
        raise PluginError(f"{site_dir}/index.html est introuvable : construisez d’abord le site (make hors-ligne).")
    for name in LEFT_OUT:
        path = site_dir / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    problems = broken_links(site_dir)
    if problems:
        shown = "\n".join(f"  - {problem}" for problem in problems[:20])
        raise PluginError(
            f"Copie hors ligne refusée, {count(len(problems), 'lien mène', 'liens mènent')} à un dossier ou à un "
            f"fichier absent de la copie (un dossier s’afficherait comme une liste de fichiers). Construisez le site "
            f"avec --no-directory-urls (make hors-ligne le fait), ou corrigez ces liens :\n{shown}"
        )
    date = french_date(today or datetime.date.today())
    readme = README.format(date=date, folder=FOLDER, online=f" : {online}" if online else " de l’intranet")
    archive.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(path for path in site_dir.rglob("*") if path.is_file())
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        zipped.writestr(f"{FOLDER}/LISEZ-MOI.txt", readme)
        for path in files:
            zipped.write(path, f"{FOLDER}/{path.relative_to(site_dir).as_posix()}")
    return sum(1 for path in files if path.suffix == ".html")


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(prog="python -m build_steps.offline", description="Copie du site à lire sans réseau (zip).")
    parser.add_argument("site", type=Path, help="le site construit avec --no-directory-urls")
    parser.add_argument("archive", type=Path, help="le fichier zip à écrire")
    parser.add_argument("--en-ligne", default="", metavar="ADRESSE", help="l’adresse du site en ligne, citée aux lecteurs")
    args = parser.parse_args(argv)
    try:
        pages = package(args.site, args.archive, online=args.en_ligne.strip())
    except PluginError as error:
        print(error, file=sys.stderr)
        return 1
    size = file_size(args.archive.stat().st_size)
    print(f"Copie hors ligne : {args.archive} ({pages} pages, {size}). Décompressez-la, puis ouvrez {FOLDER}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
