"""Payments to follow up: lines to match by hand, money to refund, matches to undo."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from atelier.accounts.access import user_of
from atelier.accounts.decorators import administrator_required

from . import payment_follow_up as follow_up
from .collection_forms import HoldForm, ManualMatchForm, RefundForm, UnmatchForm
from .models import BankLine, Invoice, Payment
from .reminders import hold_reminders
from .views import fee_action

PAGE_SIZE = 50


@administrator_required
@require_GET
def payments_to_follow_up(request: HttpRequest) -> HttpResponse:
    page = Paginator(follow_up.lines_to_match(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "to_refund": follow_up.with_refundable_amounts(list(follow_up.lines_to_refund())),
        "match_form": ManualMatchForm(),
        "refund_form": RefundForm(),
    }
    return render(request, "fees/payments_follow_up.html", context)


def _form_errors(form) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@administrator_required
@require_POST
def match_line(request: HttpRequest, pk: int) -> HttpResponse:
    line = get_object_or_404(BankLine, pk=pk)
    form = ManualMatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("fees:payments_follow_up")
    invoice = follow_up.invoice_by_number(form.cleaned_data["invoice_number"])
    if invoice is None:
        messages.error(request, _("No invoice has this number."))
        return redirect("fees:payments_follow_up")
    reason = form.cleaned_data["reason"]
    if fee_action(
        request,
        follow_up.match_bank_line,
        line=line,
        invoice=invoice,
        reason=reason,
        by=user_of(request),
    ):
        messages.success(request, _("The payment was booked on %(number)s.") % {"number": invoice})
    return redirect("fees:payments_follow_up")


@administrator_required
@require_POST
def refund_line(request: HttpRequest, pk: int) -> HttpResponse:
    line = get_object_or_404(BankLine, pk=pk)
    form = RefundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _form_errors(form))
        return redirect("fees:payments_follow_up")
    if fee_action(
        request,
        follow_up.record_refund,
        line=line,
        refunded_on=form.cleaned_data["refunded_on"],
        note=form.cleaned_data["note"],
        by=user_of(request),
    ):
        messages.success(request, _("The refund was recorded."))
    return redirect("fees:payments_follow_up")


@administrator_required
@require_POST
def unmatch(request: HttpRequest, pk: int) -> HttpResponse:
    payment = get_object_or_404(Payment, pk=pk)
    form = UnmatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for undoing the match."))
        return redirect("fees:invoice_detail", pk=payment.invoice_id)
    reason = form.cleaned_data["reason"]
    if fee_action(
        request, follow_up.unmatch_payment, payment=payment, reason=reason, by=user_of(request)
    ):
        messages.success(request, _("The payment was taken off the invoice; match it again."))
    return redirect("fees:invoice_detail", pk=payment.invoice_id)


@administrator_required
@require_POST
def hold(request: HttpRequest, pk: int) -> HttpResponse:
    """Holds or releases the reminders of an invoice."""
    invoice = get_object_or_404(Invoice, pk=pk)
    form = HoldForm(request.POST)
    on_hold = form.is_valid() and form.cleaned_data["on_hold"]
    reason = form.cleaned_data.get("reason", "") if form.is_valid() else ""
    if fee_action(
        request,
        hold_reminders,
        invoice=invoice,
        on_hold=on_hold,
        reason=reason,
        by=user_of(request),
    ):
        text = _("Reminders are on hold.") if on_hold else _("Reminders go out again.")
        messages.success(request, text)
    return redirect("fees:invoice_detail", pk=invoice.pk)
