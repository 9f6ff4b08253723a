from typing import Any

from django import forms

from atelier.lib.forms import Form

from .models import MAILED_BY_THE_ACADEMY, Delivery, Kind

CHOSEN_KINDS = [kind for kind in Kind if kind not in MAILED_BY_THE_ACADEMY]


class PreferencesForm(Form):
    """One choice per kind of notification a person can receive by mail."""

    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in CHOSEN_KINDS:
            self.fields[kind.value] = forms.ChoiceField(
                label=str(kind.label).capitalize(),
                choices=Delivery.choices,
                initial=current[kind.value],
                widget=forms.RadioSelect,
            )
