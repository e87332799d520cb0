"""build_steps/parallel_write.py and its MkDocs internal (engine/compat.py, replace_page_builder): what can be checked
without a build. The site built with and without the worker is compared in tests/builds/test_parallel_render.py."""

from __future__ import annotations

from types import SimpleNamespace

import mkdocs.commands.build as mkdocs_build
import pytest
from mkdocs.exceptions import PluginError

from build_steps import parallel_write
from build_steps.run import BuildRun
from engine import compat


def fake_config(page_context: list, post_page: list) -> SimpleNamespace:
    return SimpleNamespace(plugins=SimpleNamespace(events={"page_context": page_context, "post_page": post_page}))


def keeps_pages(output, page, config):  # a plugin that would keep something of each page for later
    return output


def test_an_unknown_listener_is_refused_in_french(monkeypatch):
    monkeypatch.setattr(parallel_write, "can_fork", lambda command: True)
    with pytest.raises(PluginError) as refused:
        parallel_write.start(fake_config([], [keeps_pages]), files=None, command="build")
    message = str(refused.value)
    assert "Écriture des pages en parallèle" in message
    assert "tests.unit.test_parallel_write.keeps_pages" in message
    assert "READ_ONLY_LISTENERS (build_steps/parallel_write.py)" in message and "PV_PARALLEL_RENDER=off" in message


def test_nothing_is_replaced_when_off(monkeypatch):
    monkeypatch.setenv("PV_PARALLEL_RENDER", "off")
    original = mkdocs_build._build_page
    assert parallel_write.start(fake_config([], [keeps_pages]), files=None, command="build") is None
    assert mkdocs_build._build_page is original


def test_the_page_writer_is_replaced_then_put_back():
    original = mkdocs_build._build_page
    calls = []
    restore = compat.replace_page_builder(lambda builder, *args, **kwargs: calls.append((builder, args, kwargs)))
    try:
        assert mkdocs_build._build_page is not original
        mkdocs_build._build_page("page", "config", "doc_files", "nav", "env", False, excluded=True)
    finally:
        restore()
    assert mkdocs_build._build_page is original
    assert calls == [(original, ("page", "config", "doc_files", "nav", "env", False), {"excluded": True})]


def test_a_changed_page_writer_is_named(monkeypatch):
    """An upgrade that changes _build_page's parameters fails tests/unit/test_compat.py, naming it, for both engines."""
    monkeypatch.setattr(compat, "PAGE_BUILDER_PARAMETERS", ("page", "config"))
    problems = [line for line in compat.problems() if "_build_page" in line]
    assert len(problems) == 2, problems
    assert "mkdocs.commands.build._build_page" in problems[0] and "vérifié avec 1.6.1" in problems[0]
    assert "properdocs.commands.build._build_page" in problems[1]


def test_a_failed_build_leaves_no_worker_nor_copies():
    """on_build_error (and the next on_pre_build) discard every piece a build holds, each through its own `discard`."""

    class Piece:
        discarded = 0

        def discard(self) -> None:
            self.discarded += 1

    run = BuildRun()
    pieces = {name: Piece() for name in ("render_pool", "write_pool", "scanner", "index_copies")}
    for name, piece in pieces.items():
        setattr(run, name, piece)
    run.discard_workers()
    run.discard_workers()  # nothing left the second time
    assert {name: piece.discarded for name, piece in pieces.items()} == dict.fromkeys(pieces, 1)
    assert all(getattr(run, name) is None for name in pieces)
