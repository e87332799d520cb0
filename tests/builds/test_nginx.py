"""The built site served by the real nginx with the shipped configuration (deploy/): headers, compression, cache
lifetimes, MIME types, the French 404 page, no folder listing, no server version, nothing private served; the
French error pages and security headers of the errors nginx answers itself (sent over raw sockets: malformed
requests, too long lines), the default server that refuses unknown Host names, max_ranges."""

from __future__ import annotations

import gzip
import http.client
import re
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

from deploy.error_pages import PAGES, STYLE_SHEET, main, write_pages
from deploy.error_pages import page as error_page
from deploy.local_nginx import (
    ERRORS_SNIPPET,
    GENERATED_CSP,
    SERVER_CONF,
    SNIPPETS,
    LocalNginx,
    NginxError,
    adapt_error_pages,
    adapt_server_block,
    nginx_binary,
)
from tests.support import html_pages

YEAR = "public, max-age=31536000, immutable"
DAY = "public, max-age=86400"
REVALIDATE = "no-cache"
# A name that carries a content hash: Material's bundle.a5f9d56c.min.js, Pagefind's fr_3c1e0a9b42.pf_fragment.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$|_[0-9a-f]{6,}\.pf_(fragment|filter|index|meta)$")

# Expected Content-Type by file extension, for every file of the built site.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "text/javascript",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "text/xml; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
    ".txt": "text/plain; charset=utf-8",
    ".wasm": "application/wasm",
    # Pagefind's own formats (already compressed binary data)
    ".pagefind": "application/octet-stream",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".pf_filter": "application/octet-stream",
}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
TEXT_EXTENSIONS = {".html", ".css", ".js", ".json", ".xml", ".svg", ".map", ".txt"}


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status, self.headers, self.raw = status, headers, body

    @property
    def body(self) -> bytes:
        """The body, decompressed when the server compressed it."""
        return gzip.decompress(self.raw) if self.headers.get("Content-Encoding") == "gzip" else self.raw

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def request(base_url: str, path: str, *, method: str = "GET", gzip_ok: bool = True, headers: dict | None = None):
    """One HTTP request, without following redirects nor decompressing (http.client)."""
    netloc = urlparse(base_url).netloc
    connection = http.client.HTTPConnection(netloc, timeout=10)
    all_headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    all_headers.update(headers or {})
    try:
        connection.request(method, path, headers=all_headers)
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def url_path(site: Path, page: Path) -> str:
    """The address a reader uses for a built file (folder address for index.html)."""
    relative = page.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def site_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and not p.relative_to(site).as_posix().startswith("."))


def csp_directives(value: str) -> dict[str, list[str]]:
    directives = {}
    for part in value.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def csp_problems(value: str | None) -> list[str]:
    """What is wrong with a Content-Security-Policy header value, by the site's rules (empty when right)."""
    if not value:
        return ["en-tête Content-Security-Policy absent"]
    d = csp_directives(value)
    problems = []
    if d.get("default-src") != ["'self'"]:
        problems.append(f"default-src {d.get('default-src')}")
    script = d.get("script-src", [])
    if "'self'" not in script:
        problems.append("script-src sans 'self'")
    for forbidden in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:", "blob:"):
        if forbidden in script or forbidden in d.get("script-src-elem", []):
            problems.append(f"script-src contient {forbidden}")
    if not any(source.startswith("'sha256-") for source in script):
        problems.append("script-src sans empreinte sha256 (les scripts en ligne de Material seraient bloqués)")
    if d.get("script-src-attr") != ["'none'"]:
        problems.append(f"script-src-attr {d.get('script-src-attr')}")
    if "'unsafe-inline'" in d.get("style-src", []) or "'unsafe-inline'" in d.get("style-src-attr", []):
        problems.append("style-src contient 'unsafe-inline'")
    if d.get("object-src") != ["'none'"]:
        problems.append(f"object-src {d.get('object-src')}")
    if d.get("frame-ancestors") not in (["'none'"], ["'self'"]):
        problems.append(f"frame-ancestors {d.get('frame-ancestors')}")
    for required in ("base-uri", "form-action"):
        if not d.get(required):
            problems.append(f"{required} absent")
    return problems


@pytest.fixture(scope="module")
def nginx(built_site):
    with LocalNginx(built_site) as server:
        yield server


def test_shipped_configuration_is_accepted_by_nginx(nginx):
    """`nginx -t` on the shipped files (laid out as in /etc/nginx) with the generated include."""
    output = nginx.test_configuration()
    assert "syntax is ok" in output and "test is successful" in output


def test_csp_rules_detect_a_weak_policy():
    """Guards the checker itself: a policy with 'unsafe-inline' and without frame-ancestors is refused."""
    weak = "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'"
    found = " ".join(csp_problems(weak))
    assert "'unsafe-inline'" in found and "frame-ancestors" in found and "sha256" in found


def test_every_html_page_has_the_security_headers(nginx, built_site):
    problems = {}
    for page in html_pages(built_site):
        path = url_path(built_site, page)
        response = request(nginx.url, path)
        found = [] if response.status == 200 else [f"statut {response.status}"]
        found += csp_problems(response.headers.get("Content-Security-Policy"))
        for name, expected in SECURITY_HEADERS.items():
            if response.headers.get(name) != expected:
                found.append(f"{name}: {response.headers.get(name)!r} au lieu de {expected!r}")
        policy = response.headers.get("Permissions-Policy") or ""
        if "camera=()" not in policy or "geolocation=()" not in policy or "microphone=()" not in policy:
            found.append(f"Permissions-Policy: {policy!r}")
        if response.headers.get("Content-Type") != "text/html; charset=utf-8":
            found.append(f"Content-Type: {response.headers.get('Content-Type')}")
        if response.headers.get("Cache-Control") != REVALIDATE:
            found.append(f"Cache-Control: {response.headers.get('Cache-Control')}")
        if response.headers.get("Content-Encoding") != "gzip":
            found.append("page non compressée")
        if response.body != page.read_bytes():
            found.append("contenu différent du fichier construit")
        if found:
            problems[path] = found
    assert not problems, f"pages servies sans les bons en-têtes : {problems}"


DOCUMENT_HEADERS = ("Content-Security-Policy", "X-Frame-Options", "Permissions-Policy", "Cross-Origin-Opener-Policy")


def test_document_headers_only_where_they_act(nginx, built_site):
    """CSP and the other document headers go with pages; the CSP with scripts too (Pagefind's worker takes its
    policy from its own response); neither with CSS, images, JSON or index files (about 1 KB saved on each)."""
    problems = {}
    kinds = set()
    for file in site_files(built_site):
        if file.suffix == ".html":
            continue
        path = url_path(built_site, file)
        headers = request(nginx.url, path, method="HEAD").headers
        if file.suffix in {".js", ".mjs"}:
            kinds.add("script")
            found = csp_problems(headers.get("Content-Security-Policy"))
            found += [name for name in DOCUMENT_HEADERS[1:] if headers.get(name)]
        else:
            kinds.add(file.suffix)
            found = [name for name in DOCUMENT_HEADERS if headers.get(name)]
        if headers.get("X-Content-Type-Options") != "nosniff":
            found.append("sans nosniff")
        if found:
            problems[path] = found
    assert {"script", ".css", ".svg", ".json", ".pf_fragment"} <= kinds, kinds
    assert not problems, f"en-têtes de document mal placés : {problems}"


def test_html_pages_are_revalidated_cheaply(nginx):
    """Short lifetime (no-cache) stays cheap: the ETag gives a 304 without the body."""
    first = request(nginx.url, "/")
    etag = first.headers.get("ETag")
    assert etag, "pas d'ETag sur la page d'accueil"
    again = request(nginx.url, "/", headers={"If-None-Match": etag})
    assert again.status == 304 and again.raw == b""
    assert again.headers.get("Cache-Control") == REVALIDATE


def test_text_assets_are_compressed(nginx, built_site):
    text_files = [p for p in site_files(built_site) if p.suffix in TEXT_EXTENSIONS and p.stat().st_size >= 1024]
    kinds = {p.suffix for p in text_files}
    assert {".html", ".css", ".js", ".json"} <= kinds, f"types de fichiers texte attendus absents : {kinds}"
    problems = {}
    for file in text_files:
        path = url_path(built_site, file)
        response = request(nginx.url, path)
        if response.headers.get("Content-Encoding") != "gzip":
            problems[path] = "non compressé"
        elif response.body != file.read_bytes():
            problems[path] = "contenu décompressé différent du fichier"
        elif "Accept-Encoding" not in (response.headers.get("Vary") or ""):
            problems[path] = "sans Vary: Accept-Encoding"
        elif len(response.raw) >= file.stat().st_size:
            problems[path] = "la compression ne réduit pas la taille"
    assert not problems, f"fichiers texte mal compressés : {problems}"
    plain = request(nginx.url, "/", gzip_ok=False)
    assert plain.headers.get("Content-Encoding") is None, "compression envoyée à un client qui ne l'accepte pas"


def test_cache_lifetimes_follow_the_design(nginx, built_site):
    """A year for files whose name carries their content hash, a day for images, revalidation for the rest."""
    problems = {}
    for file in site_files(built_site):
        path = url_path(built_site, file)
        if FINGERPRINTED.search(file.name):
            expected = YEAR
        elif file.suffix in {".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff", ".woff2"}:
            expected = DAY
        else:
            expected = REVALIDATE
        actual = request(nginx.url, path, method="HEAD").headers.get("Cache-Control")
        if actual != expected:
            problems[path] = f"{actual!r} au lieu de {expected!r}"
    assert not problems, f"durées de cache inattendues : {problems}"


def test_design_covers_the_important_files(built_site):
    """The sweep above covers what matters: Material's fingerprinted assets, the pages, the search index."""
    names = [p.relative_to(built_site).as_posix() for p in site_files(built_site)]
    assert any(re.search(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$", n) for n in names)
    assert any(re.search(r"assets/stylesheets/main\.[0-9a-f]{8}\.min\.css$", n) for n in names)
    assert any(n.startswith(("pagefind/", "search/")) for n in names), "pas d'index de recherche dans le site"


def test_every_file_has_the_right_content_type(nginx, built_site):
    problems, unknown = {}, set()
    for file in site_files(built_site):
        expected = CONTENT_TYPES.get(file.suffix)
        if expected is None:
            unknown.add(file.suffix or file.name)
            continue
        response = request(nginx.url, url_path(built_site, file), method="HEAD")
        if response.headers.get("Content-Type") != expected:
            problems[url_path(built_site, file)] = response.headers.get("Content-Type")
        if response.headers.get("X-Content-Type-Options") != "nosniff":
            problems[url_path(built_site, file)] = "sans nosniff"
    assert not unknown, f"extensions sans type MIME prévu par ce test (à ajouter à CONTENT_TYPES) : {unknown}"
    assert not problems, f"types MIME inattendus : {problems}"


@pytest.mark.parametrize("path", ["/cette-page-n-existe-pas/", "/fiches/inconnue/sous/page/", "/absent.html"])
def test_missing_page_gets_the_french_404_page(nginx, built_site, path):
    response = request(nginx.url, path)
    assert response.status == 404
    assert response.headers.get("Content-Type") == "text/html; charset=utf-8"
    assert not csp_problems(response.headers.get("Content-Security-Policy"))
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.body == (built_site / "404.html").read_bytes(), "ce n'est pas la page 404 du site"
    text = response.text
    assert 'lang="fr"' in text
    assert "Not found" not in text, "la page 404 du site est en anglais (« Not found ») : il faut overrides/404.html"
    assert re.search(r"introuvable|n[’']existe pas|n[’']existe plus", text, re.IGNORECASE), "page 404 sans texte français"
    stylesheets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
    assert stylesheets and all(href.startswith("/") for href in stylesheets), (
        "les feuilles de style de la page 404 doivent avoir des adresses absolues (elle sert à toutes les profondeurs)"
    )


def test_no_folder_listing(nginx, built_site):
    for folder in ("/assets/", "/assets/javascripts/", "/assets/stylesheets/"):
        assert (built_site / folder.strip("/")).is_dir()
        response = request(nginx.url, folder)
        assert response.status == 404, f"{folder} : statut {response.status}"
        assert "Index of" not in response.text


def test_generated_server_file_and_dot_files_are_not_served(nginx, built_site):
    assert (built_site / GENERATED_CSP).is_file(), "la construction n'a pas écrit l'inclusion nginx"
    for path in ("/" + GENERATED_CSP.as_posix(), "/.nginx/", "/.git/config", "/fiches/.cache"):
        response = request(nginx.url, path)
        assert response.status == 404, f"{path} : statut {response.status}"
        assert "set $" not in response.text


def test_no_server_version_anywhere(nginx):
    for method, path in (("GET", "/"), ("GET", "/absent/"), ("POST", "/"), ("DELETE", "/index.html")):
        response = request(nginx.url, path, method=method)
        assert response.headers.get("Server") == "nginx", f"{method} {path} : Server {response.headers.get('Server')}"
        assert not re.search(r"nginx/\d", response.text), f"{method} {path} : version dans le corps"


def test_folder_without_slash_redirects_relatively(nginx):
    response = request(nginx.url, "/fiches")
    assert response.status == 301
    assert response.headers.get("Location") == "/fiches/"
    assert not csp_problems(response.headers.get("Content-Security-Policy"))


# --- Errors nginx answers itself, default server, ranges ------------------------------------------------------------

# Longer than one of nginx's large_client_header_buffers (default 4 × 8 KB): a request line or a header line this
# long is refused while nginx reads the request, before it knows the Host (default server).
TOO_LONG = "a" * 10_000
# nginx's answers that must look like the site's pages: the headers of the home page, each sent once.
PAGE_HEADERS = (
    "Content-Security-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Cache-Control",
)


class RawResponse:
    """An HTTP response read from a socket as it came: every header line kept, duplicates included."""

    def __init__(self, status_line: str, headers: list[tuple[str, str]], body: bytes):
        self.status_line, self.headers, self.body = status_line, headers, body
        self.status = int(status_line.split()[1])

    def all(self, name: str) -> list[str]:
        return [value for key, value in self.headers if key.lower() == name.lower()]

    def get(self, name: str) -> str | None:
        values = self.all(name)
        return values[0] if values else None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def raw_request(base_url: str, data: str | bytes, *, head: bool = False, half_close: bool = False) -> RawResponse:
    """Send `data` as is (a request http.client would refuse to write), read one response: its headers, then
    Content-Length bytes of body (not waiting for nginx to close: it lingers after some errors). `half_close`: the
    client says it will send nothing more (shutdown of its side), as one that announces a body it never sends."""
    parsed = urlparse(base_url)
    with socket.create_connection((parsed.hostname, parsed.port), timeout=10) as sock:
        if half_close and hasattr(socket, "TCP_CORK"):  # Linux: the request and the end of the client's side in one
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)  # segment, so nginx sees both at once
        sock.sendall(data.encode("latin-1") if isinstance(data, str) else data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        received = b""
        while b"\r\n\r\n" not in received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
        assert received.startswith(b"HTTP/1.1 "), f"pas de réponse HTTP/1.1 : {received[:200]!r}"
        head_part, _, body = received.partition(b"\r\n\r\n")
        status_line, *lines = head_part.decode("latin-1").split("\r\n")
        headers = [(key.strip(), value.strip()) for key, _, value in (line.partition(":") for line in lines)]
        response = RawResponse(status_line, headers, b"")
        length = 0 if head else int(response.get("Content-Length") or 0)
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        response.body = body
        return response


def http_request(first_line: str, *headers: str) -> str:
    return "\r\n".join([first_line, *headers, "Connection: close", "", ""])


@pytest.fixture(scope="module")
def host(nginx) -> str:
    """The Host a browser sends for LocalNginx's address (127.0.0.1:PORT)."""
    return urlparse(nginx.url).netloc


@pytest.fixture(scope="module")
def page_headers(nginx) -> dict[str, str]:
    """The security headers of an ordinary page (the home page), which every error page must carry too."""
    response = raw_request(nginx.url, http_request("GET / HTTP/1.1", f"Host: {urlparse(nginx.url).netloc}"))
    assert response.status == 200
    return {name: response.get(name) for name in PAGE_HEADERS}


@pytest.fixture(scope="module")
def nginx_version() -> str:
    output = subprocess.run([nginx_binary(), "-v"], capture_output=True, text=True, timeout=30).stderr
    found = re.search(r"nginx/(\d+\.\d+\.\d+)", output)
    assert found, f"version de nginx illisible : {output!r}"
    return found.group(1)


# name: (request, with {host} for the site's name; status nginx sends; code of deploy/error_pages.py's page, or "site" for the
# site's own 404.html)
ERROR_CASES = {
    "ligne de requête malformée": ("GARBAGE\r\n\r\n", 400, "400"),
    "en-tête Host invalide": (http_request("GET / HTTP/1.1", "Host: mauvais/nom"), 400, "400"),
    "en-tête Host en double": (http_request("GET / HTTP/1.1", "Host: {host}", "Host: {host}"), 400, "400"),
    "page inconnue du site": (http_request("GET /absent/ HTTP/1.1", "Host: {host}"), 404, "site"),
    "page d’erreur demandée directement": (
        http_request("GET /.porter-la-voix-erreurs/400.html HTTP/1.1", "Host: {host}"),
        404,
        "site",
    ),
    "page d’erreur demandée directement, nom inconnu": (
        http_request("GET /.porter-la-voix-erreurs/400.html HTTP/1.1", "Host: inconnu.example"),
        404,
        "404",
    ),
    "POST sur la page d’accueil": (http_request("POST / HTTP/1.1", "Host: {host}", "Content-Length: 0"), 405, "405"),
    "PUT sur un fichier": (http_request("PUT /index.html HTTP/1.1", "Host: {host}", "Content-Length: 0"), 405, "405"),
    "DELETE sur un dossier": (http_request("DELETE /fiches/ HTTP/1.1", "Host: {host}"), 405, "405"),
    "méthode inconnue": (http_request("PATCHWORK / HTTP/1.1", "Host: {host}"), 405, "405"),
    # Above client_max_body_size (1 MB by default); nginx answers before reading the body.
    "corps trop volumineux": (http_request("POST / HTTP/1.1", "Host: {host}", "Content-Length: 2000000"), 413, "413"),
    "adresse trop longue": (http_request(f"GET /{TOO_LONG} HTTP/1.1", "Host: {host}"), 414, "414"),
    # nginx's own code 494 (« Request Header Or Cookie Too Large »), sent as 400; never 431 in nginx 1.22.
    "en-tête trop long": (http_request("GET / HTTP/1.1", "Host: {host}", f"Cookie: a={TOO_LONG}"), 400, "494"),
    "condition If-Match non remplie": (http_request("GET / HTTP/1.1", "Host: {host}", 'If-Match: "autre"'), 412, "412"),
    "plage au-delà du fichier": (
        http_request("GET /404.html HTTP/1.1", "Host: {host}", "Range: bytes=99999999-"),
        416,
        "416",
    ),
    "nom de site inconnu": (http_request("GET / HTTP/1.1", "Host: inconnu.example"), 421, "421"),
    "Transfer-Encoding inconnu": (http_request("POST / HTTP/1.1", "Host: {host}", "Transfer-Encoding: gzip"), 501, "501"),
    "version de HTTP inconnue": (http_request("GET / HTTP/2.0", "Host: {host}"), 505, "505"),
}


def error_response_problems(response: RawResponse, page_headers: dict[str, str], nginx_version: str, *, once=True):
    """What differs, in an error response nginx answers itself, from the headers of an ordinary page, or shows nginx."""
    problems = []
    for name, expected in page_headers.items():
        values = response.all(name)
        if not values:
            problems.append(f"{name} absent")
        elif any(value != expected for value in values):
            problems.append(f"{name} : {values} au lieu de {expected!r}")
        elif once and len(values) > 1:
            problems.append(f"{name} envoyé {len(values)} fois")
    problems += csp_problems(response.get("Content-Security-Policy"))
    if response.get("Content-Type") != "text/html; charset=utf-8":
        problems.append(f"Content-Type : {response.get('Content-Type')}")
    if response.get("Server") != "nginx":
        problems.append(f"Server : {response.get('Server')}")
    everything = "\n".join(f"{key}: {value}" for key, value in response.headers) + response.text
    if nginx_version in everything:
        problems.append(f"version de nginx ({nginx_version}) dans la réponse")
    if re.search("nginx", response.text, re.IGNORECASE):
        problems.append("« nginx » dans le corps (page par défaut de nginx ?)")
    if 'lang="fr"' not in response.text:
        problems.append('corps sans lang="fr"')
    return problems


@pytest.mark.parametrize("case", ERROR_CASES)
def test_errors_nginx_answers_itself_get_a_french_page_and_the_security_headers(nginx, built_site, host, page_headers, nginx_version, case):
    data, status, name = ERROR_CASES[case]
    response = raw_request(nginx.url, data.replace("{host}", host))
    assert response.status == status, f"{case} : {response.status_line}"
    # A 416 goes through nginx's range filter after the headers were added once: nginx adds them again with the
    # error page (same values; its own 416 page does the same). Every other answer carries each header once.
    problems = error_response_problems(response, page_headers, nginx_version, once=status != 416)
    assert not problems, f"{case} : {problems}"
    expected = (built_site / "404.html").read_bytes() if name == "site" else error_page(int(name)).encode()
    assert response.body == expected, f"{case} : ce n’est pas la page {name}"
    assert response.all("Allow") == (["GET, HEAD"] if status == 405 else []), f"{case} : Allow {response.all('Allow')}"


def test_too_large_body_never_sent_gets_the_french_page(nginx, host, page_headers, nginx_version):
    """A client that announces a large body and closes its side at once: when nginx sees the end of the connection
    before going to the 413 page, it checks the size again there (without the error location's
    client_max_body_size 0) and falls back to its English page. A race: hence several tries."""
    for attempt in range(10):
        data = http_request("POST / HTTP/1.1", f"Host: {host}", "Content-Length: 2000000")
        response = raw_request(nginx.url, data, half_close=True)
        assert response.status == 413, f"essai {attempt + 1} : {response.status_line}"
        assert response.body == error_page(413).encode(), f"essai {attempt + 1} : {response.text[:80]}"
        assert not error_response_problems(response, page_headers, nginx_version), f"essai {attempt + 1}"


def test_head_request_errors_have_the_headers_without_a_body(nginx, host, page_headers, nginx_version):
    response = raw_request(nginx.url, http_request("HEAD /absent.html HTTP/1.1", f"Host: {host}"), head=True)
    assert response.status == 404 and response.body == b""
    assert not [p for p in error_response_problems(response, page_headers, nginx_version) if "corps" not in p]
    refused = raw_request(nginx.url, http_request("HEAD / HTTP/1.1", "Host: inconnu.example"), head=True)
    assert refused.status == 421 and refused.get("Content-Security-Policy") == page_headers["Content-Security-Policy"]


def test_every_error_page_is_a_short_french_page_the_policy_allows():
    """The shipped pages: French, no script, no inline style, nothing from elsewhere, nginx never named; one page
    for each code of error_page, and no page left unused."""
    assert len(PAGES) >= 10, PAGES
    for code in PAGES:
        text = error_page(code)
        where = f"{code}.html"
        assert text.startswith("<!doctype html>") and '<html lang="fr">' in text, where
        assert '<meta charset="utf-8">' in text and '<meta name="viewport"' in text, where
        assert re.search(r"<title>[^<]+ - Porter la voix de son employeur</title>", text), where
        assert len(re.findall(r"<h1>[^<]+</h1>", text)) == 1 and "<main>" in text, where
        assert f"Code d’erreur&#160;: {code}</p>" in text, where
        assert not re.search(r"<script|<style|\sstyle=|\son\w+=|<img|<iframe", text, re.IGNORECASE), where
        links = re.findall(r'(?:href|src)="([^"]*)"', text)
        assert links and all(link.startswith("/") and not link.startswith("//") for link in links), (where, links)
        assert '<link rel="stylesheet" href="/.porter-la-voix-erreurs/erreurs.css">' in text, where
        assert "nginx" not in text.lower(), where
        visible = re.sub(r"<[^>]+>", "", text)
        assert "'" not in visible, f"{where} : apostrophe droite au lieu de ’"
        assert not re.search(r" [:;!?»]|« ", visible), f"{where} : espace ordinaire au lieu d’une espace insécable"
        assert len(text.encode()) < 2048, where
    css = STYLE_SHEET.read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css, "la feuille de style des pages d’erreur charge autre chose"
    configuration = SERVER_CONF.read_text(encoding="utf-8") + (SNIPPETS / ERRORS_SNIPPET).read_text(encoding="utf-8")
    used = set(re.findall(r"^\s*error_page\s[^;]*/\.porter-la-voix-erreurs/(\d+)\.html;", configuration, re.M))
    assert used == {str(code) for code in PAGES}, f"pages sans error_page ou error_page sans page : {used}"


def test_error_page_style_sheet_is_served_and_pages_only_as_errors(nginx, host):
    """The style sheet: public (the browser asks for it after an error page), on the site's name and on the default
    server (unknown names); the pages themselves only through error_page."""
    for name in (host, "inconnu.example"):
        css = raw_request(nginx.url, http_request("GET /.porter-la-voix-erreurs/erreurs.css HTTP/1.1", f"Host: {name}"))
        assert css.status == 200, name
        assert css.get("Content-Type") == "text/css; charset=utf-8", name
        assert css.body == STYLE_SHEET.read_bytes(), name
        assert css.get("X-Content-Type-Options") == "nosniff", name
        page = raw_request(nginx.url, http_request("GET /.porter-la-voix-erreurs/405.html HTTP/1.1", f"Host: {name}"))
        assert page.status == 404, name


@pytest.mark.parametrize(
    "request_text",
    [
        http_request("GET / HTTP/1.1", "Host: inconnu.example"),
        http_request("GET / HTTP/1.1", "Host: 127.0.0.2"),
        # The shipped placeholder, which LocalNginx replaced like an administrator does.
        http_request("GET / HTTP/1.1", "Host: porter-la-voix.intranet.example"),
        http_request("GET /fiches/ HTTP/1.1", "Host: inconnu.example:8080"),
        http_request("GET / HTTP/1.0"),  # no Host at all
        http_request("GET http://inconnu.example/ HTTP/1.1", "Host: {host}"),  # the request line's name wins
    ],
)
def test_unknown_host_is_refused(nginx, built_site, host, request_text):
    response = raw_request(nginx.url, request_text.replace("{host}", host))
    assert response.status == 421, response.status_line
    assert response.body == error_page(421).encode()
    assert response.body != (built_site / "index.html").read_bytes()


@pytest.mark.parametrize("name", ["{host}", "127.0.0.1", "localhost", "LocalHost:{port}"])
def test_site_names_are_served(nginx, built_site, host, name):
    port = urlparse(nginx.url).port
    response = raw_request(nginx.url, http_request("GET / HTTP/1.1", f"Host: {name.format(host=host, port=port)}"))
    assert response.status == 200, response.status_line
    assert response.body == (built_site / "index.html").read_bytes()


def test_get_and_head_are_answered(nginx, built_site, host):
    get = raw_request(nginx.url, http_request("GET /fiches/ HTTP/1.1", f"Host: {host}"))
    head = raw_request(nginx.url, http_request("HEAD /fiches/ HTTP/1.1", f"Host: {host}"), head=True)
    assert get.status == head.status == 200
    assert get.body == (built_site / "fiches" / "index.html").read_bytes()
    assert head.body == b"" and head.get("ETag") == get.get("ETag")
    assert head.get("Content-Length") == get.get("Content-Length") == str(len(get.body))
    assert head.all("Allow") == get.all("Allow") == []


def test_multi_range_requests_get_the_whole_file(nginx, built_site):
    """max_ranges 1: one range still gets 206 (resuming a download); several get the whole file with 200, never a
    multipart/byteranges answer that costs the server one part per range."""
    content = (built_site / "404.html").read_bytes()
    one = request(nginx.url, "/404.html", gzip_ok=False, headers={"Range": "bytes=0-9"})
    assert one.status == 206 and one.body == content[:10]
    assert one.headers.get("Content-Range") == f"bytes 0-9/{len(content)}"
    for ranges in ("bytes=0-9,20-29", "bytes=" + ",".join(f"{start}-{start}" for start in range(0, 400, 2))):
        several = request(nginx.url, "/404.html", gzip_ok=False, headers={"Range": ranges})
        assert several.status == 200, f"{ranges[:30]}… : statut {several.status}"
        assert several.body == content
        assert "multipart" not in several.headers.get("Content-Type", "")
        assert several.headers.get("Content-Range") is None


def test_local_nginx_fills_in_the_placeholders(tmp_path):
    """The shipped file keeps the administrator's placeholders; LocalNginx replaces exactly them, and refuses a file
    without a default server or without the site's server_name."""
    shipped = SERVER_CONF.read_text(encoding="utf-8")
    assert re.search(r"^\s*server_name porter-la-voix\.intranet\.example;", shipped, re.M)
    assert len(re.findall(r"listen [^;]*default_server;", shipped)) == 2  # IPv4 and IPv6
    assert re.search(r"^\s*max_ranges 1;", shipped, re.M)
    assert len(re.findall(r"^\s*server_tokens off;", shipped, re.M)) == 2  # both servers
    local = adapt_server_block(shipped, site_dir=tmp_path, port=8123)
    assert re.findall(r"^\s*listen [^;]+;", local, re.M) == ["    listen 127.0.0.1:8123 default_server;"] + ["    listen 127.0.0.1:8123;"]
    assert re.findall(r"^\s*server_name [^;]+;", local, re.M) == ["    server_name 127.0.0.1 localhost;"]
    assert "intranet.example;" not in local and "[::]" not in re.sub(r"#.*", "", local)
    with pytest.raises(NginxError):
        adapt_server_block(shipped.replace(" default_server", ""), site_dir=tmp_path, port=8123)
    with pytest.raises(NginxError):
        adapt_server_block(re.sub(r"\n\s*server_name [^;]+;", "", shipped), site_dir=tmp_path, port=8123)
    errors = adapt_error_pages((SNIPPETS / ERRORS_SNIPPET).read_text(encoding="utf-8"), pages_dir=tmp_path)
    assert re.findall(r"alias ([^;]+);", errors) == [f'"{tmp_path}/"', f'"{tmp_path}/erreurs.css"']


def test_error_pages_are_written_for_a_site_in_a_folder(tmp_path, capsys):
    """`python3 -m deploy.error_pages DOSSIER --accueil /porter-la-voix/`: every page and the style sheet; the home
    link follows the site's folder (421, answered to an unknown name, has none); a wrong folder is refused in French."""
    assert main([str(tmp_path), "--accueil", "/porter-la-voix/"]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([f"{code}.html" for code in PAGES] + ["erreurs.css"])
    assert '<a href="/porter-la-voix/">Revenir à l’accueil du site</a>' in (tmp_path / "404.html").read_text(encoding="utf-8")
    assert "Revenir à l’accueil" not in (tmp_path / "421.html").read_text(encoding="utf-8")
    assert "17 pages et leur feuille de style écrites" in capsys.readouterr().out
    assert main([str(tmp_path), "--accueil", "porter-la-voix"]) == 1
    assert "--accueil 'porter-la-voix' : une adresse qui commence et finit par « / » est attendue" in capsys.readouterr().err
    assert write_pages(tmp_path / "neuf")[-1].read_bytes() == STYLE_SHEET.read_bytes()
