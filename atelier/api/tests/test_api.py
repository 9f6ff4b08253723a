"""REST API v1: the public registry, and people behind a bearer token with the UI's rule."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from atelier.accounts.models import ApiToken, Role, User
from atelier.accounts.services import create_api_token, revoke_api_token
from atelier.members.models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationSource,
)
from conftest import make_municipality, make_person

API = "/api/v1"


def bearer(user: User) -> dict[str, str]:
    """Request headers carrying a fresh personal token of this user."""
    _token, raw = create_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def people_url(organisation: Organisation) -> str:
    return f"{API}/organisations/{organisation.pk}/people"


def list_organisations(client, **params) -> dict:
    response = client.get(f"{API}/organisations", params)
    assert response.status_code == 200, response.content
    return response.json()


def item_with_code(page: dict, nis_code: str) -> dict:
    return next(item for item in page["items"] if item["nis_code"] == nis_code)


# Registry (public) -------------------------------------------------------------------------


def test_municipalities_in_force_are_the_285_of_2025(client, registry):
    page = list_organisations(client, type="municipality", limit=1000)

    assert page["count"] == 285
    assert len(page["items"]) == 285
    assert {item["type"] for item in page["items"]} == {"municipality"}
    assert {item["valid_until"] for item in page["items"]} == {None}


def test_search_geel_gives_geel_with_its_2020_population(client, registry):
    page = list_organisations(client, search="geel")

    geel = item_with_code(page, "13008")
    assert geel["name_nl"] == "Geel"
    assert geel["type"] == "municipality"
    assert geel["population"] == {"inhabitants": 40709, "reference_date": "2020-01-01"}
    assert geel["province"]["nis_code"] == "10000"
    assert geel["province"]["name_en"] == "Antwerp"
    assert geel["company_number"] is None
    # Its OCMW matches the name too, without figures of its own.
    ocmw = next(item for item in page["items"] if item["type"] == "ocmw")
    assert ocmw["name_nl"] == "OCMW Geel"
    assert ocmw["population"] is None
    assert page["count"] == len(page["items"]) == 2


def test_merged_municipality_counts_the_inhabitants_of_its_predecessors(client, registry):
    merged = item_with_code(list_organisations(client, search="73110"), "73110")
    bilzen = item_with_code(
        list_organisations(client, search="73006", include_former="true"), "73006"
    )
    hoeselt = item_with_code(
        list_organisations(client, search="73032", include_former="true"), "73032"
    )

    assert merged["name_nl"] == "Bilzen-Hoeselt"
    assert merged["valid_from"] == "2025-01-01"
    assert bilzen["valid_until"] == hoeselt["valid_until"] == "2024-12-31"
    assert merged["population"] == {"inhabitants": 42207, "reference_date": "2020-01-01"}
    assert (
        merged["population"]["inhabitants"]
        == bilzen["population"]["inhabitants"] + hoeselt["population"]["inhabitants"]
    )


def test_limit_and_offset_page_through_the_registry_a_hundred_at_a_time_by_default(
    client, registry
):
    pages = [
        list_organisations(client, type="municipality", limit=100, offset=offset)
        for offset in (0, 100, 200, 300)
    ]

    assert [page["count"] for page in pages] == [285] * 4
    assert [len(page["items"]) for page in pages] == [100, 100, 85, 0]
    ids = [item["id"] for page in pages for item in page["items"]]
    assert len(set(ids)) == 285
    names = [item["name_nl"] for page in pages for item in page["items"]]
    assert names == sorted(names)
    assert pages[0]["items"][0]["name_nl"] == "Aalst"
    assert list_organisations(client, type="municipality")["items"] == pages[0]["items"]


def test_offset_below_zero_is_refused_with_the_reason(client, geel, lennik):
    response = client.get(f"{API}/organisations", {"offset": -5, "limit": 1})

    assert response.status_code == 422
    assert response.json()["problems"] == [
        "query.offset: Input should be greater than or equal to 0"
    ]


def test_former_municipalities_are_listed_only_when_asked(client, borsbeek_into_antwerpen):
    current = list_organisations(client)
    everything = list_organisations(client, include_former="true")

    assert [item["name_nl"] for item in current["items"]] == ["Antwerpen"]
    assert [item["name_nl"] for item in everything["items"]] == ["Antwerpen", "Borsbeek"]
    assert item_with_code(everything, "11007")["valid_until"] == "2024-12-31"


def test_province_and_size_filters_work_like_the_member_list(client, geel, lennik):
    assert [i["name_nl"] for i in list_organisations(client, province="20001")["items"]] == [
        "Lennik"
    ]
    assert [i["name_nl"] for i in list_organisations(client, size="small")["items"]] == ["Lennik"]
    assert [i["name_nl"] for i in list_organisations(client, size="large")["items"]] == ["Geel"]


def test_registry_list_query_count_does_not_grow_with_the_number_of_rows(client, antwerp):
    for i in range(3):
        make_municipality(f"4100{i}", f"Gemeente {i}", antwerp, 5_000 + i)
    with CaptureQueriesContext(connection) as few:
        assert len(list_organisations(client)["items"]) == 3
    for i in range(3, 40):
        make_municipality(f"410{i:02d}", f"Gemeente {i}", antwerp, 5_000 + i)
    with CaptureQueriesContext(connection) as many:
        assert len(list_organisations(client)["items"]) == 40

    assert len(many) == len(few)


def test_openapi_schema_is_served_and_lists_the_paths(client, db):
    response = client.get(f"{API}/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Atelier API"
    assert schema["info"]["version"] == "1"
    assert {
        "/api/v1/organisations",
        "/api/v1/organisations/{organisation_id}",
        "/api/v1/organisations/{organisation_id}/people",
        "/api/v1/me",
    } <= set(schema["paths"])
    people = schema["paths"]["/api/v1/organisations/{organisation_id}/people"]["get"]
    assert people.get("security")


def test_api_documentation_page_is_served(client, db):
    assert client.get(f"{API}/docs").status_code == 200


def test_organisation_detail_has_population_history_and_mergers(client, borsbeek_into_antwerpen):
    borsbeek, antwerpen = borsbeek_into_antwerpen
    PopulationFigure.objects.create(
        organisation=antwerpen,
        reference_date=datetime.date(2025, 1, 1),
        inhabitants=545_000,
        source=PopulationSource.IMPORT,
    )

    merged = client.get(f"{API}/organisations/{antwerpen.pk}").json()
    former = client.get(f"{API}/organisations/{borsbeek.pk}").json()

    assert merged["nis_code"] == "11002"
    assert merged["population"] == {"inhabitants": 545_000, "reference_date": "2025-01-01"}
    assert merged["population_history"] == [
        {"inhabitants": 545_000, "reference_date": "2025-01-01"},
        {"inhabitants": 529_247, "reference_date": "2020-01-01"},
    ]
    assert merged["predecessors"] == [
        {
            "organisation_id": borsbeek.pk,
            "name_nl": "Borsbeek",
            "nis_code": "11007",
            "effective_date": "2025-01-01",
        }
    ]
    assert merged["successors"] == []
    assert former["predecessors"] == []
    assert former["successors"] == [
        {
            "organisation_id": antwerpen.pk,
            "name_nl": "Antwerpen",
            "nis_code": "11002",
            "effective_date": "2025-01-01",
        }
    ]
    assert former["valid_until"] == "2024-12-31"


def test_ocmw_detail_names_its_municipality(client, geel):
    ocmw = Organisation.objects.create(
        type=OrganisationType.OCMW, name_nl="OCMW Geel", municipality=geel
    )

    detail = client.get(f"{API}/organisations/{ocmw.pk}").json()

    assert detail["municipality_id"] == geel.pk
    assert detail["nis_code"] is None
    assert detail["population"] is None
    assert detail["population_history"] == []


def test_unknown_organisation_is_404(client, db):
    assert client.get(f"{API}/organisations/999999").status_code == 404


# People (authenticated, same rule as the interface) ----------------------------------------


def test_people_need_authentication(client, geel, coordinator):
    response = client.get(people_url(geel))

    assert response.status_code == 401
    assert coordinator.email not in response.content.decode()


@pytest.mark.parametrize("viewer", ["participant", "coordinator", "trainer", "administrator"])
def test_people_are_listed_for_members_of_the_organisation_and_staff(
    client, request, geel, coordinator, participant, viewer
):
    response = client.get(people_url(geel), **bearer(request.getfixturevalue(viewer)))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [(p["email"], p["role"]) for p in body["items"]] == [
        ("coordinator@geel.example.org", "coordinator"),
        ("participant@geel.example.org", "participant"),
    ]
    assert set(body["items"][0]) == {"id", "first_name", "last_name", "email", "role", "job_title"}


@pytest.mark.parametrize("viewer", ["outsider", "expert"])
def test_people_are_404_for_other_organisations_and_experts(
    client, request, geel, coordinator, viewer
):
    response = client.get(people_url(geel), **bearer(request.getfixturevalue(viewer)))

    assert response.status_code == 404
    assert coordinator.email not in response.content.decode()


def test_outsider_sees_the_people_of_their_own_organisation(client, lennik, outsider):
    response = client.get(people_url(lennik), **bearer(outsider))

    assert response.status_code == 200
    assert [p["email"] for p in response.json()["items"]] == [outsider.email]


def test_people_of_an_unknown_organisation_are_404(client, trainer):
    assert client.get(f"{API}/organisations/999999/people", **bearer(trainer)).status_code == 404


def test_inactive_people_are_not_listed(client, geel, coordinator, trainer):
    former = make_person("gone@geel.example.org", Role.PARTICIPANT, geel)
    former.is_active = False
    former.save()

    body = client.get(people_url(geel), **bearer(trainer)).json()

    assert [p["email"] for p in body["items"]] == [coordinator.email]


def test_signed_in_session_also_authenticates(client, geel, participant):
    client.force_login(participant)

    assert client.get(people_url(geel)).status_code == 200


def test_revoked_token_gets_401(client, geel, participant):
    token, raw = create_api_token(user=participant, name="laptop")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert client.get(people_url(geel), **headers).status_code == 200

    revoke_api_token(token=token, by=participant)

    assert client.get(people_url(geel), **headers).status_code == 401
    assert client.get(f"{API}/me", **headers).status_code == 401


def test_token_of_a_deactivated_person_gets_401(client, geel, participant):
    headers = bearer(participant)
    participant.is_active = False
    participant.save()

    assert client.get(people_url(geel), **headers).status_code == 401


@pytest.mark.parametrize(
    "authorization",
    ["Bearer atl_not-a-real-token", "Bearer ", "Token x", "Basic dXNlcjpwYXNz"],
)
def test_made_up_or_malformed_credentials_get_401(client, geel, participant, authorization):
    response = client.get(people_url(geel), HTTP_AUTHORIZATION=authorization)

    assert response.status_code == 401


def test_token_is_stored_as_a_hash_and_its_use_is_recorded(client, participant):
    token, raw = create_api_token(user=participant, name="script")
    assert raw.startswith("atl_")
    assert raw not in (token.key_hash, token.prefix)
    assert token.last_used_at is None

    client.get(f"{API}/me", HTTP_AUTHORIZATION=f"Bearer {raw}")

    token.refresh_from_db()
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < datetime.timedelta(minutes=1)


# Me ----------------------------------------------------------------------------------------


def test_me_describes_the_token_owner(client, coordinator, geel):
    coordinator.job_title = "head of the social house"
    coordinator.save()

    response = client.get(f"{API}/me", **bearer(coordinator))

    assert response.status_code == 200
    assert response.json() == {
        "id": coordinator.pk,
        "first_name": "Coordinator",
        "last_name": "Test",
        "email": "coordinator@geel.example.org",
        "role": "coordinator",
        "job_title": "head of the social house",
        "organisation_id": geel.pk,
    }


def test_me_of_staff_has_no_organisation(client, trainer):
    body = client.get(f"{API}/me", **bearer(trainer)).json()

    assert (body["email"], body["role"], body["organisation_id"]) == (
        "trainer@example.org",
        "trainer",
        None,
    )


def test_me_needs_authentication(client, db):
    assert client.get(f"{API}/me").status_code == 401


# manage.py api_token -----------------------------------------------------------------------


def test_api_token_command_prints_a_token_that_works(client, geel, coordinator):
    out = StringIO()

    call_command("api_token", "COORDINATOR@geel.example.org", "--name", "ETL", stdout=out)

    raw = out.getvalue().strip()
    assert raw.startswith("atl_")
    token = ApiToken.objects.get(user=coordinator)
    assert token.name == "ETL"
    me = client.get(f"{API}/me", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert me.json()["email"] == coordinator.email
    people = client.get(people_url(geel), HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert people.status_code == 200


def test_api_token_command_refuses_an_unknown_email(db):
    with pytest.raises(CommandError, match="nobody@example.org"):
        call_command("api_token", "nobody@example.org", stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_api_token_command_refuses_a_deactivated_person(participant):
    participant.is_active = False
    participant.save()

    with pytest.raises(CommandError):
        call_command("api_token", participant.email, stdout=StringIO())
    assert not ApiToken.objects.exists()
