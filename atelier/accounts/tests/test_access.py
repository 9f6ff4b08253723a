"""Who may see and do what: roles, the access helpers and the role guards."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, connection, transaction
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.accounts.access import (
    can_see_people_of,
    get_organisation_people_for_user,
    organisations_user_may_invite_for,
    people_of,
    roles_user_may_invite,
)
from atelier.accounts.models import Role, User
from atelier.accounts.services import request_erasure

EVERYONE = ["participant", "outsider", "coordinator", "expert", "trainer", "administrator"]


def person(request, name):
    return request.getfixturevalue(name)


@pytest.mark.parametrize(
    ("name", "staff", "administers"),
    [
        ("participant", False, False),
        ("coordinator", False, False),
        ("expert", False, False),
        ("trainer", True, False),
        ("administrator", True, True),
    ],
)
def test_roles_decide_staff_and_administrator(request, name, staff, administers):
    user = person(request, name)

    assert user.is_association_staff is staff
    assert user.is_administrator is administers


def test_a_superuser_counts_as_administrator_whatever_the_role(db):
    user = User.objects.create_user("root@example.org", role=Role.PARTICIPANT, is_superuser=True)

    assert user.is_association_staff
    assert user.is_administrator


def test_deactivated_staff_lose_their_rights(administrator):
    administrator.is_active = False

    assert not administrator.is_association_staff
    assert not administrator.is_administrator


def test_a_coordinator_always_belongs_to_an_organisation(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("lost@example.org", role=Role.COORDINATOR)


def test_addresses_are_stored_in_lower_case(db):
    user = User.objects.create_user("Griet.Peeters@Geel.Example.org")

    assert user.email == "griet.peeters@geel.example.org"


@pytest.mark.parametrize(
    ("name", "sees_geel"),
    [
        ("participant", True),
        ("coordinator", True),
        ("outsider", False),
        ("expert", False),
        ("trainer", True),
        ("administrator", True),
    ],
)
def test_who_sees_the_people_of_an_organisation(request, geel, participant, name, sees_geel):
    user = person(request, name)

    assert can_see_people_of(user, geel) is sees_geel
    assert people_of(user, geel).exists() is sees_geel
    if not sees_geel:
        with pytest.raises(Http404):
            get_organisation_people_for_user(user, geel.pk)
    else:
        assert get_organisation_people_for_user(user, geel.pk) == geel


def test_anonymous_and_deactivated_people_see_nobody(geel, participant, coordinator):
    coordinator.is_active = False

    assert not can_see_people_of(AnonymousUser(), geel)
    assert not can_see_people_of(None, geel)
    assert not can_see_people_of(coordinator, geel)


def test_people_list_leaves_out_deactivated_people(geel, participant, coordinator, trainer):
    participant.is_active = False
    participant.save()

    assert list(people_of(trainer, geel)) == [coordinator]


def test_unknown_organisation_is_404_for_everyone(trainer, db):
    with pytest.raises(Http404):
        get_organisation_people_for_user(trainer, 987654)


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("participant", set()),
        ("outsider", set()),
        ("expert", set()),
        ("coordinator", {Role.COORDINATOR, Role.PARTICIPANT}),
        ("trainer", {Role.COORDINATOR, Role.PARTICIPANT, Role.EXPERT}),
        ("administrator", set(Role.values)),
    ],
)
def test_roles_each_person_may_invite(request, name, roles):
    assert set(roles_user_may_invite(person(request, name))) == roles


def test_organisations_each_person_may_invite_for(request, geel, lennik):
    lennik_former = lennik
    lennik_former.valid_until = datetime.date(2024, 12, 31)
    lennik_former.save()

    def may_invite_for(name):
        return set(organisations_user_may_invite_for(person(request, name)))

    assert may_invite_for("coordinator") == {geel}
    assert may_invite_for("trainer") == {geel}  # current organisations only
    assert may_invite_for("participant") == set()
    assert may_invite_for("expert") == set()


@pytest.mark.parametrize("name", EVERYONE)
def test_administrator_pages_are_for_administrators_only(request, client_for, name):
    response = client_for(person(request, name)).get(reverse("accounts:erasure_requests"))

    assert response.status_code == (200 if name == "administrator" else 403)


@pytest.mark.parametrize("name", EVERYONE)
def test_staff_pages_are_for_association_staff_only(request, client_for, name):
    response = client_for(person(request, name)).get(reverse("members:imports"))

    assert response.status_code == (200 if name in ("trainer", "administrator") else 403)


def test_erasure_request_list_query_count_does_not_grow_with_requests(
    administrator, make_user, client_for
):
    client = client_for(administrator)

    def queries_for_list() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("accounts:erasure_requests")).status_code == 200
        return len(context)

    request_erasure(user=make_user("first@example.org"))
    few = queries_for_list()
    for number in range(15):
        request_erasure(user=make_user(f"person{number}@example.org"))

    assert queries_for_list() == few
