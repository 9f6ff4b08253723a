"""GDPR: a person downloads what is held about them and asks for its erasure."""

import datetime
import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from auditlog.models import LogEntry
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from atelier.accounts.models import ApiToken, ErasureRequest, Invitation, Role
from atelier.accounts.services import (
    accept_invitation,
    create_api_token,
    erase_person,
    request_erasure,
)

from .conftest import PASSWORD

OLD_EMAIL = "griet.peeters@geel.example.org"


@pytest.fixture
def griet(make_user, geel):
    """A coordinator with a name and address distinctive enough to search the database for."""
    return make_user(
        OLD_EMAIL,
        first_name="Griet",
        last_name="Peeters",
        job_title="Dienstverlening",
        role=Role.COORDINATOR,
        organisation=geel,
    )


def active_work_of(person, client_for):
    """Sign the person in and let them change things through the interface."""
    client = client_for(person)
    client.post(reverse("accounts:api_token_create"), {"name": "budget dashboard"})
    client.post(
        reverse("accounts:invitations"),
        {
            "email": "new@geel.example.org",
            "role": Role.PARTICIPANT,
            "organisation": person.organisation.pk,
        },
    )
    return client


def log_text(entry: LogEntry) -> str:
    return json.dumps(
        [
            entry.object_repr,
            entry.changes_text,
            entry.changes,
            entry.serialized_data,
            entry.additional_data,
            entry.actor_email,
        ],
        default=str,
    )


def test_download_holds_account_tokens_and_changes_made(griet, client_for):
    client = active_work_of(griet, client_for)

    response = client.get(reverse("accounts:personal_data"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    account = data["account"]
    assert account["email"] == OLD_EMAIL
    assert (account["first_name"], account["last_name"]) == ("Griet", "Peeters")
    assert account["organisation"] == "Geel"
    assert account["role"] == Role.COORDINATOR
    assert [t["name"] for t in data["api_tokens"]] == ["budget dashboard"]
    assert [i["email"] for i in data["invitations_sent"]] == ["new@geel.example.org"]
    assert data["email_addresses"] == [{"email": OLD_EMAIL, "verified": True, "primary": True}]
    changed = {entry["object"] for entry in data["changes_made"]}
    assert "new@geel.example.org" in changed
    assert any(entry.startswith("budget dashboard") for entry in changed)


def test_download_never_holds_a_token_secret(griet, client_for):
    _token, secret = create_api_token(user=griet, name="budget dashboard")

    response = client_for(griet).get(reverse("accounts:personal_data"))

    assert secret not in response.content.decode()


def test_download_holds_only_the_persons_own_data(griet, participant, client_for):
    create_api_token(user=participant, name="someone else's token")

    data = json.loads(client_for(griet).get(reverse("accounts:personal_data")).content)

    assert data["api_tokens"] == []
    assert participant.email not in json.dumps(data)


def test_download_needs_sign_in(db, client_for):
    response = client_for(None).get(reverse("accounts:personal_data"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_asking_twice_for_erasure_keeps_one_open_request(griet, client_for):
    client = client_for(griet)

    first = client.post(reverse("accounts:erasure_request"), {"reason": "I am leaving."})
    second = client.post(reverse("accounts:erasure_request"), {"reason": "Again."})

    assert first.status_code == second.status_code == 302
    erasure_request = ErasureRequest.objects.get()
    assert (erasure_request.user, erasure_request.reason) == (griet, "I am leaving.")
    assert erasure_request.processed_at is None
    assert "You asked for erasure" in client.get(reverse("accounts:profile")).content.decode()


def test_a_new_request_is_possible_after_the_previous_one_was_processed(griet, administrator):
    first = request_erasure(user=griet)
    first.processed_at = timezone.now()
    first.save()

    second = request_erasure(user=griet)

    assert second.pk != first.pk
    assert ErasureRequest.objects.filter(user=griet, processed_at__isnull=True).count() == 1


@pytest.mark.parametrize("person", ["trainer", "coordinator", "participant"])
def test_only_an_administrator_can_erase(request, griet, client_for, person):
    erasure_request = request_erasure(user=griet)

    response = client_for(request.getfixturevalue(person)).post(
        reverse("accounts:erasure_execute", args=[erasure_request.pk])
    )

    assert response.status_code == 403
    griet.refresh_from_db()
    assert (griet.email, griet.is_active) == (OLD_EMAIL, True)
    erasure_request.refresh_from_db()
    assert erasure_request.processed_at is None


def test_service_refuses_erasure_by_staff_who_are_not_administrators(griet, trainer):
    with pytest.raises(PermissionDenied):
        erase_person(erasure_request=request_erasure(user=griet), by=trainer)


@pytest.mark.parametrize("person", ["trainer", "participant"])
def test_erasure_request_list_is_for_administrators_only(request, client_for, person):
    response = client_for(request.getfixturevalue(person)).get(reverse("accounts:erasure_requests"))

    assert response.status_code == 403


def test_administrator_sees_open_requests(griet, administrator, client_for):
    request_erasure(user=griet, reason="I am leaving.")

    page = client_for(administrator).get(reverse("accounts:erasure_requests")).content.decode()

    assert OLD_EMAIL in page
    assert "I am leaving." in page


@pytest.fixture
def erased(griet, administrator, client_for):
    """Griet works, asks for erasure, and the administrator carries it out."""
    griet_client = active_work_of(griet, client_for)
    TOTP.activate(griet, generate_totp_secret())
    griet_client.post(reverse("accounts:erasure_request"), {"reason": "I am leaving Geel."})
    erasure_request = ErasureRequest.objects.get(user=griet)
    response = client_for(administrator).post(
        reverse("accounts:erasure_execute", args=[erasure_request.pk])
    )
    assert response.status_code == 302
    griet.refresh_from_db()
    return griet, griet_client, erasure_request


def test_erasure_removes_the_name_address_and_second_factors(erased):
    griet, _client, _request = erased

    assert OLD_EMAIL not in griet.email
    assert (griet.first_name, griet.last_name, griet.job_title) == ("", "", "")
    assert not griet.is_active
    assert not griet.has_usable_password()
    assert not EmailAddress.objects.filter(user=griet).exists()
    assert not EmailAddress.objects.filter(email__iexact=OLD_EMAIL).exists()
    assert not Authenticator.objects.filter(user=griet).exists()
    assert not ApiToken.objects.filter(user=griet).exists()


def test_erased_person_cannot_sign_in(erased, client_for):
    client = client_for(None)

    client.post(reverse("account_login"), {"login": OLD_EMAIL, "password": PASSWORD})

    assert "_auth_user_id" not in client.session


def test_erasure_ends_the_persons_sessions(erased):
    griet, griet_client, _request = erased

    response = griet_client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    sessions = [s.get_decoded() for s in Session.objects.all()]
    assert not any(s.get("_auth_user_id") == str(griet.pk) for s in sessions)


def test_erasure_leaves_other_peoples_sessions_alone(griet, participant, administrator, client_for):
    participant_client = client_for(participant)

    erase_person(erasure_request=request_erasure(user=griet), by=administrator)

    assert participant_client.get(reverse("accounts:profile")).status_code == 200


def test_audit_log_keeps_no_trace_of_the_old_address_or_name(erased):
    griet, _client, _request = erased

    entries = list(LogEntry.objects.all())

    assert entries, "the person's work should have left audit entries"
    assert not [e for e in entries if OLD_EMAIL in log_text(e).lower()]
    assert not [e for e in entries if "Peeters" in log_text(e)]
    assert not [e for e in entries if "I am leaving Geel." in log_text(e)]


def test_changes_made_by_the_erased_person_stay_countable(erased):
    griet, _client, _request = erased

    assert LogEntry.objects.filter(actor=griet).exists()
    assert Invitation.objects.filter(invited_by=griet).count() == 1


def test_erasure_request_is_marked_done_without_the_reason(erased, administrator):
    _griet, _client, erasure_request = erased

    erasure_request.refresh_from_db()
    assert erasure_request.processed_at is not None
    assert erasure_request.processed_by == administrator
    assert erasure_request.reason == ""


def test_erasing_twice_changes_nothing_more(erased, administrator):
    griet, _client, erasure_request = erased
    erasure_request.refresh_from_db()
    processed_at = erasure_request.processed_at

    erase_person(erasure_request=erasure_request, by=administrator)

    erasure_request.refresh_from_db()
    assert erasure_request.processed_at == processed_at


def test_invitation_that_brought_the_person_in_no_longer_holds_their_address(
    coordinator, administrator, client_for
):
    invitation = Invitation.objects.create(
        email=OLD_EMAIL,
        role=Role.PARTICIPANT,
        organisation=coordinator.organisation,
        invited_by=coordinator,
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    person = accept_invitation(
        token=invitation.token, first_name="Griet", last_name="Peeters", password=PASSWORD
    )

    erase_person(erasure_request=request_erasure(user=person), by=administrator)

    assert not Invitation.objects.filter(email__iexact=OLD_EMAIL).exists()
    assert not [e for e in LogEntry.objects.all() if OLD_EMAIL in log_text(e).lower()]
