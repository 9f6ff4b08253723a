"""Course materials: who sees them when, the guarded download, management and method cards."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import Material, MaterialKind, Visibility
from atelier.academy.services.materials import add_material
from atelier.academy.tests.factories import make_edition, make_enrolment
from atelier.method.models import Phase, Technique

pytestmark = pytest.mark.django_db

HANDOUT = b"%PDF-1.4 handout of the session"


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def handout(place, by, visibility=Visibility.AFTER, title="Handout") -> Material:
    return add_material(
        place=place,
        title=title,
        kind=MaterialKind.HANDOUT,
        visibility=visibility,
        file=SimpleUploadedFile("handout.pdf", HANDOUT),
        by=by,
    )


def download(user, material):
    return signed_in(user).get(reverse("academy:material_download", args=[material.pk]))


@pytest.fixture
def past_edition():
    return make_edition(starts=timezone.now() - datetime.timedelta(days=1))


@pytest.fixture
def future_edition():
    return make_edition(starts=timezone.now() + datetime.timedelta(days=3))


def test_participant_downloads_the_handout_after_the_session(participant, trainer, past_edition):
    make_enrolment(past_edition, participant)
    material = handout(past_edition.sessions.get(), trainer)
    response = download(participant, material)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == HANDOUT
    assert "attachment" in response["Content-Disposition"]


def test_after_material_is_hidden_before_the_session(participant, trainer, future_edition):
    make_enrolment(future_edition, participant)
    material = handout(future_edition.sessions.get(), trainer)
    assert download(participant, material).status_code == 404
    page = signed_in(participant).get(reverse("academy:edition", args=[future_edition.pk]))
    assert "Handout" not in page.content.decode()


def test_before_material_is_shown_until_the_session_ends(participant, trainer):
    future = make_edition(starts=timezone.now() + datetime.timedelta(days=3))
    past = make_edition(starts=timezone.now() - datetime.timedelta(days=3))
    for edition in (future, past):
        make_enrolment(edition, participant)
    open_one = handout(future.sessions.get(), trainer, Visibility.BEFORE)
    closed_one = handout(past.sessions.get(), trainer, Visibility.BEFORE)
    assert download(participant, open_one).status_code == 200
    assert download(participant, closed_one).status_code == 404


def test_course_material_follows_the_edition_the_person_is_in(participant, trainer, past_edition):
    make_enrolment(past_edition, participant)
    material = handout(past_edition.course, trainer, Visibility.AFTER)
    assert download(participant, material).status_code == 200


def test_people_without_a_seat_get_404(participant, outsider, trainer, past_edition):
    make_enrolment(past_edition, participant, status="waitlisted")
    material = handout(past_edition, trainer, Visibility.ALWAYS)
    assert download(participant, material).status_code == 404
    assert download(outsider, material).status_code == 404
    assert Client().get(reverse("academy:material_download", args=[material.pk])).status_code in (
        302,
        404,
    )


def test_staff_see_every_material_at_any_time(trainer, administrator, future_edition):
    material = handout(future_edition.sessions.get(), trainer)
    assert download(administrator, material).status_code == 200


def test_participant_page_lists_visible_materials_and_method_cards(
    participant, trainer, past_edition
):
    make_enrolment(past_edition, participant)
    session = past_edition.sessions.get()
    handout(session, trainer, title="Hand-out klantreis")
    add_material(
        place=past_edition,
        title="Werkblad persona",
        kind=MaterialKind.WORKSHEET,
        visibility=Visibility.ALWAYS,
        url="https://www.servicedesigntoolkit.org/",
        by=trainer,
    )
    phase = Phase.objects.create(position=99, slug="ontdek-test", name_nl="Ontdekken")
    card = Technique.objects.create(
        slug="klantreis-test", phase=phase, name_nl="Klantreis", summary_nl="…"
    )
    session.techniques.add(card)
    html = signed_in(participant).get(reverse("academy:edition", args=[past_edition.pk]))
    html = html.content.decode()
    assert "Hand-out klantreis" in html
    assert "https://www.servicedesigntoolkit.org/" in html
    assert reverse("method:technique", args=[card.slug]) in html
    assert "Manage the materials" not in html


def test_outsider_cannot_manage_materials(outsider, participant, past_edition):
    make_enrolment(past_edition, participant)
    for user in (outsider, participant):
        url = reverse("academy:materials", args=[past_edition.pk])
        assert signed_in(user).get(url).status_code == 404


def test_trainer_uploads_a_handout_and_links_method_cards(trainer, past_edition):
    session = past_edition.sessions.get()
    url = reverse("academy:materials", args=[past_edition.pk])
    response = signed_in(trainer).post(
        url,
        {
            "title": "Hand-out",
            "kind": MaterialKind.HANDOUT,
            "place": str(session.pk),
            "visibility": Visibility.AFTER,
            "file": SimpleUploadedFile("handout.pdf", HANDOUT),
        },
    )
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.session == session
    assert material.file.read() == HANDOUT
    phase = Phase.objects.create(position=98, slug="test-fase", name_nl="Fase")
    card = Technique.objects.create(slug="test-kaart", phase=phase, name_nl="Kaart", summary_nl="…")
    signed_in(trainer).post(
        reverse("academy:session_cards", args=[past_edition.pk, session.pk]),
        {f"s{session.pk}-techniques": [card.pk]},
    )
    assert list(session.techniques.all()) == [card]


def test_a_material_needs_exactly_one_content(trainer, past_edition):
    url = reverse("academy:materials", args=[past_edition.pk])
    response = signed_in(trainer).post(
        url,
        {"title": "Leeg", "kind": MaterialKind.READING, "place": "edition", "visibility": "always"},
    )
    assert response.status_code == 200
    assert "Give one file, one link or one knowledge item." in response.content.decode()
    assert not Material.objects.exists()


def test_an_oversized_upload_is_refused(trainer, past_edition, settings):
    from atelier.lib import uploads

    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10
    original = uploads.UPLOAD_LIMITS["academy:materials"]
    uploads.UPLOAD_LIMITS["academy:materials"] = 100
    try:
        response = signed_in(trainer).post(
            reverse("academy:materials", args=[past_edition.pk]),
            {
                "title": "Groot",
                "kind": MaterialKind.SLIDES,
                "place": "edition",
                "visibility": "always",
                "file": SimpleUploadedFile("big.pdf", b"x" * 1000),
            },
        )
    finally:
        uploads.UPLOAD_LIMITS["academy:materials"] = original
    assert response.status_code == 200
    assert not Material.objects.exists()


def test_removing_a_material_deletes_it(trainer, past_edition):
    material = handout(past_edition, trainer)
    url = reverse("academy:material_delete", args=[past_edition.pk, material.pk])
    assert signed_in(trainer).post(url).status_code == 302
    assert not Material.objects.exists()


def test_edition_page_queries_do_not_grow_with_materials(participant, trainer, past_edition):
    make_enrolment(past_edition, participant)
    session = past_edition.sessions.get()
    client = signed_in(participant)
    url = reverse("academy:edition", args=[past_edition.pk])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    handout(session, trainer, title="One")
    few = count()
    for index in range(5):
        handout(session, trainer, title=f"More {index}")
        handout(past_edition, trainer, title=f"General {index}")
    assert count() == few
