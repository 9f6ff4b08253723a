"""A workshop slide may carry an image: uploaded by staff in the admin, bounded, stripped of
its metadata, made small for projection and shown on the presenter and projected views."""

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from atelier.academy.models import CaseSlide, CaseStage, WorkshopCase
from atelier.accounts.models import User

pytestmark = pytest.mark.django_db


def photo(width: int = 2400, height: int = 1200) -> bytes:
    """A JPEG that says where and with what camera it was taken."""
    image = Image.new("RGB", (width, height), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (51.0, 10.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def decoded(data_uri: str) -> Image.Image:
    prefix = "data:image/jpeg;base64,"
    assert data_uri.startswith(prefix)
    return Image.open(io.BytesIO(base64.b64decode(data_uri.removeprefix(prefix))))


@pytest.fixture
def slide() -> CaseSlide:
    case = WorkshopCase.objects.create(slug="proef", title_nl="Proefcase", authority="Geel")
    return CaseSlide.objects.create(
        case=case,
        position=1,
        stage=CaseStage.PROBLEM,
        heading_nl="Het loket",
        heading_en="The desk",
        body_nl="Tekst",
    )


@pytest.fixture
def admin_client() -> Client:
    superuser = User.objects.create_superuser("root@example.org", "root-password-long-enough")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(superuser, backend="django.contrib.auth.backends.ModelBackend")
    return client


def post_slide(client: Client, slide: CaseSlide, **changes: object):
    case = slide.case
    data = {
        "slug": case.slug,
        "title_nl": case.title_nl,
        "title_en": case.title_en,
        "authority": case.authority,
        "is_published": "on",
        "slides-TOTAL_FORMS": "1",
        "slides-INITIAL_FORMS": "1",
        "slides-MIN_NUM_FORMS": "0",
        "slides-MAX_NUM_FORMS": "1000",
        "slides-0-id": str(slide.pk),
        "slides-0-case": str(case.pk),
        "slides-0-position": "1",
        "slides-0-stage": slide.stage,
        "slides-0-heading_nl": slide.heading_nl,
        "slides-0-heading_en": slide.heading_en,
        "slides-0-body_nl": slide.body_nl,
        "slides-0-image_alt_nl": "Een loket met een lange rij",
        "slides-0-image_alt_en": "A desk with a long queue",
    }
    data.update({f"slides-0-{key}": value for key, value in changes.items()})
    return client.post(reverse("admin:academy_workshopcase_change", args=[case.pk]), data)


def test_staff_upload_a_slide_image_in_the_admin_made_small_and_stripped(admin_client, slide):
    upload = SimpleUploadedFile("loket.jpg", photo(), content_type="image/jpeg")

    response = post_slide(admin_client, slide, image_file=upload)

    assert response.status_code == 302
    slide.refresh_from_db()
    image = decoded(slide.image)
    assert image.size == (1600, 800)
    assert not image.getexif()
    assert slide.image_alt_en == "A desk with a long queue"


def test_a_file_that_is_not_an_image_is_refused_with_a_message(admin_client, slide):
    upload = SimpleUploadedFile("loket.jpg", b"%PDF-1.7 not a photo", content_type="image/jpeg")

    response = post_slide(admin_client, slide, image_file=upload)

    assert response.status_code == 200
    assert "not an image we can read" in response.content.decode()
    slide.refresh_from_db()
    assert slide.image == ""


def test_a_file_over_the_limit_is_refused_with_a_message(admin_client, slide):
    upload = SimpleUploadedFile("groot.jpg", b"\xff" * (9 * 1024 * 1024), content_type="image/jpeg")

    response = post_slide(admin_client, slide, image_file=upload)

    assert response.status_code == 200
    assert "larger than 8 MB" in response.content.decode()
    slide.refresh_from_db()
    assert slide.image == ""


def test_an_image_needs_a_description_in_both_languages(admin_client, slide):
    upload = SimpleUploadedFile("loket.jpg", photo(), content_type="image/jpeg")

    response = post_slide(admin_client, slide, image_file=upload, image_alt_en="")

    assert response.status_code == 200
    assert "Describe the image for people who cannot see it." in response.content.decode()
    slide.refresh_from_db()
    assert slide.image == ""


def test_staff_remove_a_slide_image(admin_client, slide):
    post_slide(admin_client, slide, image_file=SimpleUploadedFile("a.jpg", photo()))

    response = post_slide(admin_client, slide, remove_image="on")

    assert response.status_code == 302
    slide.refresh_from_db()
    assert slide.image == ""


def test_the_image_is_shown_on_the_presenter_and_projected_views(admin_client, slide, trainer):
    post_slide(admin_client, slide, image_file=SimpleUploadedFile("a.jpg", photo(800, 600)))
    slide.refresh_from_db()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(trainer)
    url = reverse("academy:workshop", args=[slide.case.slug])

    for query in ("", "?view=screen"):
        html = client.get(url + query).content.decode()
        assert f'<img src="{slide.image}" alt="A desk with a long queue">' in html
        assert "style=" not in html.split('class="presenter')[1]

    dutch = Client(HTTP_ACCEPT_LANGUAGE="nl")
    dutch.force_login(trainer)
    assert 'alt="Een loket met een lange rij"' in dutch.get(url).content.decode()
