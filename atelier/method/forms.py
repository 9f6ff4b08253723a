"""Forms of the method library: the filter, the bilingual card and the phase list."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from atelier.lib.forms import Form

from .models import RESERVED_SLUGS, TECHNIQUE_TEXTS, ExpertiseNeed, Phase, Technique

SHARED_FIELDS = ["slug", "phase", "expertise", "produces", "toolkit_url", "is_published"]
# Both languages of every text except the name and summary in Dutch may stay empty here,
# so a card can be drafted; the library's shipped cards fill them all.
DUTCH_FIELDS = [f"{text}_nl" for text in TECHNIQUE_TEXTS]
ENGLISH_FIELDS = [f"{text}_en" for text in TECHNIQUE_TEXTS]
ONE_LINE_TEXTS = {"name", "duration"}


class LibraryFilterForm(Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    expertise = forms.ChoiceField(
        label=_("Expertise"),
        required=False,
        choices=[("", _("Any expertise")), *ExpertiseNeed.choices],
    )

    def __init__(self, *args: Any, phases: list[Phase], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [("", _("All phases"))] + [  # type: ignore[attr-defined]
            (phase.slug, phase.name) for phase in phases
        ]

    def value(self, name: str) -> str:
        return str(self.cleaned_data.get(name) or "") if self.is_valid() else ""


def _text_widget(field_name: str) -> forms.Widget:
    text = field_name.rsplit("_", 1)[0]
    if text in ONE_LINE_TEXTS:
        return forms.TextInput()
    return forms.Textarea(attrs={"rows": 5 if text in {"steps", "pitfalls"} else 3})


class HttpsURLField(forms.URLField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class TechniqueForm(forms.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Technique
        fields = [*SHARED_FIELDS, *DUTCH_FIELDS, *ENGLISH_FIELDS]
        widgets = {name: _text_widget(name) for name in DUTCH_FIELDS + ENGLISH_FIELDS}
        field_classes = {"toolkit_url": HttpsURLField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "The last part of the card's address; left empty, it is made from the name."
        )
        self.fields["phase"].empty_label = None  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["revision"] = self.instance.revision

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This address is taken by another page."))
        return slug

    def dutch(self) -> list[forms.BoundField]:
        return [self[name] for name in DUTCH_FIELDS]

    def english(self) -> list[forms.BoundField]:
        return [self[name] for name in ENGLISH_FIELDS]

    def shared(self) -> list[forms.BoundField]:
        return [self[name] for name in SHARED_FIELDS]

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields or []}


class PhaseNamesForm(Form):
    name_nl = forms.CharField(label=_("Name in Dutch"), max_length=120)
    name_en = forms.CharField(label=_("Name in English"), max_length=120, required=False)


class MovePhaseForm(Form):
    direction = forms.ChoiceField(choices=[("up", _("up")), ("down", _("down"))])
