"""Throttles lock the attacker, not the owner: per client, per address from that client,
and a mailed code when an address is attacked from many clients."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from .conftest import PASSWORD
from .test_staff_second_factor import activate_totp, current_code

LOGIN_URL = reverse("account_login")
TOO_MANY = "Too many failed sign-ins from here"
ATTACKER = "203.0.113.66"
OWNER_HOME = "198.51.100.7"


@pytest.fixture(autouse=True)
def _fresh_throttles(settings):
    settings.MFA_TOTP_TOLERANCE = 1  # the code must survive a 30-second boundary mid-test
    from django.core.cache import cache

    cache.clear()


def sign_in(client, email: str, password: str, ip: str, **headers):
    return client.post(LOGIN_URL, {"login": email, "password": password}, REMOTE_ADDR=ip, **headers)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def owner(trainer):
    """A staff member with TOTP: the brief's owner with password and second factor."""
    trainer.set_password(PASSWORD)
    trainer.save()
    return trainer


def test_attacker_hammering_an_address_is_locked_while_the_owner_gets_in(owner, client_for):
    secret = activate_totp(owner)
    attacker = client_for(None)
    answers = [sign_in(attacker, owner.email, f"guess-{n}", ATTACKER) for n in range(30)]
    assert TOO_MANY not in answers[4].content.decode()
    assert all(TOO_MANY in answer.content.decode() for answer in answers[5:])

    # Even the right password no longer works from the attacker's client ...
    sign_in(attacker, owner.email, PASSWORD, ATTACKER)
    assert not signed_in(attacker)
    # ... while the owner, from elsewhere, signs in with password and second factor.
    owner_client = client_for(None)
    response = sign_in(owner_client, owner.email, PASSWORD, OWNER_HOME)
    assert response["Location"] == reverse("mfa_authenticate")
    owner_client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert signed_in(owner_client)


def test_failures_for_unknown_addresses_do_not_block_others_from_that_client(make_user, client_for):
    colleague = make_user("jan@geel.example.org")
    for n in range(12):  # more than the old ten per client
        sign_in(client_for(None), f"nobody{n}@example.org", "guess", ATTACKER)

    client = client_for(None)
    sign_in(client, colleague.email, PASSWORD, ATTACKER)

    assert signed_in(client)


def test_a_client_with_too_many_failures_is_locked_for_every_address(make_user, client_for):
    colleague = make_user("jan@geel.example.org")
    for n in range(30):
        sign_in(client_for(None), f"nobody{n}@example.org", "guess", ATTACKER)

    locked = client_for(None)
    response = sign_in(locked, colleague.email, PASSWORD, ATTACKER)
    elsewhere = client_for(None)
    sign_in(elsewhere, colleague.email, PASSWORD, OWNER_HOME)

    assert TOO_MANY in response.content.decode()
    assert not signed_in(locked)
    assert signed_in(elsewhere)


def test_successful_sign_ins_from_one_address_are_not_capped(make_user, client_for):
    people = [make_user(f"person{n}@geel.example.org") for n in range(40)]

    clients = [client_for(None) for _ in people]
    for client, person in zip(clients, people, strict=True):
        sign_in(client, person.email, PASSWORD, ATTACKER)

    assert all(signed_in(client) for client in clients)


def test_client_address_is_the_one_the_proxy_reports(settings, make_user, client_for):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    person = make_user("griet@geel.example.org")
    proxy = "10.0.0.1"  # every request arrives from the proxy
    for _ in range(6):
        sign_in(client_for(None), person.email, "guess", proxy, HTTP_X_FORWARDED_FOR=ATTACKER)

    attacker, owner_client = client_for(None), client_for(None)
    sign_in(attacker, person.email, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ATTACKER)
    sign_in(owner_client, person.email, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OWNER_HOME)

    assert not signed_in(attacker)
    assert signed_in(owner_client)


def mailed_code() -> str:
    match = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.MULTILINE)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_an_address_attacked_from_many_clients_asks_a_mailed_code_then_the_second_factor(
    owner, client_for
):
    secret = activate_totp(owner)
    for n in range(20):  # twenty clients, each under its own lock
        sign_in(client_for(None), owner.email, "guess", f"203.0.113.{n + 1}")

    # A right password from yet another client is not enough: the owner's mailbox is needed.
    client = client_for(None)
    response = sign_in(client, owner.email, PASSWORD, OWNER_HOME)
    assert response["Location"] == reverse("account_confirm_login_code")
    assert not signed_in(client)
    assert mail.outbox[-1].to == [owner.email]
    response = client.post(reverse("account_confirm_login_code"), {"code": mailed_code()})
    assert response["Location"] == reverse("mfa_authenticate")
    assert not signed_in(client)
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert signed_in(client)


def test_a_locked_client_still_signs_in_with_a_mailed_code_and_the_second_factor(owner, client_for):
    secret = activate_totp(owner)
    client = client_for(None)
    for n in range(30):
        sign_in(client, f"nobody{n}@example.org", "guess", ATTACKER)

    client.post(reverse("account_request_login_code"), {"email": owner.email}, REMOTE_ADDR=ATTACKER)
    response = client.post(
        reverse("account_confirm_login_code"), {"code": mailed_code()}, REMOTE_ADDR=ATTACKER
    )
    assert response["Location"] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)}, REMOTE_ADDR=ATTACKER)

    assert signed_in(client)
