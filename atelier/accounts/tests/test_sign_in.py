"""Signing in with allauth: e-mail and password, verified addresses, reset, throttling."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from atelier.accounts.models import Role, User

from .conftest import PASSWORD

LOGIN_URL = reverse("account_login")
TOO_MANY = "Too many failed sign-ins from here"


def sign_in(client, email: str, password: str):
    return client.post(LOGIN_URL, {"login": email, "password": password})


def signed_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")


def test_person_signs_in_with_email_and_password(make_user, client_for):
    person = make_user("griet@geel.example.org")
    client = client_for(None)

    response = sign_in(client, "griet@geel.example.org", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert signed_in_user_id(client) == str(person.pk)


def test_sign_in_ignores_the_case_of_the_address(make_user, client_for):
    person = make_user("griet@geel.example.org")
    client = client_for(None)

    sign_in(client, "Griet@Geel.Example.org", PASSWORD)

    assert signed_in_user_id(client) == str(person.pk)


def test_wrong_password_is_refused_with_a_form_error(make_user, client_for):
    make_user("griet@geel.example.org")
    client = client_for(None)

    response = sign_in(client, "griet@geel.example.org", "not-the-password")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert signed_in_user_id(client) is None


def test_unverified_address_cannot_sign_in_and_gets_a_verification_mail(
    make_user, client_for, link_in
):
    make_user("new@geel.example.org", verified=False)
    client = client_for(None)

    response = sign_in(client, "new@geel.example.org", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert signed_in_user_id(client) is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@geel.example.org"]
    assert link_in(mail.outbox[0].body).startswith("/accounts/confirm-email/")


def test_verification_link_verifies_the_address_so_the_person_can_sign_in(
    make_user, client_for, link_in
):
    make_user("new@geel.example.org", verified=False)
    sign_in(client_for(None), "new@geel.example.org", PASSWORD)
    confirm_path = link_in(mail.outbox[0].body)

    visitor = client_for(None)
    assert visitor.get(confirm_path).status_code == 200
    visitor.post(confirm_path)

    assert EmailAddress.objects.get(email="new@geel.example.org").verified
    client = client_for(None)
    sign_in(client, "new@geel.example.org", PASSWORD)
    assert signed_in_user_id(client) is not None


def test_password_reset_mails_a_link_that_sets_a_new_password(make_user, client_for, link_in):
    person = make_user("griet@geel.example.org")
    client = client_for(None)

    response = client.post(reverse("account_reset_password"), {"email": "griet@geel.example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["griet@geel.example.org"]
    reset_path = link_in(mail.outbox[0].body)
    form_page = client.get(reset_path)
    assert form_page.status_code == 302  # allauth hides the key from the address bar
    new_password = "another-long-enough-password"
    response = client.post(
        form_page["Location"], {"password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    person.refresh_from_db()
    assert person.check_password(new_password)
    fresh = client_for(None)
    sign_in(fresh, "griet@geel.example.org", new_password)
    assert signed_in_user_id(fresh) == str(person.pk)


def test_password_reset_link_works_only_once(make_user, client_for, link_in):
    make_user("griet@geel.example.org")
    client = client_for(None)
    client.post(reverse("account_reset_password"), {"email": "griet@geel.example.org"})
    reset_path = link_in(mail.outbox[0].body)
    form_url = client.get(reset_path)["Location"]
    new_password = "another-long-enough-password"
    client.post(form_url, {"password1": new_password, "password2": new_password})

    again = client_for(None).get(reset_path)

    assert again.status_code == 200
    assert again.context["token_fail"] is True


def test_password_reset_for_an_unknown_address_sends_no_reset_link(db, client_for):
    client = client_for(None)

    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})

    # The answer must not reveal whether an account exists.
    assert response.status_code == 302
    assert all("/accounts/password/reset/key/" not in m.body for m in mail.outbox)


def test_the_same_client_is_refused_after_five_failures_even_with_the_right_password(
    make_user, client_for
):
    make_user("griet@geel.example.org")
    client = client_for(None)
    for _ in range(5):
        response = sign_in(client, "griet@geel.example.org", "wrong-guess")
        assert TOO_MANY not in response.content.decode()

    response = sign_in(client, "griet@geel.example.org", PASSWORD)

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert TOO_MANY in str(response.context["form"].non_field_errors())
    assert signed_in_user_id(client) is None


def test_throttle_counts_per_address_so_colleagues_can_still_sign_in(make_user, client_for):
    make_user("griet@geel.example.org")
    colleague = make_user("jan@geel.example.org")
    client = client_for(None)
    for _ in range(5):
        sign_in(client, "griet@geel.example.org", "wrong-guess")

    sign_in(client, "jan@geel.example.org", PASSWORD)

    assert signed_in_user_id(client) == str(colleague.pk)


def test_successful_sign_ins_do_not_count_towards_the_throttle(make_user, client_for):
    make_user("griet@geel.example.org")
    for _ in range(6):
        client = client_for(None)
        sign_in(client, "griet@geel.example.org", PASSWORD)
        assert signed_in_user_id(client) is not None


def test_inactive_person_cannot_sign_in(make_user, client_for):
    make_user("gone@geel.example.org", is_active=False)
    client = client_for(None)

    sign_in(client, "gone@geel.example.org", PASSWORD)

    assert signed_in_user_id(client) is None


def test_sign_up_creates_an_unverified_participant_and_mails_a_link(db, client_for):
    client = client_for(None)

    response = client.post(
        reverse("account_signup"),
        {"email": "self@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert response.status_code == 302
    person = User.objects.get(email="self@example.org")
    assert person.role == Role.PARTICIPANT
    assert person.organisation is None
    assert not EmailAddress.objects.get(user=person).verified
    assert signed_in_user_id(client) is None
    assert [m.to for m in mail.outbox] == [["self@example.org"]]


@pytest.mark.parametrize("method", ["get", "post"])
def test_sign_up_is_closed_when_open_signup_is_off(db, settings, client_for, method):
    settings.OPEN_SIGNUP = False
    client = client_for(None)
    data = {"email": "self@example.org", "password1": PASSWORD, "password2": PASSWORD}

    response = getattr(client, method)(reverse("account_signup"), data if method == "post" else {})

    assert "closed" in response.content.decode().lower()
    assert not User.objects.filter(email="self@example.org").exists()
