import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from atelier.knowledge.models import Topic
from atelier.lib.forms import DateInput, Form
from atelier.lib.uploads import check_upload_size

from .models import FunctionKind, Language, LawfulBasis

NEW_TERM_START = datetime.date(2025, 1, 1)


class ContactForm(Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    lawful_basis = forms.ChoiceField(
        label=_("Lawful basis"),
        choices=LawfulBasis.choices,
        help_text=_("Why the association may keep this person's data."),
    )


class FunctionForm(Form):
    kind = forms.ChoiceField(label=_("Function"), choices=FunctionKind.choices)
    topics = forms.ModelMultipleChoiceField(
        label=_("Portfolios or policy domains"),
        queryset=Topic.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(label=_("Until"), widget=DateInput(), required=False)


class EndFunctionForm(Form):
    ends_on = forms.DateField(label=_("Until"), widget=DateInput())


class NewTermForm(Form):
    starts_on = forms.DateField(
        label=_("The new term starts on"), widget=DateInput(), initial=NEW_TERM_START
    )
    carry_over = forms.BooleanField(
        label=_("Start the same elected functions again in the new term"),
        help_text=_("For councils where most people stay; end or change the others afterwards."),
        required=False,
    )


class ContactImportForm(Form):
    file = forms.FileField(
        label=_("List of contacts"),
        help_text=_(
            "CSV or XLSX, at most 5 MB, one row per function, with the columns first_name, "
            "last_name, email, phone, language, function, portfolios, starts_on and ends_on."
        ),
    )
    lawful_basis = forms.ChoiceField(label=_("Lawful basis"), choices=LawfulBasis.choices)

    def clean_file(self) -> object:
        return check_upload_size(self.cleaned_data["file"], "contacts:import")
