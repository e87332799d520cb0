"""The content model: what the site is made of, read and validated, independent of any build engine.

- `data`: the data files of data/ (checklists, infographic, resources, glossary…) and `load_site()`, which reads
  and validates them with the front matter of every page, and raises `DataError` listing every problem;
- `pages`: the page index (front matter of every page of docs/), `page_types` the kinds of pages;
- `schema`: the small schema language of the data files, with French messages; `errors`: `Problem`, `DataError`;
- `source`: reading a Markdown source (front matter, fenced code), `snippets`: the pymdownx.snippets it includes;
- `text`: accent folding, sort keys and slugs; `urls`: page paths and relative links; `inline`: light Markdown of
  data texts; `typography`: French spacing (also a Markdown extension); `history`: page dates from git; `updates`:
  the latest pages (« Nouveautés », the Atom feed) and the editors' history of a page's changes.

Nothing here imports the macros, the build steps, the editors' commands or the hooks: they import this.
"""
