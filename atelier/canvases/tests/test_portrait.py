"""A persona's photo or portrait: uploaded, made small and clean, and carried everywhere."""

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from atelier.canvases.exports.pdf import canvas_pdf
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.transfer import check_document, import_canvas

from .factories import make_project


def photo(size=(2000, 1500), format="JPEG", exif=True) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Camera maker"  # Make
        data[0x0110] = "Secret phone"  # Model
        extra["exif"] = data.tobytes()
    image.save(out, format=format, **extra)
    return out.getvalue()


def stored_image(canvas) -> Image.Image:
    return Image.open(io.BytesIO(base64.b64decode(canvas.portrait.split(",", 1)[1])))


@pytest.fixture
def persona(participant):
    return create_canvas(
        project=make_project(participant), kind="persona", title="Sofie", by=participant
    )


def upload(client, persona, content: bytes, name="sofie.jpg"):
    return client.post(
        reverse("canvases:portrait", args=[persona.pk]),
        {"portrait": SimpleUploadedFile(name, content, content_type="image/jpeg")},
    )


def test_a_photo_is_made_small_and_loses_its_camera_data(client, participant, persona):
    client.force_login(participant)
    assert upload(client, persona, photo()).status_code == 302
    persona.refresh_from_db()
    image = stored_image(persona)
    assert max(image.size) == 480 and image.format == "JPEG"
    assert not image.getexif()
    page = client.get(reverse("canvases:canvas", args=[persona.pk])).content.decode()
    assert 'class="persona-portrait" src="data:image/jpeg;base64,' in page


def test_a_file_that_is_not_an_image_is_refused_and_nothing_changes(client, participant, persona):
    client.force_login(participant)
    response = upload(client, persona, b"<script>alert(1)</script>", name="x.jpg")
    assert response.status_code == 302
    persona.refresh_from_db()
    assert persona.portrait == ""
    page = client.get(reverse("canvases:canvas", args=[persona.pk])).content.decode()
    assert "not an image we can read" in page


def test_only_the_team_uploads_and_others_get_404(client, trainer, outsider, persona):
    client.force_login(outsider)
    assert upload(client, persona, photo()).status_code == 404
    client.force_login(trainer)
    assert upload(client, persona, photo()).status_code == 403


def test_the_portrait_travels_with_json_versions_and_the_pdf(client, participant, persona):
    client.force_login(participant)
    upload(client, persona, photo(format="PNG", exif=False), name="sofie.png")
    persona.refresh_from_db()
    data = serialize_canvas(persona)
    copy, _dropped = import_canvas(project=persona.project, data=data, by=participant)
    assert copy.portrait == persona.portrait
    reader = PdfReader(io.BytesIO(canvas_pdf(data, paper="A4", project_title="x")))
    assert any(page.images for page in reader.pages)


def test_a_document_with_a_bad_portrait_is_refused(persona):
    data = serialize_canvas(persona)
    for bad in (
        "javascript:alert(1)",
        "data:image/svg+xml;base64,PHN2Zz4=",
        "data:image/png;base64,AAAA",
    ):
        with pytest.raises(Exception, match="portrait"):
            check_document(data | {"portrait": bad})
