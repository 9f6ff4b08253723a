"""Fixtures for the API tests: one 2025 merger made by hand."""

import datetime

import pytest

from atelier.members.models import Organisation, Succession
from conftest import make_municipality

MERGER_DAY = datetime.date(2025, 1, 1)


@pytest.fixture
def borsbeek_into_antwerpen(antwerp) -> tuple[Organisation, Organisation]:
    antwerpen = make_municipality("11002", "Antwerpen", antwerp, 529_247)
    borsbeek = make_municipality(
        "11007", "Borsbeek", antwerp, 10_949, valid_until=datetime.date(2024, 12, 31)
    )
    Succession.objects.create(predecessor=borsbeek, successor=antwerpen, effective_date=MERGER_DAY)
    return borsbeek, antwerpen
