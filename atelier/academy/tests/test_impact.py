"""Programme impact: figures by year and province, the page, its exports, the PDF and the API."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from atelier.academy.models import Certificate, ProjectOutcome, ServiceChange
from atelier.academy.selectors.impact import ImpactFilter, programme_impact
from atelier.academy.services.impact import ServiceLine, record_outcome
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment
from atelier.guidance.models import MaturityRound, RuleSetKind
from atelier.guidance.rules.maturity import DEFAULT
from atelier.guidance.services import maturity
from atelier.guidance.services.rules import current_rules
from atelier.projects.models import ProjectStatus
from atelier.projects.services import open_project

pytestmark = pytest.mark.django_db

KEYS = [c["key"] for area in DEFAULT["areas"] for c in area["criteria"]]


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def certify(person, level: int, completed_on=datetime.date(2026, 3, 10)) -> Certificate:
    edition = make_edition(make_course(level, title=f"Level {level} {person.pk}"))
    return Certificate.objects.create(
        enrolment=make_enrolment(edition, person),
        holder_name=str(person),
        course_title="Service design",
        level_number=level,
        completed_on=completed_on,
    )


def answered_round(coordinator, name: str, score: int, respondents: int = 2):
    round = maturity.open_round(
        organisation=coordinator.organisation,
        name=name,
        opened_on=datetime.date(2026, 1, 10),
        by=coordinator,
    )
    labels = [f"respondent {n}" for n in range(respondents)]
    for response in maturity.invite(round=round, labels=labels, by=coordinator):
        maturity.submit_response(token=response.token, answers=dict.fromkeys(KEYS, score))
    return round


def closed_project(person, coordinator=None, *, citizens: int, closed_on, services=(), title="P"):
    project = open_project(title=title, problem_statement="", target_group="", by=person)
    before = answered_round(coordinator, f"{title} before", 2) if coordinator else None
    after = answered_round(coordinator, f"{title} after", 4) if coordinator else None
    record_outcome(
        project=project,
        closed_on=closed_on,
        citizens_reached=citizens,
        citizens_estimate="Files at the new counter in a year.",
        maturity_before=before,
        maturity_after=after,
        services=list(services),
        by=person,
    )
    return project


@pytest.fixture
def programme(participant, coordinator, outsider):
    certify(participant, 2)
    certify(outsider, 1)
    certify(outsider, 3, completed_on=datetime.date(2025, 6, 1))
    closed_project(
        participant,
        coordinator,
        citizens=1200,
        closed_on=datetime.date(2026, 11, 20),
        services=[
            ServiceLine(
                "Eén loket sociaal huis", ServiceChange.LAUNCHED, datetime.date(2026, 5, 1)
            ),
            ServiceLine("Afspraken online", ServiceChange.IMPROVED, datetime.date(2026, 6, 1)),
        ],
        title="Geel",
    )
    closed_project(outsider, citizens=300, closed_on=datetime.date(2025, 12, 1), title="Lennik")


def test_figures_of_one_year(programme):
    impact = programme_impact(ImpactFilter(year=2026))
    assert impact.trained == {1: 1, 2: 1}
    assert impact.organisations_reached == 2
    assert impact.member_municipalities == 2
    assert impact.services_launched == 1
    assert impact.services_improved == 1
    assert impact.citizens_reached == 1200
    assert impact.maturity_before == 2.0
    assert impact.maturity_after == 4.0
    assert {area.before for area in impact.maturity} == {2.0}
    assert {area.after for area in impact.maturity} == {4.0}


def test_all_years_add_up(programme):
    impact = programme_impact(ImpactFilter())
    assert impact.trained == {1: 1, 2: 1, 3: 1}
    assert impact.citizens_reached == 1500


def test_province_and_level_narrow_the_figures(programme, antwerp):
    antwerp_only = programme_impact(ImpactFilter(year=2026, province=antwerp.nis_code))
    assert antwerp_only.trained == {2: 1}
    assert antwerp_only.organisations_reached == 1
    assert antwerp_only.member_municipalities == 1
    assert antwerp_only.citizens_reached == 1200
    assert programme_impact(ImpactFilter(year=2026, level=1)).trained == {1: 1}


def test_revoked_certificates_do_not_count(participant):
    certificate = certify(participant, 2)
    certificate.revoked_at = datetime.datetime(2026, 4, 1, tzinfo=datetime.UTC)
    certificate.save()
    assert programme_impact(ImpactFilter(year=2026)).trained == {}


def test_recording_outcomes_closes_the_project(participant, coordinator):
    project = open_project(title="Loket", problem_statement="", target_group="", by=participant)
    before = answered_round(coordinator, "voor", 2)
    response = signed_in(participant).post(
        reverse("academy:project_outcome", args=[project.pk]),
        {
            "closed_on": "2026-11-30",
            "citizens_reached": "850",
            "citizens_estimate": "Dossiers per jaar",
            "maturity_before": before.pk,
            "maturity_after": "",
            "services-TOTAL_FORMS": "2",
            "services-INITIAL_FORMS": "0",
            "services-0-what": "Digitale aanvraag leefloon",
            "services-0-change": "launched",
            "services-0-on": "2026-10-01",
            "services-1-what": "",
            "services-1-change": "launched",
            "services-1-on": "",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == ProjectStatus.CLOSED
    outcome = ProjectOutcome.objects.get(project=project)
    assert outcome.citizens_reached == 850
    assert outcome.maturity_before == before
    assert [s.what for s in outcome.services.all()] == ["Digitale aanvraag leefloon"]


def test_outsider_gets_404_on_another_projects_outcome(participant, outsider):
    project = open_project(title="Loket", problem_statement="", target_group="", by=participant)
    url = reverse("academy:project_outcome", args=[project.pk])
    assert signed_in(outsider).get(url).status_code == 404


def test_a_round_of_another_organisation_is_refused(participant, lennik):
    project = open_project(title="Loket", problem_statement="", target_group="", by=participant)
    foreign = MaturityRound.objects.create(
        organisation=lennik,
        rules=current_rules(RuleSetKind.MATURITY),
        name="Lennik",
        opened_on=datetime.date(2026, 1, 1),
    )
    with pytest.raises(ValidationError):
        record_outcome(
            project=project,
            closed_on=datetime.date(2026, 1, 1),
            citizens_reached=1,
            citizens_estimate="",
            maturity_before=foreign,
            maturity_after=None,
            services=[],
            by=participant,
        )


def test_staff_see_the_impact_page_with_charts_and_tables(administrator, programme):
    html = signed_in(administrator).get(reverse("academy:impact"), {"year": 2026}).content.decode()
    assert 'id="citizens-reached">1200<' in html
    assert 'id="services-launched">1<' in html
    assert "People trained per level" in html
    assert "<svg" in html and 'id="maturity-table"' in html


def test_people_outside_staff_may_not_see_the_impact_page(participant, programme):
    assert signed_in(participant).get(reverse("academy:impact")).status_code == 403


def test_impact_page_queries_do_not_grow_with_projects(administrator, participant, coordinator):
    client = signed_in(administrator)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("academy:impact")).status_code == 200
        return len(queries)

    closed_project(
        participant, coordinator, citizens=10, closed_on=datetime.date(2026, 2, 1), title="A"
    )
    few = count()
    for index in range(3):
        closed_project(
            participant,
            coordinator,
            citizens=10,
            closed_on=datetime.date(2026, 2, 1),
            services=[ServiceLine("S", ServiceChange.LAUNCHED, datetime.date(2026, 2, 1))],
            title=f"B{index}",
        )
    assert count() == few


def test_csv_and_xlsx_read_back(administrator, programme):
    client = signed_in(administrator)
    url = reverse("academy:impact_export", args=["csv"])
    text = client.get(url, {"year": 2026}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";")) or []
    flat = [cell for row in rows for cell in row]
    assert "Citizens reached" in flat and "1200" in flat
    workbook = load_workbook(
        io.BytesIO(
            client.get(reverse("academy:impact_export", args=["xlsx"]), {"year": 2026}).content
        )
    )
    values = [row for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    assert ("Citizens reached", 1200) in values
    assert ("Services launched", 1) in values


def test_funders_pdf_reads_back_with_the_headline_figures(administrator, programme):
    response = signed_in(administrator).get(reverse("academy:impact_pdf"), {"year": 2026})
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Programme impact 2026" in text
    assert "Citizens reached 1200" in text
    assert "Services launched 1" in text
    assert "Member municipalities reached 2 of 2" in text


def test_api_gives_aggregate_figures_to_anyone(programme):
    response = Client().get("/api/v1/impact", {"year": 2026})
    assert response.status_code == 200
    body = response.json()
    assert {"level": 2, "people": 1} in body["trained"]
    assert body["organisations_reached"] == 2
    assert body["services_launched"] == 1
    assert body["citizens_reached"] == 1200
    assert body["maturity_before"]["median"] == 2.0
    assert body["maturity_after"]["median"] == 4.0
    assert "Geel" not in response.content.decode()


def test_api_refuses_an_impossible_year():
    response = Client().get("/api/v1/impact", {"year": 1500})
    assert response.status_code == 422
    assert "detail" in response.json()
