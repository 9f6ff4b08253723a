"""The API's contract: one error shape, bounded paging, control characters refused, enums."""

import pytest

from atelier.api.api import api
from atelier.canvases.models import Canvas
from atelier.canvases.services.canvases import update_canvas
from atelier.canvases.services.common import Gone
from atelier.projects.models import Project

from .test_workspace_api import API, Caller, GeelWork, bearer, make_geel_work

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def as_participant(client, participant) -> Caller:
    return Caller(client, bearer(participant))


@pytest.fixture
def geel_work(participant) -> GeelWork:
    return make_geel_work(participant)


@pytest.mark.parametrize(
    "path", ["/organisations", "/editions", "/projects", "/invoices", "/tenders"]
)
def test_a_huge_offset_is_refused_with_the_reason_not_a_server_error(client, participant, path):
    response = client.get(API + path, {"offset": "99999999999999999999"}, **bearer(participant))

    assert response.status_code == 422
    assert response.json()["problems"] == [
        "query.offset: Input should be less than or equal to 1000000"
    ]


@pytest.mark.parametrize("search", ["a\x00b", "a\x1bb"])
def test_control_characters_in_a_query_filter_are_refused(client, geel, search):
    response = client.get(f"{API}/organisations", {"search": search})

    assert response.status_code == 422
    assert "control characters" in response.json()["problems"][0]


@pytest.mark.parametrize("text", ["a\x00b", "a\x01b", "\ud800"])
def test_control_characters_in_a_project_body_are_refused(as_participant, geel_work, text):
    response = as_participant("POST", "/projects", {"title": "Intake", "target_group": text})

    assert response.status_code == 422
    assert response.json()["problems"][0].startswith("body.payload.target_group:")
    assert not Project.objects.filter(title="Intake").exists()


def test_a_nul_inside_card_fields_is_refused(as_participant, geel_work):
    body = {"version": 1, "fields": {"note\x00": "x"}}
    response = as_participant("PATCH", f"/cards/{geel_work.card.pk}", body)

    assert response.status_code == 422
    assert "control characters" in " ".join(response.json()["problems"])


def test_tab_and_line_breaks_are_kept(as_participant, geel_work):
    body = {"version": 1, "text": "one\ttwo\r\nthree"}
    changed = as_participant.ok("PATCH", f"/cards/{geel_work.card.pk}", body)

    assert changed["text"] == "one\ttwo\nthree"


def test_validation_errors_have_the_one_error_shape(as_participant, geel_work):
    response = as_participant("POST", "/projects", {"title": 5})

    assert response.status_code == 422
    assert set(response.json()) == {"detail", "problems"}
    assert response.json()["problems"] == ["body.payload.title: Input should be a valid string"]


@pytest.mark.parametrize("body", ["null", "[]", "5", "{"])
def test_a_body_that_is_not_a_json_object_is_refused(client, participant, body):
    response = client.generic(
        "POST",
        f"{API}/editions/1/enrolments",
        body,
        content_type="application/json",
        **bearer(participant),
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "The request body is not a JSON object.", "problems": []}


def test_unauthenticated_and_not_found_answer_the_one_error_shape(client, db):
    anonymous = client.get(f"{API}/projects")
    missing = client.get(f"{API}/organisations/999999")

    assert anonymous.status_code == 401
    assert set(anonymous.json()) == {"detail", "problems"}
    assert missing.json() == {"detail": "Not found.", "problems": []}


def test_a_title_over_the_limit_is_refused_not_cut(as_participant, geel_work):
    response = as_participant("POST", "/projects", {"title": "x" * 201})

    assert response.status_code == 422
    assert not Project.objects.filter(title="x" * 200).exists()


def test_a_canvas_deleted_meanwhile_answers_gone(participant, geel_work):
    canvas = geel_work.canvas
    Canvas.objects.filter(pk=canvas.pk).delete()

    with pytest.raises(Gone):
        update_canvas(
            canvas=canvas, revision=1, title="Late", state="", description="", by=participant
        )


def test_the_schema_documents_the_error_shape_and_enums():
    schema = api.get_openapi_schema()
    patch_card = schema["paths"]["/api/v1/cards/{card_id}"]["patch"]["responses"]
    components = schema["components"]["schemas"]

    assert {400, 401, 403, 404, 409, 422} <= set(patch_card)
    assert patch_card[422]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    assert components["Error"]["required"] == ["detail", "problems"]
    assert components["ProjectStatus"]["enum"] == ["active", "closed"]
    assert components["CanvasState"]["enum"] == ["as_is", "to_be"]


def test_services_refuse_a_title_over_the_limit_with_a_message(participant):
    from django.core.exceptions import ValidationError

    from atelier.projects.services import open_project

    with pytest.raises(ValidationError) as refused:
        open_project(title="x" * 201, by=participant)

    assert refused.value.messages == ["A title holds at most 200 characters; this one has 201."]


@pytest.mark.parametrize("person_id", ["false", "true", '"3"', "1.5"])
def test_an_enrolment_for_a_person_id_that_is_not_a_whole_number_is_refused(
    client, participant, person_id
):
    response = client.generic(
        "POST",
        f"{API}/editions/1/enrolments",
        f'{{"person_id": {person_id}}}',
        content_type="application/json",
        **bearer(participant),
    )

    assert response.status_code == 422
    assert response.json()["problems"]


def test_every_schema_name_in_the_api_belongs_to_one_class():
    """ninja names a component after its class: two classes of one name, in two apps, would
    make one's responses be checked against the other's schema."""
    import collections
    import enum
    import typing

    from ninja import Schema

    from atelier.api.api import api

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    schemas = [cls for cls in set(subclasses(Schema)) if cls.__module__.startswith("atelier.")]
    enums = {
        argument
        for cls in schemas
        for field in cls.model_fields.values()
        for argument in (field.annotation, *typing.get_args(field.annotation))
        if isinstance(argument, type) and issubclass(argument, enum.Enum)
    }
    names = collections.Counter(cls.__name__ for cls in [*schemas, *enums])
    assert [name for name, count in names.items() if count > 1] == []
    components = api.get_openapi_schema()["components"]["schemas"]
    assert "inhabitants" in components["PopulationOut"]["properties"]
