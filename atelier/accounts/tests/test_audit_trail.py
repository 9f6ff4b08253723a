"""The audit trail: who changed what, for association staff only."""

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from atelier.accounts.models import User
from atelier.accounts.services import request_erasure
from atelier.members.models import Organisation

AUDIT_URL = reverse("accounts:audit")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser(
        "root@example.org", "root-password-long-enough", first_name="Rita", last_name="Root"
    )


def organisation_admin_form(organisation: Organisation, **changes) -> dict[str, object]:
    """The POST data of the admin change form, with its population figures inline unchanged."""
    data: dict[str, object] = {
        "type": organisation.type,
        "name_nl": organisation.name_nl,
        "name_fr": organisation.name_fr,
        "nis_code": organisation.nis_code,
        "company_number": organisation.company_number,
        "province": organisation.province_id or "",
        "municipality": organisation.municipality_id or "",
        "valid_from": organisation.valid_from or "",
        "valid_until": organisation.valid_until or "",
        "is_member": "on" if organisation.is_member else "",
        "postal_code": organisation.postal_code,
        "website": organisation.website,
    }
    figures = list(organisation.population_figures.all())
    prefix = "population_figures"
    data |= {
        f"{prefix}-TOTAL_FORMS": len(figures),
        f"{prefix}-INITIAL_FORMS": len(figures),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, figure in enumerate(figures):
        data |= {
            f"{prefix}-{index}-id": figure.pk,
            f"{prefix}-{index}-organisation": organisation.pk,
            f"{prefix}-{index}-reference_date": figure.reference_date.isoformat(),
            f"{prefix}-{index}-inhabitants": figure.inhabitants,
            f"{prefix}-{index}-source": figure.source,
            f"{prefix}-{index}-population_import": "",
        }
    return data | changes


def test_change_through_the_admin_is_recorded_with_its_actor(superuser, geel, client_for):
    response = client_for(superuser).post(
        reverse("admin:members_organisation_change", args=[geel.pk]),
        organisation_admin_form(geel, postal_code="2440"),
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    entry = LogEntry.objects.get_for_object(geel).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == superuser
    assert entry.changes_dict["postal_code"] == ["", "2440"]


def test_staff_see_who_changed_what(superuser, trainer, geel, client_for):
    client_for(superuser).post(
        reverse("admin:members_organisation_change", args=[geel.pk]),
        organisation_admin_form(geel, postal_code="2440"),
    )

    page = client_for(trainer).get(AUDIT_URL)

    assert page.status_code == 200
    body = page.content.decode()
    assert "Rita Root" in body
    assert "organisation: Geel" in body
    assert "<strong>postal code</strong>" in body  # the field as the forms name it
    assert "2440" in body


def test_change_made_by_a_service_names_the_actor(trainer, administrator, geel, client_for):
    with set_actor(trainer):
        geel.website = "https://www.geel.be"
        geel.save()

    body = client_for(administrator).get(AUDIT_URL).content.decode()

    assert str(trainer) in body
    assert "https://www.geel.be" in body


def test_change_without_an_actor_shows_the_system(administrator, geel, client_for):
    geel.postal_code = "2440"
    geel.save()

    body = client_for(administrator).get(AUDIT_URL).content.decode()

    assert "system" in body


@pytest.mark.parametrize("person", ["participant", "coordinator", "outsider", "expert"])
def test_people_outside_the_association_staff_get_403(request, client_for, person):
    response = client_for(request.getfixturevalue(person)).get(AUDIT_URL)

    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(db, client_for):
    response = client_for(None).get(AUDIT_URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_trail_filters_by_kind_of_record_and_by_name(trainer, geel, lennik, client_for):
    with set_actor(trainer):
        for organisation in (geel, lennik):
            organisation.postal_code = "1234"
            organisation.save()
    request_erasure(user=trainer)
    organisations = ContentType.objects.get_for_model(Organisation)
    client = client_for(trainer)

    only_organisations = client.get(AUDIT_URL, {"model": organisations.pk}).context["page"]
    only_lennik = client.get(AUDIT_URL, {"q": "lenn"}).context["page"]

    assert {e.content_type for e in only_organisations.object_list} == {organisations}
    assert "Lennik" in {e.object_repr for e in only_lennik.object_list}
    assert all("Lennik" in e.object_repr for e in only_lennik.object_list)


def test_erasure_reasons_stay_off_the_trail_that_trainers_read(participant, trainer, client_for):
    request_erasure(user=participant, reason="Personal reasons: illness")

    body = client_for(trainer).get(AUDIT_URL).content.decode()

    assert "illness" not in body


def test_audit_trail_query_count_does_not_grow_with_entries(trainer, geel, client_for):
    client = client_for(trainer)

    def queries_for_trail() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(AUDIT_URL).status_code == 200
        return len(context)

    with set_actor(trainer):
        geel.save()
    few = queries_for_trail()
    people = [trainer] + [
        User.objects.create_user(f"staff{n}@example.org", role="trainer") for n in range(5)
    ]
    for number in range(30):
        with set_actor(people[number % len(people)]):
            geel.postal_code = str(1000 + number)
            geel.save()

    assert LogEntry.objects.count() > 30
    assert queries_for_trail() == few


def test_audit_trail_speaks_dutch_and_shows_no_none(trainer, client_for):
    with set_actor(trainer):
        User.objects.create_user("new.person@example.org", role="participant")

    body = client_for(trainer).get(AUDIT_URL, HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert "<td>aangemaakt</td>" in body
    assert "<td>create</td>" not in body
    assert "None" not in body
    assert "<strong>e-mailadres</strong>: (leeg) → new.person@example.org" in body
