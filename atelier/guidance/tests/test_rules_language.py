"""The shipped rules speak Dutch as the interface does: "je", never "u"."""

import re

import pytest

from atelier.guidance.models import RuleSetKind
from atelier.guidance.rules import rules_module

FORMAL = re.compile(r"\b(u|U|uw|Uw)\b")


def dutch_texts(data):
    if isinstance(data, dict):
        if isinstance(data.get("nl"), str):
            yield data["nl"]
        for value in data.values():
            yield from dutch_texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from dutch_texts(value)


@pytest.mark.parametrize("kind", RuleSetKind.values)
def test_shipped_rules_address_the_reader_as_je(kind):
    texts = list(dutch_texts(rules_module(kind).DEFAULT))

    assert texts
    assert [text for text in texts if FORMAL.search(text)] == []


def test_the_fit_check_hires_expertise_rather_than_catching_it_up():
    texts = " ".join(dutch_texts(rules_module(RuleSetKind.FIT_CHECK).DEFAULT))

    assert "welke je inhuurt" in texts
    assert "inhaalt" not in texts
