"""Every private internal of MkDocs, Material for MkDocs, mkdocs-macros and pymdown-extensions the project uses.

Nothing else in the project touches them: the build steps, the editors' commands and the macros call the functions
below. Each was checked against the versions of CHECKED_VERSIONS; `problems()` lists what the installed versions no
longer offer, and tests/unit/test_compat.py fails with that list, naming each internal, after an upgrade.

What is used, and why:

- MkDocs `Page.render` is deferred page by page, and the result of a conversion done in another process is put
  back on the page: `content`, `toc`, `_title_from_render` (private: the title found in the HTML),
  `present_anchor_ids` and `links_to_anchors` (read by MkDocs's anchor validation). build_steps/parallel_render.py.
- MkDocs's build loop writes every page with the module function `mkdocs.commands.build._build_page` (private);
  it is replaced for the loop's duration, so that a page can be written in another process.
  build_steps/parallel_write.py.
- MkDocs `File.is_modified` is replaced to have a quick preview rebuild every page. build_steps/preview.py.
- MkDocs `PluginCollection.events` tells which plugins listen to an event. build_steps/parallel_render.py.
- MkDocs's English log messages: a page's conversion error, the --dirty warning, the link and anchor warnings that
  editors/buildcheck.py turns into French.
- mkdocs-macros `errors.format_error` (a singledispatch function) formats the macros' own errors; and the text of
  its « Macro Syntax/Rendering Error » reports, read by editors/buildcheck.py.
- Material's markup, where the site completes it after rendering (build_steps/markup.py): the header's navigation,
  the breadcrumbs' label, the page tags' list; and the comment that marks its tags listing.
- pymdown-extensions' snippet preprocessor, whose own parsing finds the snippets a page includes (content/snippets.py
  cannot depend on this module: it receives the preprocessor from `snippet_preprocessor()`).
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

CHECKED_VERSIONS = {
    "mkdocs": "1.6.1",
    "properdocs": "1.6.7",  # the fork of MkDocs 1.x (`make build-properdocs`): same internals, modules named properdocs.*
    "mkdocs-material": "9.8.2",
    "mkdocs-macros-plugin": "1.5.0",
    "pymdown-extensions": "13.1.2",
}

# --------------------------------------------------------------------------------------------------------------
# MkDocs: a page's conversion (mkdocs/structure/pages.py, Page.render)
# --------------------------------------------------------------------------------------------------------------
RENDERED_ATTRIBUTES = ("content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors")


def defer_render(page: Any, replacement: Callable[[Any, Any], None]) -> None:
    """Have MkDocs call `replacement(config, files)` instead of `page.render(config, files)` for this page."""
    page.render = replacement


def restore_render(page: Any) -> None:
    """Undo `defer_render`: the class's own Page.render again."""
    page.__dict__.pop("render", None)


def rendered_state(page: Any) -> dict:
    """What Page.render set on a page, as plain values that cross between processes (files named by src_uri)."""
    links = page.links_to_anchors
    return {
        "content": page.content,
        "toc": page.toc,
        "title": page._title_from_render,
        "anchors": page.present_anchor_ids,
        "links_to_anchors": None if links is None else {target.src_uri: anchors for target, anchors in links.items()},
    }


def apply_rendered_state(page: Any, state: dict, files: Any) -> None:
    """Put the result of `rendered_state` (computed in another process) on the page of this process."""
    page.content = state["content"]
    page.toc = state["toc"]
    page._title_from_render = state["title"]
    page.present_anchor_ids = state["anchors"]
    if state["links_to_anchors"] is not None:
        page.links_to_anchors = {files.get_file_from_path(src): anchors for src, anchors in state["links_to_anchors"].items()}


# --------------------------------------------------------------------------------------------------------------
# MkDocs: the loop that writes the pages (mkdocs/commands/build.py: `build` calls the module's `_build_page` for
# each page, after on_env). ProperDocs has the same module under its own name.
# --------------------------------------------------------------------------------------------------------------
BUILD_MODULES = ("mkdocs.commands.build", "properdocs.commands.build")
PAGE_BUILDER = "_build_page"
PAGE_BUILDER_PARAMETERS = ("page", "config", "doc_files", "nav", "env", "dirty", "excluded")


def replace_page_builder(replacement: Callable[..., None]) -> Callable[[], None]:
    """Have the build loop of the running engine call `replacement(original, page, config, doc_files, nav, env,
    dirty, excluded)` instead of writing each page itself; returns the function that puts the original back."""
    restore: list[Callable[[], None]] = []
    for name in BUILD_MODULES:
        module = sys.modules.get(name)
        original = getattr(module, PAGE_BUILDER, None)
        if module is None or original is None:
            continue

        def build_page(*args: Any, _original: Callable[..., None] = original, **kwargs: Any) -> None:
            replacement(_original, *args, **kwargs)

        setattr(module, PAGE_BUILDER, build_page)
        restore.append(partial(setattr, module, PAGE_BUILDER, original))

    def put_back() -> None:
        for undo in restore:
            undo()

    return put_back


def is_read(page: Any) -> bool:
    """Whether MkDocs read the page's source in this build (a --dirty rebuild skips unchanged pages)."""
    return page.markdown is not None


def has_own_title(page: Any) -> bool:
    """Whether a title was set on the page object itself (Page.title is a weak property stored in __dict__)."""
    return "title" in page.__dict__


def force_rebuild(file: Any) -> None:
    """Have a --dirty build rebuild this file although its source did not change."""
    file.is_modified = lambda: True


def handlers(config: Any, event: str) -> list[Callable[..., Any]]:
    """The handlers (plugins' methods and hooks' functions) registered for a MkDocs event."""
    return list(config.plugins.events[event])


def listeners(config: Any, event: str) -> list[str]:
    """The handlers (plugins and hooks) registered for a MkDocs event, as text."""
    return [str(handler) for handler in handlers(config, event)]


# MkDocs's log messages (English). The build's logger, and the texts the project recognises.
BUILD_LOGGER = "mkdocs.commands.build"
# ProperDocs logs its own build messages (the --dirty warning) under its name; MkDocs-named loggers still reach its
# console through the « mkdocs » logger, which it re-parents.
BUILD_LOGGERS = (BUILD_LOGGER, "properdocs.commands.build")
PAGE_ERROR = "Error reading page '{src_uri}':"  # mkdocs/commands/build.py, _populate_page
DIRTY_WARNING = "A 'dirty' build is being performed"  # mkdocs/commands/build.py, build
LINK_NOT_FOUND = re.compile(
    r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but the target(?: '(?P<target>[^']*)')? is not "
    r"found among documentation files\."
)
ABSOLUTE_LINK = re.compile(r"Doc file '(?P<src>[^']+)' contains an absolute link '(?P<link>[^']+)', it was left as is\.")
UNRECOGNIZED_LINK = re.compile(r"Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', it was left as is\.")
ANCHOR_HERE = re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but there is no such anchor on this page\.")
ANCHOR_THERE = re.compile(
    r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but the doc '(?P<doc>[^']+)' does not contain an "
    r"anchor '#(?P<anchor>[^']+)'\."
)
DID_YOU_MEAN = re.compile(r" Did you mean '([^']*)'\?$")
NAV_OMITTED = 'The following pages exist in the docs directory, but are not included in the "nav" configuration'
NAV_NOT_FOUND = "is included in the 'nav' configuration"
# What `mkdocs build` and `mkdocs serve` print on the console (editors.french_console says it in French).
CONSOLE_CLEANING = "Cleaning site directory"
CONSOLE_BUILDING_TO = re.compile(r"^Building documentation to directory: (?P<folder>.*)$")
CONSOLE_BUILDING = "Building documentation..."
CONSOLE_BUILT = re.compile(r"^Documentation built in (?P<seconds>[\d.]+) seconds$")
CONSOLE_ABORTED_STRICT = re.compile(r"^Aborted with (?P<counts>.*) in strict mode!$")
CONSOLE_ABORTED_CONFIG_STRICT = re.compile(r"^Aborted with (?P<count>\d+) configuration warnings in 'strict' mode!$")
CONSOLE_ABORTED = "Aborted with a BuildError!"
CONSOLE_ABORTED_CONFIG = "Aborted with a configuration error!"
CONSOLE_CONFIG_VALUE = re.compile(r"^Config value '(?P<name>[^']+)': (?P<message>.*)", re.DOTALL)
CONSOLE_TIME = re.compile(r"^\[\d\d:\d\d:\d\d\] ")  # the livereload server's lines start with the time
CONSOLE_WATCHING = "Watching paths for changes:"
CONSOLE_SERVING = re.compile(r"^Serving on (?P<url>\S+)")
CONSOLE_CHANGES = "Detected file changes"
CONSOLE_RELOADING = "Reloading browsers"
CONSOLE_BROWSER = "Browser connected:"
CONSOLE_SHUTDOWN = "Shutting down..."
CONSOLE_REBUILD_ERROR = "An error happened during the rebuild."
# The source texts these patterns come from, checked by problems(): (module, text that must appear in its source).
MKDOCS_SOURCES = [
    ("mkdocs.commands.build", 'log.info("Cleaning site directory")'),
    ("mkdocs.commands.build", 'log.info(f"Building documentation to directory: {config.site_dir}")'),
    ("mkdocs.commands.build", "log.info(f'Documentation built in {time.monotonic() - start:.2f} seconds')"),
    ("mkdocs.commands.build", "raise Abort(f'Aborted with {msg} in strict mode!')"),
    ("mkdocs.commands.build", "raise Abort('Aborted with a BuildError!')"),
    ("mkdocs.commands.serve", 'log.info("Building documentation...")'),
    ("mkdocs.commands.serve", 'log.info("Shutting down...")'),
    ("mkdocs.config.base", 'raise exceptions.Abort("Aborted with a configuration error!")'),
    ("mkdocs.config.base", "configuration warnings in 'strict' mode!"),
    ("mkdocs.config.base", "log.warning(f\"Config value '{config_name}': {warning}\")"),
    ("mkdocs.livereload", 'log.info(f"Watching paths for changes: {paths_str}")'),
    ("mkdocs.livereload", 'log.info(f"Serving on {self.url}")'),
    ("mkdocs.livereload", 'log.info("Detected file changes")'),
    ("mkdocs.livereload", 'log.info("Reloading browsers")'),
    ("mkdocs.livereload", 'log.info(f"Browser connected: {url}")'),
    ("mkdocs.livereload", '"An error happened during the rebuild. The server will appear stuck'),
    ("mkdocs.livereload", "%H:%M:%S"),
    ("mkdocs.commands.build", "Error reading page '{page.file.src_uri}':"),
    ("mkdocs.commands.build", DIRTY_WARNING),
    ("mkdocs.structure.pages", "is not found among documentation files."),
    ("mkdocs.structure.pages", "contains an absolute link '{url}', it was left as is."),
    ("mkdocs.structure.pages", "contains an unrecognized relative link '{url}', "),
    ("mkdocs.structure.pages", "there is no such anchor on this page"),
    ("mkdocs.structure.pages", "does not contain an anchor '#{anchor}'"),
    ("mkdocs.structure.nav", "The following pages exist in the docs directory, but are not "),
    ("mkdocs.structure.nav", "is included in the 'nav' "),
]

# --------------------------------------------------------------------------------------------------------------
# mkdocs-macros
# --------------------------------------------------------------------------------------------------------------
MACRO_ERROR = re.compile(r"\[macros\] - ERROR # _Macro (?:Syntax|Rendering) Error_")
MACRO_FILE = re.compile(r"^_File_: `(?P<src>[^`]+)`", re.MULTILINE)
MACRO_SYNTAX = re.compile(r"^_Line (?P<line>\d+) in Markdown file:_ \*\*(?P<message>.*)\*\*", re.MULTILINE)
MACRO_RENDERING = re.compile(r"^_(?!File_)(?P<kind>\w+)_: (?P<message>.*)$", re.MULTILINE)
MACRO_SNIPPET = re.compile(r"```markdown\n(?P<code>.*?)\n```", re.DOTALL)
# mkdocs-macros logs its start-up (« [macros] - Config macros: … ») at INFO level under this logger (mkdocs_macros.util
# LOG): six English lines at every rebuild of the preview, silenced by build_steps/preview.py unless MkDocs is verbose.
MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros"
MACROS_SOURCES = [
    ("mkdocs_macros.errors", "# _Macro Rendering Error_"),
    ("mkdocs_macros.errors", "# _Macro Syntax Error_"),
    ("mkdocs_macros.errors", "_Line {error.lineno} in Markdown file:_ **{error.message}**"),
    ("mkdocs_macros.errors", "_File_: `{page.file.src_path}`"),
]


def register_macro_error_format(exception_class: type, formatter: Callable[[Exception, Any], str]) -> None:
    """Have mkdocs-macros print `formatter(error, page)` for this exception class instead of its report with a
    traceback (its `errors.format_error` is a singledispatch function). Without mkdocs-macros (another engine),
    nothing happens: the engine prints the error its own way."""
    try:
        from mkdocs_macros.errors import format_error
    except ImportError:  # pragma: no cover - another engine than mkdocs-macros
        return

    @format_error.register(exception_class)
    def _format(error: Exception, markdown: str, page: Any) -> str:
        return formatter(error, page)


# --------------------------------------------------------------------------------------------------------------
# Material for MkDocs: its markup, where build_steps/markup.py completes it, and its tags listing marker
# --------------------------------------------------------------------------------------------------------------
TAGS_LISTING_MARKER = "<!-- material/tags"  # a page holding it is the tags index (Material's tags plugin)
# The end of the header's navigation bar (partials/header.html): its first « </nav> » after « <header ».
HEADER_START = '<header class="md-header'
HEADER_NAV_END = "</nav>"
# The breadcrumbs (partials/path.html), labelled with lang.t('nav') like the main navigation.
BREADCRUMBS = re.compile(r'<nav class="md-path" aria-label="[^"]*"')
# The page's tags (partials/tags.html): a <nav> without a name.
PAGE_TAGS = '<nav class="md-tags"'
# Nu HTML Checker errors of Material's markup (build_steps/markup.py removes them):
# - the section labels of the navigation get an empty tabindex (partials/nav-item.html: `tabindex="{{ tabindex }}"`,
#   with no value for a section): « Bad value “” for attribute “tabindex” »;
EMPTY_TABINDEX = ' tabindex=""'
# - the toggles (drawer, search, navigation sections, table of contents) are checkboxes with autocomplete="off", an
#   attribute HTML allows on text-like fields only: « Attribute “autocomplete” is only allowed when… »;
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# - on a section's index page the table of contents' title is a label for the « __toc » toggle, which the navigation
#   writes only on other pages: « The value of the “for” attribute of the “label” element must be the ID of a
#   non-hidden form control ».
TOC_TITLE_LABEL = '<label class="md-nav__title" for="__toc">'
TOC_TOGGLE = 'id="__toc"'
# HTML_CodeSniffer (WCAG2AA) errors of Material's markup:
# - on a page whose table of contents is empty or hidden, the « __toc » toggle has no label (H91.InputCheckbox.Name,
#   F68): nothing opens it, it is removed;
TOC_TOGGLE_INPUT = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
TOC_LABEL_FOR = 'for="__toc"'
# - the colour-scheme switch is a <form> without a submit button (H32.2), which nothing submits: Material's script
#   only reads its inputs (querySelectorAll) and listens to its keys, so it becomes a <div>, a named radio group
#   (IBM Equal Access, input_checkboxes_grouped: its radio buttons were not grouped).
PALETTE_FORM = '<form class="md-header__option" data-md-component="palette">'
# IBM Equal Access failures of Material's markup:
# - icons are inline SVGs without a name (svg_graphics_labelled), beside the text or inside the named link or button
#   they illustrate: hidden from assistive technologies (an SVG that has a name or a role keeps it);
SVG_START = re.compile(r"<svg\b(?![^>]*\b(?:aria-label|aria-labelledby|aria-hidden|role)=)")
# - navigation sections are <nav> with aria-expanded (aria_attribute_valid: not allowed on the navigation role);
NAV_EXPANDED = re.compile(r'(<nav class="md-nav"[^>]*?) aria-expanded="(?:true|false)"')
# - the dates of the page are an <aside> without a name (aria_complementary_labelled);
SOURCE_FILE_ASIDE = '<aside class="md-source-file">'
MATERIAL_SOURCES = [
    ("partials/nav-item.html", 'aria-expanded="{{ nav_item.active | tojson }}"'),
    ("partials/source-file.html", SOURCE_FILE_ASIDE),
    ("partials/nav-item.html", TOC_TOGGLE_INPUT),
    ("partials/palette.html", PALETTE_FORM),
    ("partials/nav-item.html", 'tabindex="{{ tabindex }}"'),
    ("base.html", 'type="checkbox" id="__drawer" autocomplete="off">'),
    ("partials/toc.html", TOC_TITLE_LABEL),
    ("partials/header.html", '<header class="{{ class }}" data-md-component="header">'),
    ("partials/header.html", '<nav class="md-header__inner md-grid" aria-label="{{ lang.t(\'header\') }}">'),
    ("partials/path.html", '<nav class="md-path" aria-label="{{ lang.t(\'nav\') }}" {{ hidden }}>'),
    ("partials/tags.html", '<nav class="md-tags" {{ hidden }}>'),
]


def material_templates() -> Path:
    """The folder of Material's templates."""
    import material

    return Path(material.__file__).parent / "templates"


# --------------------------------------------------------------------------------------------------------------
# pymdown-extensions: the snippets preprocessor's own parsing
# --------------------------------------------------------------------------------------------------------------
def snippet_preprocessor(base_path: list[str], check_paths: bool = True) -> Any:
    """pymdownx.snippets' preprocessor, configured as in mkdocs.yml: its `get_syntax_mask`, `parse_snippet_target`,
    `get_snippet_path` and `extract_section` are the grammar and the file lookup of the build itself."""
    import markdown

    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": base_path, "check_paths": check_paths}},
    )
    return md.preprocessors["snippet"]


SNIPPET_METHODS = ("get_syntax_mask", "parse_snippet_target", "get_snippet_path", "extract_section", "RE_ALL_SNIPPETS")


# --------------------------------------------------------------------------------------------------------------
# The check run by tests/unit/test_compat.py
# --------------------------------------------------------------------------------------------------------------
def _source_of(module_name: str) -> str:
    import importlib

    module = importlib.import_module(module_name)
    return Path(module.__file__).read_text(encoding="utf-8")


def problems() -> list[str]:
    """Every internal listed above that the installed versions no longer offer, one French line each (empty: all
    present). Each line names the internal and the version it was checked against."""
    found: list[str] = []

    def missing(package: str, what: str) -> None:
        installed = metadata.version(package)
        found.append(f"{package} {installed} (vérifié avec {CHECKED_VERSIONS[package]}) : {what}")

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": "."})
    page = Page(None, File("index.md", ".", ".", True), config)
    for attribute in RENDERED_ATTRIBUTES + ("markdown",):
        if not hasattr(page, attribute):
            missing("mkdocs", f"Page.{attribute} n’existe plus (build_steps/parallel_render.py)")
    if not callable(getattr(Page, "render", None)):
        missing("mkdocs", "Page.render n’existe plus (build_steps/parallel_render.py)")
    for name, package in zip(BUILD_MODULES, ("mkdocs", "properdocs"), strict=True):
        builder = getattr(__import__(name, fromlist=[PAGE_BUILDER]), PAGE_BUILDER, None)
        parameters = tuple(inspect.signature(builder).parameters) if callable(builder) else ()
        if parameters != PAGE_BUILDER_PARAMETERS:
            missing(
                package,
                f"{name}.{PAGE_BUILDER}{parameters or ' (absente)'} n’a plus les paramètres {PAGE_BUILDER_PARAMETERS} (build_steps/parallel_write.py)",
            )
    if not callable(getattr(File, "is_modified", None)):
        missing("mkdocs", "File.is_modified n’existe plus (build_steps/preview.py)")
    if not isinstance(getattr(PluginCollection(), "events", None), dict):
        missing("mkdocs", "PluginCollection.events n’existe plus (build_steps/parallel_render.py)")
    for module, text in MKDOCS_SOURCES:
        if text not in _source_of(module):
            missing("mkdocs", f"le message « {text} » de {module} a changé (editors/buildcheck.py, build_steps/)")
        fork_module = "properdocs" + module.removeprefix("mkdocs")  # ProperDocs must say the same (PV_ENGINE=properdocs)
        if text not in _source_of(fork_module):
            missing("properdocs", f"le message « {text} » de {fork_module} a changé (editors/buildcheck.py, build_steps/)")

    try:
        from mkdocs_macros.errors import format_error
    except ImportError:
        missing("mkdocs-macros-plugin", "mkdocs_macros.errors.format_error n’existe plus (macros/errors.py)")
    else:
        if not callable(getattr(format_error, "register", None)):
            missing("mkdocs-macros-plugin", "format_error n’est plus une fonction singledispatch (macros/errors.py)")
    try:
        from mkdocs_macros.util import LOG as macros_log
    except ImportError:
        missing("mkdocs-macros-plugin", "mkdocs_macros.util.LOG n’existe plus (build_steps/preview.py)")
    else:
        if not macros_log.name.startswith(MACROS_LOGGER + "."):
            missing("mkdocs-macros-plugin", f"son journal s’appelle « {macros_log.name} » (build_steps/preview.py)")
    for module, text in MACROS_SOURCES:
        if text not in _source_of(module):
            missing("mkdocs-macros-plugin", f"le texte « {text} » de {module} a changé (editors/buildcheck.py)")

    templates = material_templates()
    for relative, text in MATERIAL_SOURCES:
        path = templates / relative
        if not path.is_file():
            missing("mkdocs-material", f"{relative} n’existe plus (build_steps/markup.py)")
        elif text not in path.read_text(encoding="utf-8"):
            missing("mkdocs-material", f"{relative} n’écrit plus « {text} » (build_steps/markup.py)")
    header = (templates / "partials" / "header.html").read_text(encoding="utf-8")
    if header.count(HEADER_NAV_END) != 1:
        missing("mkdocs-material", "partials/header.html n’a plus exactement une balise </nav> (build_steps/markup.py)")
    if 'listings_directive = Type(str, default = "material/tags")' not in _source_of("material.plugins.tags.config"):
        missing("mkdocs-material", "le commentaire « <!-- material/tags --> » des index d’étiquettes a changé (overrides/main.html)")

    preprocessor = snippet_preprocessor(["includes"])
    for name in SNIPPET_METHODS:
        if not hasattr(preprocessor, name):
            missing("pymdown-extensions", f"SnippetPreprocessor.{name} n’existe plus (content/snippets.py)")
    return found
