"""The values only the publication gives: the legal notices' (a warning of `make check`) and the published address
(the publishing jobs stop without it)."""

import os
import subprocess
import sys

import pytest
import yaml

from editors.publication import PUBLISHER_VARIABLES, published_address_problem, unset_publisher_values
from tests.support import ROOT


def test_every_unset_value_is_named_with_its_variable():
    [line] = unset_publisher_values({})
    for variable in PUBLISHER_VARIABLES:
        assert variable in line
    assert line.startswith("mkdocs.yml › extra.publisher")
    assert "deploy/README.md" in line


def test_blank_counts_as_unset_and_given_values_are_not_listed():
    [line] = unset_publisher_values({"PUBLICATION_DIRECTOR": "Jeanne Martin, directrice", "HOST_NAME": "  "})
    assert "PUBLICATION_DIRECTOR" not in line
    assert "HOST_NAME" in line and "PUBLISHER_CONTACT" in line


def test_nothing_to_say_when_the_publication_gives_everything():
    assert unset_publisher_values(dict.fromkeys(PUBLISHER_VARIABLES, "donné")) == []


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        (None, "n’est pas renseignée"),
        ("  ", "n’est pas renseignée"),
        ("intranet.example.gouv.fr/porter-la-voix/", "pas une adresse complète"),
        ("http://127.0.0.1:8000/", "l’adresse d’un poste de travail"),
        ("http://localhost/", "l’adresse d’un poste de travail"),
        ("https://intranet.example.gouv.fr/porter-la-voix", "doit se terminer par « / »"),
    ],
)
def test_publication_refuses_a_missing_or_local_address(address, reason):
    problem = published_address_problem({} if address is None else {"SITE_URL": address})
    assert problem.startswith("Publication refusée : ")
    assert reason in problem
    assert "SITE_URL" in problem and "README.md" in problem


def test_publication_accepts_a_public_address():
    assert published_address_problem({"SITE_URL": "https://intranet.example.gouv.fr/porter-la-voix/"}) is None


def test_the_publishing_command_stops_without_site_url():
    """The command the CI's publishing jobs run: standard library only, status 1 and the French reason."""
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    refused = subprocess.run([sys.executable, "-m", "editors.publication"], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert refused.returncode == 1
    assert "Publication refusée : l’adresse du site (SITE_URL) n’est pas renseignée." in refused.stderr
    accepted = subprocess.run(
        [sys.executable, "-m", "editors.publication"],
        cwd=ROOT,
        env={**environment, "SITE_URL": "https://intranet.example.gouv.fr/porter-la-voix/"},
        capture_output=True,
        text=True,
    )
    assert accepted.returncode == 0, accepted.stderr


def test_the_publishing_jobs_check_the_address_before_publishing():
    """GitLab's `pages` job and GitHub's publishing steps run the check first: a refusal stops the publication."""
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["pages"]["script"][0].split("#")[0].strip() == "python3 -m editors.publication"
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))["jobs"]["test-and-build"]["steps"]
    check = next(index for index, step in enumerate(steps) if step.get("run", "").startswith("python3 -m editors.publication"))
    upload = next(index for index, step in enumerate(steps) if "upload-pages-artifact" in step.get("uses", ""))
    assert check < upload and steps[check]["if"] == steps[upload]["if"]
