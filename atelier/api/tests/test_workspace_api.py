"""The workspace API: projects and canvases with the interface's access rules."""

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from atelier.accounts.models import User
from atelier.accounts.services import create_api_token
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Stage, Step
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.tests.factories import make_project
from atelier.method.models import ArtefactKind, Phase
from atelier.projects.models import Project

API = "/api/v1"


def bearer(user: User) -> dict[str, str]:
    _token, raw = create_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


class Caller:
    """Sends JSON to the API as one person (or nobody) and returns the response."""

    def __init__(self, client: Client, headers: dict[str, str]) -> None:
        self.client, self.headers = client, headers

    def __call__(self, method: str, path: str, body: Any = None) -> Any:
        data = json.dumps(body) if body is not None else ""
        return self.client.generic(
            method, API + path, data, content_type="application/json", **self.headers
        )

    def ok(self, method: str, path: str, body: Any = None, status: int = 200) -> Any:
        response = self(method, path, body)
        assert response.status_code == status, response.content
        return response.json() if response.content else None


@pytest.fixture(autouse=True)
def _english(settings):
    """Problems are asserted in English, the source language (Dutch has its own checks)."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def as_participant(client, participant) -> Caller:
    return Caller(client, bearer(participant))


@dataclass
class GeelWork:
    project: Project
    canvas: Canvas
    stage: Stage
    step: Step
    lane: Lane
    card: Card


@pytest.fixture
def geel_work(participant) -> GeelWork:
    return make_geel_work(participant)


def make_geel_work(participant: User) -> GeelWork:
    """A Geel project with a journey holding one action card."""
    project = make_project(participant)
    canvas = create_canvas(
        project=project, kind=ArtefactKind.JOURNEY, title="Visit", state="as_is", by=participant
    )
    stage = Stage.objects.filter(canvas=canvas).first()
    step = Step.objects.filter(stage=stage).first()
    lane = Lane.objects.get(canvas=canvas, kind=LaneKind.CARDS, position=1)
    card = add_card(canvas=canvas, lane=lane, step=step, text="Takes a number", by=participant)
    return GeelWork(project, canvas, stage, step, lane, card)  # type: ignore[arg-type]


def read_paths(work: GeelWork) -> list[tuple[str, str, Any]]:
    return [
        ("GET", f"/projects/{work.project.pk}", None),
        ("GET", f"/projects/{work.project.pk}/canvases", None),
        ("GET", f"/canvases/{work.canvas.pk}", None),
    ]


def write_paths(work: GeelWork) -> list[tuple[str, str, Any]]:
    """Every write path of the workspace, with a body that would be accepted."""
    rename = {"version": 1, "title": "Renamed"}
    return [
        ("PATCH", f"/projects/{work.project.pk}", {"revision": 1, "title": "Taken over"}),
        ("POST", f"/projects/{work.project.pk}/canvases", {"kind": "persona", "title": "Ann"}),
        ("PATCH", f"/canvases/{work.canvas.pk}", {"revision": 1, "title": "Renamed"}),
        (
            "POST",
            f"/canvases/{work.canvas.pk}/cards",
            {"lane": work.lane.pk, "step": work.step.pk, "text": "Waits"},
        ),
        ("PATCH", f"/cards/{work.card.pk}", {"version": 1, "text": "Changed"}),
        ("POST", f"/cards/{work.card.pk}/move", {"position": 0}),
        ("POST", f"/canvases/{work.canvas.pk}/stages", {"title": "Later"}),
        ("POST", f"/stages/{work.stage.pk}/steps", {"title": "Queue"}),
        ("POST", f"/canvases/{work.canvas.pk}/lanes", {"kind": "cards", "title": "Ideas"}),
        ("PATCH", f"/stages/{work.stage.pk}", rename),
        ("PATCH", f"/steps/{work.step.pk}", rename),
        ("PATCH", f"/lanes/{work.lane.pk}", rename),
        ("POST", f"/stages/{work.stage.pk}/move", {"position": 1}),
        ("POST", f"/steps/{work.step.pk}/move", {"position": 0}),
        ("POST", f"/lanes/{work.lane.pk}/move", {"position": 0}),
        ("DELETE", f"/cards/{work.card.pk}?version=1", None),
        ("DELETE", f"/steps/{work.step.pk}", None),
        ("DELETE", f"/lanes/{work.lane.pk}", None),
        ("DELETE", f"/stages/{work.stage.pk}", None),
        ("DELETE", f"/canvases/{work.canvas.pk}", None),
    ]


def nothing_changed(work: GeelWork) -> bool:
    card = Card.objects.get(pk=work.card.pk)
    return (
        card.text == "Takes a number"
        and card.version == 1
        and Canvas.objects.filter(project=work.project).count() == 1
        and Stage.objects.filter(canvas=work.canvas).count() == 3
        and Lane.objects.get(pk=work.lane.pk).title == work.lane.title
        and Project.objects.get(pk=work.project.pk).revision == 1
    )


# Access -------------------------------------------------------------------------------------


def test_outsider_gets_404_on_every_workspace_path(client, outsider, geel_work):
    as_outsider = Caller(client, bearer(outsider))

    for method, path, body in read_paths(geel_work) + write_paths(geel_work):
        response = as_outsider(method, path, body)
        assert response.status_code == 404, (method, path, response.content)
    assert nothing_changed(geel_work)
    assert as_outsider.ok("GET", "/projects")["count"] == 0


def test_staff_read_the_workspace_but_get_403_on_every_write(client, trainer, geel_work):
    as_trainer = Caller(client, bearer(trainer))

    for method, path, body in read_paths(geel_work):
        as_trainer.ok(method, path, body)
    for method, path, body in write_paths(geel_work):
        response = as_trainer(method, path, body)
        assert response.status_code == 403, (method, path, response.content)
    assert as_trainer("POST", "/projects", {"title": "Staff project"}).status_code == 403
    assert nothing_changed(geel_work)
    assert Project.objects.count() == 1


def test_anonymous_gets_401_on_every_workspace_path(client, geel_work):
    anonymous = Caller(client, {})
    paths = [("GET", "/projects", None), ("POST", "/projects", {"title": "Anonymous"})]

    for method, path, body in paths + read_paths(geel_work) + write_paths(geel_work):
        response = anonymous(method, path, body)
        assert response.status_code == 401, (method, path, response.content)
    assert nothing_changed(geel_work)


def test_expert_may_not_open_a_project(client, expert):
    response = Caller(client, bearer(expert))("POST", "/projects", {"title": "Mine"})

    assert response.status_code == 403
    assert not Project.objects.exists()


def test_session_sign_in_works_as_well_as_a_token(client, participant, geel_work):
    client.force_login(participant)

    page = Caller(client, {}).ok("GET", "/projects")

    assert [item["id"] for item in page["items"]] == [geel_work.project.pk]


# The full cycle -----------------------------------------------------------------------------


def test_participant_opens_a_project_and_edits_it(as_participant, participant, coordinator):
    created = as_participant.ok(
        "POST", "/projects", {"title": "One front door", "target_group": "Residents"}, 201
    )
    path = f"/projects/{created['id']}"
    second = Phase.objects.order_by("position")[1]

    changed = as_participant.ok(
        "PATCH", path, {"revision": 1, "title": "One social house", "current_phase": second.slug}
    )

    assert created["organisation"] == {"id": participant.organisation_id, "name": "Geel"}
    assert created["url"].endswith(f"/projects/{created['id']}/")
    assert changed["title"] == "One social house"
    assert changed["target_group"] == "Residents"
    assert changed["revision"] == 2
    assert changed["current_phase"] == second.slug
    page = as_participant.ok("GET", "/projects")
    assert page["count"] == 1 and page["items"][0]["id"] == created["id"]


def test_participant_builds_a_journey_through_the_api(as_participant, participant):
    project = as_participant.ok("POST", "/projects", {"title": "One front door"}, 201)
    canvas = as_participant.ok(
        "POST",
        f"/projects/{project['id']}/canvases",
        {"kind": "journey", "title": "Visit", "state": "as_is"},
        201,
    )
    cid = canvas["id"]
    stage = as_participant.ok("POST", f"/canvases/{cid}/stages", {"title": "Arrive"}, 201)
    step = as_participant.ok("POST", f"/stages/{stage['id']}/steps", {"title": "Desk"}, 201)
    lane = as_participant.ok(
        "POST", f"/canvases/{cid}/lanes", {"kind": "emotion", "title": "Mood", "position": 0}, 201
    )
    mood = as_participant.ok(
        "POST",
        f"/canvases/{cid}/cards",
        {"lane": lane["id"], "step": step["id"], "text": "Lost", "fields": {"score": -2}},
        201,
    )
    as_participant.ok("PATCH", f"/cards/{mood['id']}", {"version": 1, "fields": {"score": 1}})
    as_participant.ok("PATCH", f"/stages/{stage['id']}", {"version": 1, "title": "Arrival"})
    as_participant.ok("POST", f"/stages/{stage['id']}/move", {"position": 0})

    document = as_participant.ok("GET", f"/canvases/{cid}")

    assert [s["title"] for s in document["stages"]][0] == "Arrival"
    assert len(document["stages"]) == 4  # the three default stages and this one
    assert document["stages"][0]["steps"][1]["title"] == "Desk"  # after the stage's first step
    assert document["lanes"][0] == {**document["lanes"][0], "kind": "emotion", "title": "Mood"}
    [card] = document["cards"]
    assert card["text"] == "Lost" and card["fields"] == {"score": 1} and card["version"] == 2
    assert document["revision"] > canvas["revision"]


def test_cards_move_and_are_deleted_with_their_version(as_participant, geel_work):
    work = geel_work
    other_step = Step.objects.filter(canvas=work.canvas).exclude(pk=work.step.pk).first()
    second = as_participant.ok(
        "POST",
        f"/canvases/{work.canvas.pk}/cards",
        {"lane": work.lane.pk, "step": work.step.pk, "text": "Waits", "position": 0},
        201,
    )

    moved = as_participant.ok(
        "POST", f"/cards/{work.card.pk}/move", {"position": 0, "step": other_step.pk}
    )
    as_participant.ok("DELETE", f"/cards/{second['id']}?version=1", status=204)

    assert second["position"] == 0
    assert moved["step"] == other_step.pk and moved["position"] == 0
    assert not Card.objects.filter(pk=second["id"]).exists()
    assert as_participant("PATCH", f"/cards/{second['id']}", {"version": 1}).status_code == 404


def test_structure_parts_are_renamed_moved_and_deleted(as_participant, geel_work):
    work = geel_work
    other_stage = Stage.objects.filter(canvas=work.canvas).exclude(pk=work.stage.pk).first()

    as_participant.ok("PATCH", f"/lanes/{work.lane.pk}", {"version": 1, "title": "Doing"})
    as_participant.ok("POST", f"/lanes/{work.lane.pk}/move", {"position": 0})
    step = as_participant.ok(
        "POST", f"/steps/{work.step.pk}/move", {"position": 0, "stage": other_stage.pk}
    )
    as_participant.ok("DELETE", f"/lanes/{work.lane.pk}", status=204)
    as_participant.ok("DELETE", f"/stages/{work.stage.pk}", status=204)

    assert step["stage"] == other_stage.pk
    assert not Lane.objects.filter(pk=work.lane.pk).exists()
    assert not Card.objects.filter(pk=work.card.pk).exists()
    assert Step.objects.filter(pk=work.step.pk).exists()  # it had moved out of the stage


def test_section_canvas_takes_cards_in_its_sections(as_participant, geel_work):
    persona = as_participant.ok(
        "POST",
        f"/projects/{geel_work.project.pk}/canvases",
        {"kind": "persona", "title": "Ann"},
        201,
    )

    card = as_participant.ok(
        "POST", f"/canvases/{persona['id']}/cards", {"section": "needs", "text": "One desk"}, 201
    )
    listed = as_participant.ok("GET", f"/projects/{geel_work.project.pk}/canvases")

    assert card["section"] == "needs" and card["lane"] is None
    assert {item["kind"] for item in listed["items"]} == {"journey", "persona"}
    assert listed["count"] == 2


def test_canvas_is_changed_and_deleted(as_participant, geel_work):
    path = f"/canvases/{geel_work.canvas.pk}"
    revision = Canvas.objects.get(pk=geel_work.canvas.pk).revision

    changed = as_participant.ok("PATCH", path, {"revision": revision, "state": "to_be"})
    as_participant.ok("DELETE", path, status=204)

    assert changed["state"] == "to_be" and changed["title"] == "Visit"
    assert changed["revision"] == revision + 1
    assert not Canvas.objects.filter(pk=geel_work.canvas.pk).exists()


# Refusals -----------------------------------------------------------------------------------


def test_stale_card_edit_gets_409_with_the_current_text(as_participant, geel_work):
    path = f"/cards/{geel_work.card.pk}"
    as_participant.ok("PATCH", path, {"version": 1, "text": "Takes a ticket at the door"})

    response = as_participant("PATCH", path, {"version": 1, "text": "My older edit"})

    assert response.status_code == 409
    assert response.json()["current"]["text"] == "Takes a ticket at the door"
    assert response.json()["current"]["version"] == 2
    assert Card.objects.get(pk=geel_work.card.pk).text == "Takes a ticket at the door"


def test_stale_card_delete_gets_409_and_keeps_the_card(as_participant, geel_work):
    as_participant.ok("PATCH", f"/cards/{geel_work.card.pk}", {"version": 1, "text": "Newer"})

    response = as_participant("DELETE", f"/cards/{geel_work.card.pk}?version=1")

    assert response.status_code == 409
    assert response.json()["current"]["text"] == "Newer"
    assert Card.objects.filter(pk=geel_work.card.pk).exists()


def test_stale_project_canvas_and_lane_edits_get_409_with_the_current(as_participant, geel_work):
    work = geel_work
    as_participant.ok("PATCH", f"/projects/{work.project.pk}", {"revision": 1, "title": "New"})
    as_participant.ok("PATCH", f"/lanes/{work.lane.pk}", {"version": 1, "title": "Doing"})

    project = as_participant("PATCH", f"/projects/{work.project.pk}", {"revision": 1, "title": "X"})
    canvas = as_participant("PATCH", f"/canvases/{work.canvas.pk}", {"revision": 1, "title": "X"})
    lane = as_participant("PATCH", f"/lanes/{work.lane.pk}", {"version": 1, "title": "X"})

    assert (project.status_code, project.json()["current"]["title"]) == (409, "New")
    assert canvas.status_code == 409
    assert canvas.json()["current"]["revision"] > 1
    assert (lane.status_code, lane.json()["current"]["title"]) == (409, "Doing")


def test_card_with_invalid_fields_gets_422_with_the_messages(as_participant, geel_work):
    emotion = Lane.objects.get(canvas=geel_work.canvas, kind=LaneKind.EMOTION)

    with translation.override("en"):
        response = as_participant(
            "POST",
            f"/canvases/{geel_work.canvas.pk}/cards",
            {"lane": emotion.pk, "step": geel_work.step.pk, "fields": {"score": 5}},
        )

    assert response.status_code == 422
    assert response.json()["problems"] == ["emotion must lie between -2 and 2."]
    assert not Card.objects.filter(lane=emotion).exists()


def test_card_cannot_be_put_in_a_lane_of_another_canvas(as_participant, participant, geel_work):
    other = create_canvas(
        project=geel_work.project, kind=ArtefactKind.JOURNEY, title="To be", by=participant
    )
    foreign_lane = Lane.objects.filter(canvas=other, kind=LaneKind.CARDS).first()

    added = as_participant(
        "POST",
        f"/canvases/{geel_work.canvas.pk}/cards",
        {"lane": foreign_lane.pk, "step": geel_work.step.pk, "text": "Sneaky"},
    )
    moved = as_participant(
        "POST", f"/cards/{geel_work.card.pk}/move", {"position": 0, "lane": foreign_lane.pk}
    )

    assert (added.status_code, moved.status_code) == (422, 422)
    assert Card.objects.get(pk=geel_work.card.pk).lane_id == geel_work.lane.pk
    assert not Card.objects.filter(text="Sneaky").exists()


# Import -------------------------------------------------------------------------------------


def test_document_import_recreates_an_exported_canvas(as_participant, geel_work):
    document = serialize_canvas(geel_work.canvas)

    created = as_participant.ok(
        "POST", f"/projects/{geel_work.project.pk}/canvases", {"document": document}, 201
    )
    copy = as_participant.ok("GET", f"/canvases/{created['id']}")

    assert created["dropped_links"] == 0
    assert copy["uid"] != document["uid"]
    for key in ("kind", "title", "state", "cards"):
        assert [_without_ids(copy[key])] == [_without_ids(document[key])]


def _without_ids(value: Any) -> Any:
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k not in ("id", "version")}
    return value


@pytest.mark.parametrize(
    "document",
    [
        {"format": "something else"},
        {"format": "atelier.canvas/1", "kind": "poster", "title": "X"},
        {"format": "atelier.canvas/1", "kind": "journey", "title": "", "stages": "nonsense"},
        {
            "format": "atelier.canvas/1",
            "kind": "journey",
            "title": "Broken",
            "stages": [{"uid": "not-a-uid", "title": "", "steps": []}],
            "lanes": [{"uid": "also-not", "kind": "hologram", "title": "Lane"}],
            "cards": [{"uid": "x", "lane": "nowhere", "step": "never", "text": 3}],
        },
        ["not", "an", "object"],
    ],
)
def test_document_import_lists_the_problems_and_writes_nothing(as_participant, geel_work, document):
    before = (Canvas.objects.count(), Card.objects.count(), Lane.objects.count())

    response = as_participant(
        "POST", f"/projects/{geel_work.project.pk}/canvases", {"document": document}
    )

    assert response.status_code == 422, response.content
    assert response.json()["problems"]
    assert (Canvas.objects.count(), Card.objects.count(), Lane.objects.count()) == before


def test_document_import_names_each_problem_with_its_place(as_participant, geel_work):
    document = serialize_canvas(geel_work.canvas)
    document["lanes"][0]["kind"] = "hologram"
    document["cards"][0]["fields"] = {"marker": "sparkle"}

    with translation.override("en"):
        response = as_participant(
            "POST", f"/projects/{geel_work.project.pk}/canvases", {"document": document}
        )

    problems = response.json()["problems"]
    assert response.status_code == 422
    assert "lanes[0]: unknown kind of lane." in problems
    assert any(problem.startswith("cards[0]: sparkle") for problem in problems)


# Query counts ---------------------------------------------------------------------------------


def test_project_list_queries_do_not_grow_with_projects(
    as_participant, participant, django_assert_max_num_queries
):
    make_project(participant)
    with django_assert_max_num_queries(8) as few:
        as_participant.ok("GET", "/projects")
    for number in range(5):
        make_project(participant, title=f"Project {number}")

    with django_assert_max_num_queries(len(few.captured_queries)):
        page = as_participant.ok("GET", "/projects")

    assert page["count"] == 6


def test_canvas_list_queries_do_not_grow_with_canvases(
    as_participant, participant, geel_work, django_assert_max_num_queries
):
    path = f"/projects/{geel_work.project.pk}/canvases"
    with django_assert_max_num_queries(8) as few:
        as_participant.ok("GET", path)
    for number in range(5):
        create_canvas(project=geel_work.project, kind="persona", title=f"P{number}", by=participant)

    with django_assert_max_num_queries(len(few.captured_queries)):
        assert as_participant.ok("GET", path)["count"] == 6
