"""Each role's home lists what needs the person now, in queries that do not grow with data."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from atelier.academy.models import Session
from atelier.academy.services.learning_path import assign_reviews
from atelier.academy.tests.factories import make_edition, make_enrolment
from atelier.academy.tests.test_learning_path_pages import make_cohort
from atelier.home.models import StartHereDismissal
from atelier.projects.services import open_project
from conftest import make_municipality

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def home_queries(client: Client) -> int:
    client.get("/")  # the session and the language settle on the first request
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def open_projects(person, count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        open_project(title=f"Project {number}", problem_statement="p", target_group="t", by=person)


def enrol_in_editions(person, count: int, trainer=None) -> None:
    for number in range(count):
        edition = make_edition(starts=timezone.now() + datetime.timedelta(days=1 + number))
        edition.sessions.update(trainer=trainer)
        make_enrolment(edition, person)


def test_a_participant_sees_projects_sessions_and_reviews_to_write(
    participant, trainer, geel, lennik
):
    open_projects(participant, 1)
    enrol_in_editions(participant, 1)
    cohort = make_cohort(trainer, [geel, lennik])
    cohort.teams.get(organisation=geel).members.add(participant)
    assign_reviews(milestone=cohort.milestones.get(peer_review=True), by=trainer)

    page = signed_in(participant).get("/").content.decode()

    assert "Project 0" in page
    assert "Service design in één dag" in page  # the next session
    assert "Review Lennik for “Research”" in page
    assert "Milestone “Briefing”" in page and "late" in page


def test_a_participant_home_costs_the_same_with_more_data(participant, trainer, geel, lennik):
    open_projects(participant, 1)
    enrol_in_editions(participant, 1)
    first_cohort = make_cohort(trainer, [geel, lennik])
    first_cohort.teams.get(organisation=geel).members.add(participant)
    client = signed_in(participant)
    few = home_queries(client)

    open_projects(participant, 6, start=1)
    enrol_in_editions(participant, 6)
    for organisation in [make_municipality(f"1100{n}", f"G{n}", geel.province) for n in range(3)]:
        cohort = make_cohort(trainer, [geel, organisation])
        cohort.teams.get(organisation=geel).members.add(participant)
        assign_reviews(milestone=cohort.milestones.get(peer_review=True), by=trainer)

    assert home_queries(client) <= few


def test_an_empty_home_says_what_to_do_first(participant):
    page = signed_in(participant).get("/").content.decode()

    assert "You are on no project team yet." in page
    assert "Find a training in the catalogue" in page
    assert "Start here" in page


def test_the_coordinator_sees_the_overdue_invoice_with_its_pdf_one_click_away(
    coordinator, geel_invoice
):
    page = signed_in(coordinator).get("/").content.decode()

    assert f'href="/fees/invoices/{geel_invoice.pk}/pdf/"' in page
    assert geel_invoice.display_number in page
    assert "overdue since" in page  # issued 15 January 2026, due 30 days later
    pdf = signed_in(coordinator).get(f"/fees/invoices/{geel_invoice.pk}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_a_coordinator_home_costs_the_same_with_more_data(coordinator, participant, geel_invoice):
    client = signed_in(coordinator)
    open_projects(participant, 1)
    open_projects(coordinator, 1, start=20)
    enrol_in_editions(participant, 1)
    few = home_queries(client)

    open_projects(participant, 6, start=1)
    open_projects(coordinator, 3, start=10)
    enrol_in_editions(participant, 4)

    assert home_queries(client) <= few


def test_the_trainer_sees_tomorrows_attendance_to_take(trainer, participant):
    enrol_in_editions(participant, 1, trainer=trainer)
    session = Session.objects.get()

    page = signed_in(trainer).get("/").content.decode()

    assert f'href="/academy/sessions/{session.pk}/attendance/"' in page
    assert "Take the attendance of Service design in één dag" in page
    assert "tomorrow" in page


def test_a_trainer_home_costs_the_same_with_more_data(trainer, participant, geel, lennik):
    enrol_in_editions(participant, 1, trainer=trainer)
    make_cohort(trainer, [geel, lennik])
    client = signed_in(trainer)
    few = home_queries(client)

    enrol_in_editions(participant, 6, trainer=trainer)
    for n in range(3):
        make_cohort(trainer, [geel, lennik, make_municipality(f"1200{n}", f"H{n}", geel.province)])

    assert home_queries(client) <= few


def test_the_administrator_sees_the_fee_run_and_what_is_unpaid(administrator, geel_invoice):
    page = signed_in(administrator).get("/").content.decode()

    assert "Fee run: issued" in page
    assert "invoices unpaid" in page
    assert "erasure requests to handle" in page


def test_the_first_steps_can_be_put_away_and_brought_back(participant):
    client = signed_in(participant)

    client.post("/home/start-here/dismiss/")
    assert "Start here" not in client.get("/").content.decode()
    assert StartHereDismissal.objects.filter(person=participant).exists()
    client.post("/home/start-here/show/")
    assert "Start here" in client.get("/").content.decode()


def test_an_anonymous_visitor_sees_what_atelier_is(client):
    assert "Member registry" in client.get("/").content.decode()


def test_a_comment_that_mentions_the_participant_waits_on_their_home_until_resolved(
    participant, coordinator
):
    from atelier.canvases.services.comments import add_comment, resolve_comment
    from atelier.canvases.tests.factories import make_journey, make_project
    from atelier.projects.services import add_member

    project = make_project(coordinator)
    add_member(project=project, user=participant, by=coordinator)
    journey = make_journey(project, coordinator, stages=1, steps=1)
    name = f"@{participant.email}"
    comment = add_comment(canvas=journey, body=f"{name} can you check step 1?", by=coordinator)
    client = signed_in(participant)

    page = client.get("/").content.decode()
    assert "mentioned you on “Visit to the social house”" in page
    assert f"/canvases/{journey.pk}/comments/" in page

    resolve_comment(comment=comment, resolved=True, by=participant)
    assert "mentioned you on" not in client.get("/").content.decode()


def test_a_mention_on_a_project_the_person_left_is_not_shown(participant, coordinator):
    from atelier.canvases.services.comments import add_comment
    from atelier.canvases.tests.factories import make_journey, make_project
    from atelier.projects.services import add_member, remove_member

    project = make_project(coordinator)
    member = add_member(project=project, user=participant, by=coordinator)
    journey = make_journey(project, coordinator, stages=1, steps=1)
    add_comment(canvas=journey, body=f"@{participant.email} look", by=coordinator)
    remove_member(member=member, by=coordinator)

    assert "mentioned you on" not in signed_in(participant).get("/").content.decode()
