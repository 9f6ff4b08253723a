"""Every date and time input of every form renders its value the way browsers read it.

A browser's date input shows nothing unless its value is ISO ("2026-12-07"); Django's
default widget formats by the page's language ("07-12-2026" in Dutch).
"""

import datetime
import importlib
import pkgutil
import re
import zoneinfo

import pytest
from django import forms
from django.conf import settings
from django.utils import translation

import atelier

A_DATE = datetime.date(2026, 12, 7)
A_DATETIME = datetime.datetime(2026, 12, 7, 9, 30, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
EXPECTED = {
    forms.DateField: (A_DATE, "date", "2026-12-07"),
    forms.DateTimeField: (A_DATETIME, "datetime-local", "2026-12-07T09:30"),
    forms.TimeField: (datetime.time(9, 30), "time", "09:30"),
}


def _import_project_modules() -> None:
    for module in pkgutil.walk_packages(atelier.__path__, "atelier."):
        if ".tests" in module.name or ".migrations" in module.name:
            continue
        importlib.import_module(module.name)


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for subclass in list(found):
        found |= _subclasses(subclass)
    return found


def project_form_date_fields() -> list[tuple[str, str, forms.Field]]:
    _import_project_modules()
    fields = []
    for form_class in _subclasses(forms.BaseForm):
        if not form_class.__module__.startswith("atelier."):
            continue
        for name, field in form_class.base_fields.items():
            if isinstance(field, tuple(EXPECTED)):
                fields.append((f"{form_class.__module__}.{form_class.__name__}", name, field))
    return sorted(fields, key=lambda item: item[:2])


def _expected(field: forms.Field) -> tuple[object, str, str]:
    for field_class, expected in EXPECTED.items():
        if isinstance(field, field_class):
            return expected
    raise AssertionError(field)


def test_the_search_finds_the_date_fields_people_reported_empty():
    found = {(form, name) for form, name, _field in project_form_date_fields()}
    assert ("atelier.guidance.views.maturity.OpenRoundForm", "opened_on") in found
    assert ("atelier.fees.forms.TariffForm", "reference_date") in found
    assert ("atelier.fees.forms.CreditForm", "issued_on") in found


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_date_and_time_input_renders_its_value_in_iso(language):
    wrong = []
    with translation.override(language):
        for form, name, field in project_form_date_fields():
            value, input_type, iso = _expected(field)
            html = field.widget.render(name, field.prepare_value(value))
            rendered = re.search(r'value="([^"]*)"', html)
            kind = re.search(r'type="([^"]*)"', html)
            if not rendered or rendered.group(1) != iso or not kind or kind.group(1) != input_type:
                wrong.append(f"{form}.{name}: {html}")
    assert wrong == []
