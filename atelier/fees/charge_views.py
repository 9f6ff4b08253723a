"""Charge pages: the staff list and charges run, and an organisation's own charges."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from atelier.accounts.access import user_of
from atelier.accounts.decorators import administrator_required

from . import selectors
from .charges import run_charges
from .collection_forms import ChargeFilterForm, ChargesRunForm
from .models import ChargeRun

PAGE_SIZE = 50


def _with_states(page):  # type: ignore[no-untyped-def]
    for charge in page:
        charge.state = selectors.charge_state(charge)
    return page


@administrator_required
@require_GET
def charge_list(request: HttpRequest) -> HttpResponse:
    form = ChargeFilterForm(request.GET)
    state = form.cleaned_data["state"] if form.is_valid() else ""
    charges = selectors.filter_charges(selectors.charges_with_invoice(), state)
    page = _with_states(Paginator(charges, PAGE_SIZE).get_page(request.GET.get("page")))
    context = {
        "form": form,
        "page": page,
        "query": f"state={state}",
        "to_invoice": selectors.filter_charges(
            selectors.charges_with_invoice(), selectors.ChargeState.TO_INVOICE
        ).count(),
        "run_form": ChargesRunForm(),
        "runs": ChargeRun.objects.select_related("created_by")[:10],
    }
    return render(request, "fees/charge_list.html", context)


@administrator_required
@require_POST
def charges_run(request: HttpRequest) -> HttpResponse:
    form = ChargesRunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the invoice date."))
        return redirect("fees:charge_list")
    run = run_charges(issued_on=form.cleaned_data["issued_on"], by=user_of(request))
    if run.invoice_count:
        message = ngettext(
            "%(count)s invoice was issued for the charges.",
            "%(count)s invoices were issued for the charges.",
            run.invoice_count,
        )
        messages.success(request, message % {"count": run.invoice_count})
    else:
        messages.info(request, _("There were no charges to invoice."))
    return redirect("fees:charge_list")
