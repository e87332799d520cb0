"""What the build steps remember between the events of one MkDocs run (a build, or the rebuilds of a preview)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from content.history import PageDates


@dataclass
class BuildRun:
    """The state of the build steps for one `mkdocs build` or `mkdocs serve` process."""

    command: str = "build"  # « build », « serve » or « gh-deploy »
    dirty: bool = False  # `--dirty`: only the pages whose file changed are rebuilt (make serve)
    started: float | None = None  # when the current build started
    last_build: float | None = None  # when the previous build of this process started (preview)
    dates: dict[str, PageDates] = field(default_factory=dict)  # page -> dates from git history, read once per build
    render_pool: Any = None  # build_steps.parallel_render.RenderPool while pages are converted
    write_pool: Any = None  # build_steps.parallel_write.WritePool while pages are written
    scanner: Any = None  # build_steps.csp.BackgroundScanner while pages are written
    index_copies: Any = None  # build_steps.search_index.IndexCopies while pages are written (full builds)
    csp_cache: dict = field(default_factory=dict)  # pages already scanned, kept between the rebuilds of a preview

    def start(self, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def new_build(self) -> None:
        """A build (or a rebuild of the preview) starts."""
        self.last_build, self.started = self.started, time.time()

    @property
    def previewing(self) -> bool:
        """`make serve`: a --dirty preview, whose rebuilds are quick."""
        return self.command == "serve" and self.dirty

    def pages_written(self) -> dict:
        """After MkDocs's page loop: the write worker's pages waited for (its first error raised), then the CSP scans
        of the pages the scanner received (csp.BackgroundScanner.finish: page -> scan)."""
        writer, self.write_pool = self.write_pool, None
        if writer is not None:
            writer.finish()  # already done after the last page, unless the site has no page
        scanner, self.scanner = self.scanner, None
        return scanner.finish() if scanner is not None else {}

    def discard_workers(self) -> None:
        """After an error (or before a build, for those a failed build left): every worker stopped without waiting,
        the copies for the search index removed (each piece's `discard`)."""
        for name in ("render_pool", "write_pool", "scanner", "index_copies"):
            held = getattr(self, name)
            setattr(self, name, None)
            if held is not None:
                held.discard()
