"""Open Badges 2.0 for a level: the addresses, the baked PNG and the LinkedIn profile link.

A badge class's name and description are fixed per language: each language has its own
BadgeClass id (`.../levels/1/nl.json`, `.../levels/1/en.json`), because a backpack keeps
what it fetched under the id and must not see the content change with the reader's
browser. An assertion names the class in the site's default language (Dutch): accounts
keep no language of their own, and an assertion must not change once handed out.
"""

import hashlib
import io
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pypdfium2
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import Http404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from weasyprint import HTML

from atelier.academy.models import BadgeAssertion, Certificate, Level
from atelier.lib.pdf import BASE_URL, StaticFilesFetcher

BAKING_KEYWORD = "openbadges"
BADGE_SIDE_PX = 200
PNG_SCALE = 2  # 400 × 400 pixels, sharp on a profile page
LINKEDIN_ADD_PROFILE = "https://www.linkedin.com/profile/add"
OPEN_BADGES_CONTEXT = "https://w3id.org/openbadges/v2"


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def verification_url(certificate: Certificate) -> str:
    return absolute_url(reverse("academy:verify", args=[certificate.code]))


def hashed_identity(email: str, salt: str) -> str:
    """The Open Badges recipient identity: sha256 of the address and the salt."""
    return "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()


def badge_language(language: str) -> str:
    """One of the site's languages; anything else falls back to the default."""
    known = {code for code, _name in settings.LANGUAGES}
    return language if language in known else settings.LANGUAGE_CODE


def badge_class_url(level_number: int, language: str) -> str:
    return absolute_url(
        reverse("academy:badge_class", args=[level_number, badge_language(language)])
    )


def issuer_url() -> str:
    return absolute_url(reverse("academy:badge_issuer"))


def assertion_url(badge: BadgeAssertion) -> str:
    return absolute_url(reverse("academy:badge_assertion", args=[badge.uid]))


def baked_badge_url(badge: BadgeAssertion) -> str:
    return absolute_url(reverse("academy:badge_png", args=[badge.uid]))


def badge_for_certificate(certificate: Certificate) -> BadgeAssertion | None:
    """The holder's badge for the certificate's level (one badge per person and level)."""
    return (
        BadgeAssertion.objects.select_related("level")
        .filter(
            recipient_id=certificate.enrolment.person_id, level__number=certificate.level_number
        )
        .first()
    )


def issuer_json() -> dict[str, Any]:
    return {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "Profile",
        "id": issuer_url(),
        "name": settings.ASSOCIATION_NAME,
        "url": settings.SITE_URL,
        "email": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }


def badge_class_json(level: Level, language: str) -> dict[str, Any]:
    """The level's BadgeClass, its texts in `language` whatever the reader's browser says."""
    with translation.override(badge_language(language)):
        return {
            "@context": OPEN_BADGES_CONTEXT,
            "type": "BadgeClass",
            "id": badge_class_url(level.number, language),
            "name": _("Service design, level %(number)d: %(name)s")
            % {"number": level.number, "name": level.name},
            "description": " ".join(level.objectives) or level.name,
            "image": absolute_url(static(f"img/badge-level-{level.number}.svg")),
            "criteria": {
                "narrative": _(
                    "Completed a course of level %(number)d and attended the share of its "
                    "sessions that the course requires."
                )
                % {"number": level.number}
            },
            "issuer": issuer_url(),
        }


def assertion_json(badge: BadgeAssertion) -> dict[str, Any]:
    """The hosted assertion, read from the badge and its certificate as they stand."""
    return {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "Assertion",
        "id": assertion_url(badge),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": badge.salt,
            "identity": hashed_identity(badge.recipient.email, badge.salt),
        },
        "badge": badge_class_url(badge.level.number, settings.LANGUAGE_CODE),
        "verification": {"type": "hosted"},
        "issuedOn": badge.issued_on.isoformat(),
        "image": baked_badge_url(badge),
        "evidence": verification_url(badge.certificate),
    }


def _render_level_png(level_number: int) -> bytes:
    side = BADGE_SIDE_PX
    html = (
        f"<style>@page {{ size: {side}px {side}px; margin: 0 }} body {{ margin: 0 }}</style>"
        f'<img src="/static/img/badge-level-{level_number}.svg" '
        f'style="display:block;width:{side}px;height:{side}px" alt="">'
    )
    pdf_bytes = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).write_pdf()
    pdf = pypdfium2.PdfDocument(pdf_bytes)
    try:
        # pdfium draws a point as one pixel at scale 1, and a CSS pixel is 0.75 pt.
        bitmap = pdf[0].render(scale=PNG_SCALE * 4 / 3)
        buffer = io.BytesIO()
        bitmap.to_pil().save(buffer, format="PNG")
    finally:
        pdf.close()
    return buffer.getvalue()


def level_badge_png(level_number: int) -> bytes:
    """The level's badge as a PNG, rendered from its SVG once and then cached."""
    # The key follows the SVG's content, so that a redrawn badge is rendered again.
    svg = finders.find(f"img/badge-level-{level_number}.svg")
    if not svg:
        raise Http404
    version = hashlib.sha256(Path(str(svg)).read_bytes()).hexdigest()[:16]
    key = f"academy:badge-png:{level_number}:{version}"
    png = cache.get(key)
    if png is None:
        png = _render_level_png(level_number)
        cache.set(key, png, None)
    return bytes(png)


def bake(png: bytes, assertion: str) -> bytes:
    """The PNG with the assertion (its URL or JSON) in an `openbadges` iTXt chunk."""
    image = Image.open(io.BytesIO(png))
    info = PngInfo()
    info.add_itxt(BAKING_KEYWORD, assertion)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def baked_badge_png(badge: BadgeAssertion) -> bytes:
    return bake(level_badge_png(badge.level.number), assertion_url(badge))


def linkedin_add_url(certificate: Certificate) -> str:
    """LinkedIn's 'add licence or certification' form, filled in for this certificate."""
    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.course_title,
        "organizationName": settings.ASSOCIATION_NAME,
        "issueYear": certificate.completed_on.year,
        "issueMonth": certificate.completed_on.month,
        "certUrl": verification_url(certificate),
        "certId": str(certificate.code),
    }
    return f"{LINKEDIN_ADD_PROFILE}?{urlencode(query)}"
