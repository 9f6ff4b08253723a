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

from atelier.accounts.services import create_api_token

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


def sign_in_with_password_and_code(client, user, secret: str, next_url: str = ""):
    login_url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    response = client.post(login_url, {"login": user.email, "password": PASSWORD})
    assert response["Location"].startswith(reverse("mfa_authenticate"))
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.session["_auth_user_id"] == str(user.pk)
    return response


def test_staff_with_totp_work_normally_after_passing_the_code(settings, trainer, client_for):
    settings.MFA_TOTP_TOLERANCE = 1
    trainer.set_password(PASSWORD)
    trainer.save()
    secret = activate_totp(trainer)
    client = client_for(None)
    sign_in_with_password_and_code(client, trainer, secret)

    response = client.get(reverse("members:list"))

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


@pytest.fixture
def administrator(administrator):
    administrator.is_staff = True  # as invitations and the demo make administrators
    administrator.save()
    return administrator


STAFF_ONLY_PAGES = ["/admin/", "/fees/invoices/", "/staff/audit/", "/api/v1/me"]
STAFF_PAGES = [*STAFF_ONLY_PAGES, "/members/"]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_a_session_that_passed_only_the_password_is_asked_for_the_code(
    administrator, client_for, path
):
    # force_login makes a session the way Django's own login() would: no second factor in it.
    activate_totp(administrator)
    client = client_for(administrator)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_passing_the_code_in_this_session_opens_the_staff_pages(
    settings, administrator, client_for
):
    settings.MFA_TOTP_TOLERANCE = 1
    secret = activate_totp(administrator)
    client = client_for(administrator)
    assert client.get("/admin/").status_code == 302

    client.post(reverse("mfa_reauthenticate"), {"code": current_code(secret)})

    for path in STAFF_PAGES:
        assert client.get(path).status_code == 200, path


def test_admin_login_page_sends_people_to_the_one_sign_in_with_next(db, client_for):
    response = client_for(None).get("/admin/login/?next=/admin/fees/")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2Ffees%2F"


def test_posting_a_password_to_the_admin_login_signs_nobody_in(administrator, client_for):
    administrator.set_password(PASSWORD)
    administrator.save()
    activate_totp(administrator)
    client = client_for(None)

    response = client.post("/admin/login/", {"username": administrator.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_admin_sign_in_ends_at_the_second_factor_step_then_reaches_the_admin(
    settings, administrator, client_for
):
    settings.MFA_TOTP_TOLERANCE = 1
    administrator.set_password(PASSWORD)
    administrator.save()
    secret = activate_totp(administrator)
    client = client_for(None)
    login_page = client.get("/admin/")["Location"]
    client.get(login_page)  # /admin/login/?next=/admin/ → allauth's sign-in with next

    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": administrator.email, "password": PASSWORD},
    )

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    for path in STAFF_ONLY_PAGES:  # between password and code: signed out everywhere
        assert client.get(path).status_code in (302, 401), path
        assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_api_token_of_staff_without_totp_does_not_work(administrator, client_for):
    _, raw = create_api_token(user=administrator, name="script")
    client = client_for(None)

    refused = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    activate_totp(administrator)
    accepted = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert refused.status_code == 401
    assert accepted.status_code == 200


def test_api_token_of_people_outside_the_staff_needs_no_totp(participant, client_for):
    _, raw = create_api_token(user=participant, name="script")

    response = client_for(None).get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 200
