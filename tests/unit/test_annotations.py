"""editors/annotations.py: the findings of `make check` as GitHub workflow commands and as a GitLab Code Quality
report, checked against the formats the forges document (GitHub: « ::error file=…,line=…,title=…::message » with
%, CR, LF escaped, and « : » « , » in properties; GitLab: description, check_name, fingerprint, severity,
location.path, location.lines.begin)."""

from __future__ import annotations

import json
import re

from editors.annotations import Finding, code_quality, github_commands, locate, write_code_quality

SPELLING = "docs/fiches/profil-linkedin.md, ligne 14 : mot inconnu « recrutment ». Vouliez-vous dire « recrutement » ?"
DATA = "data/checklists/avant-de-publier.yml : avant-de-publier — champ « titre » manquant."
NO_FILE = "mkdocs.yml › extra.publisher : non renseignés, 50 % à donner"
GITHUB_COMMAND = re.compile(
    r"::(error|warning) file=(?P<file>[^,:]+),line=(?P<line>[1-9]\d*),title=(?P<title>[^,:]+)::(?P<message>[^\r\n]+)"
)
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_a_message_is_cut_into_its_file_line_and_text():
    assert locate("Orthographe", SPELLING) == Finding(
        "Orthographe", "docs/fiches/profil-linkedin.md", 14, "mot inconnu « recrutment ». Vouliez-vous dire « recrutement » ?"
    )
    assert locate("Données", DATA) == Finding("Données", "data/checklists/avant-de-publier.yml", 1, DATA.split(" : ", 1)[1])
    # No file in the message: placed on mkdocs.yml, whole message kept.
    assert locate("Mentions légales", NO_FILE, warning=True) == Finding("Mentions légales", "mkdocs.yml", 1, NO_FILE, True)


def test_github_workflow_commands_follow_the_documented_syntax():
    findings = [
        locate("Orthographe", SPELLING),
        locate("Liens et macros", "docs/x.md, ligne 3 : la construction a échoué :\nligne 2 d’anglais, 100 %"),
        locate("Mentions légales", NO_FILE, warning=True),
    ]
    commands = github_commands(findings)
    assert [GITHUB_COMMAND.fullmatch(c) is not None for c in commands] == [True, True, True], commands
    assert commands[0] == (
        "::error file=docs/fiches/profil-linkedin.md,line=14,title=Orthographe::"
        "mot inconnu « recrutment ». Vouliez-vous dire « recrutement » ?"
    )
    assert commands[1].endswith("::la construction a échoué :%0Aligne 2 d’anglais, 100 %25")
    assert commands[2].startswith("::warning file=mkdocs.yml,line=1,title=Mentions légales::")


def test_gitlab_code_quality_report_has_the_documented_fields(tmp_path):
    findings = [
        locate("Orthographe", SPELLING),
        locate("Orthographe", SPELLING.replace("ligne 14", "ligne 20")),
        locate("M", NO_FILE, warning=True),
    ]
    path = tmp_path / "gl-code-quality-report.json"
    write_code_quality(findings, path)
    report = json.loads(path.read_text(encoding="utf-8"))
    assert report == code_quality(findings)
    assert isinstance(report, list) and len(report) == 3
    for issue in report:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["severity"] in SEVERITIES
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert set(issue["location"]) == {"path", "lines"} and isinstance(issue["location"]["lines"]["begin"], int)
        assert not issue["location"]["path"].startswith(("/", "./"))
    assert len({issue["fingerprint"] for issue in report}) == 3, "une empreinte par constat (GitLab n’affiche qu’un constat par empreinte)"
    assert [issue["severity"] for issue in report] == ["major", "major", "minor"]
    assert report[1]["location"] == {"path": "docs/fiches/profil-linkedin.md", "lines": {"begin": 20}}
    # The same finding gives the same fingerprint from one pipeline to the next.
    assert code_quality(findings[:1])[0]["fingerprint"] == report[0]["fingerprint"]
