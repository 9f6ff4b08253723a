"""Billing settings (cancellation credit, reminder days, accounts) and the accounting export."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from atelier.accounts.access import user_of
from atelier.accounts.decorators import administrator_required

from .accounting_export import accounting_response
from .collection_forms import BillingSettingsForm, PeriodForm
from .models import BillingSettings
from .services import FeeError
from .settings_service import update_billing_settings


@administrator_required
@require_http_methods(["GET", "POST"])
def billing_settings(request: HttpRequest) -> HttpResponse:
    current = BillingSettings.current()
    form = BillingSettingsForm(
        request.POST or None, instance=current, initial={"revision": current.revision}
    )
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in BillingSettingsForm.Meta.fields}
        try:
            update_billing_settings(
                revision=form.cleaned_data["revision"], values=values, by=user_of(request)
            )
        except FeeError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The billing settings were saved."))
            return redirect("fees:billing_settings")
    return render(request, "fees/billing_settings.html", {"form": form})


@administrator_required
@require_GET
def accounting(request: HttpRequest) -> HttpResponse:
    return render(request, "fees/accounting.html", {"form": PeriodForm()})


@administrator_required
@require_GET
def accounting_export(request: HttpRequest, file_format: str) -> HttpResponse:
    if file_format not in ("csv", "xlsx"):
        raise Http404
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return render(request, "fees/accounting.html", {"form": form}, status=400)
    return accounting_response(form.cleaned_data["start"], form.cleaned_data["end"], file_format)
