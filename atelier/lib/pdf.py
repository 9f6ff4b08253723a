"""HTML to PDF with WeasyPrint, reading only the app's own static files: no network."""

import base64
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative URLs in the HTML resolve against this origin, which is never contacted.
BASE_URL = "https://atelier.invalid/"


def _static_file(url: str) -> Path | None:
    # Templates name static files by their plain path (/static/...), never a hashed one.
    relative = url.removeprefix(BASE_URL.rstrip("/")).removeprefix(settings.STATIC_URL)
    relative = relative.split("?")[0].lstrip("/")
    found = finders.find(relative)
    if found:
        return Path(found if isinstance(found, str) else found[0])
    if settings.STATIC_ROOT and (Path(settings.STATIC_ROOT) / relative).is_file():
        return Path(settings.STATIC_ROOT) / relative
    return None


class StaticFilesFetcher(URLFetcher):
    """Serves /static/ from the app and data: URLs; refuses everything else."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            header, _, payload = url.partition(",")
            is_base64 = header.endswith(";base64")
            body = base64.b64decode(payload) if is_base64 else unquote_to_bytes(payload)
            return URLFetcherResponse(url, body, {"Content-Type": header[5:].split(";")[0]})
        path = _static_file(url) if url.startswith(BASE_URL) else None
        if path is None:
            raise ValueError(f"Atelier's PDFs use only the app's own files, not {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def html_to_pdf(html: str) -> bytes:
    """A PDF of the HTML; stylesheets, fonts and images come from the static files."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
    return document.write_pdf()  # type: ignore[no-any-return]
