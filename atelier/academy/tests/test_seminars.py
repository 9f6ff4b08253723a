"""Seminars: academy courses outside the three levels, with an audience and topics."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from atelier.academy.demo.seminars import load_demo_seminars
from atelier.academy.models import Course, CourseKind, Edition, SeminarAudience
from atelier.academy.services.certificates import issue_certificates
from atelier.academy.services.enrolment import enrol
from atelier.academy.tests.factories import (
    make_course,
    make_edition,
    make_enrolment,
    make_venue,
)
from atelier.knowledge.models import Topic

pytestmark = pytest.mark.django_db


def make_seminar(
    title: str = "Studiedag GDPR",
    audience: str = SeminarAudience.STAFF,
    topics: tuple[str, ...] = ("digital",),
) -> Course:
    course = Course.objects.create(
        kind=CourseKind.SEMINAR, title_nl=title, summary_nl="…", audience=audience
    )
    course.topics.set(Topic.objects.filter(slug__in=topics))
    return course


def in_days(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def titles(query: str = "") -> list[str]:
    response = Client().get("/academy/" + query)
    assert response.status_code == 200
    return [edition.course.title_nl for edition in response.context["page"].object_list]


@pytest.fixture
def programme():
    make_edition(make_course(title="Service design in één dag"), starts=in_days(10))
    make_edition(make_seminar("Studiedag GDPR"), starts=in_days(11))
    make_edition(
        make_seminar(
            "Studiedag raadsleden", SeminarAudience.COUNCILLORS, topics=("democracy", "finance")
        ),
        starts=in_days(12),
    )
    make_edition(
        make_seminar("Studiedag OCMW", SeminarAudience.BOTH, topics=("social-policy",)),
        starts=in_days(13),
    )


def test_a_training_needs_a_level_and_a_seminar_has_none():
    with pytest.raises(IntegrityError), transaction.atomic():
        Course.objects.create(kind=CourseKind.TRAINING, title_nl="Zonder niveau", summary_nl="…")
    seminar = make_seminar()
    assert seminar.level is None and seminar.is_seminar


def test_catalogue_shows_training_and_seminars_and_filters_them(programme):
    assert len(titles()) == 4
    assert titles("?kind=training") == ["Service design in één dag"]
    assert titles("?kind=seminar") == ["Studiedag GDPR", "Studiedag raadsleden", "Studiedag OCMW"]
    # "Both" seminars are for councillors and for staff.
    assert titles("?audience=councillors") == ["Studiedag raadsleden", "Studiedag OCMW"]
    assert titles("?audience=staff") == ["Studiedag GDPR", "Studiedag OCMW"]
    assert titles("?topic=finance") == ["Studiedag raadsleden"]
    assert titles("?kind=seminar&audience=staff&topic=digital") == ["Studiedag GDPR"]


def test_catalogue_page_names_a_seminar_and_its_audience(programme):
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get("/academy/?kind=seminar").content.decode()
    assert "Seminar" in html and "councillors and staff" in html
    assert "Level 2" not in html


def test_seminar_edition_page_lists_its_topics_not_level_objectives():
    edition = make_edition(make_seminar(topics=("digital", "civil-affairs")))
    html = Client(HTTP_ACCEPT_LANGUAGE="en").get(f"/academy/editions/{edition.pk}/")
    text = html.content.decode()
    assert html.status_code == 200
    assert "Digitalisation and data" in text and "Civil affairs" in text
    assert "What you learn at level" not in text


def test_editions_api_gives_kind_audience_and_filters(programme):
    body = Client().get("/api/v1/editions?kind=seminar&audience=councillors").json()
    assert body["count"] == 2
    first = body["items"][0]
    assert (first["kind"], first["audience"], first["level_number"]) == (
        "seminar",
        "councillors",
        None,
    )
    training = Client().get("/api/v1/editions?kind=training").json()["items"][0]
    assert (training["kind"], training["level_number"]) == ("training", 2)


def test_catalogue_query_count_does_not_grow_with_seminars():
    venue, course = make_venue(), make_seminar()

    def queries_for(editions: int) -> int:
        Edition.objects.all().delete()
        for index in range(editions):
            make_edition(course, starts=in_days(10 + index), venue=venue)
        client = Client()
        client.get("/academy/?kind=seminar")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/academy/?kind=seminar").status_code == 200
        return len(queries)

    assert queries_for(3) == queries_for(30)


def test_seminar_enrolment_charges_the_non_member_price(outsider, participant):
    outsider.organisation.is_member = False
    outsider.organisation.save()
    edition = make_edition(
        make_seminar(), price_member=Decimal("75.00"), price_non_member=Decimal("150.00")
    )
    member = enrol(edition=edition, person=participant, by=participant)
    other = enrol(edition=edition, person=outsider, by=outsider)
    assert member.charge.amount == Decimal("75.00")
    assert other.charge.amount == Decimal("150.00")


def test_a_seminar_gives_no_level_certificate(participant, trainer):
    seminar, training = make_seminar(), make_course()
    for course in (seminar, training):
        course.attendance_share = Decimal("0")
        course.save()
    editions = [make_edition(course, starts=in_days(-3)) for course in (seminar, training)]
    for edition in editions:
        make_enrolment(edition, participant)

    assert issue_certificates(edition=editions[0], by=trainer) == []
    assert len(issue_certificates(edition=editions[1], by=trainer)) == 1


def test_demo_has_three_seminars_in_several_places(registry):
    editions = load_demo_seminars(today=datetime.date(2026, 12, 7))
    seminars = Course.objects.filter(kind=CourseKind.SEMINAR)
    assert seminars.count() == 3
    assert {s.audience for s in seminars} == {"councillors", "staff", "both"}
    assert all(seminar.topics.exists() for seminar in seminars)
    cities = {e.sessions.first().venue.city for e in editions}
    assert len(cities) >= 3
    assert len(load_demo_seminars(today=datetime.date(2026, 12, 7))) == len(editions)
