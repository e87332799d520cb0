"""`make build` and `make serve` in French: MkDocs runs as usual, and what it prints is said in French.

MkDocs speaks English on the console (« Building documentation… », « Aborted with 2 warnings in strict mode! »,
« The following pages exist in the docs directory, but are not included in the "nav" configuration », a Python
traceback when something unexpected breaks). An editor reads instead:

- « Construction du site dans site/… », « Site construit en 1,4 s. », « Aperçu prêt : ouvrez http://… »;
- each warning about a link or a macro as `make check` says it (editors.buildcheck: file, line, what to do);
- a page missing from the navigation, or a navigation line naming no page, as editors.navcheck says it (once);
- the project's own messages (already French) unchanged;
- for an unexpected failure, a French sentence, the error's last line and how to get the details.

`VERBOSE=1` (`make build VERBOSE=1`) runs MkDocs untouched, with `--verbose`, for maintainers: English lines and
tracebacks included. A line this module does not recognise is printed as it is: nothing is ever hidden but the
chatter listed in QUIET and the traceback's frames.

Usage: python -m editors.french_console build|serve [mkdocs options]
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from content.text import count
from editors import navcheck
from editors.buildcheck import known_message
from engine import compat
from engine.command import mkdocs_command, mkdocs_environment

RECORD = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-\s+(?P<text>.*)$")
TRACEBACK = "Traceback (most recent call last):"
VERBOSE_VALUES = {"1", "oui", "yes", "true"}
# Lines an editor has no use for: said in French elsewhere, or only of interest to maintainers (VERBOSE=1).
QUIET = (compat.CONSOLE_CLEANING, compat.CONSOLE_WATCHING, compat.CONSOLE_BROWSER, compat.CONSOLE_RELOADING)
NAV_TEXTS = (compat.NAV_OMITTED, compat.NAV_NOT_FOUND)
VERBOSE_HINT = "Relancez avec VERBOSE=1 (par exemple « make build VERBOSE=1 ») pour le détail technique, en anglais."


def _seconds(text: str) -> str:
    return f"{float(text):.1f}".replace(".", ",")


@dataclass
class Translator:
    """Turns MkDocs' console output, line by line, into what an editor reads."""

    root: Path
    docs_prefix: str = "docs"
    strict: bool = True  # a warning stops the build (« Erreur ») or is only reported (« Attention », the preview)
    _record: list[str] = field(default_factory=list)
    _level: str = ""
    _traceback: list[str] | None = None
    _navigation_said: bool = False
    _said: set[str] = field(default_factory=set)

    def feed(self, line: str) -> Iterator[str]:
        """What to print for one more line of MkDocs' output (a record is said once its last line is known)."""
        line = line.rstrip("\n")
        if self._traceback is not None:
            self._traceback.append(line)
            if line and not line.startswith((" ", "\t")) and not line.startswith(TRACEBACK):
                yield from self._end_traceback()
            return
        if line.startswith(TRACEBACK):
            yield from self._flush()
            self._traceback = [line]
            return
        match = RECORD.match(line)
        if match:
            yield from self._flush()
            self._level, self._record = match["level"], [match["text"]]
        elif self._record and not line.startswith(("Aborted with", "Error: ")):
            self._record.append(line)  # blank lines too: a macro error holds its code between blank lines
        else:
            yield from self._flush()
            if line.strip():
                yield from self._plain(line.strip())

    def pause(self) -> Iterator[str]:
        """MkDocs has printed nothing for a moment: the record in hand is complete (« Aperçu prêt » must not wait
        for the next line, which may come only once the editor has opened the browser)."""
        yield from self._flush()

    def close(self) -> Iterator[str]:
        """What remains to print once MkDocs has stopped."""
        yield from self._flush()
        if self._traceback is not None:
            yield from self._end_traceback()

    def _flush(self) -> Iterator[str]:
        if not self._record:
            return
        level, text = self._level, "\n".join(self._record).strip()
        self._record = []
        yield from self._say(level, text)

    def _say(self, level: str, text: str) -> Iterator[str]:
        text = compat.CONSOLE_TIME.sub("", text)
        if text.startswith(QUIET) or level == "DEBUG":
            return
        if text.startswith(NAV_TEXTS) or NAV_TEXTS[1] in text.split("\n", 1)[0]:
            yield from self._navigation()
            return
        if level in {"WARNING", "ERROR", "CRITICAL"}:
            message = known_message(text, self.root, self.docs_prefix)
            if message is None and (config := compat.CONSOLE_CONFIG_VALUE.match(text)):
                message = (
                    f"mkdocs.yml, réglage « {config['name']} » : {config['message']} (message de MkDocs, en anglais). "
                    "Ce fichier est l’affaire des mainteneurs : signalez-le-leur si vous ne l’avez pas modifié."
                )
            message = message or text
            if message in self._said:
                return
            self._said.add(message)
            prefix = "Attention" if level == "WARNING" and not self.strict else "Erreur"
            yield f"{prefix} : {message}"
            return
        if text == compat.CONSOLE_BUILDING:
            yield "Construction du site…"
        elif match := compat.CONSOLE_BUILDING_TO.match(text):
            yield f"Construction du site dans {_shown(match['folder'], self.root)}…"
        elif match := compat.CONSOLE_BUILT.match(text):
            yield f"Site construit en {_seconds(match['seconds'])} s."
        elif match := compat.CONSOLE_SERVING.match(text):
            yield f"Aperçu prêt : ouvrez {match['url']} dans le navigateur. Les pages se mettent à jour à chaque enregistrement ; Ctrl+C arrête l’aperçu."
        elif text == compat.CONSOLE_CHANGES:
            self._said.clear()  # the next build says its problems again
            self._navigation_said = False
            yield "Modification détectée : mise à jour de l’aperçu…"
        elif text == compat.CONSOLE_SHUTDOWN:
            yield "Aperçu arrêté."
        elif text.startswith(compat.CONSOLE_REBUILD_ERROR):
            yield "Erreur : la mise à jour de l’aperçu a échoué (voir ci-dessus). Corrigez puis enregistrez : l’aperçu reprendra."
        else:
            yield text

    def _plain(self, line: str) -> Iterator[str]:
        """A line outside any log record: the final verdict of MkDocs, or a line of another program."""
        if match := compat.CONSOLE_ABORTED_STRICT.match(line):
            counts = dict((kind, int(number)) for number, kind in re.findall(r"(\d+) (\w+)", match["counts"]))
            problems = sum(counts.values())
            yield (
                f"Construction arrêtée : {count(problems, 'problème signalé', 'problèmes signalés')} ci-dessus. "
                "La publication exige un site sans alerte : corrigez-les puis relancez (« make check » les explique aussi)."
            )
        elif line in {compat.CONSOLE_ABORTED, compat.CONSOLE_ABORTED_CONFIG} or compat.CONSOLE_ABORTED_CONFIG_STRICT.match(line):
            yield "Construction arrêtée : corrigez l’erreur signalée ci-dessus puis relancez."
        elif line.startswith("Error: "):
            yield f"Erreur (message de MkDocs, en anglais) : {line.removeprefix('Error: ')}"
        else:
            yield line

    def _navigation(self) -> Iterator[str]:
        """The navigation's problems, in French, once per build (MkDocs gives one record per kind)."""
        if self._navigation_said:
            return
        self._navigation_said = True
        problems = navcheck.check(self.root, self.root / self.docs_prefix)
        for problem in problems:
            yield f"{'Erreur' if self.strict else 'Attention'} : {problem}"
        if not problems:
            yield "Attention : la navigation (partie nav: de mkdocs.yml) ne correspond pas aux pages de docs/. « make check » précise quoi corriger."

    def _end_traceback(self) -> Iterator[str]:
        lines, self._traceback = self._traceback or [], None
        last = next((line.strip() for line in reversed(lines) if line.strip()), "")
        yield (
            "Erreur inattendue du programme de construction (ce n’est sans doute pas votre texte) : "
            f"« {last} ». {VERBOSE_HINT} Si l’erreur persiste, transmettez ce détail aux mainteneurs."
        )


def _shown(folder: str, root: Path) -> str:
    """A folder as the editor knows it: relative to the project when it is inside."""
    path = Path(folder)
    try:
        return path.relative_to(root.resolve()).as_posix() + "/"
    except ValueError:
        return folder


PAUSE = 0.3  # seconds without output after which the record in hand is said


def _read(stream: TextIO, lines: queue.Queue) -> None:
    """MkDocs' output, line by line, then None."""
    for line in stream:
        lines.put(line)
    lines.put(None)


def main(argv: list[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    environment = mkdocs_environment()
    if os.environ.get("VERBOSE", "").strip().lower() in VERBOSE_VALUES:
        return subprocess.call(mkdocs_command(*arguments, "--verbose"), env=environment)
    root = Path.cwd()
    translator = Translator(root, strict="--no-strict" not in arguments)  # mkdocs.yml says strict: true
    process = subprocess.Popen(
        mkdocs_command(*arguments),
        env={**environment, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    assert process.stdout is not None
    # Stopped by another program (SIGTERM): MkDocs stops too, instead of serving on without anyone reading it.
    signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_read, args=(process.stdout, lines), daemon=True).start()
    while True:
        try:
            line = lines.get(timeout=PAUSE)
        except queue.Empty:
            said_now = list(translator.pause())
        except KeyboardInterrupt:  # Ctrl+C reaches MkDocs too: let it stop, and say what it says
            continue
        else:
            if line is None:
                break
            said_now = list(translator.feed(line))
        for said in said_now:
            print(said, flush=True)
    for said in translator.close():
        print(said, flush=True)
    return process.wait()


if __name__ == "__main__":
    sys.exit(main())
