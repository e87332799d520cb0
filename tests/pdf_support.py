"""Reading PDFs in the tests with poppler-utils (pdfinfo, pdftotext), which `make test` installs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} est introuvable : installez poppler-utils (make test le fait).")
    return found


def pdf_info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields (« Pages », « Title »…)."""
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in out.splitlines())}


def pdf_pages(pdf: Path) -> int:
    """The number of pages, as pdfinfo reads it."""
    return int(pdf_info(pdf)["Pages"])


def page_texts(pdf: Path, *, layout: bool = False) -> list[str]:
    """The text of each page, in order, read in one call of pdftotext (which ends every page with a form feed)."""
    options = ["-layout"] if layout else []
    out = subprocess.run([_tool("pdftotext"), *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def squash(text: str) -> str:
    """Text without white space (printed addresses wrap anywhere), no-break spaces included."""
    return re.sub(r"[\s\u00a0\u202f]+", "", text)
