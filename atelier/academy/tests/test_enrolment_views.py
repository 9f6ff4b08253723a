"""The enrolment pages: the box on an edition, my enrolments, colleagues, participants."""

import datetime

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import Enrolment
from atelier.academy.services.enrolment import enrol
from atelier.accounts.models import Role
from conftest import make_person

from .factories import make_edition, make_enrolment


def client_for(user=None) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def edition_page(client: Client, edition) -> str:
    response = client.get(reverse("academy:edition", args=[edition.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_visitor_sees_a_sign_in_link_that_comes_back(db):
    edition = make_edition()

    page = edition_page(client_for(), edition)

    path = reverse("academy:edition", args=[edition.pk])
    assert f"?next={path}" in page
    assert "Sign in to enrol" in page


def test_participant_enrols_from_the_edition_page(participant):
    edition = make_edition()
    client = client_for(participant)
    assert "Enrol" in edition_page(client, edition)

    response = client.post(reverse("academy:enrol", args=[edition.pk]), follow=True)

    assert "You have a seat." in response.content.decode()
    assert Enrolment.objects.get(person=participant).status == Enrolment.Status.CONFIRMED
    assert "You are enrolled in this edition." in edition_page(client, edition)


def test_full_edition_offers_the_waitlist_and_shows_the_place(participant, outsider):
    edition = make_edition(capacity=1)
    make_enrolment(edition, outsider)
    client = client_for(participant)
    assert "Join the waitlist" in edition_page(client, edition)

    client.post(reverse("academy:enrol", args=[edition.pk]))

    assert "number 1 in line" in edition_page(client, edition)


def test_refusal_is_shown_as_a_message(participant):
    edition = make_edition()
    client = client_for(participant)
    client.post(reverse("academy:enrol", args=[edition.pk]))

    response = client.post(reverse("academy:enrol", args=[edition.pk]), follow=True)

    assert "already enrolled" in response.content.decode()


def test_participant_cancels_their_own_enrolment(participant):
    enrolment = make_enrolment(make_edition(), participant)

    response = client_for(participant).post(
        reverse("academy:cancel", args=[enrolment.pk]), follow=True
    )

    assert "The enrolment is cancelled." in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED


def test_outsider_gets_404_cancelling_someone_elses_enrolment(participant, outsider):
    enrolment = make_enrolment(make_edition(), participant)

    response = client_for(outsider).post(reverse("academy:cancel", args=[enrolment.pk]))

    assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status != Enrolment.Status.CANCELLED


def test_my_enrolments_shows_upcoming_and_waitlist_position(participant, outsider):
    full = make_edition(capacity=1)
    make_enrolment(full, outsider)
    enrol(edition=full, person=participant, by=participant)
    enrol(edition=make_edition(), person=participant, by=participant)

    page = client_for(participant).get(reverse("academy:my_enrolments")).content.decode()

    assert "number 1 in line" in page
    assert "Leave the waitlist" in page
    assert "Cancel" in page


def test_my_enrolments_query_count_does_not_grow(participant, django_assert_max_num_queries):
    for _ in range(6):
        enrol(edition=make_edition(), person=participant, by=participant)
    client = client_for(participant)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("academy:my_enrolments"))
    for _ in range(6):
        enrol(edition=make_edition(capacity=1), person=participant, by=participant)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("academy:my_enrolments"))

    assert len(many) == len(few)


def test_coordinator_enrols_ticked_colleagues_with_a_result_per_person(coordinator, geel):
    first = make_person("ann@geel.be", Role.PARTICIPANT, geel)
    second = make_person("bob@geel.be", Role.PARTICIPANT, geel)
    edition = make_edition(capacity=1)
    url = reverse("academy:enrol_colleagues", args=[edition.pk])
    client = client_for(coordinator)
    assert (
        "ann@geel.be" in client.get(url).content.decode()
        or "Ann" in client.get(url).content.decode()
    )

    page = client.post(url, {"person": [first.pk, second.pk]}).content.decode()

    assert "Ann Test: confirmed" in page
    assert "Bob Test: on the waitlist" in page
    statuses = dict(Enrolment.objects.values_list("person__email", "status"))
    assert statuses == {"ann@geel.be": "confirmed", "bob@geel.be": "waitlisted"}


def test_coordinator_cannot_enrol_people_of_another_organisation(coordinator, outsider):
    edition = make_edition()

    page = client_for(coordinator).post(
        reverse("academy:enrol_colleagues", args=[edition.pk]), {"person": [outsider.pk]}
    )

    assert "not enrolled" in page.content.decode()
    assert not Enrolment.objects.exists()


def test_participant_gets_403_on_the_colleagues_page(participant):
    response = client_for(participant).get(
        reverse("academy:enrol_colleagues", args=[make_edition().pk])
    )

    assert response.status_code == 403


def test_staff_see_participants_and_waitlist_in_order(trainer, participant, outsider, coordinator):
    edition = make_edition(capacity=1)
    enrol(edition=edition, person=participant, by=participant)
    enrol(edition=edition, person=outsider, by=outsider)
    enrol(edition=edition, person=coordinator, by=coordinator)

    page = client_for(trainer).get(reverse("academy:participants", args=[edition.pk]))

    text = page.content.decode()
    assert (
        text.index(participant.email) < text.index(outsider.email) < text.index(coordinator.email)
    )
    assert "Geel" in text


def test_staff_enrol_past_capacity_with_a_reason(trainer, participant, outsider):
    edition = make_edition(capacity=1)
    make_enrolment(edition, outsider)
    url = reverse("academy:participants", args=[edition.pk])

    missing = client_for(trainer).post(url, {"email": participant.email, "reason": ""})
    response = client_for(trainer).post(
        url, {"email": participant.email, "reason": "Speaker"}, follow=True
    )

    assert missing.status_code == 200
    assert "has a seat" in response.content.decode()
    assert Enrolment.objects.get(person=participant).override_reason == "Speaker"


def test_participants_page_is_for_staff_only(participant):
    response = client_for(participant).get(
        reverse("academy:participants", args=[make_edition().pk])
    )

    assert response.status_code == 403


def test_participants_query_count_does_not_grow(trainer, geel):
    edition = make_edition(capacity=50)
    client = client_for(trainer)
    url = reverse("academy:participants", args=[edition.pk])
    for number in range(3):
        make_enrolment(edition, make_person(f"p{number}@geel.be", Role.PARTICIPANT, geel))
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(3, 12):
        make_enrolment(edition, make_person(f"p{number}@geel.be", Role.PARTICIPANT, geel))
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) == len(few)


def test_edition_past_its_deadline_shows_closed_instead_of_an_enrol_button(participant):
    edition = make_edition(deadline=timezone.now() - datetime.timedelta(hours=1))

    for client in (client_for(participant), client_for()):
        page = edition_page(client, edition)
        assert "Registration closed on" in page
        assert reverse("academy:enrol", args=[edition.pk]) not in page
        assert "Sign in to enrol" not in page


def test_edition_before_its_deadline_still_offers_to_enrol(participant):
    edition = make_edition(deadline=timezone.now() + datetime.timedelta(hours=1))

    page = edition_page(client_for(participant), edition)

    assert reverse("academy:enrol", args=[edition.pk]) in page
    assert "Registration closed" not in page


def waitlisted(participant, outsider) -> Enrolment:
    full = make_edition(capacity=1)
    make_enrolment(full, outsider)
    return enrol(edition=full, person=participant, by=participant)


def test_leaving_the_waitlist_asks_to_confirm_first(participant, outsider):
    enrolment = waitlisted(participant, outsider)
    url = reverse("academy:cancel", args=[enrolment.pk])

    response = client_for(participant).post(url, {"next": "/academy/my/"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Leave the waitlist?" in page and "number 1 in line" in page
    assert 'name="confirmed" value="yes"' in page and 'value="/academy/my/"' in page
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.WAITLISTED


def test_confirming_takes_the_person_off_the_waitlist(participant, outsider):
    enrolment = waitlisted(participant, outsider)
    url = reverse("academy:cancel", args=[enrolment.pk])

    response = client_for(participant).post(url, {"confirmed": "yes", "next": "/academy/my/"})

    assert response.status_code == 302 and response["Location"] == "/academy/my/"
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED


def test_confirmation_page_does_not_offer_a_foreign_return_address(participant, outsider):
    enrolment = waitlisted(participant, outsider)
    url = reverse("academy:cancel", args=[enrolment.pk])

    page = client_for(participant).post(url, {"next": "https://evil.example/"}).content.decode()

    assert "evil.example" not in page
    assert reverse("academy:edition", args=[enrolment.edition_id]) in page


def test_staff_remove_someone_from_the_waitlist_without_a_confirmation_step(
    participant, outsider, administrator
):
    enrolment = waitlisted(participant, outsider)

    client_for(administrator).post(reverse("academy:cancel", args=[enrolment.pk]))

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
