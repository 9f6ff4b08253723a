"""Bid scoring pages: the bids, the jury, a juror's own score sheet, the results and the report.

Every page looks the tender up first (404 for those who may not see it), then checks the
method, so that a tender's URLs tell an outsider nothing.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from atelier.accounts.access import user_of
from atelier.guidance.models import TenderJuror
from atelier.guidance.services import scoring as services
from atelier.guidance.services.rules import text
from atelier.lib.forms import DateInput, Form
from atelier.lib.pdf import html_to_pdf

TenderView = Callable[..., HttpResponse]


def tender_view(*methods: str) -> Callable[[TenderView], TenderView]:
    """Resolve the tender and the person's access (404 for others) before the method check."""

    def decorator(view: TenderView) -> TenderView:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, tender_pk: int, **kwargs: Any) -> HttpResponse:
            access = services.tender_access(user_of(request), tender_pk)
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, access, **kwargs)

        return wrapped

    return decorator


def _require_project(access: services.TenderAccess, *, write: bool = False) -> None:
    if not access.on_project:
        raise Http404
    if write and not access.may_edit:
        raise PermissionDenied


def _attempt(request: HttpRequest, service: Callable[..., Any], **arguments: Any) -> bool:
    """Call a service; its refusal becomes an error message."""
    try:
        service(**arguments)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
        return False
    return True


class BidForm(Form):
    bidder = forms.CharField(label=gettext_lazy("Bidder"), max_length=200)
    price = forms.DecimalField(
        label=gettext_lazy("Price excl. VAT (euro)"),
        max_digits=12,
        decimal_places=2,
        min_value=0.01,
    )
    received_on = forms.DateField(
        label=gettext_lazy("Received on"),
        required=False,
        widget=DateInput(),
    )


class JurorForm(Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        help_text=gettext_lazy("The juror needs an account on Atelier."),
    )
    role = forms.CharField(
        label=gettext_lazy("On behalf of"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "jury-roles"}),
    )


def _context(access: services.TenderAccess, **more: Any) -> dict[str, Any]:
    return {"tender": access.tender, "project": access.tender.project, "access": access, **more}


def _posted_to(
    request: HttpRequest, access: services.TenderAccess, form: Form, service: Callable[..., Any]
) -> bool:
    """A valid form of the bids or jury page, passed to its service; False shows the page again."""
    if request.method != "POST" or not form.is_valid():
        return False
    arguments = {"tender": access.tender, **form.cleaned_data, "by": user_of(request)}
    return _attempt(request, service, **arguments)


@tender_view("GET", "POST")
def bids(request: HttpRequest, access: services.TenderAccess) -> HttpResponse:
    _require_project(access, write=request.method == "POST")
    form = BidForm(request.POST or None)
    if _posted_to(request, access, form, services.add_bid):
        messages.success(request, _("The bid is recorded."))
        return redirect("guidance:bids", tender_pk=access.tender.pk)
    listed = access.tender.bids.order_by("bidder")
    return render(request, "guidance/scoring/bids.html", _context(access, bids=listed, form=form))


@tender_view("POST")
def bid_remove(request: HttpRequest, access: services.TenderAccess, bid_pk: int) -> HttpResponse:
    _require_project(access, write=True)
    bid = access.tender.bids.filter(pk=bid_pk).first()
    if bid is None:  # removed by a first click or in another tab
        messages.info(request, _("The bid is removed."))
    elif _attempt(request, services.remove_bid, bid=bid, by=user_of(request)):
        messages.success(request, _("The bid is removed."))
    return redirect("guidance:bids", tender_pk=access.tender.pk)


@tender_view("GET", "POST")
def jury(request: HttpRequest, access: services.TenderAccess) -> HttpResponse:
    _require_project(access, write=request.method == "POST")
    form = JurorForm(request.POST or None)
    if _posted_to(request, access, form, services.add_juror):
        messages.success(request, _("The juror is on the jury."))
        return redirect("guidance:jury", tender_pk=access.tender.pk)
    jurors = access.tender.jurors.select_related("person", "submission").order_by("pk")
    roles = [text(role, translation.get_language() or "nl") for role in _jury_roles(access)]
    context = _context(access, jurors=jurors, form=form, roles=roles)
    return render(request, "guidance/scoring/jury.html", context)


def _jury_roles(access: services.TenderAccess) -> list[Any]:
    roles = access.tender.rules.data.get("jury_roles")
    return roles if isinstance(roles, list) else []


@tender_view("POST")
def juror_remove(
    request: HttpRequest, access: services.TenderAccess, juror_pk: int
) -> HttpResponse:
    _require_project(access, write=True)
    juror = access.tender.jurors.filter(pk=juror_pk).first()
    if juror is None:  # removed by a first click or in another tab
        messages.info(request, _("The juror is off the jury."))
    elif _attempt(request, services.remove_juror, juror=juror, by=user_of(request)):
        messages.success(request, _("The juror is off the jury."))
    return redirect("guidance:jury", tender_pk=access.tender.pk)


@tender_view("GET", "POST")
def score(request: HttpRequest, access: services.TenderAccess) -> HttpResponse:
    juror = access.juror
    if juror is None:
        return render(request, "guidance/scoring/not_juror.html", _context(access), status=403)
    if request.method == "POST" and access.has_submitted:  # a second click, a stale tab
        messages.info(request, _("Your scores are submitted already: they can no longer change."))
        return redirect("guidance:score", tender_pk=access.tender.pk)
    posted = _posted(request, access) if request.method == "POST" else None
    if posted is not None and _save_and_maybe_submit(request, juror, posted):
        return redirect("guidance:score", tender_pk=access.tender.pk)
    sheet = services.score_sheet(juror, posted)
    context = _context(access, juror=juror, sheet=sheet, levels=range(11))
    return render(request, "guidance/scoring/score.html", context)


def _posted(request: HttpRequest, access: services.TenderAccess) -> services.Posted:
    """The radio buttons and notes of the score sheet; an unchecked score is no score."""
    values: dict[services.Cell, int | None] = {}
    notes: dict[services.Cell, str] = {}
    for bid_pk, criterion_pk in services.score_cells(access.tender):
        raw = request.POST.get(f"score-{bid_pk}-{criterion_pk}", "")
        values[(bid_pk, criterion_pk)] = int(raw) if raw.isdigit() else None
        notes[(bid_pk, criterion_pk)] = request.POST.get(f"note-{bid_pk}-{criterion_pk}", "")
    return values, notes


def _save_and_maybe_submit(
    request: HttpRequest, juror: TenderJuror, posted: services.Posted
) -> bool:
    by = user_of(request)
    with_values = {"juror": juror, "values": posted[0], "notes": posted[1], "by": by}
    if not _attempt(request, services.save_scores, **with_values):
        return False
    if "submit" not in request.POST:
        messages.success(request, _("Your scores are saved. You can change them until you submit."))
        return True
    if not _attempt(request, services.submit_scores, juror=juror, by=by):
        return True  # saved; what is still missing is shown as messages
    messages.success(request, _("Your scores are submitted. You now see the other jurors' scores."))
    return True


def _require_results_reader(access: services.TenderAccess) -> None:
    if not access.on_project and not access.has_submitted:
        raise Http404


@tender_view("GET")
def results(request: HttpRequest, access: services.TenderAccess) -> HttpResponse:
    _require_results_reader(access)
    outcome = services.tender_results(access.tender)
    lines = services.bid_lines(outcome)
    differ_at = services.jurors_differ_at(access.tender)
    context = _context(access, results=outcome, lines=lines, differ_at=differ_at)
    return render(request, "guidance/scoring/results.html", context)


@tender_view("GET")
def report(request: HttpRequest, access: services.TenderAccess) -> HttpResponse:
    _require_results_reader(access)
    tender = access.tender
    outcome = services.tender_results(tender)
    if outcome.result is None:
        messages.error(request, _("The report is ready once every juror has submitted."))
        return redirect("guidance:results", tender_pk=tender.pk)
    with translation.override(tender.language):
        lines, differ_at = services.bid_lines(outcome), services.jurors_differ_at(tender)
        context = _context(access, results=outcome, lines=lines, differ_at=differ_at)
        context["price_formula"] = text(tender.rules.data.get("price_formula"), tender.language)
        html = render_to_string("guidance/scoring/report_pdf.html", context)
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="award-report-{tender.pk}.pdf"'
    return response
