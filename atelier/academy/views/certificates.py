"""Certificates: the holder's list and PDF, public verification, issuing, Open Badges."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from atelier.academy.models import BadgeAssertion, Certificate, Edition, Level
from atelier.academy.selectors.attendance import attendance_grid
from atelier.academy.selectors.certificates import certificates_with_badges
from atelier.academy.services import badges
from atelier.academy.services.certificates import certificate_pdf, issue_certificates
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.accounts.models import Role, User
from atelier.api.auth import accepts_api_token

JSON_LD = "application/ld+json"


@login_required
def my_certificates(request: HttpRequest) -> HttpResponse:
    held = certificates_with_badges(user_of(request))
    return render(request, "academy/certificates/mine.html", {"held": held})


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
    badge = badges.badge_for_certificate(certificate)
    badge_url = badges.assertion_url(badge) if badge and not certificate.revoked_at else ""
    pdf = certificate_pdf(certificate, badge_url=badge_url)
    response = HttpResponse(pdf, content_type="application/pdf")
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


def badge_issuer(request: HttpRequest) -> JsonResponse:
    return _json(badges.issuer_json())


def badge_class(request: HttpRequest, number: int, language: str) -> JsonResponse:
    if language != badges.badge_language(language):
        raise Http404
    return _json(badges.badge_class_json(get_object_or_404(Level, number=number), language))


def _badge(uid: str) -> BadgeAssertion:
    return get_object_or_404(
        BadgeAssertion.objects.select_related("recipient", "level", "certificate"), uid=uid
    )


def badge_assertion(request: HttpRequest, uid: str) -> JsonResponse:
    badge = _badge(uid)
    if badge.revoked_at or badge.certificate.revoked_at:
        revoked = {"@context": badges.OPEN_BADGES_CONTEXT, "id": badges.assertion_url(badge)}
        return _json(revoked | {"revoked": True}, 410)
    return _json(badges.assertion_json(badge))


def badge_png(request: HttpRequest, uid: str) -> HttpResponse:
    """The baked badge: the level's image carrying the assertion's address."""
    badge = _badge(uid)
    if badge.revoked_at or badge.certificate.revoked_at:
        raise Http404
    response = HttpResponse(badges.baked_badge_png(badge), content_type="image/png")
    filename = f"badge-level-{badge.level.number}-{badge.uid}.png"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
