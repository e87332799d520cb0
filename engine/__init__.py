"""What the project knows about the engine that builds the site (MkDocs 1.6, Material 9.8, mkdocs-macros 1.5).

- `command`: the one way to start MkDocs from Python (the Makefile's MKDOCS variable is its twin for the shell);
- `compat`: every private internal of MkDocs, Material and mkdocs-macros that the project relies on, with the
  versions it was checked against (tests/unit/test_compat.py fails, naming the internal, when an upgrade changes one).

Nothing here imports the rest of the project.
"""
