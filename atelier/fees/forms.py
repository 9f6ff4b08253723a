import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atelier.lib.forms import DateInput, Form
from atelier.lib.uploads import check_upload_size

from .models import FeeBasis, Invoice
from .selectors import creditable_amount, credited_amount
from .services import BracketInput


def money_field(label: Any, **options: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, max_digits=12, decimal_places=2, min_value=Decimal("0"), **options
    )


def rate_field(label: Any, **options: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, max_digits=10, decimal_places=4, min_value=Decimal("0"), **options
    )


def this_year() -> int:
    return timezone.localdate().year


class TariffForm(Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    reference_date = forms.DateField(
        label=_("Population reference date"),
        widget=DateInput(),
        help_text=_("Fees use the inhabitants and residents counted on this date."),
    )
    indexation_percent = forms.DecimalField(
        label=_("Indexation (%)"),
        max_digits=6,
        decimal_places=3,
        initial=Decimal("0"),
        help_text=_("Raises every computed fee by this percentage, before minimum and maximum."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)


class TariffCopyForm(Form):
    year = forms.IntegerField(label=_("Year of the new tariff"), min_value=2000, max_value=2100)


class TariffRuleForm(Form):
    basis = forms.ChoiceField(label=_("Basis"), choices=FeeBasis.choices)
    rate = rate_field(
        _("Rate (€ per inhabitant or resident)"),
        help_text=_("Applies up to the first bracket, or to everyone without brackets."),
    )
    flat_amount = money_field(_("Flat fee (€)"))
    minimum = money_field(_("Minimum (€)"), required=False)
    maximum = money_field(_("Maximum (€)"), required=False)
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict:
        data = super().clean() or {}
        low, high = data.get("minimum"), data.get("maximum")
        if low is not None and high is not None and high < low:
            self.add_error("maximum", _("The maximum is below the minimum."))
        return data


class BracketForm(Form):
    """A bracket row: both fields, or neither (an empty row is skipped)."""

    from_population = forms.IntegerField(
        label=_("From (inhabitants or residents)"), min_value=0, required=False
    )
    rate = rate_field(_("Rate (€ each)"), required=False)

    def clean(self) -> dict:
        data = super().clean() or {}
        low, rate = data.get("from_population"), data.get("rate")
        if low is None and rate is not None:
            self.add_error("from_population", _("Give the number the bracket starts at."))
        if low is not None and rate is None:
            self.add_error("rate", _("Give the bracket's rate."))
        return data


class BaseBracketFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            low = form.cleaned_data.get("from_population")
            if low is None or form.cleaned_data.get("DELETE"):
                continue
            if low in seen:
                raise forms.ValidationError(_("Two brackets start at %(value)s.") % {"value": low})
            seen.add(low)

    def brackets(self) -> list[BracketInput]:
        return sorted(
            (
                BracketInput(form.cleaned_data["from_population"], form.cleaned_data["rate"])
                for form in self.forms
                if form.cleaned_data.get("from_population") is not None
                and not form.cleaned_data.get("DELETE")
            ),
            key=lambda bracket: bracket.from_population,
        )


BracketFormSet = forms.formset_factory(
    BracketForm, formset=BaseBracketFormSet, extra=3, can_delete=True, max_num=20
)


class IssueRunForm(Form):
    issued_on = forms.DateField(label=_("Invoice date"), widget=DateInput())
    leave_out_problems = forms.BooleanField(
        label=_("Leave the members without a fee out of this run"), required=False
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["issued_on"].initial = timezone.localdate()


class CreditForm(Form):
    amount = money_field(_("Amount to credit (€)"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    corrected_amount = money_field(
        _("Corrected amount (€)"),
        required=False,
        help_text=_("Fill in to issue a corrected invoice together with the credit note."),
    )
    issued_on = forms.DateField(label=_("Date"), widget=DateInput())
    credited_before = forms.DecimalField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: object, invoice: Invoice, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["amount"].initial = creditable_amount(invoice)
        self.fields["credited_before"].initial = credited_amount(invoice)
        self.fields["issued_on"].initial = timezone.localdate()


class InvoiceFilterForm(Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label=_("Member, number or communication"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("Invoices and credit notes")),
            ("invoice", _("Invoices")),
            ("credit_note", _("Credit notes")),
        ],
    )


class BankFileForm(Form):
    file = forms.FileField(
        label=_("Bank statement"),
        help_text=_(
            "CSV export of your bank (with a header line naming date, amount and communication) "
            "or a CODA file."
        ),
    )

    def clean_file(self):  # type: ignore[no-untyped-def]
        return check_upload_size(self.cleaned_data["file"], "fees:bank_import")


def default_reference_date(year: int) -> datetime.date:
    return datetime.date(year - 1, 1, 1)
