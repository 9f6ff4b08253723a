"""Forms for charges, payments by hand, refunds, reminders and the accounting export."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atelier.lib.forms import DateInput, Form

from .models import BillingSettings


def date_field(label: Any, **options: Any) -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput(), **options)


class ChargesRunForm(Form):
    issued_on = date_field(_("Invoice date"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["issued_on"].initial = timezone.localdate()


class ChargeFilterForm(Form):
    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("all charges")),
            ("to_invoice", _("to invoice")),
            ("invoiced", _("invoiced")),
            ("cancelled", _("cancelled")),
        ],
    )


class ManualMatchForm(Form):
    invoice_number = forms.CharField(
        label=_("Invoice number"), max_length=20, help_text=_("For example F2026-00012.")
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)


class UnmatchForm(Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class RefundForm(Form):
    refunded_on = date_field(_("Refunded on"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["refunded_on"].initial = timezone.localdate()


class HoldForm(Form):
    on_hold = forms.BooleanField(label=_("Hold the reminders"), required=False)
    reason = forms.CharField(label=_("Why"), max_length=300, required=False)


class BillingSettingsForm(forms.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = BillingSettings
        fields = [
            "cancellation_credit",
            "cancellation_credit_percent",
            "first_reminder_days",
            "second_reminder_days",
            "formal_notice_days",
            "fees_account",
            "charges_account",
            "receivables_account",
            "bank_account",
            "vat_code",
        ]

    def clean(self) -> dict:
        data = super().clean() or {}
        days = [data.get(name) for name in self.Meta.fields[2:5]]
        if None not in days and not days[0] < days[1] < days[2]:  # type: ignore[operator]
            raise forms.ValidationError(
                _("Each reminder comes after the one before: first, then second, then notice.")
            )
        return data


class PeriodForm(Form):
    start = date_field(_("From"))
    end = date_field(_("Until"))

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        today = timezone.localdate()
        self.fields["start"].initial = datetime.date(today.year, 1, 1)
        self.fields["end"].initial = today

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError(_("The end of the period comes before its start."))
        return data


ZERO = Decimal("0.00")
