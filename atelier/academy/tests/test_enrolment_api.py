"""Enrolment through the API with a personal token."""

from atelier.academy.models import Enrolment
from atelier.accounts.models import User
from atelier.accounts.services import create_api_token

from .factories import make_edition, make_enrolment

API = "/api/v1"


def bearer(user: User) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="tests")
    # Messages are asserted in English; the interface defaults to Dutch.
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", "HTTP_ACCEPT_LANGUAGE": "en"}


def post_enrolment(client, edition, user, **payload):
    return client.post(
        f"{API}/editions/{edition.pk}/enrolments",
        payload,
        content_type="application/json",
        **bearer(user),
    )


def test_token_user_enrols_and_gets_201(client, participant):
    response = post_enrolment(client, make_edition(), participant)

    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"


def test_full_edition_answers_waitlisted_with_the_position(client, participant, outsider):
    edition = make_edition(capacity=1)
    make_enrolment(edition, outsider)

    body = post_enrolment(client, edition, participant).json()

    assert (body["status"], body["waitlist_position"]) == ("waitlisted", 1)


def test_coordinator_enrols_a_colleague_by_id(client, coordinator, participant):
    response = post_enrolment(client, make_edition(), coordinator, person_id=participant.pk)

    assert response.status_code == 201
    assert response.json()["person_id"] == participant.pk


def test_coordinator_gets_403_for_someone_of_another_organisation(client, coordinator, outsider):
    response = post_enrolment(client, make_edition(), coordinator, person_id=outsider.pk)

    assert response.status_code == 403
    assert "own organisation" in response.json()["detail"]


def test_enrolling_twice_answers_400_with_a_message(client, participant):
    edition = make_edition()
    post_enrolment(client, edition, participant)

    response = post_enrolment(client, edition, participant)

    assert response.status_code == 400
    assert response.json()["detail"]


def test_unknown_edition_answers_404(client, participant):
    response = client.post(
        f"{API}/editions/999999/enrolments",
        {},
        content_type="application/json",
        **bearer(participant),
    )

    assert response.status_code == 404


def test_without_a_token_answers_401(client, participant):
    response = client.post(
        f"{API}/editions/{make_edition().pk}/enrolments", {}, content_type="application/json"
    )

    assert response.status_code == 401


def test_delete_cancels_the_enrolment(client, participant):
    enrolment = make_enrolment(make_edition(), participant)

    response = client.delete(f"{API}/enrolments/{enrolment.pk}", **bearer(participant))

    assert response.status_code == 200
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED


def test_delete_of_someone_elses_enrolment_answers_404(client, participant, outsider):
    enrolment = make_enrolment(make_edition(), participant)

    response = client.delete(f"{API}/enrolments/{enrolment.pk}", **bearer(outsider))

    assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status != Enrolment.Status.CANCELLED


def test_list_shows_only_the_token_users_enrolments(client, participant, outsider):
    edition = make_edition()
    mine = make_enrolment(edition, participant)
    make_enrolment(edition, outsider)

    body = client.get(f"{API}/enrolments", **bearer(participant)).json()

    assert body["count"] == 1
    assert body["items"][0]["id"] == mine.pk
