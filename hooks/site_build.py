"""The project's MkDocs hooks: the one entry point of the build steps (build_steps/), in the order they run.

Each MkDocs event below lists its steps in order; the priority of an event places them among the plugins' handlers
(Material's tags plugin, mkdocs-macros), as its comment says. No logic here: every step is a function of
build_steps/, which says what it does and why. The steps that need only the built site also run without MkDocs:
`python -m build_steps site/` (build_steps/finish.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from build_steps import csp, feed, image_alt, markup, page_dates, parallel_render, parallel_write, preview, search_index
from build_steps.compact_html import compact
from build_steps.escape_front_matter import escape_meta
from build_steps.finish import finish_site, post_build_enabled
from build_steps.french_titles import french_nav_titles, french_toc_titles
from build_steps.preview_notice import notice_markdown, report_in_terminal
from build_steps.run import BuildRun
from build_steps.theme import drop_hidden_toc, theme_globals
from build_steps.workers import can_fork
from content.errors import PREVIEW

RUN = BuildRun()


def on_startup(*, command: str, dirty: bool) -> None:
    RUN.start(command, dirty)
    PREVIEW.active = command == "serve"  # a content mistake is shown in the pages, not a stop of the preview
    preview.quiet_engine_start()
    if dirty:
        preview.allow_dirty_builds()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    RUN.new_build()
    RUN.dates = page_dates.read_dates(Path(config.docs_dir))
    return config


@event_priority(100)  # first: the CSP scanner is forked before any other handler may start a thread
def on_pre_build(*, config: MkDocsConfig) -> None:
    RUN.discard_workers()  # those of a previous build that failed
    RUN.scanner = csp.BackgroundScanner() if can_fork(RUN.command) else None
    if RUN.command == "build" and not RUN.dirty and post_build_enabled():
        RUN.index_copies = search_index.IndexCopies()  # filled page by page (on_post_page), indexed at the end
    report_in_terminal(PREVIEW.problems)


@event_priority(100)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    if RUN.dirty:
        preview.rebuild_everything_if_needed(files, config, RUN.last_build)
    image_alt.check_sources((f"docs/{file.src_uri}", file.content_string) for file in files.documentation_pages())
    return files


@event_priority(-100)  # last: the file list and the navigation are final when the render worker is forked
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    french_nav_titles(nav.items)
    RUN.render_pool = parallel_render.start(config, files, RUN.command)
    return nav


def on_pre_page(page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
    if RUN.render_pool is not None:
        parallel_render.defer(RUN.render_pool, page)
    return page


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    if PREVIEW.problems:  # only under `mkdocs serve`: the mistakes instead of the page, until they are fixed
        return notice_markdown(f"docs/{page.file.src_uri}", PREVIEW.problems)
    return None


@event_priority(-100)  # after mkdocs-macros, which reads the raw title and description
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    page_dates.set_revision_date(page.meta, page.file.src_uri, RUN.dates)
    escape_meta(page.meta)
    return markdown


@event_priority(200)  # before Material's tags plugin (100), which reads the pages' HTML and titles
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    pool, RUN.render_pool = RUN.render_pool, None
    if pool is not None:
        pool.finish(files)
    if RUN.dirty:
        preview.give_titles_to_unread_pages(files, Path(config.docs_dir), config.use_directory_urls)
    feed.write_feed(config, RUN.dates)  # the Atom feed: every page is read, and MkDocs has emptied the site folder
    env.globals.update(theme_globals(config.use_directory_urls))
    RUN.write_pool = parallel_write.start(config, files, RUN.command)  # forked at the first page MkDocs writes
    return env


def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    drop_hidden_toc(page)
    french_toc_titles(page.toc)
    return context


@event_priority(50)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    file = f"docs/{page.file.src_uri}"
    output = markup.complete_markup(output, file)
    output = compact(output)
    image_alt.check_rendered(output, file)
    if RUN.scanner is not None:
        RUN.scanner.submit(page.file.dest_uri, page.file.abs_dest_path)
    if RUN.index_copies is not None:
        RUN.index_copies.add(page.file.dest_uri, output)
    return output


def on_post_template(output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    return markup.complete_markup(output_content, template_name)


@event_priority(-100)  # last: after every plugin has written its files
def on_post_build(*, config: MkDocsConfig) -> None:
    known = RUN.pages_written()
    if not post_build_enabled():
        return
    site_dir = Path(config.site_dir)
    refresh = RUN.previewing and (site_dir / "pagefind" / "pagefind.js").is_file()
    project = Path(config.config_file_path).parent
    copies, RUN.index_copies = RUN.index_copies, None
    finish_site(
        site_dir,
        tuple(config.theme.dirs),
        project=project,
        known=known,
        cache=RUN.csp_cache,
        check_pages=False,
        index=not refresh,
        copies=copies,
    )
    if refresh:
        search_index.refresh_in_background(site_dir, project)


def on_build_error(*, error: Exception) -> None:
    RUN.discard_workers()
