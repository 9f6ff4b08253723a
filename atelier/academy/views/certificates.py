"""Certificates: the holder's list and PDF, public verification, issuing, Open Badges."""

from email.utils import parseaddr

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from atelier.academy.models import BadgeAssertion, Certificate, Edition, Level
from atelier.academy.selectors.attendance import attendance_grid
from atelier.academy.services.certificates import (
    absolute_url,
    certificate_pdf,
    hashed_identity,
    issue_certificates,
    verification_url,
)
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.accounts.models import Role, User
from atelier.api.auth import accepts_api_token

OPEN_BADGES_CONTEXT = "https://w3id.org/openbadges/v2"
JSON_LD = "application/ld+json"


@login_required
def my_certificates(request: HttpRequest) -> HttpResponse:
    certificates = Certificate.objects.filter(enrolment__person=user_of(request)).order_by(
        "-completed_on", "-pk"
    )
    return render(request, "academy/certificates/mine.html", {"certificates": certificates})


def _may_download(user: User, certificate: Certificate) -> bool:
    enrolment = certificate.enrolment
    if user.is_association_staff or enrolment.person_id == user.pk:
        return True
    return bool(
        user.role == Role.COORDINATOR
        and enrolment.organisation_id
        and enrolment.organisation_id == user.organisation_id
    )


@accepts_api_token
@login_required
def certificate_download(request: HttpRequest, code: str) -> HttpResponse:
    certificate = get_object_or_404(Certificate.objects.select_related("enrolment"), code=code)
    if not _may_download(user_of(request), certificate):
        raise Http404
    response = HttpResponse(certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response


def verify(request: HttpRequest, code: str) -> HttpResponse:
    certificate = Certificate.objects.filter(code=code).first()
    if certificate is None:
        return render(request, "academy/certificates/unknown.html", status=404)
    return render(request, "academy/certificates/verify.html", {"certificate": certificate})


@staff_required
@require_http_methods(["GET", "POST"])
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_object_or_404(Edition.objects.select_related("course__level"), pk=pk)
    if request.method == "POST":
        issued = issue_certificates(edition=edition, by=user_of(request))
        messages.success(
            request,
            ngettext("%(count)d certificate issued.", "%(count)d certificates issued.", len(issued))
            % {"count": len(issued)},
        )
        return redirect("academy:issue_certificates", pk=edition.pk)
    grid = attendance_grid(edition)
    held = dict(
        Certificate.objects.filter(enrolment__edition=edition).values_list("enrolment_id", "code")
    )
    context = {
        "edition": edition,
        "grid": grid,
        "rows": [(row, held.get(row.enrolment.pk)) for row in grid.rows],
        "share": int(edition.course.attendance_share * 100),
        "to_issue": sum(1 for row in grid.rows if row.meets_rule and row.enrolment.pk not in held),
    }
    return render(request, "academy/certificates/issue.html", context)


def _json(data: dict[str, object], status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, content_type=JSON_LD)


def _issuer_url() -> str:
    return absolute_url(reverse("academy:badge_issuer"))


def badge_issuer(request: HttpRequest) -> JsonResponse:
    return _json(
        {
            "@context": OPEN_BADGES_CONTEXT,
            "type": "Profile",
            "id": _issuer_url(),
            "name": settings.ASSOCIATION_NAME,
            "url": settings.SITE_URL,
            "email": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
        }
    )


def badge_class(request: HttpRequest, number: int) -> JsonResponse:
    level = get_object_or_404(Level, number=number)
    return _json(
        {
            "@context": OPEN_BADGES_CONTEXT,
            "type": "BadgeClass",
            "id": absolute_url(reverse("academy:badge_class", args=[number])),
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
            "issuer": _issuer_url(),
        }
    )


def badge_assertion(request: HttpRequest, uid: str) -> JsonResponse:
    badge = get_object_or_404(
        BadgeAssertion.objects.select_related("recipient", "level", "certificate"), uid=uid
    )
    assertion_url = absolute_url(reverse("academy:badge_assertion", args=[badge.uid]))
    if badge.revoked_at or badge.certificate.revoked_at:
        return _json({"@context": OPEN_BADGES_CONTEXT, "id": assertion_url, "revoked": True}, 410)
    return _json(
        {
            "@context": OPEN_BADGES_CONTEXT,
            "type": "Assertion",
            "id": assertion_url,
            "recipient": {
                "type": "email",
                "hashed": True,
                "salt": badge.salt,
                "identity": hashed_identity(badge.recipient.email, badge.salt),
            },
            "badge": absolute_url(reverse("academy:badge_class", args=[badge.level.number])),
            "verification": {"type": "hosted"},
            "issuedOn": badge.issued_on.isoformat(),
            "evidence": verification_url(badge.certificate),
        }
    )
