"""Forms of the academy that several views share."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from atelier.academy.services.enrolment import BillingDetails
from atelier.lib.company_number import normalise_company_number, validate_company_number
from atelier.lib.forms import Form


class BillingForm(Form):
    """A non-member's billing details, asked before a paying enrolment is confirmed."""

    billing_name = forms.CharField(
        label=_("Invoice to (name of the person or organisation)"), max_length=200
    )
    billing_address = forms.CharField(
        label=_("Invoice address"), widget=forms.Textarea(attrs={"rows": 3}), max_length=500
    )
    billing_company_number = forms.CharField(
        label=_("Company number (KBO/BCE), if an organisation pays"),
        max_length=14,
        required=False,
    )
    billing_email = forms.EmailField(label=_("E-mail address for the invoice"), required=False)
    billing_reference = forms.CharField(
        label=_("Your reference or order number"), max_length=100, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", None)
        super().__init__(*args, **kwargs)
        self.fields["billing_address"].widget.attrs["autocomplete"] = "street-address"
        self.fields["billing_email"].widget.attrs["autocomplete"] = "email"

    def clean_billing_company_number(self) -> str:
        value = normalise_company_number(self.cleaned_data["billing_company_number"])
        validate_company_number(value)
        return value

    def billing_details(self) -> BillingDetails:
        data = self.cleaned_data
        return BillingDetails(
            name=data["billing_name"],
            address=data["billing_address"],
            company_number=data["billing_company_number"],
            email=data["billing_email"],
            reference=data["billing_reference"],
        )
