"""Run one MkDocs command in this process and report where its processor time went: the MkDocs process itself, and
the processes it started and waited for (the second processes of build_steps/parallel_render.py and
parallel_write.py, the CSP scanner, Pagefind, git).

    python -m bench.cpu_split REPORT.json build --clean --site-dir site

Used by `bench/build_bench.py --profile`: cProfile slows Python down about twice, and sees neither the second
processes nor Pagefind, so the profile's table is completed with these measured seconds.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def cpu_seconds(usage: resource.struct_rusage) -> float:
    """User and system processor time of a getrusage() reading, in seconds."""
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if not arguments:
        print("utilisation : python -m bench.cpu_split RAPPORT.json <commande mkdocs…>", file=sys.stderr)
        return 2
    report, command = Path(arguments[0]), arguments[1:]
    from mkdocs.__main__ import cli

    started = time.perf_counter()
    # A failed build raises (click's standalone mode off): no report is written, and the caller says so.
    cli.main(args=command, prog_name="mkdocs", standalone_mode=False)
    own = cpu_seconds(resource.getrusage(resource.RUSAGE_SELF))
    helpers = cpu_seconds(resource.getrusage(resource.RUSAGE_CHILDREN))
    report.write_text(json.dumps({"seconds": time.perf_counter() - started, "mkdocs_cpu": own, "helpers_cpu": helpers}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
