"""Forms of the canvas editor, built from the schema in kinds.py."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from atelier.lib.forms import Form
from atelier.method.models import ArtefactKind

from . import kinds
from .models import CanvasState, LaneKind, RelationKind


def _choices(spec: kinds.Field) -> list[tuple[str, Any]]:
    """The field's choices with an empty first one, unless it has its own: a browser would
    otherwise preselect the first value ("desk") and save it as if someone had chosen it."""
    choices = list(spec.choices)
    if any(value == "" for value, _label in choices):
        return choices
    return [("", _("choose…") if spec.required else _("not set")), *choices]


def _field(spec: kinds.Field) -> forms.Field:
    if spec.choices:
        return forms.ChoiceField(
            label=str(spec.label), choices=_choices(spec), required=spec.required
        )
    if spec.is_number:
        return forms.IntegerField(
            label=str(spec.label),
            min_value=spec.minimum,
            max_value=spec.maximum,
            required=spec.required,
        )
    return forms.CharField(label=str(spec.label), max_length=500, required=False)


class CardForm(Form):
    """A card's text and its kind's fields; `version` says which version the person edits."""

    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=kinds.MAX_TEXT,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        spec: tuple[kinds.Field, ...],
        text_label: str,
        references: dict[str, list[tuple[str, str]]] | None = None,
        one_line: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = text_label
        if one_line:  # a name, not a paragraph
            self.fields["text"].widget = forms.TextInput(attrs={"maxlength": 200})
        self.spec = tuple(f for f in spec if not f.internal)
        for field_spec in self.spec:
            self.fields[field_spec.name] = _field(field_spec)
        # Fields naming another canvas or card (a persona, an opportunity): picked, never typed.
        for name, choices in (references or {}).items():
            if name in self.fields:
                self.fields[name] = forms.ChoiceField(
                    label=self.fields[name].label, choices=[("", "—"), *choices], required=False
                )

    def card_fields(self, kept: dict[str, Any] | None = None) -> dict[str, Any]:
        """The typed fields, with the card's internal ones (`kept`) carried over as they were."""
        internal = {name: value for name, value in (kept or {}).items() if name not in self.fields}
        return internal | {spec.name: self.cleaned_data.get(spec.name) for spec in self.spec}


class TitleForm(Form):
    title = forms.CharField(label=_("Name"), max_length=200)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class LaneForm(Form):
    kind = forms.ChoiceField(label=_("Kind of lane"), choices=LaneKind.choices)
    title = forms.CharField(label=_("Name"), max_length=200)


class CanvasForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    state = forms.ChoiceField(
        label=_("As is or to be"),
        choices=[("", _("not applicable")), *CanvasState.choices],
        required=False,
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)


class RelationForm(Form):
    source = forms.TypedChoiceField(label=_("From"), coerce=int)
    target = forms.TypedChoiceField(label=_("To"), coerce=int)
    relation = forms.ChoiceField(label=_("Kind of relation"), choices=RelationKind.choices)
    label = forms.CharField(label=_("Label"), max_length=200, required=False)

    def __init__(self, *args: Any, stakeholders: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = stakeholders  # type: ignore[attr-defined]
        self.fields["target"].choices = stakeholders  # type: ignore[attr-defined]


class SnapshotForm(Form):
    name = forms.CharField(label=_("Name of the version"), max_length=200)


GRID_KIND_CHOICES = [(k, label) for k, label in ArtefactKind.choices if k in kinds.GRID_KINDS]


def set_hidden(form: forms.Form, name: str, value: object) -> None:
    """Put a fresh value in a bound form's hidden field (the version a second save builds on)."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data[name] = str(value)
    form.data = data
