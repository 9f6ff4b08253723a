"""Importing companies with their participants: every row checked, then all or nothing."""

import datetime

import pytest
from django.utils import translation

from atelier.companies.models import CompanyProfile, LegalForm, Participation, Purpose
from atelier.companies.services import import_companies
from atelier.members.models import Organisation, OrganisationType

from .factories import company_number, csv_file, join, make_company, xlsx_file

pytestmark = pytest.mark.django_db

KEMPEN = company_number(1001)
WATER = company_number(1002)


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def good_rows() -> list[tuple[object, ...]]:
    return [
        (
            KEMPEN,
            "Kempens Afvalbeheer",
            "dienstverlenende vereniging",
            "waste",
            "13008",
            40,
            40,
            "2004-01-01",
        ),
        (
            KEMPEN,
            "Kempens Afvalbeheer",
            "dienstverlenende vereniging",
            "waste",
            "23104",
            10,
            10,
            "01/07/2012",
        ),
        (
            WATER,
            "Waterlink Zuid",
            "opdrachthoudende vereniging",
            "water",
            "13008",
            5,
            1,
            "2019-01-01",
        ),
    ]


def test_good_file_creates_companies_with_their_participants(geel, lennik):
    result = import_companies(content=csv_file(good_rows()), file_name="companies.csv", by=None)

    assert result.applied, result.problems
    assert (result.companies_created, result.participations_added) == (2, 3)
    kempen = Organisation.objects.get(company_number=KEMPEN)
    assert kempen.type == OrganisationType.INTERMUNICIPAL
    assert kempen.company_profile.legal_form == LegalForm.SERVICE
    assert kempen.company_profile.purpose == Purpose.WASTE
    shares = {
        (p.participant.name_nl, p.shares, p.joined_on)
        for p in Participation.objects.filter(company=kempen)
    }
    assert shares == {
        ("Geel", 40, datetime.date(2004, 1, 1)),
        ("Lennik", 10, datetime.date(2012, 7, 1)),
    }


def test_xlsx_file_is_read_like_csv(geel, lennik):
    rows = [(int(KEMPEN), *row[1:-1], datetime.date(2004, 1, 1)) for row in good_rows()[:2]]
    result = import_companies(content=xlsx_file(rows), file_name="companies.xlsx", by=None)

    assert result.applied, result.problems
    assert Participation.objects.filter(company__company_number=KEMPEN).count() == 2


def test_unknown_nis_code_refuses_the_whole_file_and_names_the_line(geel, lennik):
    rows = good_rows()
    rows.insert(1, (KEMPEN, "Kempens Afvalbeheer", "service", "waste", "99999", 1, 1, "2004-01-01"))

    result = import_companies(content=csv_file(rows), file_name="companies.csv", by=None)

    assert not result.applied
    assert [(p.line, p.reason) for p in result.problems] == [
        (3, "unknown NIS code '99999': no current municipality has it")
    ]
    assert not Organisation.objects.filter(type=OrganisationType.INTERMUNICIPAL).exists()
    assert not CompanyProfile.objects.exists()


def test_every_bad_line_is_reported_with_its_line(geel, lennik):
    rows = [
        ("0123456789", "Foutief", "service", "waste", "13008", 1, 1, "2004-01-01"),
        (KEMPEN, "", "stichting", "koffie", "13008", "veel", 1, "gisteren"),
        (WATER, "Waterlink Zuid", "mandated", "water", "13008", 1, 1, "2019-01-01"),
        (WATER, "Waterlink Noord", "mandated", "water", "23104", 1, 1, "2019-01-01"),
        (WATER, "Waterlink Zuid", "mandated", "water", "13008", 2, 2, "2019-01-01"),
    ]

    result = import_companies(content=csv_file(rows), file_name="companies.csv", by=None)

    reasons = [(p.line, p.reason) for p in result.problems]
    assert reasons == [
        (2, "'0123456789' is not a valid company number"),
        (3, "the company has no name"),
        (3, "unknown legal form 'stichting'"),
        (3, "unknown purpose 'koffie'"),
        (3, "'gisteren' is not a date"),
        (3, "'veel' is not a whole number"),
        (5, "the company's name, legal form or purpose differs from line 4"),
        (6, "duplicate: this participant was already given on line 4"),
    ]
    assert not Participation.objects.exists()


def test_missing_columns_are_named(geel):
    content = csv_file([(KEMPEN, "X")], header=("company_number", "name"))

    result = import_companies(content=content, file_name="companies.csv", by=None)

    assert not result.applied
    assert "Missing: legal_form, purpose, nis_code, joined_on." in result.file_problem


def test_company_number_of_a_municipality_is_refused(geel, lennik):
    Organisation.objects.filter(pk=lennik.pk).update(company_number=KEMPEN)

    result = import_companies(content=csv_file(good_rows()), file_name="c.csv", by=None)

    assert [p.line for p in result.problems] == [2, 3]
    assert "belongs to Lennik" in result.problems[0].reason


def test_importing_again_updates_shares_and_keeps_the_history(geel, lennik):
    company = make_company("Kempens Afvalbeheer", 1001)
    join(company, geel, 30)
    join(company, lennik, 3, left_on=datetime.date(2011, 12, 31))

    result = import_companies(content=csv_file(good_rows()), file_name="c.csv", by=None)

    assert result.applied, result.problems
    assert (result.companies_created, result.companies_updated) == (1, 1)
    assert (result.participations_added, result.participations_updated) == (2, 1)
    lennik_rows = Participation.objects.filter(company=company, participant=lennik)
    assert sorted((p.shares, p.left_on) for p in lennik_rows) == [
        (3, datetime.date(2011, 12, 31)),
        (10, None),
    ]
    assert Participation.objects.get(company=company, participant=geel).shares == 40
