"""Markdown lint of the pages (docs/) and page templates (modeles/), with messages in French.

PyMarkdown (PyPI ``pymarkdownlnt``) does the work, configured by ``.pymarkdown.yml`` at the top of the
project, which explains each relaxed rule. This module runs it through its Python API and rewrites each
finding for an editor: the file, the line, what to change, and the rule's id for whoever wants to read
more (« docs/fiches/x.md, ligne 12 : laissez une ligne vide avant et après une liste (règle MD032). »).
"""

from __future__ import annotations

from pathlib import Path

from content.errors import Problem

CONFIG = ".pymarkdown.yml"
FOLDERS = ("docs", "modeles")

# What to do, for each rule that can fail with the configuration of .pymarkdown.yml.
MESSAGES = {
    "md001": "les niveaux de titre se suivent sans en sauter : après un titre « ## », le suivant est « ## » ou « ### », jamais « #### »",
    "md003": "écrivez chaque titre avec des dièses en début de ligne (« ## Titre »), sans souligner le texte avec des = ou des -",
    "md004": "utilisez le même signe pour toutes les puces d’une page : un tiret « - »",
    "md005": "les éléments d’une même liste commencent tous dans la même colonne",
    "md007": "une sous-liste se décale de 4 espaces exactement par rapport à la liste qui la contient : avec 2 espaces, elle s’afficherait comme la suite de cette liste",
    "pml101": "une sous-liste se décale de 4 espaces exactement par rapport à la liste qui la contient : avec 2 espaces, elle s’afficherait comme la suite de cette liste",
    "md009": "supprimez les espaces à la fin de la ligne",
    "md010": "remplacez les tabulations par des espaces",
    "md011": "lien écrit à l’envers : le texte entre crochets d’abord, l’adresse entre parenthèses ensuite, [texte](adresse)",
    "md012": "une seule ligne vide suffit entre deux paragraphes : supprimez les lignes vides en trop",
    "md014": "dans un bloc de code, retirez le « $ » placé devant les commandes",
    "md018": "ajoutez une espace après les dièses du titre : « ## Titre », pas « ##Titre »",
    "md019": "une seule espace après les dièses du titre",
    "md020": "titre encadré de dièses mal espacé : écrivez simplement « ## Titre »",
    "md021": "titre encadré de dièses mal espacé : écrivez simplement « ## Titre »",
    "md022": "laissez une ligne vide avant et après chaque titre",
    "md023": "un titre commence au tout début de la ligne, sans espace devant",
    "md024": "deux titres de la même partie ont le même texte : changez-en un (un lien vers ce titre serait ambigu)",
    "md025": "une page n’a qu’un titre de niveau 1 (« # »), son titre : passez les autres en « ## »",
    "md026": "retirez la ponctuation (. , ; :) à la fin du titre",
    "md027": "une seule espace après le « > » d’une citation",
    "md028": "ligne vide à l’intérieur d’une citation : commencez-la aussi par « > »",
    "md029": "numérotez les éléments de la liste dans l’ordre : 1. 2. 3.",
    "md030": "une seule espace après le tiret ou le numéro d’un élément de liste",
    "md031": "laissez une ligne vide avant et après un bloc de code (les lignes ```)",
    "md032": "laissez une ligne vide avant et après une liste",
    "md033": "code HTML dans la page : écrivez en Markdown (gras, liens, listes) ou utilisez une macro (docs/contribuer/conventions.md)",
    "md034": "adresse web écrite seule : elle ne deviendrait pas un lien. Écrivez [texte du lien](https://…)",
    "md035": "écrivez toutes les lignes de séparation de la même façon : « --- »",
    "md036": "une ligne entière en gras ou en italique sert de titre : écrivez un vrai titre (« ### Titre »), que les lecteurs d’écran savent trouver",
    "md037": "pas d’espace juste à l’intérieur des astérisques : « **gras** », pas « ** gras ** »",
    "md038": "pas d’espace au début ni à la fin d’un texte entre accents graves",
    "md039": "pas d’espace au début ni à la fin du texte d’un lien : « [texte](adresse) »",
    "md040": "indiquez la nature du bloc de code après les trois accents graves : ```yaml, ```text…",
    "md041": "la première ligne après l’en-tête est le titre de la page : « # Titre », le même texte que le champ title",
    "md042": "lien vide : écrivez l’adresse entre les parenthèses",
    "md047": "le fichier doit se terminer par un seul retour à la ligne",
    "md048": "écrivez tous les blocs de code avec des accents graves (```), pas avec des ~~~",
    "md049": "écrivez l’italique partout de la même façon : *italique*, entre astérisques",
    "md050": "écrivez le gras partout de la même façon : **gras**, entre doubles astérisques",
    "md053": "définition de lien jamais utilisée : supprimez la ligne « [nom]: adresse » ou utilisez-la",
    "md054": "écrivez les liens sous la forme [texte](adresse)",
    "md055": "les lignes du tableau commencent et finissent toutes de la même façon, par « | »",
    "md056": "chaque ligne du tableau doit avoir autant de colonnes que la ligne d’en-tête",
    "md058": "laissez une ligne vide avant et après un tableau",
    "md059": "texte de lien trop vague (« ici », « lien »…) : écrivez ce que le lecteur trouvera en suivant le lien",
}


class LintUnavailable(Exception):
    """PyMarkdown is not installed (the message, in French, says how to install it)."""


def message_for(rule_id: str, description: str, extra: str | None) -> str:
    """The French message for one finding of `rule_id` (PyMarkdown's English text when the rule is unknown here)."""
    rule = rule_id.lower()
    text = MESSAGES.get(rule)
    if text is None:
        text = description.rstrip(".") + (f" {extra.strip()}" if extra and extra.strip() else "")
    elif rule == "md033" and extra:  # « [Element: font] »: name the element
        element = extra.split(":", 1)[-1].strip(" ]")
        text = f"élément HTML « <{element}> » : " + text.removeprefix("code HTML dans la page : ")
    return f"{text} (règle {rule_id.upper()})"


def check(root: Path, config: Path | None = None) -> list[Problem]:
    """Every finding of PyMarkdown in docs/ and modeles/ of the project at `root` (`config`: root/.pymarkdown.yml)."""
    try:
        from pymarkdown.api import PyMarkdownApi, PyMarkdownApiException
    except ImportError as error:  # pragma: no cover - the venv always has it (requirements.txt)
        raise LintUnavailable("PyMarkdown (pymarkdownlnt) n’est pas installé : lancez « make check », qui l’installe.") from error
    problems: list[Problem] = []
    for folder in FOLDERS:
        base = root / folder
        if not base.is_dir() or not any(base.rglob("*.md")):
            continue
        api = PyMarkdownApi().configuration_file_path(str(config or root / CONFIG))
        try:
            result = api.scan_path(str(base), recurse_if_directory=True)
        except PyMarkdownApiException as error:
            raise LintUnavailable(f"PyMarkdown n’a pas pu lire {folder}/ : {error}") from error
        for failure in result.scan_failures:
            file = Path(failure.scan_file).resolve().relative_to(root.resolve()).as_posix()
            message = message_for(failure.rule_id, failure.rule_description, failure.extra_error_information)
            problems.append(Problem(file, failure.line_number, None, message))
        for error in result.pragma_errors:
            file = Path(error.file_path).resolve().relative_to(root.resolve()).as_posix()
            problems.append(Problem(file, error.line_number, None, f"commentaire de réglage du contrôle mal écrit : {error.pragma_error}"))
    return sorted(problems, key=Problem.sort_key)
