"""Serve a built site with the shipped nginx configuration, on a loopback port, as the current user.

Used by the tests (tests/builds/test_nginx.py, test_csp.py, test_hostile_content.py) and by hand, to see the site as the
intranet serves it (compression, cache and security headers, 404 page):

    .venv/bin/python deploy/local_nginx.py site/ [--port 8080]

It lays out, in a temporary folder, the same files a system administrator installs in /etc/nginx
(conf.d/porter-la-voix.conf, snippets/porter-la-voix-headers.conf and porter-la-voix-errors.conf, the generated
snippets/porter-la-voix-csp.conf and Debian's mime.types) and in /var/www/porter-la-voix-erreurs (the error pages,
written by deploy/error_pages.py),
changes only the lines marked « À ADAPTER » — `listen` (one loopback port, the default server kept), `server_name`
(127.0.0.1 and localhost, the names a browser sends for this address), `root` (the built site) and the error
pages' `alias` — and wraps it in a minimal main configuration with temporary paths (pid, logs, temp files). The
shipped files stay the reference: the test serves exactly what they say.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from content import command_line
from deploy.error_pages import write_pages

DEPLOY = Path(__file__).resolve().parent
SERVER_CONF = DEPLOY / "nginx" / "conf.d" / "porter-la-voix.conf"
SNIPPETS = DEPLOY / "nginx" / "snippets"
ERRORS_SNIPPET = "porter-la-voix-errors.conf"
# The names LocalNginx serves the site under: what browsers and the tests send as Host for 127.0.0.1:PORT.
LOCAL_SERVER_NAMES = "127.0.0.1 localhost"
# Written into the site by the build (build_steps/csp.py).
GENERATED_CSP = Path(".nginx") / "porter-la-voix-csp.conf"
MIME_TYPES = Path("/etc/nginx/mime.types")


class NginxError(RuntimeError):
    """nginx is missing, refuses the configuration, or does not start."""


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise NginxError("nginx est introuvable : installez le paquet Debian « nginx » (make test le fait).")
    return found


def _stop_with_parent() -> None:
    """In the nginx child, before exec: Linux sends it SIGTERM if the Python process dies without cleaning up."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the context manager still stops nginx
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def adapt_server_block(text: str, *, site_dir: Path, port: int) -> str:
    """The shipped server blocks (default server, then the site's) with their IPv4 `listen` lines on one loopback
    port (`default_server` kept), their IPv6 ones removed, the site's `server_name` set to the local names and its
    `root` to the built site. Fails when the shipped file no longer has the lines this relies on."""
    listen = re.compile(r"^(\s*)listen\s+([^;\s]+)([^;]*);.*$", re.MULTILINE)
    root = re.compile(r"^(\s*)root\s+[^;]+;.*$", re.MULTILINE)
    server_name = re.compile(r"^(\s*)server_name\s+[^;]+;.*$", re.MULTILINE)
    found = listen.findall(text)
    defaults = [flags for _, address, flags in found if not address.startswith("[") and "default_server" in flags]
    if len(root.findall(text)) != 1 or len(server_name.findall(text)) != 1 or len(defaults) != 1:
        raise NginxError(
            f"{SERVER_CONF} : une directive root, une directive server_name et un serveur par défaut "
            "(listen … default_server) sont attendus."
        )

    def local_listen(match: re.Match) -> str:
        indent, address, flags = match.groups()
        if address.startswith("["):
            return indent + "# (listen IPv6 supprimé pour le test)"
        default = " default_server" if "default_server" in flags else ""
        return f"{indent}listen 127.0.0.1:{port}{default};"

    text = listen.sub(local_listen, text)
    text = server_name.sub(lambda m: f"{m.group(1)}server_name {LOCAL_SERVER_NAMES};", text)
    return root.sub(lambda m: f'{m.group(1)}root "{site_dir}";', text)


def adapt_error_pages(text: str, *, pages_dir: Path) -> str:
    """The shipped snippets/porter-la-voix-errors.conf with its `alias` lines pointing into `pages_dir`."""
    alias = re.compile(r"^(\s*)alias\s+\"?([^\";]+)\"?;.*$", re.MULTILINE)
    if len(alias.findall(text)) < 1:
        raise NginxError(f"{ERRORS_SNIPPET} : au moins une directive alias est attendue.")

    def local_alias(match: re.Match) -> str:
        indent, target = match.groups()
        name = "" if target.endswith("/") else target.rsplit("/", 1)[-1]
        return f'{indent}alias "{pages_dir}/{name}";'

    return alias.sub(local_alias, text)


def main_configuration(prefix: Path) -> str:
    user = ""
    if os.geteuid() == 0:  # workers would otherwise run as nobody, who cannot read a private temporary folder
        import grp
        import pwd

        user = f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};\n"
    return (
        f"{user}"
        "worker_processes 1;\n"
        f'pid "{prefix}/nginx.pid";\n'
        f'error_log "{prefix}/error.log" warn;\n'
        "events { worker_connections 128; }\n"
        "http {\n"
        # As in Debian's /etc/nginx/nginx.conf
        "    include mime.types;\n"
        "    default_type application/octet-stream;\n"
        "    sendfile on;\n"
        f'    access_log "{prefix}/access.log";\n'
        + "".join(f'    {kind}_temp_path "{prefix}/tmp/{kind}";\n' for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        + "    include conf.d/*.conf;\n"
        "}\n"
    )


class LocalNginx:
    """Context manager: nginx serving `site_dir` with the shipped configuration at `self.url`."""

    def __init__(self, site_dir: Path, port: int | None = None) -> None:
        self.site_dir = Path(site_dir).resolve()
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.prefix: Path | None = None
        self._process: subprocess.Popen | None = None

    def _lay_out(self) -> Path:
        generated = self.site_dir / GENERATED_CSP
        if not generated.is_file():
            raise NginxError(f"{generated} manque : le site n’a pas été construit avec le hook build_steps/csp.py.")
        prefix = Path(tempfile.mkdtemp(prefix="porter-la-voix-nginx-"))
        (prefix / "conf.d").mkdir()
        (prefix / "tmp").mkdir()
        shutil.copytree(SNIPPETS, prefix / "snippets")
        write_pages(prefix / "erreurs")
        errors = prefix / "snippets" / ERRORS_SNIPPET
        errors.write_text(adapt_error_pages(errors.read_text(encoding="utf-8"), pages_dir=prefix / "erreurs"), encoding="utf-8")
        shutil.copy2(generated, prefix / "snippets" / GENERATED_CSP.name)
        shutil.copy2(MIME_TYPES, prefix / "mime.types")
        server = adapt_server_block(SERVER_CONF.read_text(encoding="utf-8"), site_dir=self.site_dir, port=self.port)
        (prefix / "conf.d" / SERVER_CONF.name).write_text(server, encoding="utf-8")
        (prefix / "nginx.conf").write_text(main_configuration(prefix), encoding="utf-8")
        return prefix

    def command(self, *extra: str) -> list[str]:
        return [nginx_binary(), "-p", f"{self.prefix}/", "-c", str(self.prefix / "nginx.conf"), "-e", "stderr", *extra]

    def test_configuration(self) -> str:
        """`nginx -t` on the laid-out configuration; returns its output, raises NginxError if refused."""
        result = subprocess.run(self.command("-t"), capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise NginxError(f"nginx refuse la configuration :\n{result.stderr}")
        return result.stderr

    def error_log(self) -> str:
        log = self.prefix / "error.log" if self.prefix else None
        return log.read_text(encoding="utf-8", errors="replace") if log and log.exists() else ""

    def __enter__(self) -> LocalNginx:
        self.prefix = self._lay_out()
        try:
            self.test_configuration()
            self._process = subprocess.Popen(
                self.command("-g", "daemon off;"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                preexec_fn=_stop_with_parent,
            )
            deadline = time.monotonic() + 15
            while True:
                if self._process.poll() is not None:
                    raise NginxError(f"nginx s’est arrêté au démarrage :\n{self._process.stderr.read()}")
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                    break
                except OSError as error:
                    if time.monotonic() > deadline:
                        raise NginxError(f"nginx ne répond pas sur le port {self.port}.\n{self.error_log()}") from error
                    time.sleep(0.05)
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process and self._process.poll() is None:
            self._process.send_signal(signal.SIGQUIT)  # graceful stop of the master and its workers
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
        if self._process and self._process.stderr:
            self._process.stderr.close()
        self._process = None
        if self.prefix:
            shutil.rmtree(self.prefix, ignore_errors=True)
            self.prefix = None


def main(argv: list[str] | None = None) -> int:
    parser = command_line.parser(
        prog="python -m deploy.local_nginx", description="Sert un site construit avec la configuration nginx livrée."
    )
    parser.add_argument("site", type=Path, help="dossier du site construit (par exemple site/)")
    parser.add_argument("--port", type=int, default=8080, help="port local (127.0.0.1), 8080 par défaut")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop nginx on `kill` too, not only on Ctrl+C
    try:
        with LocalNginx(args.site, port=args.port) as server:
            print(f"Site servi par nginx sur {server.url} (Ctrl+C pour arrêter).")
            try:
                while server._process and server._process.poll() is None:
                    time.sleep(0.5)
            except KeyboardInterrupt:
                pass
    except NginxError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
