"""The company pages: list, detail with table and chart, staff editing, member pages."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from atelier.companies.models import CompanyProfile, Participation, Purpose
from atelier.members.models import Organisation

from .factories import company_number, csv_file, join, make_company

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def client():
    """Pages in English, so that tests read the source strings."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")


def test_list_query_count_does_not_grow_with_the_number_of_companies(client, geel):
    for serial in range(3):
        join(make_company(f"Vereniging {serial}", serial + 1), geel, 1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("companies:list")).status_code == 200
    for serial in range(3, 40):
        join(make_company(f"Vereniging {serial}", serial + 1), geel, 1)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("companies:list"))

    assert response.content.decode().count('href="/companies/') >= 40
    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_company_page_shows_participants_in_a_table_and_a_chart(client, geel, lennik):
    company = make_company("Kempens Afvalbeheer", 7)
    join(company, geel, 40)
    join(company, lennik, 12)
    join(
        company, lennik, 5, left_on=datetime.date(2009, 12, 31), joined_on=datetime.date(2001, 1, 1)
    )

    html = client.get(reverse("companies:detail", args=[company.pk])).content.decode()

    assert 'id="participants"' in html
    assert "<svg" in html and "Shares per participant: Geel 40; Lennik 12" in html
    assert 'id="former-participants"' in html and "31 December 2009" in html


def test_municipality_page_lists_its_companies(client, geel):
    company = make_company("Kempens Afvalbeheer", 7, purpose=Purpose.WATER)
    join(company, geel, 40)

    html = client.get(reverse("members:detail", args=[geel.pk])).content.decode()

    assert 'id="member-companies"' in html
    assert "Kempens Afvalbeheer" in html and "water and sewerage" in html


def test_detail_of_a_municipality_as_a_company_is_404(client, geel):
    assert client.get(reverse("companies:detail", args=[geel.pk])).status_code == 404


def test_outsiders_cannot_edit_companies(client, participant):
    client.force_login(participant)
    response = client.post(
        reverse("companies:create"),
        {
            "name": "X",
            "company_number": company_number(5),
            "legal_form": "service",
            "purpose": "it",
        },
    )
    assert response.status_code in (302, 403)
    assert not Organisation.objects.filter(name_nl="X").exists()


def test_staff_create_a_company_and_record_a_participant_joining_and_leaving(client, trainer, geel):
    client.force_login(trainer)
    response = client.post(
        reverse("companies:create"),
        {
            "name": "Interleuven ICT",
            "company_number": "0"
            + company_number(5)[1:4]
            + "."
            + company_number(5)[4:7]
            + "."
            + company_number(5)[7:],
            "legal_form": "service",
            "purpose": "it",
        },
    )
    company = Organisation.objects.get(name_nl="Interleuven ICT")
    assert response.url == reverse("companies:detail", args=[company.pk])
    assert CompanyProfile.objects.get(organisation=company).purpose == Purpose.IT

    add_url = reverse("companies:participation_add", args=[company.pk])
    client.post(
        add_url, {"participant": geel.pk, "shares": 9, "votes": 3, "joined_on": "2015-01-01"}
    )
    participation = Participation.objects.get(company=company)
    twice = client.post(
        add_url, {"participant": geel.pk, "shares": 1, "votes": 1, "joined_on": "2016-01-01"}
    )
    assert twice.status_code == 400 and "Geel already takes part." in twice.content.decode()

    leave_url = reverse("companies:participation_end", args=[company.pk, participation.pk])
    client.post(leave_url, {"left_on": "2020-06-30"})
    participation.refresh_from_db()
    assert participation.left_on == datetime.date(2020, 6, 30)


def test_bad_company_number_is_refused_by_the_form(client, trainer):
    client.force_login(trainer)
    response = client.post(
        reverse("companies:create"),
        {"name": "X", "company_number": "0123456789", "legal_form": "service", "purpose": "it"},
    )
    assert response.status_code == 200
    assert "not a valid company number" in response.content.decode()


def test_import_page_reports_the_bad_line_then_takes_a_good_file(client, trainer, geel):
    client.force_login(trainer)
    number = company_number(11)
    bad = csv_file([(number, "IOK Afval", "service", "waste", "98765", 1, 1, "2004-01-01")])
    good = csv_file([(number, "IOK Afval", "service", "waste", "13008", 1, 1, "2004-01-01")])

    refused = client.post(reverse("companies:import"), {"file": _upload("bad.csv", bad)})
    html = refused.content.decode()
    assert 'id="import-errors"' in html and "<td>2</td>" in html and "98765" in html
    assert not Organisation.objects.filter(company_number=number).exists()

    accepted = client.post(reverse("companies:import"), {"file": _upload("good.csv", good)})
    assert "New companies: 1" in accepted.content.decode()
    assert Participation.objects.filter(company__company_number=number).count() == 1


def _upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")
