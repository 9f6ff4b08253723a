"""Canvas imports and portraits from files that are too large, broken or not what they say."""

import base64

import pytest
import weasyprint  # noqa: F401  (sets Pillow's LOAD_TRUNCATED_IMAGES, as in production)
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import ImageFile

from atelier.accounts.models import User
from atelier.canvases.exports.csv_import import journey_from_csv
from atelier.canvases.models import Canvas
from atelier.canvases.portrait import check_portrait
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.tests.factories import make_project
from atelier.lib.tests.bad_files import LONG_CELL, binary_file, huge_png, pdf_file, truncated_jpeg
from atelier.lib.uploads import MB

LONG_CELL_CSV = f"stage;step;lane;text\nBefore;Letter;Actions;{LONG_CELL}\n".encode()


def import_file(client: Client, project, content: bytes, name: str = "journey.csv"):
    upload = SimpleUploadedFile(name, content)
    return client.post(
        reverse("canvases:import", args=[project.pk]),
        {"file": upload, "title": "Visit", "kind": "journey"},
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (LONG_CELL_CSV, "Line 2: a cell holds more than 131,072 characters."),
        (pdf_file(), "This is a PDF file. Upload a JSON or CSV file."),
        (binary_file(), "This is not a text file. Upload a JSON or CSV file."),
        (b'{"format": ' + b"[" * 100_000, "The JSON file is nested too deeply."),
        (b"x" * (5 * MB + 1), "The file is larger than 5 MB."),
    ],
    ids=["long-cell", "pdf", "binary", "deep-json", "oversize"],
)
def test_a_bad_import_file_is_refused_on_the_form_and_writes_nothing(
    client: Client, participant: User, content: bytes, message: str
) -> None:
    project = make_project(participant)
    client.force_login(participant)

    response = import_file(client, project, content)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [message]
    assert not Canvas.objects.exists()


def test_the_long_cell_message_is_translated() -> None:
    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        journey_from_csv(LONG_CELL_CSV, title="Bezoek")

    assert refused.value.messages == ["Regel 2: een cel bevat meer dan 131.072 tekens."]


@pytest.fixture
def persona(participant: User) -> Canvas:
    return create_canvas(
        project=make_project(participant), kind="persona", title="Sofie", by=participant
    )


def upload_portrait(client: Client, persona: Canvas, content: bytes, name: str):
    client.post(
        reverse("canvases:portrait", args=[persona.pk]),
        {"portrait": SimpleUploadedFile(name, content, content_type="image/png")},
    )
    return [
        str(m)
        for m in client.get(reverse("canvases:canvas", args=[persona.pk])).context["messages"]
    ]


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        ("huge.png", huge_png, "The image has more than 12 megapixels."),
        ("cut.jpg", truncated_jpeg, "or it is incomplete."),
        ("big.jpg", lambda: b"\xff\xd8\xff" + bytes(8 * MB), "The image is larger than 8 MB."),
    ],
    ids=["6300-square-png", "truncated-jpeg", "oversize"],
)
def test_a_portrait_that_costs_too_much_or_is_broken_is_refused(
    client: Client, participant: User, persona: Canvas, name, build, message
) -> None:
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # WeasyPrint's setting, which must not let it in
    client.force_login(participant)

    shown = upload_portrait(client, persona, build(), name)

    assert any(message in text for text in shown), shown
    persona.refresh_from_db()
    assert persona.portrait == ""


def test_a_document_cannot_carry_a_pixel_bomb_as_its_portrait() -> None:
    uri = "data:image/png;base64," + base64.b64encode(huge_png()).decode()

    with translation.override("en"), pytest.raises(ValidationError) as refused:
        check_portrait(uri)

    assert refused.value.messages == ["portrait: The image has more than 12 megapixels."]
