"""The import form: a canvas from a JSON export or a journey from a CSV file."""

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from atelier.canvases.services.transfer import check_document
from atelier.lib.control_characters import json_without_control_characters
from atelier.lib.forms import Form
from atelier.lib.uploads import capped_problems, check_upload_size
from atelier.method.models import ArtefactKind

from .csv_import import journey_from_csv


def is_json(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def document_from_json(raw: bytes, *, title: str) -> dict[str, Any]:
    """The JSON export's document, checked; a title typed in the form replaces its own."""
    try:
        data = json_without_control_characters(json.loads(raw.decode("utf-8-sig")))
    except (UnicodeDecodeError, ValueError):
        raise ValidationError(gettext("The file is not valid JSON.")) from None
    except RecursionError:  # brackets nested thousands deep
        raise ValidationError(gettext("The JSON file is nested too deeply.")) from None
    if isinstance(data, dict) and title:
        data["title"] = title
    return check_document(data).data


class CanvasImportForm(Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A JSON export of a canvas, or a CSV file of a journey or blueprint."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Needed for a CSV file. For a JSON file it replaces the title in the file."),
    )
    kind = forms.ChoiceField(
        label=_("Kind (CSV only)"),
        choices=[
            (ArtefactKind.JOURNEY, ArtefactKind.JOURNEY.label),
            (ArtefactKind.BLUEPRINT, ArtefactKind.BLUEPRINT.label),
        ],
        initial=ArtefactKind.JOURNEY,
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        raw = check_upload_size(upload, "canvases:import").read()
        title = (cleaned.get("title") or "").strip()
        try:
            if is_json(raw):
                cleaned["document"] = document_from_json(raw, title=title)
            else:
                kind = cleaned.get("kind") or ArtefactKind.JOURNEY
                cleaned["document"] = journey_from_csv(raw, title=title, kind=kind)
        except ValidationError as error:
            raise ValidationError(capped_problems(error.messages)) from None
        return cleaned
