"""API contract: intermunicipal companies (public) and population figures by reference date."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from atelier.members.models import PopulationFigure, PopulationSource

from .factories import company_number, join, make_company

pytestmark = pytest.mark.django_db
API = "/api/v1"


def test_companies_are_public_with_their_current_participants(client, geel, lennik, settings):
    settings.SITE_URL = "https://atelier.example"
    company = make_company("Kempens Afvalbeheer", 7)
    join(company, geel, 40)
    join(company, lennik, 2, left_on=datetime.date(2020, 1, 1))

    body = client.get(f"{API}/intermunicipal-companies").json()

    assert body["count"] == 1
    item = body["items"][0]
    assert item["company_number"] == company_number(7)
    assert (item["legal_form"], item["purpose"]) == ("service", "waste")
    assert item["url"] == f"https://atelier.example/companies/{company.pk}/"
    assert item["participants"] == [
        {
            "organisation_id": geel.pk,
            "name": "Geel",
            "nis_code": "13008",
            "shares": 40,
            "votes": 40,
            "joined_on": "2010-01-01",
            "left_on": None,
        }
    ]
    former = client.get(f"{API}/intermunicipal-companies?include_former_participants=true")
    assert len(former.json()["items"][0]["participants"]) == 2


def test_companies_filter_by_purpose_and_refuse_an_unknown_one(client, geel):
    make_company("Water", 8, purpose="water")
    make_company("Afval", 9)

    water = client.get(f"{API}/intermunicipal-companies", {"purpose": "water"}).json()
    refused = client.get(f"{API}/intermunicipal-companies", {"purpose": "koffie"})

    assert [c["name"] for c in water["items"]] == ["Water"]
    assert refused.status_code == 422
    assert set(refused.json()) == {"detail", "problems"}


def test_company_list_query_count_does_not_grow(client, geel, lennik):
    for serial in range(2):
        join(make_company(f"V{serial}", serial + 1), geel, 1)
    with CaptureQueriesContext(connection) as few:
        client.get(f"{API}/intermunicipal-companies")
    for serial in range(2, 20):
        company = make_company(f"V{serial}", serial + 1)
        join(company, geel, 1)
        join(company, lennik, 1)
    with CaptureQueriesContext(connection) as many:
        assert client.get(f"{API}/intermunicipal-companies").json()["count"] == 20
    assert len(many) == len(few)


def test_population_figures_by_reference_date(client, geel):
    PopulationFigure.objects.create(
        organisation=geel,
        reference_date=datetime.date(2024, 1, 1),
        inhabitants=41_500,
        source=PopulationSource.IMPORT,
    )

    body = client.get(f"{API}/organisations/{geel.pk}/population").json()

    assert body["nis_code"] == "13008"
    assert body["figures"] == [
        {"reference_date": "2020-01-01", "inhabitants": 40_709, "source": "reference"},
        {"reference_date": "2024-01-01", "inhabitants": 41_500, "source": "import"},
    ]
    assert client.get(f"{API}/organisations/999999/population").status_code == 404
