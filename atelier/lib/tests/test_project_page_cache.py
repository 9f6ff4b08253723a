"""A project's pages per signed-in person: stored between changes, renewed by every change.

Each test first reads a page twice (the second read must come from the cache, or the
test proves nothing), then changes something the page shows and reads it again.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.accounts.models import Role
from atelier.canvases.models import Card, LaneKind
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.comments import add_comment
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.lib.page_cache import HEADER, project_pages, versions
from atelier.method.models import ArtefactKind, Phase
from atelier.notifications.services import notify
from atelier.projects.models import Project, ProjectMember
from atelier.projects.services import add_member
from conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db(transaction=True)  # bumps happen when changes commit

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PROJECT_PAGE_CACHE_SECONDS = 60
    settings.LANGUAGE_CODE = "en"
    project_pages._canvas_projects.clear()  # pks of an earlier test's rows
    versions.bump(project_pages.EVERYTHING_KEY)  # nothing stored by an earlier test


@pytest.fixture
def journey(participant):
    return make_journey(make_project(participant), participant, stages=2, steps=2)


def signed_in(person) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(person)
    return client


def editor(journey) -> str:
    return reverse("canvases:canvas", args=[journey.pk])


def stored(client: Client, url: str) -> str:
    """The page, read until it comes from the cache: first rendered, then stored."""
    assert HEADER not in client.get(url)
    again = client.get(url)
    assert again.status_code == 200 and again[HEADER] == "hit"
    return again.content.decode()


def fresh(client: Client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200 and HEADER not in page, "served stale from the cache"
    return page.content.decode()


def first_card(journey) -> Card:
    return Card.objects.filter(canvas=journey, lane__kind=LaneKind.CARDS).order_by("pk").first()


def test_a_second_visit_is_served_without_rendering_and_its_token_works(participant, journey):
    client, other_browser = signed_in(participant), signed_in(participant)
    url = editor(journey)
    page = stored(client, url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) <= 2  # the session and the person, as on any signed-in page
    assert "\x00" not in page
    # A second browser of the same person gets the page with a token of its own session.
    again = other_browser.get(url)
    assert again[HEADER] == "hit"
    token = CSRF.search(again.content.decode()).group(1)
    card = first_card(journey)
    other_browser.get(url)  # the same page, not a token left from the first browser
    answer = other_browser.post(
        reverse("canvases:card_text", args=[card.pk]),
        {"text": "Belt naar het loket", "version": card.version, "csrfmiddlewaretoken": token},
    )
    assert answer.status_code == 302  # not refused as a forged request


def test_a_card_edited_in_the_editor_shows_at_once(participant, journey):
    client = signed_in(participant)
    url = editor(journey)
    stored(client, url)
    card = first_card(journey)
    client.post(
        reverse("canvases:card_text", args=[card.pk]),
        {"text": "Belt naar het loket", "version": card.version},
        HTTP_HX_REQUEST="true",
    )
    assert "Belt naar het loket" in fresh(client, url)


def test_a_colleagues_comment_and_a_renamed_persona_show_at_once(participant, coordinator, journey):
    client = signed_in(participant)
    url = editor(journey)
    stored(client, url)
    add_member(project=journey.project, user=coordinator, by=participant)
    stored(client, url)
    add_comment(canvas=journey, card=first_card(journey), body="Klopt dit?", by=coordinator)
    assert "1 comment" in fresh(client, url)

    persona = create_canvas(
        project=journey.project, kind=ArtefactKind.PERSONA, title="Fatima", by=participant
    )
    card = Card.objects.filter(canvas=journey, lane__kind=LaneKind.PERSONA).first()
    card.fields = {"persona": str(persona.uid)}
    card.save()
    assert "Fatima" in stored(client, url)
    persona.title = "Fatima, 67"
    persona.save()  # another canvas of the project, changed outside any request
    assert "Fatima, 67" in fresh(client, url)


def test_a_project_renamed_shows_on_its_page_and_its_canvases(client, participant, journey):
    person = signed_in(participant)
    page, canvas = reverse("projects:detail", args=[journey.project.pk]), editor(journey)
    stored(person, page), stored(person, canvas)
    project = Project.objects.get(pk=journey.project.pk)
    project.title = "Eén loket voor alles"
    project.save()
    assert "Eén loket voor alles" in fresh(person, page)
    assert "Eén loket voor alles" in fresh(person, canvas)


def test_someone_taken_off_the_team_gets_404_at_once(participant, geel, journey):
    colleague = make_person("colleague@geel.example.org", Role.PARTICIPANT, geel)
    add_member(project=journey.project, user=colleague, by=participant)
    client = signed_in(colleague)
    url = editor(journey)
    stored(client, url)
    ProjectMember.objects.get(project=journey.project, user=colleague).delete()
    assert client.get(url).status_code == 404


def test_each_person_has_their_own_page(participant, coordinator, outsider, journey):
    participants, coordinators = signed_in(participant), signed_in(coordinator)
    notify(recipient=coordinator, kind="mentioned", key="test", url="/")
    url = editor(journey)
    assert "bell__count--unread" not in stored(participants, url)
    theirs = coordinators.get(url)
    assert HEADER not in theirs and "bell__count--unread" in theirs.content.decode()
    assert signed_in(outsider).get(url).status_code == 404


def test_a_change_to_another_project_leaves_the_stored_page_alone(participant, journey):
    client = signed_in(participant)
    url = editor(journey)
    stored(client, url)
    elsewhere = make_journey(make_project(participant, title="Elders"), participant, stages=1)
    card = first_card(elsewhere)
    card.text = "Elders gewijzigd"
    card.save()
    assert client.get(url)[HEADER] == "hit"
    assert client.get(editor(elsewhere)).status_code == 200


def test_an_edit_in_the_editor_renews_that_projects_pages_only(participant, coordinator, journey):
    """So that a busy workshop on one project does not empty everyone's stored pages."""
    other = make_journey(make_project(coordinator, title="Elders"), coordinator, stages=1)
    reader = signed_in(coordinator)
    stored(reader, editor(other))
    stored(reader, editor(journey))
    card = first_card(journey)
    signed_in(participant).post(
        reverse("canvases:card_text", args=[card.pk]),
        {"text": "Belt naar het loket", "version": card.version},
        HTTP_HX_REQUEST="true",
    )
    assert reader.get(editor(other))[HEADER] == "hit"
    assert "Belt naar het loket" in fresh(reader, editor(journey))


def test_a_notification_and_reading_them_all_show_in_the_header(participant, journey):
    client = signed_in(participant)
    url = reverse("projects:detail", args=[journey.project.pk])
    stored(client, url)
    notify(recipient=participant, kind="mentioned", key="test", url="/")
    assert "bell__count--unread" in fresh(client, url)
    assert client.get(url)[HEADER] == "hit"
    client.post(reverse("notifications:read_all"))  # an update() that sends no signal
    assert "bell__count--unread" not in fresh(client, url)


def test_a_change_to_the_method_shows_on_the_project_page(participant, journey):
    client = signed_in(participant)
    url = reverse("projects:detail", args=[journey.project.pk])
    stored(client, url)
    phase = Phase.objects.create(position=1, slug="discover", name_nl="Ontdekken")
    assert "Ontdekken" in fresh(client, url)
    assert client.get(url)[HEADER] == "hit"
    phase.name_en = "Finding out"
    phase.save()
    assert "Finding out" in fresh(client, url)


def test_language_and_htmx_each_have_their_own_page_and_messages_are_never_stored(
    participant, journey
):
    client = signed_in(participant)
    url = editor(journey)
    stored(client, url)
    assert HEADER not in client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
    board = reverse("canvases:board", args=[journey.pk])
    assert "<html" not in stored(client, board)
    # After a change the view redirects with a message: the page that shows it is rendered.
    client.post(
        reverse("canvases:settings", args=[journey.pk]),
        {"title": "Bezoek", "state": "as_is", "description": "", "revision": 0},
    )
    journey.refresh_from_db()
    client.post(
        reverse("canvases:settings", args=[journey.pk]),
        {"title": "Bezoek", "state": "as_is", "description": "", "revision": journey.revision},
    )
    told = client.get(url)
    assert HEADER not in told and "The canvas is saved." in told.content.decode()
    assert "The canvas is saved." not in fresh(client, url)


def test_off_without_a_shared_cache(settings, participant, journey):
    settings.PROJECT_PAGE_CACHE_SECONDS = 0
    client = signed_in(participant)
    client.get(editor(journey))
    assert HEADER not in client.get(editor(journey))


def test_signing_in_and_switching_language_leave_other_peoples_pages_stored(
    participant, coordinator, journey
):
    reader = signed_in(participant)
    stored(reader, editor(journey))
    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    signed = other.post(
        reverse("account_login"), {"login": coordinator.email, "password": PASSWORD}
    )
    assert signed.status_code == 302 and other.get(editor(journey)).status_code == 200
    other.post(reverse("set_language"), {"language": "nl"})
    assert reader.get(editor(journey))[HEADER] == "hit"
