"""Every page carries a Content-Security-Policy without inline script, and a
Permissions-Policy; the templates hold nothing that policy would refuse."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

ATELIER = Path(__file__).resolve().parents[1] / "atelier"
# Rendered to PDF by WeasyPrint on the server, never shown by a browser.
PRINTED_ONLY = ("_pdf.html", "/export/", "/pdf/")


def directives(header: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.mark.parametrize(
    "path", ["/", "/members/", "/accounts/login/", "/academy/", "/method/", "/healthz"]
)
def test_pages_carry_a_policy_without_inline_script(client, db, path):
    response = client.get(path)

    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'self'" and policy["form-action"] == "'self'"
    assert policy["connect-src"] == "'self' ws: wss:"
    assert policy["img-src"] == "'self' data:"


def test_only_the_identity_provider_login_may_send_a_form_to_another_origin(client, db):
    provider_login = client.get("/accounts/oidc/some-provider/login/")
    sign_in = client.get("/accounts/login/")

    policy = directives(provider_login["Content-Security-Policy"])
    assert "form-action" not in policy and policy["script-src"] == "'self'"
    assert directives(sign_in["Content-Security-Policy"])["form-action"] == "'self'"


def test_pages_carry_a_permissions_policy(client, db):
    header = client.get("/")["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header


def test_the_api_docs_get_the_same_strict_policy(client, db):
    docs = client.get(reverse("api-v1:openapi-view"))["Content-Security-Policy"]

    assert docs == client.get("/")["Content-Security-Policy"]


def browser_templates() -> list[Path]:
    return [
        path
        for path in ATELIER.rglob("templates/**/*.html")
        if not any(part in path.as_posix() for part in PRINTED_ONLY)
    ]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>")
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=")


@pytest.mark.parametrize(
    "pattern",
    [
        INLINE_SCRIPT,
        EVENT_HANDLER,
        STYLE_ATTRIBUTE,
        re.compile(r"<style"),
        re.compile("javascript:"),
    ],
    ids=["inline script", "event handler", "style attribute", "style element", "javascript URL"],
)
def test_no_template_holds_what_the_policy_refuses(pattern):
    offenders = [
        str(path.relative_to(ATELIER))
        for path in browser_templates()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]

    assert not offenders
