"""Association staff must set up a TOTP second factor before they can work."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.urls import reverse

from .conftest import PASSWORD


@pytest.fixture(autouse=True)
def _second_factor_required(settings):
    settings.REQUIRE_STAFF_MFA = True


def activate_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.mark.parametrize("person", ["trainer", "administrator"])
def test_staff_without_totp_are_sent_to_set_it_up(request, client_for, person):
    client = client_for(request.getfixturevalue(person))

    response = client.get(reverse("members:list"))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize("path_name", ["home", "accounts:profile", "accounts:audit"])
def test_every_page_outside_the_account_pages_asks_staff_for_totp(trainer, client_for, path_name):
    response = client_for(trainer).get(reverse(path_name))

    assert response["Location"] == reverse("mfa_activate_totp")


def test_the_setup_pages_themselves_stay_reachable(trainer, client_for):
    client = client_for(trainer)

    response = client.get(reverse("mfa_activate_totp"))

    # allauth asks to confirm the password first, never a loop back to the same page.
    assert response.status_code in (200, 302)
    assert response.get("Location") != reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_index")).status_code == 200


@pytest.mark.parametrize("person", ["participant", "coordinator", "expert"])
def test_people_outside_the_association_staff_are_not_asked_for_totp(request, client_for, person):
    response = client_for(request.getfixturevalue(person)).get(reverse("members:list"))

    assert response.status_code == 200


def test_staff_with_totp_work_normally(trainer, client_for):
    activate_totp(trainer)

    response = client_for(trainer).get(reverse("members:list"))

    assert response.status_code == 200


def test_recovery_codes_alone_do_not_count_as_the_second_factor(trainer, client_for):
    Authenticator.objects.create(
        user=trainer, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "00", "used_mask": 0}
    )

    response = client_for(trainer).get(reverse("members:list"))

    assert response["Location"] == reverse("mfa_activate_totp")


def test_requirement_can_be_switched_off(settings, trainer, client_for):
    settings.REQUIRE_STAFF_MFA = False

    response = client_for(trainer).get(reverse("members:list"))

    assert response.status_code == 200


def test_anonymous_visitors_are_not_redirected(client_for, db):
    response = client_for(None).get(reverse("members:list"))

    assert response.status_code == 200


def test_staff_with_totp_sign_in_with_password_and_code(settings, trainer, client_for):
    settings.MFA_TOTP_TOLERANCE = 1  # the code must survive a 30-second boundary mid-test
    trainer.set_password(PASSWORD)
    trainer.save()
    secret = activate_totp(trainer)
    client = client_for(None)

    response = client.post(reverse("account_login"), {"login": trainer.email, "password": PASSWORD})

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(trainer.pk)
    assert client.get(reverse("members:list")).status_code == 200


def test_a_wrong_code_does_not_sign_staff_in(trainer, client_for):
    trainer.set_password(PASSWORD)
    trainer.save()
    secret = activate_totp(trainer)
    wrong = f"{(int(current_code(secret)) + 1) % 1_000_000:06d}"
    client = client_for(None)
    client.post(reverse("account_login"), {"login": trainer.email, "password": PASSWORD})

    response = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_staff_browser_session_on_the_api_is_asked_for_totp_too(trainer, client_for):
    response = client_for(trainer).get("/api/v1/me")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
