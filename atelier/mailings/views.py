from django.contrib import messages
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.academy.models import CourseKind, Edition
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required

from .body import html_body
from .forms import InvitationForm, MailingForm, SegmentForm
from .invitations import invitation_text, suggested_segment
from .models import Mailing, MailingKind, Segment
from .selectors import segment_contacts
from .services import (
    MailingError,
    queue_mailing,
    read_unsubscribe_token,
    save_mailing,
    save_segment,
    send_test,
    unsubscribe,
)

PAGE_SIZE = 100
SAMPLE = {"name": "Vera Celis", "function": "algemeen directeur", "organisation": "Geel"}


@staff_required
@require_GET
def mailing_list(request: HttpRequest) -> HttpResponse:
    mailings = Mailing.objects.select_related("segment")
    context = {
        "mailings": Paginator(mailings, PAGE_SIZE).get_page(request.GET.get("page")),
        "segments": Segment.objects.all(),
    }
    return render(request, "mailings/mailing_list.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def segment_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    segment = get_object_or_404(Segment, pk=pk) if pk else None
    initial: dict = {}
    # A seminar's suggested segment: the form prefilled, saved with one click.
    edition = _edition_of(request.GET.get("edition")) if segment is None else None
    if edition is not None:
        initial = suggested_segment(edition)
    if segment is not None:
        initial = {
            name: getattr(segment, name)
            for name in ("name", "function_kinds", "member_types", "size_classes", "languages")
        } | {"topics": segment.topics.all(), "provinces": segment.provinces.all()}
    form = SegmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        segment = save_segment(segment=segment, by=user_of(request), **form.cleaned_data)
        messages.success(request, _("The segment was saved."))
        if edition is not None:
            invite = reverse("mailings:invite", args=[edition.pk])
            return redirect(f"{invite}?segment={segment.pk}")
        return redirect("mailings:segment", pk=segment.pk)
    context = {
        "form": form,
        "segment": segment,
        "count": segment_contacts(segment).count() if segment else None,
    }
    return render(request, "mailings/segment_form.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def mailing_create(request: HttpRequest) -> HttpResponse:
    form = MailingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mailing = save_mailing(mailing=None, by=user_of(request), **form.cleaned_data)
        return redirect("mailings:detail", pk=mailing.pk)
    return render(request, "mailings/mailing_form.html", {"form": form})


def _edition_of(pk: str | None) -> Edition | None:
    if not pk or not pk.isdigit():
        return None
    return get_object_or_404(Edition.objects.select_related("course"), pk=int(pk))


@staff_required
@require_http_methods(["GET", "POST"])
def edition_invite(request: HttpRequest, edition_pk: int) -> HttpResponse:
    """A new invitation to an edition, prefilled; staff pick (or make) the segment."""
    edition = get_object_or_404(Edition.objects.select_related("course"), pk=edition_pk)
    subject, body = invitation_text(edition)
    initial: dict[str, object] = {"subject": subject, "body": body, "kind": MailingKind.INVITATION}
    chosen = request.GET.get("segment", "")
    if chosen.isdigit():
        initial["segment"] = Segment.objects.filter(pk=int(chosen)).first()
    form = InvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        mailing = save_mailing(
            mailing=None, by=user_of(request), edition=edition, **form.cleaned_data
        )
        return redirect("mailings:detail", pk=mailing.pk)
    context = {
        "form": form,
        "edition": edition,
        "suggests_segment": edition.course.kind == CourseKind.SEMINAR,
    }
    return render(request, "mailings/invitation_form.html", context)


@staff_required
@require_GET
def mailing_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mailing = get_object_or_404(Mailing.objects.select_related("segment", "edition__course"), pk=pk)
    deliveries = mailing.deliveries.order_by("email")
    context = {
        "mailing": mailing,
        "preview": html_body(mailing.body, SAMPLE),
        "count": segment_contacts(mailing.segment).count(),
        "by_status": dict(
            deliveries.order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        ),
        "page": Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "mailings/mailing_detail.html", context)


@staff_required
@require_POST
def mailing_test(request: HttpRequest, pk: int) -> HttpResponse:
    mailing = get_object_or_404(Mailing, pk=pk)
    send_test(mailing=mailing, to=user_of(request))
    messages.success(request, _("A test was sent to your own address."))
    return redirect("mailings:detail", pk=mailing.pk)


@staff_required
@require_POST
def mailing_send(request: HttpRequest, pk: int) -> HttpResponse:
    mailing = get_object_or_404(Mailing, pk=pk)
    try:
        queued = queue_mailing(mailing=mailing, by=user_of(request))
    except MailingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("The mailing is being sent to %(count)s addresses.") % {"count": queued.recipients},
        )
    return redirect("mailings:detail", pk=mailing.pk)


@require_http_methods(["GET", "POST"])
def unsubscribe_view(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in: the signed link is the proof. GET asks, POST acts (mail scanners GET)."""
    try:
        email, kind = read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "mailings/unsubscribe.html", {"invalid": True}, status=404)
    done = None
    if request.method == "POST":
        done = "new" if unsubscribe(token=token) else "already"
    context = {"email": email, "kind": kind, "done": done}
    return render(request, "mailings/unsubscribe.html", context)
