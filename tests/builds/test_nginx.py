"""The built site served by the real nginx with the shipped configuration (deploy/): headers, compression, cache
lifetimes, MIME types, the French 404 page, no folder listing, no server version, nothing private served."""

from __future__ import annotations

import gzip
import http.client
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from deploy.local_nginx import GENERATED_CSP, LocalNginx
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
