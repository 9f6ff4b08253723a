import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from atelier.lib.forms import DateInput, Form
from atelier.lib.uploads import check_upload_size

from .models import OrganisationType, PopulationImport, Province, SizeClass
from .selectors import OrganisationFilter


class OrganisationFilterForm(Form):
    q = forms.CharField(label=_("Name or NIS code"), required=False, max_length=100)
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *OrganisationType.choices]
    )
    province = forms.ChoiceField(label=_("Province"), required=False)
    size = forms.ChoiceField(
        label=_("Size"), required=False, choices=[("", _("All sizes")), *SizeClass.choices]
    )
    former = forms.BooleanField(label=_("Include former organisations"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["province"].choices = [("", _("All provinces"))] + [  # type: ignore[attr-defined]
            (p.nis_code, p.name) for p in Province.objects.all()
        ]

    def to_filter(self) -> OrganisationFilter:
        if not self.is_valid():
            return OrganisationFilter()
        data = self.cleaned_data
        return OrganisationFilter(
            search=data["q"],
            type=data["type"],
            province=data["province"],
            size_class=data["size"],
            include_former=data["former"],
        )


class PopulationImportForm(Form):
    file = forms.FileField(
        label=_("Population file"),
        help_text=_(
            "CSV (comma, semicolon, tab or pipe; UTF-8, UTF-16 or Windows-1252) or XLSX, at most "
            "20 MB, with a NIS code column and an inhabitants column."
        ),
    )
    reference_date = forms.DateField(
        label=_("Reference date"),
        help_text=_("The date the figures describe, usually 1 January of a year."),
        widget=DateInput(),
    )
    counts = forms.ChoiceField(
        label=_("The file counts"),
        choices=PopulationImport.Counts.choices,
        initial=PopulationImport.Counts.INHABITANTS,
        help_text=_("For OCMW residents, each row names the municipality's NIS code."),
        required=False,
    )
    ignore_unknown = forms.BooleanField(
        label=_("Skip codes that are not member municipalities"),
        help_text=_("For a national file: rows of other regions are skipped, not reported."),
        required=False,
    )

    def clean_counts(self) -> str:
        return self.cleaned_data["counts"] or PopulationImport.Counts.INHABITANTS

    def clean_file(self) -> object:
        return check_upload_size(self.cleaned_data["file"], "members:import")

    def clean_reference_date(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["reference_date"]
        if day.year < 1977:
            raise forms.ValidationError(_("Choose a date from 1977 onwards."))
        return day
