"""Enrolling, cancelling, a person's own enrolments, colleagues and the staff participant list."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from atelier.academy.forms import BillingForm
from atelier.academy.models import Edition, Enrolment
from atelier.academy.selectors import enrolment as selectors
from atelier.academy.services.enrolment import (
    EnrolmentRefused,
    bills_as_member,
    cancel,
    enrol,
    may_cancel,
)
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.accounts.models import User
from atelier.lib.forms import Form


def _back(request: HttpRequest, default: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


def _enrolled_message(request: HttpRequest, enrolment: Enrolment, name: str = "") -> None:
    if enrolment.status == Enrolment.Status.CONFIRMED:
        text = _("%(name)s has a seat.") % {"name": name} if name else _("You have a seat.")
    else:
        text = (
            _("%(name)s is on the waitlist.") % {"name": name}
            if name
            else _("The edition is full: you are on the waitlist. We e-mail you when a seat frees.")
        )
    messages.success(request, text)


@login_required
@require_POST
def enrol_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Enrols the visitor; a paying non-member first gives the details for the invoice."""
    edition = get_object_or_404(Edition.objects.select_related("course"), pk=pk)
    person = user_of(request)
    billing = None
    if not edition.is_free and not bills_as_member(person):
        form = BillingForm(request.POST)
        if not form.is_valid():
            context = {"edition": edition, "billing_form": form, "next": request.POST.get("next")}
            return render(request, "academy/enrolment/billing.html", context, status=400)
        billing = form.billing_details()
    try:
        enrolment = enrol(edition=edition, person=person, by=person, billing=billing)
    except EnrolmentRefused as refusal:
        messages.error(request, refusal.message)
    else:
        _enrolled_message(request, enrolment)
    return _back(request, reverse("academy:edition", args=[edition.pk]))


class CancelForm(Form):
    reason = forms.CharField(label=gettext_lazy("Reason"), max_length=300, required=False)


def _asks_to_confirm(request: HttpRequest, enrolment: Enrolment) -> bool:
    """A person leaving their own place in line confirms first: the place is not given back."""
    return (
        enrolment.status == Enrolment.Status.WAITLISTED
        and enrolment.person_id == user_of(request).pk
        and request.POST.get("confirmed") != "yes"
    )


def _confirm_leaving_waitlist(request: HttpRequest, enrolment: Enrolment) -> HttpResponse:
    enrolment = (
        selectors.with_waitlist_position(Enrolment.objects.select_related("edition__course"))
        .filter(pk=enrolment.pk)
        .get()
    )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    context = {
        "enrolment": enrolment,
        "next": back,
        "back": back or reverse("academy:edition", args=[enrolment.edition_id]),
    }
    return render(request, "academy/enrolment/confirm_leave_waitlist.html", context)


@login_required
@require_POST
def cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_object_or_404(Enrolment.objects.select_related("person"), pk=pk)
    if not may_cancel(by=user_of(request), enrolment=enrolment):
        raise Http404  # someone else's enrolment is not there for this person
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if _asks_to_confirm(request, enrolment):
        return _confirm_leaving_waitlist(request, enrolment)
    try:
        cancel(enrolment=enrolment, by=user_of(request), reason=reason)
    except EnrolmentRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The enrolment is cancelled."))
    return _back(request, reverse("academy:edition", args=[enrolment.edition_id]))


@login_required
def my_enrolments(request: HttpRequest) -> HttpResponse:
    mine = selectors.enrolments_of(user_of(request))
    return render(request, "academy/enrolment/my_enrolments.html", {"mine": mine})


@login_required
def enrol_colleagues(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_object_or_404(Edition.objects.select_related("course"), pk=pk)
    if not selectors.is_coordinator(user_of(request)):
        raise PermissionDenied
    results: list[tuple[User, str, bool]] = []
    if request.method == "POST":
        results = _enrol_chosen(request, edition)
        edition.refresh_from_db()
    colleagues = selectors.colleagues_for_enrolment(coordinator=user_of(request), edition=edition)
    context = {"edition": edition, "colleagues": colleagues, "results": results}
    return render(request, "academy/enrolment/colleagues.html", context)


def _enrol_chosen(request: HttpRequest, edition: Edition) -> list[tuple[User, str, bool]]:
    """Enrols each ticked colleague; per person the outcome and whether it worked."""
    chosen = [int(pk) for pk in request.POST.getlist("person") if pk.isdigit()]
    results = []
    people = User.objects.filter(pk__in=chosen).order_by("last_name", "first_name")
    for person in people:
        try:
            enrolment = enrol(edition=edition, person=person, by=user_of(request))
        except EnrolmentRefused as refusal:
            results.append((person, refusal.message, False))
        else:
            results.append((person, enrolment.get_status_display(), True))
    if not chosen:
        messages.error(request, _("Tick at least one colleague."))
    return results


class OverrideEnrolmentForm(Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address of the person"))
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        max_length=300,
        help_text=gettext_lazy("Needed to enrol past the capacity or the deadline."),
    )

    def clean_email(self) -> User:
        person = User.objects.filter(email__iexact=self.cleaned_data["email"]).first()
        if person is None:
            raise forms.ValidationError(_("Nobody has this e-mail address."))
        return person


@staff_required
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_object_or_404(Edition.objects.select_related("course__level"), pk=pk)
    form = OverrideEnrolmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["email"]
        try:
            enrolment = enrol(
                edition=edition,
                person=person,
                by=user_of(request),
                override_reason=form.cleaned_data["reason"],
            )
        except EnrolmentRefused as refusal:
            messages.error(request, refusal.message)
        else:
            _enrolled_message(request, enrolment, str(person))
            return redirect("academy:participants", pk=edition.pk)
    context = {
        "edition": edition,
        "participants": selectors.participants_of(edition),
        "form": form,
    }
    return render(request, "academy/enrolment/participants.html", context)
