"""The association's report: people trained, municipalities reached, attendance, satisfaction."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from atelier.academy.models import (
    Attendance,
    Certificate,
    FeedbackAnswer,
    FeedbackQuestion,
    FeedbackResponse,
    QuestionKind,
)
from atelier.academy.selectors.reporting import programme_report
from atelier.academy.tests.factories import make_course, make_edition, make_enrolment
from atelier.members.models import Organisation, OrganisationType
from conftest import make_municipality, make_person

pytestmark = pytest.mark.django_db

STARTS = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)


def certify(enrolment, completed_on=datetime.date(2026, 3, 10)) -> Certificate:
    return Certificate.objects.create(
        enrolment=enrolment,
        holder_name=str(enrolment.person),
        course_title="Service design",
        level_number=enrolment.edition.course.level.number,
        completed_on=completed_on,
    )


def rate(session, *ratings: int) -> None:
    question = FeedbackQuestion.objects.filter(kind=QuestionKind.RATING).first()
    for rating in ratings:
        response = FeedbackResponse.objects.create(session=session)
        FeedbackAnswer.objects.create(response=response, question=question, rating=rating)


@pytest.fixture
def trained(geel, lennik, participant, outsider, antwerp):
    """Level 2 in 2026: Geel's participant certified, an OCMW of Geel's neighbour too."""
    kasterlee = make_municipality("13017", "Kasterlee", antwerp)
    ocmw = Organisation.objects.create(
        type=OrganisationType.OCMW,
        name_nl="OCMW Kasterlee",
        municipality=kasterlee,
        province=antwerp,
    )
    social_worker = make_person("worker@ocmw-kasterlee.example.org", "participant", ocmw)
    edition = make_edition(make_course(2), starts=STARTS)
    session = edition.sessions.get()
    enrolments = [
        make_enrolment(edition, person) for person in (participant, outsider, social_worker)
    ]
    certify(enrolments[0])
    certify(enrolments[2])
    for enrolment, status in zip(enrolments, ["present", "late", "absent"], strict=True):
        Attendance.objects.create(session=session, enrolment=enrolment, status=status)
    rate(session, 4, 5)
    return edition


def test_people_trained_attendance_and_satisfaction_per_level_and_year(trained):
    report = programme_report()

    row = report.by_level_and_year[0]
    assert (row.year, row.level, row.people_trained) == (2026, 2, 2)
    assert (row.attendance_recorded, row.attended, row.attendance_rate) == (3, 2, Decimal("66.7"))
    assert (row.ratings, row.mean_rating) == (2, Decimal("4.50"))


def test_an_ocmw_counts_for_its_municipality(trained, antwerp, flemish_brabant):
    with translation.override("nl"):
        report = programme_report()

    by_province = {p.province: p for p in report.provinces}
    assert (by_province["Antwerpen"].municipalities, by_province["Antwerpen"].reached) == (2, 2)
    assert (
        by_province["Vlaams-Brabant"].municipalities,
        by_province["Vlaams-Brabant"].reached,
    ) == (1, 0)
    assert (report.reached, report.municipalities, report.share) == (2, 3, Decimal("66.7"))


def test_non_members_and_former_municipalities_are_not_in_the_denominator(trained, antwerp):
    make_municipality("13999", "Oud", antwerp, valid_until=datetime.date(2018, 12, 31))
    make_municipality("13998", "Buiten", antwerp, is_member=False)

    assert programme_report().municipalities == 3


def test_filtering_by_year_leaves_other_years_out(trained):
    assert programme_report(2025).by_level_and_year == []
    assert programme_report(2025).years == [2026]


def test_report_page_shows_the_chart_with_its_data_table(trained, trainer):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(trainer)

    html = client.get(reverse("academy:reports") + "?year=2026").content.decode()

    assert "2 of 3 member municipalities (66.7%)" in html
    assert "Show the data as a table" in html
    assert "66.7%" in html


def test_report_is_for_staff_only(trained, coordinator):
    client = Client()
    client.force_login(coordinator)

    assert client.get(reverse("academy:reports")).status_code == 403
    assert client.get(reverse("academy:reports_export", args=["csv"])).status_code == 403


def test_csv_export_reads_back(trained, trainer):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(trainer)

    response = client.get(reverse("academy:reports_export", args=["csv"]))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Year", "Level", "People trained"]
    assert rows[1] == ["2026", "2", "2", "3", "2", "66.7", "2", "4.5"]
    assert ["Total", "3", "2", "66.7"] in rows


def test_xlsx_export_reads_back(trained, trainer):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(trainer)

    response = client.get(reverse("academy:reports_export", args=["xlsx"]) + "?year=2026")

    workbook = load_workbook(io.BytesIO(response.content))
    levels = list(workbook["Levels"].iter_rows(values_only=True))
    provinces = list(workbook["Provinces"].iter_rows(values_only=True))
    assert levels[1] == (2026, 2, 2, 3, 2, 66.7, 2, 4.5)
    assert provinces[-1] == ("Total", 3, 2, 66.7)


def test_unknown_export_format_is_404(trainer):
    client = Client()
    client.force_login(trainer)

    assert client.get(reverse("academy:reports_export", args=["pdf"])).status_code == 404


def test_report_queries_do_not_grow_with_rows(trained, trainer, antwerp):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(trainer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("academy:reports"))
        return len(captured)

    before = queries()
    edition = make_edition(make_course(1), starts=STARTS.replace(year=2025))
    for index in range(5):
        town = make_municipality(f"{13100 + index}", f"Dorp {index}", antwerp)
        enrolment = make_enrolment(
            edition, make_person(f"p{index}@dorp.example.org", "participant", town)
        )
        certify(enrolment, datetime.date(2025, 5, 1))
        Attendance.objects.create(
            session=edition.sessions.get(), enrolment=enrolment, status="present"
        )
    rate(edition.sessions.get(), 3, 4, 5)
    assert queries() == before


def test_dutch_report_page_writes_shares_with_a_decimal_comma(trained, trainer):
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(trainer)

    html = client.get(reverse("academy:reports") + "?year=2026").content.decode()

    assert "2 van 3 aangesloten gemeenten (66,7\u00a0%)" in html
    assert "66.7" not in html
