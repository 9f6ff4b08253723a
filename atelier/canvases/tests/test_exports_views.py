"""The export and import pages: what each returns, and who gets 404."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

EXPORTS = {
    "canvases:export_pdf": ("application/pdf", "pdf"),
    "canvases:export_png": ("image/png", "png"),
    "canvases:export_svg": ("image/svg+xml", "svg"),
    "canvases:export_csv": ("text/csv; charset=utf-8", "csv"),
    "canvases:export_json": ("application/json; charset=utf-8", "json"),
}
GOOD_CSV = b"stage;step;lane;lane_kind;text;score\nBefore;Letter;Actions;;Reads it;\n"


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


@pytest.fixture
def journey(project: Project, participant: User) -> Canvas:
    return make_journey(project, participant, stages=2, steps=2)


@pytest.mark.parametrize("name", EXPORTS)
def test_team_member_downloads_each_export_as_an_attachment(
    client: Client, participant: User, journey: Canvas, name: str
) -> None:
    client.force_login(participant)
    response = client.get(reverse(name, args=[journey.pk]))
    content_type, extension = EXPORTS[name]
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="visit-to-the-social-house.{extension}"'
    )


def test_pdf_export_prints_on_a4_when_asked(
    client: Client, participant: User, journey: Canvas
) -> None:
    client.force_login(participant)
    response = client.get(reverse("canvases:export_pdf", args=[journey.pk]), {"paper": "a4"})
    box = PdfReader(io.BytesIO(response.content)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)


def test_staff_may_export_a_project_they_coach(
    client: Client, trainer: User, journey: Canvas
) -> None:
    client.force_login(trainer)
    assert client.get(reverse("canvases:export_json", args=[journey.pk])).status_code == 200


def test_svg_of_a_kind_that_is_a_list_is_not_found(
    client: Client, participant: User, project: Project
) -> None:
    persona = create_canvas(project=project, kind=ArtefactKind.PERSONA, title="Mia", by=None)
    client.force_login(participant)
    assert client.get(reverse("canvases:export_svg", args=[persona.pk])).status_code == 404
    assert client.get(reverse("canvases:export_pdf", args=[persona.pk])).status_code == 200


def test_outsider_gets_404_on_every_export_and_the_import(
    client: Client, outsider: User, journey: Canvas
) -> None:
    client.force_login(outsider)
    for name in EXPORTS:
        assert client.get(reverse(name, args=[journey.pk])).status_code == 404
    url = reverse("canvases:import", args=[journey.project_id])
    assert client.get(url).status_code == 404
    upload = SimpleUploadedFile("j.csv", GOOD_CSV)
    assert client.post(url, {"file": upload, "title": "x", "kind": "journey"}).status_code == 404
    assert Canvas.objects.count() == 1


def test_anonymous_visitor_is_sent_to_sign_in(client: Client, journey: Canvas) -> None:
    response = client.get(reverse("canvases:export_csv", args=[journey.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_staff_may_not_import_into_a_project_of_a_team(
    client: Client, trainer: User, project: Project
) -> None:
    client.force_login(trainer)
    assert client.get(reverse("canvases:import", args=[project.pk])).status_code == 403


def test_import_page_labels_every_control(
    client: Client, participant: User, project: Project
) -> None:
    client.force_login(participant)
    with translation.override("en"):
        response = client.get(reverse("canvases:import", args=[project.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for control in ("id_file", "id_title", "id_kind_0"):
        assert f'for="{control}"' in html


def post_import(client: Client, project: Project, content: bytes, **fields: str):  # type: ignore[no-untyped-def]
    upload = SimpleUploadedFile(fields.pop("name", "journey.csv"), content)
    data = {"file": upload, "title": "Visit", "kind": "journey"} | fields
    with translation.override("en"):
        return client.post(reverse("canvases:import", args=[project.pk]), data)


def test_csv_import_creates_the_journey_and_opens_it(
    client: Client, participant: User, project: Project
) -> None:
    client.force_login(participant)
    response = post_import(client, project, GOOD_CSV, kind="blueprint")
    canvas = Canvas.objects.get(project=project)
    assert response.status_code == 302
    assert response["Location"] == reverse("canvases:canvas", args=[canvas.pk])
    assert (canvas.kind, canvas.title) == (ArtefactKind.BLUEPRINT, "Visit")
    assert Card.objects.get(canvas=canvas).text == "Reads it"


def test_json_import_keeps_the_document_and_takes_a_new_title(
    client: Client, participant: User, journey: Canvas
) -> None:
    client.force_login(participant)
    exported = client.get(reverse("canvases:export_json", args=[journey.pk])).content
    response = post_import(client, journey.project, exported, name="j.json", title="Copy")
    copy = Canvas.objects.exclude(pk=journey.pk).get()
    assert response.status_code == 302
    assert copy.title == "Copy"
    assert Card.objects.filter(canvas=copy).count() == Card.objects.filter(canvas=journey).count()
    assert json.loads(exported)["title"] == journey.title


def test_bad_file_lists_each_line_and_writes_nothing(
    client: Client, participant: User, journey: Canvas
) -> None:
    client.force_login(participant)
    cards = Card.objects.count()
    content = GOOD_CSV + b"Before;Letter;Mood;emotion;;7\nBefore;;Actions;;Lost\n"
    response = post_import(client, journey.project, content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Line 3: " in html and "Line 4: a card needs a step." in html
    assert (Canvas.objects.count(), Card.objects.count()) == (1, cards)


def test_broken_json_is_refused_with_a_message(
    client: Client, participant: User, project: Project
) -> None:
    client.force_login(participant)
    response = post_import(client, project, b'{"format": "atelier.canvas/1", ', name="x.json")
    assert "The file is not valid JSON." in response.content.decode()
    assert not Canvas.objects.exists()
