"""The build steps: what the site's build does besides MkDocs, Material and the macros.

Each module is one step, with its reason in its docstring; hooks/site_build.py runs them at the right MkDocs events,
in order, and `python -m build_steps site/` runs those that need only the built site (finish.py).

- page_dates: « Mis à jour le … » from git history;  escape_front_matter: titles and descriptions shown as text;
- feed: the Atom feed of new and updated pages (« Nouveautés »);
- image_alt: every image has a text alternative (sources before rendering, HTML after);
- parallel_render, parallel_write (with workers): the pages' Markdown converted, then the pages written, on two cores;
- markup: Material's markup completed where no template block can (search in the header, landmark labels);
- compact_html: the templates' indentation removed;  theme: values the theme's templates read;
- search_index: the Pagefind index;  csp: the CSP sources for nginx;  finish: the steps on the built site;
- preview: the quick rebuilds of `make serve` kept right;  run: the state kept between events.
- pdf_kit (with pdf_info, chromium): `make pdf`, the memo sheets printed as one-page PDFs and their booklet.

These modules import the content model (content/) and the engine's compatibility layer (engine/); nothing here
imports the macros, the editors' commands or the hooks.
"""
