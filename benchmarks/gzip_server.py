"""Serve a built site the way GitHub Pages does: gzip-compressed text, directory index pages, 404.html.

    .venv/bin/python benchmarks/gzip_server.py site/ --port 8765      # http://127.0.0.1:8765/

- Text responses (HTML, CSS, JS, JSON, SVG, XML, plain text) are gzip-compressed when the request
  says `Accept-Encoding: gzip`, with `Vary: Accept-Encoding`; binaries (images, zip, apkg) are not.
- `Cache-Control: max-age=600`, `ETag` and `Last-Modified` as GitHub Pages sends them; conditional
  requests get 304.
- `/dir` redirects to `/dir/` (301), `/dir/` serves `dir/index.html`, a missing path serves
  `404.html` with status 404. Only GET and HEAD; only files inside the site directory.
- Binds to 127.0.0.1 only. HTTP/1.1 with keep-alive (GitHub Pages speaks HTTP/2; nothing here
  depends on it).
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import mimetypes
import posixpath
import sys
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
TYPES = {
    ".js": "application/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".apkg": "application/octet-stream",
}


@lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    # GitHub Pages (Fastly) compresses at a medium level; 6 is gzip's default.
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def content_type(path: Path) -> str:
    kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
        kind += "; charset=utf-8"
    return kind


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "gzip-pages"
    root: Path
    quiet = True

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def log_message(self, format: str, *args) -> None:
        if not self.quiet:
            super().log_message(format, *args)

    def _resolve(self, url_path: str) -> tuple[HTTPStatus, Path | None, str | None]:
        """(status, file to send, redirect location)."""
        path = posixpath.normpath(unquote(url_path))
        parts = [p for p in path.split("/") if p and p not in (".", "..")]
        target = self.root.joinpath(*parts)
        if not target.resolve().is_relative_to(self.root):
            return HTTPStatus.NOT_FOUND, self.root / "404.html", None
        if target.is_dir():
            if not url_path.endswith("/"):
                return HTTPStatus.MOVED_PERMANENTLY, None, url_path + "/"
            target = target / "index.html"
        if target.is_file():
            return HTTPStatus.OK, target, None
        return HTTPStatus.NOT_FOUND, self.root / "404.html", None

    def _serve(self, body: bool) -> None:
        url = urlsplit(self.path)
        status, path, location = self._resolve(url.path)
        if location is not None:
            self.send_response(status)
            self.send_header("Location", location + (f"?{url.query}" if url.query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path is None or not path.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        stat = path.stat()
        kind = content_type(path)
        compress = kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        data = _gzipped(path, stat.st_mtime_ns) if compress else path.read_bytes()
        etag = '"' + hashlib.md5(data, usedforsecurity=False).hexdigest() + '"'
        if status is HTTPStatus.OK and self.headers.get("If-None-Match") == etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("ETag", etag)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if body:
            self.wfile.write(data)


def make_server(site: Path, port: int = 0, verbose: bool = False) -> ThreadingHTTPServer:
    handler = type("SiteHandler", (Handler,), {"root": site.resolve(), "quiet": not verbose})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve a built site gzip-compressed on 127.0.0.1.")
    parser.add_argument("site", type=Path, help="the built site directory")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port (default: 8765)")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} has no index.html; build the site first")
    server = make_server(args.site, args.port, args.verbose)
    print(f"Serving {args.site} gzip-compressed at http://127.0.0.1:{server.server_port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
