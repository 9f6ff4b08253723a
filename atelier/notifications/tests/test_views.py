"""The bell, the list, marking read and the mail preferences."""

import pytest
from django.test import Client

from atelier.notifications.models import Delivery, Kind, Notification, Preference
from atelier.notifications.services import notify

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def invite(person, number: int) -> Notification:
    return notify(
        recipient=person,
        kind=Kind.INVITED,
        key=f"project-member:{number}",
        url=f"/projects/{number}/",
        params={"by": "Sara", "project": f"Project {number}"},
    )


def test_the_bell_shows_the_unread_count_in_words_for_screen_readers(participant):
    invite(participant, 1)
    invite(participant, 2)

    page = signed_in(participant).get("/notifications/").content.decode()

    assert 'class="bell"' in page
    assert 'bell__count bell__count--unread">2</span>' in page
    assert "Project 2" in page and "Project 1" in page


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(participant):
    notification = invite(participant, 7)

    response = signed_in(participant).get(f"/notifications/{notification.pk}/open/")

    assert response.status_code == 302 and response["Location"] == "/projects/7/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_read_and_mark_all_read(participant):
    first, second, third = (invite(participant, n) for n in (1, 2, 3))
    client = signed_in(participant)

    client.post(f"/notifications/{first.pk}/read/")
    assert Notification.objects.filter(read_at__isnull=True).count() == 2
    client.post("/notifications/read-all/")

    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert "bell__count--unread" not in client.get("/notifications/").content.decode()


def test_someone_elses_notification_answers_404(participant, outsider):
    notification = invite(participant, 1)
    client = signed_in(outsider)

    assert client.get(f"/notifications/{notification.pk}/open/").status_code == 404
    assert client.post(f"/notifications/{notification.pk}/read/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_list_reads_in_a_constant_number_of_queries(participant, django_assert_max_num_queries):
    invite(participant, 1)
    client = signed_in(participant)
    client.get("/notifications/")  # the session and the language settle on the first request
    with django_assert_max_num_queries(8) as few:
        client.get("/notifications/")
    for number in range(2, 30):
        invite(participant, number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/notifications/")


def test_preferences_are_saved_per_kind(participant):
    client = signed_in(participant)
    page = client.get("/notifications/preferences/").content.decode()
    assert "Peer review assigned" in page
    assert "Mentioned in a comment" in page  # canvas comments send it
    assert "Question answered" in page  # the advice desk sends it

    form = {kind: Delivery.IMMEDIATELY for kind in Kind.values}
    form[Kind.REVIEW_ASSIGNED] = Delivery.DIGEST
    del form[Kind.ENROLMENT_CONFIRMED], form[Kind.ENROLMENT_PROMOTED]
    response = client.post("/notifications/preferences/", form)

    assert response.status_code == 302
    saved = Preference.objects.get(person=participant, kind=Kind.REVIEW_ASSIGNED)
    assert saved.delivery == Delivery.DIGEST


def test_the_list_needs_a_sign_in(client):
    assert client.get("/notifications/").status_code == 302
