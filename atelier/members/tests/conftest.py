"""Fixtures for the member registry tests: a few municipalities and their 2025 mergers."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import translation

from atelier.members.models import Organisation, Province, Succession
from conftest import make_municipality, make_province

MERGER_DAY = datetime.date(2025, 1, 1)
LAST_DAY_BEFORE_MERGER = datetime.date(2024, 12, 31)


@pytest.fixture
def in_english():
    """Reasons are translated when they are written; assert on them in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def limburg(db) -> Province:
    return make_province("70000")


@dataclass
class Mergers:
    antwerpen: Organisation
    borsbeek: Organisation
    bilzen: Organisation
    hoeselt: Organisation
    bilzen_hoeselt: Organisation


@pytest.fixture
def mergers(antwerp, limburg) -> Mergers:
    """Two of the 2025 mergers, by hand: Borsbeek into Antwerpen, Bilzen and Hoeselt into one."""
    antwerpen = make_municipality("11002", "Antwerpen", antwerp, 529_247)
    borsbeek = make_municipality(
        "11007", "Borsbeek", antwerp, 10_949, valid_until=LAST_DAY_BEFORE_MERGER
    )
    bilzen = make_municipality(
        "73006", "Bilzen", limburg, 32_477, valid_until=LAST_DAY_BEFORE_MERGER
    )
    hoeselt = make_municipality(
        "73032", "Hoeselt", limburg, 9_730, valid_until=LAST_DAY_BEFORE_MERGER
    )
    bilzen_hoeselt = make_municipality(
        "73110", "Bilzen-Hoeselt", limburg, 42_207, valid_from=MERGER_DAY
    )
    Succession.objects.create(predecessor=borsbeek, successor=antwerpen, effective_date=MERGER_DAY)
    for predecessor in (bilzen, hoeselt):
        Succession.objects.create(
            predecessor=predecessor, successor=bilzen_hoeselt, effective_date=MERGER_DAY
        )
    return Mergers(antwerpen, borsbeek, bilzen, hoeselt, bilzen_hoeselt)
