"""The findings of `make check` where a merge request shows them, on the changed lines of the forge's diff.

- GitHub Actions: one workflow command per finding, printed to the job's log, which GitHub turns into an annotation
  on the file and line (« ::error file=docs/x.md,line=12,title=Orthographe::mot inconnu… »);
  https://docs.github.com/actions/reference/workflow-commands-for-github-actions
- GitLab: a Code Quality report (JSON), declared as `artifacts:reports:codequality` by the check job; GitLab shows
  its findings in the merge request; https://docs.gitlab.com/ci/testing/code_quality/ (« Code Quality report
  format »: description, check_name, fingerprint, severity, location.path, location.lines.begin).

Every message of `make check` starts with its place, « docs/x.md, ligne 12 : … » or « data/y.yml : … »
(content.errors.Problem); a message without a file (the legal-notice values) is placed on mkdocs.yml.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

PLACE = re.compile(r"(?P<file>[\w./-]+\.(?:md|ya?ml|txt|html))(?:, ligne (?P<line>\d+))? : (?P<message>.*)", re.DOTALL)
CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Finding:
    """One message of `make check` with its place: the check that gave it, error or warning."""

    check: str  # the check's name, as in the summary (« Orthographe »)
    file: str
    line: int
    message: str  # the French message, without its place
    warning: bool = False


def locate(check: str, detail: str, *, warning: bool = False) -> Finding:
    """A message of `make check` cut into its place and its text."""
    found = PLACE.match(detail.strip())
    if found is None:
        return Finding(check, CONFIG_FILE, 1, detail.strip(), warning)
    return Finding(check, found["file"], int(found["line"] or 1), found["message"].strip(), warning)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_commands(findings: list[Finding]) -> list[str]:
    """GitHub's workflow commands, one line per finding."""
    return [
        f"::{'warning' if f.warning else 'error'} file={_escape_property(f.file)},line={f.line},"
        f"title={_escape_property(f.check)}::{_escape_data(f.message)}"
        for f in findings
    ]


def code_quality(findings: list[Finding]) -> list[dict]:
    """GitLab's Code Quality report: a list of issues, each with a stable fingerprint (same finding, same print)."""
    report = []
    for f in findings:
        fingerprint = hashlib.sha256(f"{f.check}\n{f.file}\n{f.line}\n{f.message}".encode()).hexdigest()
        report.append(
            {
                "description": f.message,
                "check_name": f.check,
                "fingerprint": fingerprint,
                "severity": "minor" if f.warning else "major",
                "location": {"path": f.file, "lines": {"begin": f.line}},
            }
        )
    return report


def write_code_quality(findings: list[Finding], path: Path) -> None:
    path.write_text(json.dumps(code_quality(findings), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
