from django import forms
from django.utils.translation import gettext_lazy as _

from atelier.lib.company_number import normalise_company_number, validate_company_number
from atelier.lib.forms import DateInput, Form
from atelier.lib.uploads import check_upload_size
from atelier.members.models import Organisation, OrganisationType, Province

from .models import LegalForm, Purpose


class CompanyForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    company_number = forms.CharField(
        label=_("Company number"),
        max_length=14,
        help_text=_("KBO number, ten digits, for example 0207.437.468."),
    )
    legal_form = forms.ChoiceField(label=_("Legal form"), choices=LegalForm.choices)
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Purpose.choices)
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False
    )

    def clean_company_number(self) -> str:
        number = normalise_company_number(self.cleaned_data["company_number"])
        validate_company_number(number)
        return number


class ParticipationForm(Form):
    participant = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Organisation.objects.current()
        .filter(type=OrganisationType.MUNICIPALITY)
        .order_by("name_nl"),
    )
    shares = forms.IntegerField(label=_("Shares"), min_value=0, initial=0)
    votes = forms.IntegerField(label=_("Votes"), min_value=0, initial=0)
    joined_on = forms.DateField(label=_("Joined on"), widget=DateInput())


class LeaveForm(Form):
    left_on = forms.DateField(label=_("Left on"), widget=DateInput())


class CompanyImportForm(Form):
    file = forms.FileField(
        label=_("Companies file"),
        help_text=_(
            "CSV or XLSX, at most 5 MB, one row per participant, with the columns "
            "company_number, name, legal_form, purpose, nis_code, shares, votes and joined_on."
        ),
    )

    def clean_file(self) -> object:
        return check_upload_size(self.cleaned_data["file"], "companies:import")
