"""Governance pages: association staff read everything, administrators change it."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.decorators import administrator_required, staff_required
from atelier.lib.htmx import HtmxHttpRequest

from . import selectors, services
from .charts import charts_for
from .forms import (
    AttendanceForm,
    BodyTargetsForm,
    CompositionDateForm,
    ElectionResultsForm,
    EndMandateForm,
    MandateForm,
    MeetingForm,
    WhatIfForm,
)
from .models import Body, Mandate, Meeting, Party, Term

GET_AND_POST = ["GET", "POST"]


def _bodies() -> QuerySet[Body]:
    return Body.objects.select_related("term", "parent")


def _mandate(pk: int) -> Mandate:
    return get_object_or_404(
        Mandate.objects.select_related("body__term", "representative", "organisation"), pk=pk
    )


@staff_required
@require_GET
def body_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {"bodies": selectors.body_list(today), "terms": Term.objects.all(), "today": today}
    return render(request, "governance/body_list.html", context)


@staff_required
@require_GET
def body_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(_bodies(), pk=pk)
    date_form = CompositionDateForm(request.GET)
    on = _composition_day(date_form)
    composition = selectors.composition(body=body, on=on)
    what_if_form = WhatIfForm(
        request.GET if "whatif-ask" in request.GET else None, composition=composition
    )
    context = {
        "body": body,
        "on": on,
        "is_today": on == timezone.localdate(),
        "date_form": date_form,
        "composition": composition,
        "charts": charts_for(composition),
        "what_if_form": what_if_form,
        "what_if": _what_if(what_if_form, body, on),
        "meetings": body.meetings.order_by("-held_on")[:10],
        "children": body.children.order_by("name_nl"),
    }
    template = "governance/body_detail.html"
    if request.htmx and not request.htmx.boosted:
        template += "#what-if-result"
    return render(request, template, context)


def _what_if(form: WhatIfForm, body: Body, on: datetime.date) -> selectors.WhatIf | None:
    if not form.is_bound or not form.is_valid():
        return None
    return selectors.what_if(
        body=body, candidate=form.candidate(), replacing=form.replacing_mandate(), on=on
    )


def _composition_day(form: CompositionDateForm) -> datetime.date:
    if form.is_valid() and form.cleaned_data["on"]:
        return form.cleaned_data["on"]  # type: ignore[no-any-return]
    return timezone.localdate()


@administrator_required
@require_http_methods(GET_AND_POST)
def body_edit(request: HttpRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(_bodies(), pk=pk)
    form = BodyTargetsForm.for_body(body, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        services.update_body_targets(body=body, targets=form.targets(), by=request.user)  # type: ignore[arg-type]
        messages.success(request, _("The targets were saved."))
        return redirect("governance:body_detail", pk=body.pk)
    return render(request, "governance/body_form.html", {"body": body, "form": form})


@administrator_required
@require_http_methods(GET_AND_POST)
def mandate_create(request: HttpRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(_bodies(), pk=pk)
    form = MandateForm(request.POST or None, body=body)
    if form.is_bound and form.is_valid():
        try:
            services.create_mandate(
                body=body,
                representative=form.person(),
                details=form.details(),
                by=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The mandate was added."))
            return redirect("governance:body_detail", pk=body.pk)
    return render(request, "governance/mandate_form.html", {"body": body, "form": form})


@administrator_required
@require_http_methods(GET_AND_POST)
def mandate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = _mandate(pk)
    form = MandateForm(request.POST or None, body=mandate.body, mandate=mandate)
    if form.is_bound and form.is_valid():
        try:
            services.update_mandate(mandate=mandate, details=form.details(), by=request.user)  # type: ignore[arg-type]
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The mandate was saved."))
            return redirect("governance:body_detail", pk=mandate.body_id)
    context = {"body": mandate.body, "mandate": mandate, "form": form}
    return render(request, "governance/mandate_form.html", context)


@administrator_required
@require_http_methods(GET_AND_POST)
def mandate_end(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = _mandate(pk)
    initial = {"ends_on": timezone.localdate()}
    form = EndMandateForm(request.POST or None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.end_mandate(
                mandate=mandate,
                ends_on=form.cleaned_data["ends_on"],
                by=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as error:
            form.add_error("ends_on", error)
        else:
            messages.success(request, _("The mandate was ended."))
            return redirect("governance:body_detail", pk=mandate.body_id)
    return render(request, "governance/mandate_end.html", {"mandate": mandate, "form": form})


@administrator_required
@require_POST
def mandate_seat(request: HttpRequest, pk: int) -> HttpResponse:
    mandate = _mandate(pk)
    try:
        services.seat_from_reserve(mandate=mandate, by=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s now holds a seat.") % {"name": mandate.representative.full_name},
        )
    return redirect("governance:body_detail", pk=mandate.body_id)


@staff_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    return render(request, "governance/meeting_list.html", {"meetings": selectors.meeting_list()})


@administrator_required
@require_http_methods(GET_AND_POST)
def meeting_create(request: HttpRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(_bodies(), pk=pk)
    form = MeetingForm(request.POST or None)
    if form.is_bound and form.is_valid():
        meeting = services.create_meeting(body=body, by=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("The meeting was added."))
        return redirect("governance:meeting_detail", pk=meeting.pk)
    return render(request, "governance/meeting_form.html", {"body": body, "form": form})


def _meeting(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body__term"), pk=pk)


@staff_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    sheet = selectors.attendance_sheet(meeting)
    context = {"meeting": meeting, "sheet": sheet, "quorum": selectors.quorum(meeting, sheet)}
    return render(request, "governance/meeting_detail.html", context)


@administrator_required
@require_http_methods(GET_AND_POST)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(pk)
    form = AttendanceForm(request.POST or None, sheet=selectors.attendance_sheet(meeting))
    if form.is_bound and form.is_valid():
        services.record_attendance(meeting=meeting, statuses=form.statuses(), by=request.user)  # type: ignore[arg-type]
        messages.success(request, _("The attendance was saved."))
        return redirect("governance:meeting_detail", pk=meeting.pk)
    return render(request, "governance/attendance_form.html", {"meeting": meeting, "form": form})


@staff_required
@require_GET
def election_results(request: HttpRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(Term, pk=pk)
    context = {"term": term, "results": selectors.term_results(term)}
    return render(request, "governance/election_results.html", context)


@administrator_required
@require_http_methods(GET_AND_POST)
def election_results_edit(request: HttpRequest, pk: int) -> HttpResponse:
    term = get_object_or_404(Term, pk=pk)
    votes = dict(term.election_results.values_list("party_id", "votes"))
    form = ElectionResultsForm(
        request.POST or None, parties=list(Party.objects.order_by("name")), votes=votes
    )
    if form.is_bound and form.is_valid():
        services.set_election_results(
            term=term,
            votes=form.votes(),
            new_party=form.new_party(),
            by=request.user,  # type: ignore[arg-type]
        )
        messages.success(request, _("The election results were saved."))
        return redirect("governance:election_results", pk=term.pk)
    return render(request, "governance/election_results_form.html", {"term": term, "form": form})
