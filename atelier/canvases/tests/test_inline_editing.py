"""Editing on the canvas itself: text in place, type-to-add, kind and tags, images, the
emotion curve and stakeholders' places, with stale edits refused and outsiders kept out."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from atelier.canvases.models import Card, Lane, LaneKind, Step
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card, update_card
from atelier.method.models import ArtefactKind

from .factories import make_journey, make_project

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def journey(participant):
    return make_journey(make_project(participant), participant, stages=2, steps=2)


def _card(journey, kind=LaneKind.CARDS) -> Card:
    return (
        Card.objects.filter(canvas=journey, lane__kind=kind)
        .order_by("lane__position", "step__stage__position", "step__position")
        .first()
    )


def _photo(size=(1600, 1200)) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (51.0, 10.0, 0.0)}  # GPS
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("desk.jpg", out.getvalue(), content_type="image/jpeg")


# --- the board and the card fragment (the contract live updates build on) -------------------


def test_every_card_carries_its_id_and_version_and_the_board_its_revision(
    client, participant, journey
):
    client.force_login(participant)
    body = client.get(reverse("canvases:canvas", args=[journey.pk])).content.decode()
    journey.refresh_from_db()
    assert f'id="board" class="board board--journey" data-revision="{journey.revision}"' in body
    for card in Card.objects.filter(canvas=journey):
        assert f'id="card-{card.pk}" data-card="{card.pk}" data-version="{card.version}"' in body


def test_the_resting_view_has_no_edit_links_and_every_cell_a_type_to_add_field(
    client, participant, journey
):
    client.force_login(participant)
    body = client.get(reverse("canvases:canvas", args=[journey.pk])).content.decode()
    assert ">Edit<" not in body
    assert "part-menu" not in body
    actions = Lane.objects.get(canvas=journey, title="Actions")
    for step in Step.objects.filter(canvas=journey):
        assert f'id="add-{actions.pk}-{step.pk}"' in body
    # Without JavaScript a card's text is a link to its full form.
    card = _card(journey)
    assert f'<a class="card-edit" href="/canvases/cards/{card.pk}/edit/" draggable="false">' in body


def test_the_card_fragment_is_the_boards_card_and_404_for_another_organisation(
    client, participant, outsider, journey
):
    card = _card(journey)
    client.force_login(participant)
    fragment = client.get(reverse("canvases:card_fragment", args=[card.pk])).content.decode()
    assert fragment.startswith("<article")
    assert f'data-version="{card.version}"' in fragment
    assert card.text in fragment
    client.force_login(outsider)
    assert client.get(reverse("canvases:card_fragment", args=[card.pk])).status_code == 404


# --- text in place ---------------------------------------------------------------------------


def test_text_saved_in_place_answers_the_card_with_its_new_version(client, participant, journey):
    card = _card(journey)
    client.force_login(participant)
    response = client.post(
        reverse("canvases:card_text", args=[card.pk]),
        {"text": "Belt naar het loket", "version": card.version},
        **HTMX,
    )
    assert response.status_code == 200
    card.refresh_from_db()
    assert card.text == "Belt naar het loket" and card.version == 2
    assert f'data-version="{card.version}"' in response.content.decode()


def test_a_stale_text_shows_the_other_persons_text_and_keeps_mine(client, participant, journey):
    card = _card(journey)
    update_card(card=card, version=card.version, text="Theirs", fields=card.fields, by=None)
    client.force_login(participant)
    response = client.post(
        reverse("canvases:card_text", args=[card.pk]), {"text": "Mine", "version": 1}, **HTMX
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Theirs" in body and "Mine" in body and 'role="alert"' in body
    card.refresh_from_db()
    assert card.text == "Theirs"
    # Putting mine in its place builds on the version the answer gave.
    version = re.search(r'name="version" value="(\d+)"', body).group(1)
    again = client.post(
        reverse("canvases:card_text", args=[card.pk]), {"text": "Mine", "version": version}, **HTMX
    )
    assert again.status_code == 200
    card.refresh_from_db()
    assert card.text == "Mine"


def test_text_in_place_is_404_for_another_organisation_and_410_once_deleted(
    client, participant, outsider, journey
):
    card = _card(journey)
    url = reverse("canvases:card_text", args=[card.pk])
    client.force_login(outsider)
    assert client.post(url, {"text": "x", "version": 1}, **HTMX).status_code == 404
    assert client.get(url).status_code == 404
    client.force_login(participant)
    card.delete()
    assert client.post(url, {"text": "x", "version": 1}, **HTMX).status_code == 410


def test_text_in_place_without_javascript_goes_back_to_the_canvas(client, participant, journey):
    card = _card(journey)
    client.force_login(participant)
    response = client.post(
        reverse("canvases:card_text", args=[card.pk]), {"text": "Zonder JS", "version": 1}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#card-{card.pk}")


# --- type to add -----------------------------------------------------------------------------


def test_typed_text_at_the_end_of_a_cell_becomes_a_card_there(client, participant, journey):
    lane = Lane.objects.get(canvas=journey, title="Actions")
    step = Step.objects.filter(canvas=journey).order_by("stage__position", "position").last()
    client.force_login(participant)
    response = client.post(
        reverse("canvases:card_add", args=[journey.pk]),
        {"lane": lane.pk, "step": step.pk, "text": "Neemt een nummertje"},
        **HTMX,
    )
    assert response.status_code == 200
    card = Card.objects.get(text="Neemt een nummertje")
    assert (card.lane, card.step) == (lane, step)
    # Focus goes back to the same field, for the next card.
    assert f"#add-{lane.pk}-{step.pk}" in response["HX-Trigger-After-Settle"]


def test_type_to_add_asks_a_channel_lanes_channel_and_refuses_without(client, participant, journey):
    lane = Lane.objects.get(canvas=journey, kind=LaneKind.CHANNELS)
    step = Step.objects.filter(canvas=journey).first()
    client.force_login(participant)
    url = reverse("canvases:card_add", args=[journey.pk])
    refused = client.post(url, {"lane": lane.pk, "step": step.pk, "text": "Balie"}, **HTMX)
    assert "channel is required" in refused.content.decode()
    assert not Card.objects.filter(text="Balie").exists()
    client.post(url, {"lane": lane.pk, "step": step.pk, "text": "Balie", "channel": "desk"}, **HTMX)
    assert Card.objects.get(text="Balie").fields == {"channel": "desk"}


def test_type_to_add_in_a_section_and_404_for_another_organisation(client, participant, outsider):
    persona = create_canvas(
        project=make_project(participant), kind=ArtefactKind.PERSONA, title="Fatima", by=None
    )
    client.force_login(participant)
    page = client.get(reverse("canvases:canvas", args=[persona.pk])).content.decode()
    assert 'id="add-needs"' in page
    url = reverse("canvases:card_add", args=[persona.pk])
    client.post(url, {"section": "needs", "text": "Eén aanspreekpunt"}, **HTMX)
    assert Card.objects.get(canvas=persona, section="needs").text == "Eén aanspreekpunt"
    client.force_login(outsider)
    assert client.post(url, {"section": "needs", "text": "x"}, **HTMX).status_code == 404


# --- kind and tags ---------------------------------------------------------------------------


def test_the_menu_sets_a_cards_kind_and_keeps_its_text(client, participant, outsider, journey):
    card = _card(journey)
    client.force_login(participant)
    menu = client.get(reverse("canvases:card_menu", args=[card.pk]), **HTMX).content.decode()
    assert 'name="marker"' in menu and 'name="text"' not in menu
    response = client.post(
        reverse("canvases:card_fields", args=[card.pk]),
        {"marker": "pain", "version": card.version},
        **HTMX,
    )
    assert response.status_code == 200
    assert "canvas-card--pain" in response.content.decode()
    text = card.text
    card.refresh_from_db()
    assert card.fields == {"marker": "pain"} and card.text == text
    stale = client.post(
        reverse("canvases:card_fields", args=[card.pk]), {"marker": "", "version": 1}, **HTMX
    )
    assert stale.status_code == 409
    client.force_login(outsider)
    assert client.get(reverse("canvases:card_menu", args=[card.pk])).status_code == 404


# --- images ----------------------------------------------------------------------------------


def test_an_image_on_a_card_is_made_small_without_metadata_and_removable(
    client, participant, outsider, journey
):
    card = _card(journey)
    client.force_login(participant)
    response = client.post(
        reverse("canvases:card_image", args=[card.pk]),
        {"image": _photo(), "version": card.version},
        **HTMX,
    )
    assert response.status_code == 200
    card.refresh_from_db()
    assert card.image.startswith("data:image/jpeg;base64,")
    import base64

    with Image.open(io.BytesIO(base64.b64decode(card.image.split(",", 1)[1]))) as small:
        assert max(small.size) <= 480
        assert not small.getexif()
    page = client.get(reverse("canvases:canvas", args=[journey.pk])).content.decode()
    assert 'class="canvas-card__image"' in page
    client.force_login(outsider)
    assert (
        client.post(
            reverse("canvases:card_image", args=[card.pk]), {"remove": "1", "version": 2}, **HTMX
        ).status_code
        == 404
    )
    client.force_login(participant)
    client.post(
        reverse("canvases:card_image", args=[card.pk]),
        {"remove": "1", "version": card.version},
        **HTMX,
    )
    card.refresh_from_db()
    assert card.image == ""


def test_a_file_that_is_no_image_is_refused_in_place(client, participant, journey):
    card = _card(journey)
    client.force_login(participant)
    response = client.post(
        reverse("canvases:card_image", args=[card.pk]),
        {"image": SimpleUploadedFile("x.jpg", b"not an image"), "version": card.version},
        **HTMX,
    )
    assert response.status_code == 422
    assert "not an image we can read" in response.content.decode()


# --- the emotion curve -----------------------------------------------------------------------


def _emotion(journey) -> tuple[Lane, list[Step]]:
    lane = Lane.objects.get(canvas=journey, kind=LaneKind.EMOTION)
    steps = list(Step.objects.filter(canvas=journey).order_by("stage__position", "position"))
    return lane, steps


def test_the_curve_has_a_slider_per_step_and_a_score_saves_with_its_version(
    client, participant, journey
):
    lane, steps = _emotion(journey)
    client.force_login(participant)
    page = client.get(reverse("canvases:canvas", args=[journey.pk])).content.decode()
    assert page.count('role="slider"') == len(steps)
    assert 'aria-valuemin="-2" aria-valuemax="2"' in page
    card = Card.objects.get(lane=lane, step=steps[0])
    response = client.post(
        reverse("canvases:emotion", args=[journey.pk]),
        {"lane": lane.pk, f"score-{steps[0].pk}": "2", f"version-{steps[0].pk}": card.version},
        **HTMX,
    )
    assert response.status_code == 200
    card.refresh_from_db()
    assert card.fields["score"] == 2 and card.version == 2
    assert f'id="emotion-{steps[0].pk}"' in response.content.decode()
    assert 'aria-valuenow="2"' in response.content.decode()


def test_a_stale_score_is_refused_and_a_new_step_gets_its_first_score(client, participant, journey):
    lane, steps = _emotion(journey)
    Card.objects.filter(lane=lane, step=steps[1]).delete()
    client.force_login(participant)
    url = reverse("canvases:emotion", args=[journey.pk])
    stale = client.post(
        url, {"lane": lane.pk, f"score-{steps[0].pk}": "1", f"version-{steps[0].pk}": "7"}, **HTMX
    )
    assert "Someone else scored this step" in stale.content.decode()
    assert Card.objects.get(lane=lane, step=steps[0]).fields["score"] == -2
    client.post(url, {"lane": lane.pk, f"score-{steps[1].pk}": "-1"}, **HTMX)
    assert Card.objects.get(lane=lane, step=steps[1]).fields == {"score": -1}
    # The list form (no JavaScript) sends every step; unchanged ones are left alone.
    versions = {c.step_id: c.version for c in Card.objects.filter(lane=lane)}
    form = {"lane": lane.pk}
    for step in steps:
        form[f"score-{step.pk}"] = "0"
        form[f"version-{step.pk}"] = versions.get(step.pk, "")
    assert client.post(url, form).status_code == 302
    assert {c.fields["score"] for c in Card.objects.filter(lane=lane)} == {0}


def test_scores_out_of_range_and_other_organisations_are_refused(
    client, participant, outsider, journey
):
    lane, steps = _emotion(journey)
    url = reverse("canvases:emotion", args=[journey.pk])
    client.force_login(participant)
    response = client.post(url, {"lane": lane.pk, f"score-{steps[0].pk}": "3"}, **HTMX)
    assert "from −2 to +2" in response.content.decode()
    client.force_login(outsider)
    assert client.post(url, {"lane": lane.pk, f"score-{steps[0].pk}": "1"}).status_code == 404


def test_the_share_view_draws_the_curve_read_only(client, participant, journey):
    from atelier.canvases.services.sharing import create_share_link

    link = create_share_link(canvas=journey, label="", password="", expires_at=None, by=None)
    page = client.get(reverse("shared:view", args=[link.token])).content.decode()
    assert 'id="emotion-curve"' in page and 'role="slider"' not in page
    assert "<polyline" in page


# --- stakeholders ----------------------------------------------------------------------------


def _stakeholder_map(participant):
    canvas = create_canvas(
        project=make_project(participant),
        kind=ArtefactKind.STAKEHOLDER_MAP,
        title="Wie doet mee",
        by=None,
    )
    card = add_card(
        canvas=canvas,
        section="stakeholders",
        text="Sociaal huis",
        fields={"ring": "direct"},
        by=None,
    )
    return canvas, card


def test_a_stakeholder_dragged_to_another_ring_is_saved_and_drawn_there(
    client, participant, outsider
):
    canvas, card = _stakeholder_map(participant)
    client.force_login(participant)
    page = client.get(reverse("canvases:canvas", args=[canvas.pk])).content.decode()
    assert f'id="stakeholder-{card.pk}"' in page and 'tabindex="0"' in page
    url = reverse("canvases:stakeholder_place", args=[card.pk])
    response = client.post(url, {"ring": "core", "angle": "90", "version": card.version}, **HTMX)
    assert response.status_code == 200
    card.refresh_from_db()
    assert card.fields == {"ring": "core", "angle": 90}
    assert 'data-ring="core" data-angle="90"' in response.content.decode()
    stale = client.post(url, {"ring": "indirect", "angle": "0", "version": 1}, **HTMX)
    assert "Someone else changed this stakeholder" in stale.content.decode()
    card.refresh_from_db()
    assert card.fields["ring"] == "core"
    client.force_login(outsider)
    assert client.post(url, {"ring": "core", "angle": "0", "version": 2}).status_code == 404


def test_editing_a_stakeholder_in_its_form_keeps_its_place(client, participant):
    canvas, card = _stakeholder_map(participant)
    update_card(
        card=card, version=1, text=card.text, fields={"ring": "direct", "angle": 45}, by=None
    )
    client.force_login(participant)
    client.post(
        reverse("canvases:card_edit", args=[card.pk]),
        {"text": "Sociaal huis Geel", "ring": "core", "version": 2},
    )
    card.refresh_from_db()
    assert card.text == "Sociaal huis Geel"
    assert card.fields == {"ring": "core", "angle": 45}


# --- cost ------------------------------------------------------------------------------------


def test_an_in_place_save_costs_a_few_queries_however_big_the_canvas(client, participant, journey):
    big = make_journey(journey.project, participant, stages=4, steps=5)
    client.force_login(participant)

    def queries(canvas) -> int:
        card = _card(canvas)
        with CaptureQueriesContext(connection) as captured:
            client.post(
                reverse("canvases:card_text", args=[card.pk]),
                {"text": "Nieuw", "version": card.version},
                **HTMX,
            )
        return len(captured)

    assert queries(big) == queries(journey)
