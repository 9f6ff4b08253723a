from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from atelier.contacts.models import FunctionKind, Language
from atelier.knowledge.models import Topic
from atelier.lib.forms import Form
from atelier.members.models import OrganisationType, Province, SizeClass

from .models import MailingKind, Segment


def _choices(label: Any, choices: list) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class SegmentForm(Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    function_kinds = _choices(_("Functions"), FunctionKind.choices)
    topics = forms.ModelMultipleChoiceField(
        label=_("Portfolios or policy domains"),
        queryset=Topic.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    member_types = _choices(_("Member types"), OrganisationType.choices)
    provinces = forms.ModelMultipleChoiceField(
        label=_("Provinces"),
        queryset=Province.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    size_classes = _choices(_("Sizes"), SizeClass.choices)
    languages = _choices(_("Languages"), Language.choices)


class MailingForm(Form):
    segment = forms.ModelChoiceField(label=_("Segment"), queryset=Segment.objects.all())
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=MailingKind.choices,
        help_text=_("People unsubscribe from one kind of mailing at a time."),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Markdown; merge fields: {name}, {function}, {organisation}."),
    )


class InvitationForm(MailingForm):
    """A mailing inviting to an academy edition: always of the kind "invitation"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].disabled = True
        self.fields["kind"].initial = MailingKind.INVITATION
        self.fields["segment"].help_text = _(
            "Choose who receives the invitation, or create a segment first."
        )
