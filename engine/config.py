"""Reading mkdocs.yml without running it: its values, with `!ENV` and `!!python/name:` tags left unresolved.

The editors' commands, the tests and the benchmarks need a few keys (docs_dir, nav, markdown_extensions…) without
loading MkDocs's configuration, which would import plugins and read the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class TolerantLoader(yaml.SafeLoader):
    """A YAML loader that reads every tag it does not know (!ENV, !!python/name:…) as None."""


def _unresolved(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    del loader, suffix, node


TolerantLoader.add_multi_constructor("", _unresolved)
TolerantLoader.add_multi_constructor("!", _unresolved)
TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unresolved)


def read_config(path: Path) -> dict[str, Any]:
    """The values of a mkdocs.yml (an empty dict when the file is missing or empty)."""
    if not path.is_file():
        return {}
    return yaml.load(path.read_text(encoding="utf-8"), Loader=TolerantLoader) or {}
