"""Personal API tokens: shown once, stored as a hash, revocable by their owner only."""

import hashlib
import io
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse

from atelier.accounts.models import ApiToken
from atelier.accounts.services import create_api_token, revoke_api_token, user_for_api_token


def create_through_profile(client, name="budget dashboard"):
    response = client.post(reverse("accounts:api_token_create"), {"name": name})
    match = re.search(r'value="(atl_[^"]+)"', response.content.decode())
    return response, match.group(1) if match else None


def test_created_token_is_shown_once_and_only_its_hash_is_stored(participant, client_for):
    client = client_for(participant)

    response, secret = create_through_profile(client)

    assert response.status_code == 200
    assert secret is not None
    token = ApiToken.objects.get()
    assert (token.user, token.name) == (participant, "budget dashboard")
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert token.prefix == secret[4:12]
    stored = [str(value) for value in ApiToken.objects.values().get().values()]
    assert not any(secret in value for value in stored)
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert "budget dashboard" in profile
    assert token.prefix in profile
    assert secret not in profile


def test_created_token_authenticates_its_owner(participant, client_for):
    _response, secret = create_through_profile(client_for(participant))

    assert user_for_api_token(secret) == participant


def test_two_tokens_never_share_a_secret(participant):
    _first, first_secret = create_api_token(user=participant, name="one")
    _second, second_secret = create_api_token(user=participant, name="two")

    assert first_secret != second_secret


def test_token_needs_a_name(participant, client_for):
    response = client_for(participant).post(reverse("accounts:api_token_create"), {"name": ""})

    assert response.status_code == 302
    assert not ApiToken.objects.exists()


def test_owner_revokes_a_token_and_it_stops_working(participant, client_for):
    client = client_for(participant)
    _response, secret = create_through_profile(client)
    token = ApiToken.objects.get()

    response = client.post(reverse("accounts:api_token_revoke", args=[token.pk]))

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert user_for_api_token(secret) is None
    assert "budget dashboard" not in client.get(reverse("accounts:profile")).content.decode()


@pytest.mark.parametrize("person", ["outsider", "coordinator", "trainer", "administrator"])
def test_another_persons_token_cannot_be_revoked(request, participant, client_for, person):
    token, secret = create_api_token(user=participant, name="mine")

    response = client_for(request.getfixturevalue(person)).post(
        reverse("accounts:api_token_revoke", args=[token.pk])
    )

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert user_for_api_token(secret) == participant


def test_service_refuses_revocation_by_someone_else(participant, outsider):
    token, _secret = create_api_token(user=participant, name="mine")

    with pytest.raises(PermissionDenied):
        revoke_api_token(token=token, by=outsider)


def test_token_of_a_deactivated_person_stops_working(participant):
    _token, secret = create_api_token(user=participant, name="mine")
    participant.is_active = False
    participant.save()

    assert user_for_api_token(secret) is None


def test_unknown_token_authenticates_nobody(db):
    assert user_for_api_token("atl_not-a-real-token") is None


def test_using_a_token_records_when(participant):
    token, secret = create_api_token(user=participant, name="mine")

    user_for_api_token(secret)

    token.refresh_from_db()
    assert token.last_used_at is not None


def test_command_prints_a_working_token(participant):
    out = io.StringIO()

    call_command("api_token", participant.email.upper(), "--name", "nightly export", stdout=out)

    secret = out.getvalue().strip()
    assert user_for_api_token(secret) == participant
    assert ApiToken.objects.get().name == "nightly export"


def test_command_refuses_an_unknown_address(db):
    with pytest.raises(CommandError):
        call_command("api_token", "nobody@example.org")
