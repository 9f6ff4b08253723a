"""API contract: a member's contacts, for staff and that member's coordinator only."""

import datetime

import pytest

from atelier.accounts.services import create_api_token
from atelier.contacts.models import FunctionKind, LawfulBasis
from atelier.contacts.services import add_function, save_contact
from atelier.knowledge.models import Topic

pytestmark = pytest.mark.django_db
API = "/api/v1"


def bearer(user) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def geel_mayor(geel):
    contact = save_contact(
        contact=None,
        organisation=geel,
        first_name="Vera",
        last_name="Celis",
        email="vera@geel.example",
        phone="",
        language="nl",
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        by=None,  # type: ignore[arg-type]
    )
    topic = Topic.objects.create(slug="welzijn", name_nl="Welzijn")
    add_function(
        contact=contact,
        kind=FunctionKind.MAYOR,
        topics=[topic],
        starts_on=datetime.date(2025, 1, 1),
        by=None,  # type: ignore[arg-type]
    )
    return contact


def test_coordinator_reads_own_contacts(client, coordinator, geel, geel_mayor):
    body = client.get(f"{API}/organisations/{geel.pk}/contacts", **bearer(coordinator)).json()

    assert body["count"] == 1
    assert body["items"][0] == {
        "id": geel_mayor.pk,
        "first_name": "Vera",
        "last_name": "Celis",
        "email": "vera@geel.example",
        "phone": "",
        "language": "nl",
        "lawful_basis": "public_task",
        "has_account": False,
        "functions": [
            {
                "function": "mayor",
                "portfolios": ["welzijn"],
                "starts_on": "2025-01-01",
                "ends_on": None,
            }
        ],
    }


def test_staff_read_any_organisations_contacts(client, trainer, geel, geel_mayor):
    client.force_login(trainer)
    assert client.get(f"{API}/organisations/{geel.pk}/contacts").json()["count"] == 1


@pytest.mark.parametrize("person", ["participant", "outsider"])
def test_others_get_404_with_the_error_shape(client, request, geel, geel_mayor, person):
    user = request.getfixturevalue(person)
    response = client.get(f"{API}/organisations/{geel.pk}/contacts", **bearer(user))

    assert response.status_code == 404
    assert set(response.json()) == {"detail", "problems"}


def test_anonymous_is_refused(client, geel):
    assert client.get(f"{API}/organisations/{geel.pk}/contacts").status_code == 401
