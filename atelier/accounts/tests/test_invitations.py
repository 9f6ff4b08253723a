"""Invitations: who may invite whom, the mailed link, and accepting it once."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from atelier.accounts.models import Invitation, Role, User
from atelier.accounts.services import accept_invitation, invite, withdraw_invitation

INVITATIONS_URL = reverse("accounts:invitations")
NEW_PASSWORD = "a-fresh-long-password"


def send(client, email="colleague@geel.example.org", role=Role.PARTICIPANT, organisation=None):
    data = {"email": email, "role": role, "organisation": organisation.pk if organisation else ""}
    # The mail leaves when the invitation is committed; run those callbacks as a commit would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(INVITATIONS_URL, data)


def make_invitation(by, *, email="colleague@geel.example.org", role=Role.PARTICIPANT, **fields):
    fields.setdefault("organisation", by.organisation)
    fields.setdefault("expires_at", timezone.now() + datetime.timedelta(days=14))
    return Invitation.objects.create(email=email, role=role, invited_by=by, **fields)


def accept(client, token, first_name="Griet", last_name="Peeters", password=NEW_PASSWORD):
    return client.post(
        reverse("accounts:accept_invitation", args=[token]),
        {
            "first_name": first_name,
            "last_name": last_name,
            "password1": password,
            "password2": password,
        },
    )


def test_coordinator_invites_a_colleague_who_gets_a_mail_with_the_link(
    coordinator, geel, client_for, link_in
):
    response = send(client_for(coordinator), organisation=geel)

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.organisation) == (
        "colleague@geel.example.org",
        Role.PARTICIPANT,
        geel,
    )
    assert invitation.invited_by == coordinator
    assert [m.to for m in mail.outbox] == [["colleague@geel.example.org"]]
    assert link_in(mail.outbox[0].body) == f"/invitation/{invitation.token}/"


def test_invitation_link_creates_a_signed_in_verified_account(
    coordinator, geel, client_for, link_in
):
    send(client_for(coordinator), organisation=geel)
    visitor = client_for(None)
    link = link_in(mail.outbox[0].body)

    page = visitor.get(link)
    response = accept(visitor, link.split("/")[2])

    assert page.status_code == 200
    assert "colleague@geel.example.org" in page.content.decode()
    assert response.status_code == 302
    person = User.objects.get(email="colleague@geel.example.org")
    assert (person.first_name, person.last_name) == ("Griet", "Peeters")
    assert (person.role, person.organisation) == (Role.PARTICIPANT, geel)
    assert person.check_password(NEW_PASSWORD)
    address = EmailAddress.objects.get(user=person)
    assert (address.email, address.verified, address.primary) == (person.email, True, True)
    assert visitor.session["_auth_user_id"] == str(person.pk)
    assert Invitation.objects.get().accepted_at is not None


def test_invited_person_can_sign_in_later_with_the_chosen_password(coordinator, client_for):
    invitation = make_invitation(coordinator)
    accept(client_for(None), invitation.token)
    client = client_for(None)

    client.post(
        reverse("account_login"), {"login": "colleague@geel.example.org", "password": NEW_PASSWORD}
    )

    assert client.session["_auth_user_id"] == str(User.objects.get(email=invitation.email).pk)


def test_invitation_link_cannot_be_used_twice(coordinator, client_for):
    invitation = make_invitation(coordinator)
    accept(client_for(None), invitation.token)

    second_visit = client_for(None).get(
        reverse("accounts:accept_invitation", args=[invitation.token])
    )
    second_use = accept(client_for(None), invitation.token, first_name="Mallory")

    assert second_visit.status_code == 404
    assert "Invitation not valid" in second_visit.content.decode()
    assert second_use.status_code == 404
    assert User.objects.filter(email=invitation.email).count() == 1
    assert User.objects.get(email=invitation.email).first_name == "Griet"


@pytest.mark.parametrize(
    "state",
    [
        {"revoked_at": timezone.now()},
        {"expires_at": timezone.now() - datetime.timedelta(minutes=1)},
    ],
    ids=["withdrawn", "expired"],
)
def test_withdrawn_or_expired_invitation_answers_404_with_a_clear_page(
    coordinator, client_for, state
):
    invitation = make_invitation(coordinator, **state)
    client = client_for(None)

    page = client.get(reverse("accounts:accept_invitation", args=[invitation.token]))
    attempt = accept(client, invitation.token)

    assert page.status_code == 404
    body = page.content.decode()
    assert "Invitation not valid" in body
    assert "withdrawn, or has expired" in body
    assert attempt.status_code == 404
    assert not User.objects.filter(email=invitation.email).exists()


def test_unknown_invitation_token_answers_404(db, client_for):
    response = client_for(None).get(reverse("accounts:accept_invitation", args=["no-such-token"]))

    assert response.status_code == 404
    assert "Invitation not valid" in response.content.decode()


def test_coordinator_withdraws_an_invitation_and_its_link_stops_working(coordinator, client_for):
    invitation = make_invitation(coordinator)

    response = client_for(coordinator).post(
        reverse("accounts:invitation_withdraw", args=[invitation.pk])
    )

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    link = reverse("accounts:accept_invitation", args=[invitation.token])
    assert client_for(None).get(link).status_code == 404


def test_coordinator_cannot_withdraw_another_organisations_invitation(
    coordinator, trainer, lennik, client_for
):
    invitation = make_invitation(trainer, organisation=lennik)

    response = client_for(coordinator).post(
        reverse("accounts:invitation_withdraw", args=[invitation.pk])
    )

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_participant_cannot_withdraw_invitations(coordinator, participant, client_for):
    invitation = make_invitation(coordinator)

    response = client_for(participant).post(
        reverse("accounts:invitation_withdraw", args=[invitation.pk])
    )

    assert response.status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_coordinator_cannot_invite_for_another_organisation(coordinator, lennik, client_for):
    response = send(client_for(coordinator), organisation=lennik)

    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_service_refuses_a_coordinator_inviting_for_another_organisation(coordinator, lennik):
    with pytest.raises(PermissionDenied):
        invite(
            email="x@lennik.example.org",
            role=Role.PARTICIPANT,
            organisation=lennik,
            by=coordinator,
            base_url="http://testserver",
        )
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.TRAINER, Role.EXPERT])
def test_coordinator_cannot_invite_association_roles(coordinator, geel, client_for, role):
    response = send(client_for(coordinator), role=role, organisation=geel)

    assert response.status_code == 200
    assert response.context["form"].errors["role"]
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    with pytest.raises(PermissionDenied):
        invite(email="x@example.org", role=role, organisation=geel, by=coordinator, base_url="")


def test_coordinator_invites_another_coordinator_for_their_organisation(
    coordinator, geel, client_for
):
    send(client_for(coordinator), role=Role.COORDINATOR, organisation=geel)

    assert Invitation.objects.get().role == Role.COORDINATOR


@pytest.mark.parametrize("person", ["participant", "outsider", "expert"])
def test_people_who_may_not_invite_get_403(request, client_for, geel, person):
    client = client_for(request.getfixturevalue(person))

    assert client.get(INVITATIONS_URL).status_code == 403
    assert send(client, organisation=geel).status_code == 403
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_anonymous_visitors_are_sent_to_sign_in(db, client_for):
    response = client_for(None).get(INVITATIONS_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_invite_an_external_expert_without_organisation(trainer, client_for, link_in):
    send(client_for(trainer), email="expert@consultancy.example.com", role=Role.EXPERT)

    invitation = Invitation.objects.get()
    assert (invitation.role, invitation.organisation) == (Role.EXPERT, None)
    visitor = client_for(None)
    accept(visitor, link_in(mail.outbox[0].body).split("/")[2])
    person = User.objects.get(email="expert@consultancy.example.com")
    assert (person.role, person.organisation) == (Role.EXPERT, None)


def test_an_expert_is_never_tied_to_an_organisation(trainer, geel, client_for):
    send(client_for(trainer), role=Role.EXPERT, organisation=geel)

    assert Invitation.objects.get().organisation is None


def test_staff_must_choose_an_organisation_for_a_participant(trainer, client_for):
    response = send(client_for(trainer), role=Role.PARTICIPANT)

    assert response.status_code == 200
    assert "Choose the organisation" in str(response.context["form"].non_field_errors())
    assert not Invitation.objects.exists()


def test_trainer_invites_for_any_current_organisation(trainer, lennik, client_for):
    send(client_for(trainer), email="x@lennik.example.org", organisation=lennik)

    assert Invitation.objects.get().organisation == lennik


def test_nobody_invites_for_a_former_organisation(trainer, lennik, client_for):
    lennik.valid_until = datetime.date(2024, 12, 31)
    lennik.save()

    response = send(client_for(trainer), email="x@lennik.example.org", organisation=lennik)

    assert response.context["form"].errors["organisation"]
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.TRAINER])
def test_only_an_administrator_invites_association_staff(administrator, trainer, client_for, role):
    refused = send(client_for(trainer), email="new.staff@example.org", role=role)
    assert refused.context["form"].errors["role"]
    assert not Invitation.objects.exists()

    send(client_for(administrator), email="new.staff@example.org", role=role)

    assert Invitation.objects.get().role == role


def test_existing_account_cannot_be_invited(coordinator, participant, geel, client_for):
    response = send(client_for(coordinator), email=participant.email.upper(), organisation=geel)

    assert "already has an account" in str(response.context["form"].non_field_errors())
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_accepting_needs_matching_valid_passwords(coordinator, client_for):
    invitation = make_invitation(coordinator)
    url = reverse("accounts:accept_invitation", args=[invitation.token])
    client = client_for(None)
    base = {"first_name": "Griet", "last_name": "Peeters"}

    differ = client.post(url, {**base, "password1": NEW_PASSWORD, "password2": "something-else"})
    weak = client.post(url, {**base, "password1": "12345678", "password2": "12345678"})

    assert differ.context["form"].errors["password2"]
    assert weak.context["form"].errors["password1"]
    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_accepting_fails_when_the_address_got_an_account_meanwhile(
    coordinator, make_user, client_for
):
    invitation = make_invitation(coordinator)
    make_user(invitation.email)

    response = accept(client_for(None), invitation.token)

    assert response.status_code == 200
    assert "exists already" in str(response.context["form"].non_field_errors())
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_service_refuses_an_accepted_invitation(coordinator):
    invitation = make_invitation(coordinator)
    accept_invitation(token=invitation.token, first_name="A", last_name="B", password=NEW_PASSWORD)

    with pytest.raises(ValidationError):
        accept_invitation(
            token=invitation.token, first_name="C", last_name="D", password=NEW_PASSWORD
        )


def test_withdrawing_an_accepted_invitation_changes_nothing(coordinator):
    invitation = make_invitation(coordinator, accepted_at=timezone.now())

    withdraw_invitation(invitation=invitation, by=coordinator)

    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_coordinator_sees_only_their_organisations_invitations(
    coordinator, trainer, lennik, client_for
):
    make_invitation(coordinator, email="mine@geel.example.org")
    make_invitation(trainer, email="theirs@lennik.example.org", organisation=lennik)

    coordinator_page = client_for(coordinator).get(INVITATIONS_URL).content.decode()
    trainer_page = client_for(trainer).get(INVITATIONS_URL).content.decode()

    assert "mine@geel.example.org" in coordinator_page
    assert "theirs@lennik.example.org" not in coordinator_page
    assert "mine@geel.example.org" in trainer_page
    assert "theirs@lennik.example.org" in trainer_page


def test_invitation_list_query_count_does_not_grow_with_invitations(coordinator, client_for):
    client = client_for(coordinator)

    def queries_for_list() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(INVITATIONS_URL).status_code == 200
        return len(context)

    make_invitation(coordinator, email="first@geel.example.org")
    few = queries_for_list()
    for number in range(20):
        make_invitation(coordinator, email=f"colleague{number}@geel.example.org")

    assert queries_for_list() == few


@pytest.mark.parametrize(
    ("role", "admin_site"), [(Role.ADMINISTRATOR, True), (Role.TRAINER, False)]
)
def test_an_invited_administrator_may_use_the_django_admin_and_a_trainer_not(
    administrator, role, admin_site
):
    invitation = make_invitation(
        administrator, email="new@example.org", role=role, organisation=None
    )

    person = accept_invitation(
        token=invitation.token, first_name="An", last_name="Nieuw", password=NEW_PASSWORD
    )

    assert (person.is_staff, person.is_superuser) == (admin_site, admin_site)


def test_a_second_invitation_to_an_address_with_an_open_one_is_refused(
    coordinator, geel, client_for
):
    client = client_for(coordinator)
    send(client, organisation=geel)

    response = send(client, organisation=geel)

    assert response.status_code == 200
    assert "open invitation" in str(response.context["form"].non_field_errors())
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_refused_invitation_sends_no_mail(coordinator, lennik):
    with TestCase.captureOnCommitCallbacks(execute=True), pytest.raises(PermissionDenied):
        invite(
            email="x@lennik.example.org",
            role=Role.PARTICIPANT,
            organisation=lennik,
            by=coordinator,
            base_url="http://testserver",
        )

    assert mail.outbox == []
