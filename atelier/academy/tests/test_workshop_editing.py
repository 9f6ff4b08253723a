"""Staff edit the workshop cases and their slides in Atelier: add, edit (with an image),
move, delete, and never silently over a colleague's change."""

import base64
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from atelier.academy.admin import CaseSlideInline
from atelier.academy.demo.workshop import load_demo_workshop
from atelier.academy.forms import CaseSlideForm
from atelier.academy.models import CaseSlide, CaseStage, WorkshopCase
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.services import open_project

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def png(width: int = 2000, height: int = 1000) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 200)).save(out, format="PNG")
    return SimpleUploadedFile("plan.png", out.getvalue(), content_type="image/png")


def make_case(slug: str = "proef", slides: int = 3) -> WorkshopCase:
    case = WorkshopCase.objects.create(slug=slug, title_nl="Proefcase", authority="Geel")
    for position in range(1, slides + 1):
        CaseSlide.objects.create(
            case=case,
            position=position,
            stage=CaseStage.PROBLEM,
            heading_nl=f"Dia {position}",
            heading_en=f"Slide {position}",
            body_nl="Tekst",
        )
    return case


def slide_data(slide: CaseSlide | None = None, **changes: object) -> dict[str, object]:
    """What the slide editor posts: the slide's values, or a new slide's, with changes."""
    data: dict[str, object] = {
        "stage": slide.stage if slide else CaseStage.RESEARCH,
        "heading_nl": slide.heading_nl if slide else "Nieuwe dia",
        "heading_en": slide.heading_en if slide else "New slide",
        "body_nl": slide.body_nl if slide else "Wat we zagen",
        "body_en": slide.body_en if slide else "",
        "notes_nl": "",
        "notes_en": "",
        "canvas": "",
        "exercise_minutes": "",
        "image_alt_nl": slide.image_alt_nl if slide else "",
        "image_alt_en": slide.image_alt_en if slide else "",
    }
    return data | changes


def edit_url(slide: CaseSlide) -> str:
    return reverse("academy:workshop_slide_edit", args=[slide.case.slug, slide.pk])


def opened_fingerprint(client: Client, url: str) -> str:
    """The fingerprint the editor hands out when it is opened."""
    html = client.get(url).content.decode()
    return html.split('name="fingerprint" value="')[1].split('"')[0]


def positions(case: WorkshopCase) -> list[str]:
    return list(case.slides.order_by("position").values_list("heading_nl", flat=True))


# Cases


def test_staff_add_a_case_and_land_on_its_edit_page(trainer):
    client = signed_in(trainer)
    data = {
        "title_nl": "Westerlo: een loket in het kasteel",
        "title_en": "Westerlo: a desk in the castle",
        "authority": "Westerlo",
        "slug": "westerlo-kasteel",
        "is_published": "on",
    }

    response = client.post(reverse("academy:workshop_case_new"), data)

    case = WorkshopCase.objects.get(slug="westerlo-kasteel")
    assert response.status_code == 302
    assert response["Location"] == reverse("academy:workshop_case_edit", args=[case.slug])
    assert (case.title_en, case.authority, case.is_published) == (
        "Westerlo: a desk in the castle",
        "Westerlo",
        True,
    )
    page = client.get(response["Location"]).content.decode()
    assert "This case has no slides yet." in page
    assert reverse("academy:workshop_slide_new", args=[case.slug]) in page


def test_a_short_name_in_use_is_refused_with_a_message(trainer):
    make_case("geel")
    data = {"title_nl": "Nog eens Geel", "authority": "Geel", "slug": "geel"}

    response = signed_in(trainer).post(reverse("academy:workshop_case_new"), data)

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert WorkshopCase.objects.count() == 1


def test_the_case_list_adds_a_case_in_atelier_not_in_the_admin(trainer):
    make_case()

    html = signed_in(trainer).get(reverse("academy:workshop_cases")).content.decode()

    assert reverse("academy:workshop_case_new") in html
    assert reverse("academy:workshop_case_edit", args=["proef"]) in html
    assert "/admin/" not in html


def test_edit_page_lists_the_slides_in_order_with_what_they_show(trainer):
    case = make_case()
    first, second, third = case.slides.order_by("position")
    second.exercise_minutes = 5
    second.save()
    third.image = "data:image/jpeg;base64,AAAA"
    third.save()

    html = signed_in(trainer).get(reverse("academy:workshop_case_edit", args=[case.slug]))

    page = html.content.decode()
    assert page.index("Slide 1") < page.index("Slide 2") < page.index("Slide 3")
    assert "timer, 5 minutes" in page and ">image<" in page
    assert "data:image/jpeg" not in page  # the list loads no image
    assert page.count('name="direction" value="up"') == 2
    assert page.count('name="direction" value="down"') == 2
    assert reverse("academy:workshop_slide_delete", args=[case.slug, first.pk]) in page
    assert page.count('class="button"') == 1  # one primary action: add a slide


def test_edit_page_queries_do_not_grow_with_the_slides(trainer):
    client = signed_in(trainer)
    few, many = make_case("few", slides=2), make_case("many", slides=12)
    client.get(reverse("academy:workshop_case_edit", args=[few.slug]))  # warm the session

    with CaptureQueriesContext(connection) as for_few:
        client.get(reverse("academy:workshop_case_edit", args=[few.slug]))
    with CaptureQueriesContext(connection) as for_many:
        client.get(reverse("academy:workshop_case_edit", args=[many.slug]))

    assert len(for_many) == len(for_few)


def test_staff_rename_a_case_and_change_its_short_name(trainer):
    case = make_case()
    client = signed_in(trainer)
    url = reverse("academy:workshop_case_edit", args=[case.slug])
    data = {
        "fingerprint": opened_fingerprint(client, url),
        "title_nl": "Geel: één voordeur",
        "title_en": "Geel: one front door",
        "authority": "Geel",
        "slug": "geel-voordeur",
    }

    response = client.post(url, data)

    assert response["Location"] == reverse("academy:workshop_case_edit", args=["geel-voordeur"])
    case.refresh_from_db()
    assert (case.slug, case.title_en, case.is_published) == (
        "geel-voordeur",
        "Geel: one front door",
        False,
    )


def test_a_colleagues_change_to_the_case_is_not_overwritten(trainer, administrator):
    case = make_case()
    url = reverse("academy:workshop_case_edit", args=[case.slug])
    mine, theirs = signed_in(trainer), signed_in(administrator)
    my_fingerprint = opened_fingerprint(mine, url)
    their_data = {
        "fingerprint": opened_fingerprint(theirs, url),
        "title_nl": "Hun titel",
        "authority": "Geel",
        "slug": "proef",
        "is_published": "on",
    }
    assert theirs.post(url, their_data).status_code == 302
    my_data = their_data | {"fingerprint": my_fingerprint, "title_nl": "Mijn titel"}

    refused = mine.post(url, my_data)

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Someone else changed this case while you were editing it." in page
    assert 'value="Mijn titel"' in page  # my input is kept
    assert "Hun titel" in page.split('id="current-values"')[1]  # and theirs is shown
    case.refresh_from_db()
    assert case.title_nl == "Hun titel"
    # Saving again, having seen their version, goes through.
    again = my_data | {"fingerprint": opened_fingerprint(mine, url)}
    assert mine.post(url, again).status_code == 302
    case.refresh_from_db()
    assert case.title_nl == "Mijn titel"


# Slides


def test_new_slides_go_after_the_last_one_whatever_position_is_posted(trainer):
    case = make_case(slides=2)
    CaseSlide.objects.filter(case=case, position=2).update(position=7)  # a gap, as after a delete
    client = signed_in(trainer)
    url = reverse("academy:workshop_slide_new", args=[case.slug])

    response = client.post(url, slide_data(heading_nl="Derde", position="1"))

    assert response.status_code == 302
    assert response["Location"] == reverse("academy:workshop_case_edit", args=[case.slug])
    added = case.slides.get(heading_nl="Derde")
    assert added.position == 8
    assert added.stage == CaseStage.RESEARCH
    client.post(url, slide_data(heading_nl="Vierde"))
    assert positions(case) == ["Dia 1", "Dia 2", "Derde", "Vierde"]


def test_a_first_slide_gets_position_one(trainer):
    case = make_case(slides=0)

    signed_in(trainer).post(
        reverse("academy:workshop_slide_new", args=[case.slug]), slide_data(heading_nl="Eerste")
    )

    assert case.slides.get().position == 1


def test_staff_edit_a_slide_and_upload_an_image_made_small(trainer):
    case = make_case()
    slide = case.slides.get(position=2)
    client = signed_in(trainer)
    data = slide_data(
        slide,
        fingerprint=opened_fingerprint(client, edit_url(slide)),
        heading_en="Which desk?",
        exercise_minutes="10",
        image_file=png(),
        image_alt_nl="Een plattegrond van het sociaal huis",
        image_alt_en="A floor plan of the social house",
    )

    response = client.post(edit_url(slide), data)

    assert response.status_code == 302
    slide.refresh_from_db()
    assert (slide.heading_en, slide.exercise_minutes, slide.position) == ("Which desk?", 10, 2)
    prefix = "data:image/jpeg;base64,"
    image = Image.open(io.BytesIO(base64.b64decode(slide.image.removeprefix(prefix))))
    assert image.format == "JPEG" and image.size == (1600, 800)
    assert slide.image_alt_en == "A floor plan of the social house"
    page = client.get(edit_url(slide)).content.decode()
    assert f'src="{slide.image}"' in page and "Remove the image" in page


def test_an_image_without_a_description_in_both_languages_is_refused(trainer):
    case = make_case()
    slide = case.slides.get(position=1)
    client = signed_in(trainer)
    data = slide_data(
        slide,
        fingerprint=opened_fingerprint(client, edit_url(slide)),
        heading_en="Changed",
        image_file=png(),
        image_alt_nl="Een plattegrond",
    )

    response = client.post(edit_url(slide), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Describe the image for people who cannot see it." in page
    assert 'value="Changed"' in page
    slide.refresh_from_db()
    assert (slide.image, slide.heading_en) == ("", "Slide 1")


def test_bytes_that_are_not_an_image_get_a_form_error_not_a_500(trainer):
    case = make_case()
    slide = case.slides.get(position=1)
    client = signed_in(trainer)
    garbage = SimpleUploadedFile("plan.png", b"\x89PNG\r\n\x1a\n broken", content_type="image/png")
    data = slide_data(
        slide,
        fingerprint=opened_fingerprint(client, edit_url(slide)),
        image_file=garbage,
        image_alt_nl="Iets",
        image_alt_en="Something",
    )

    response = client.post(edit_url(slide), data)

    assert response.status_code == 200
    assert "not an image we can read" in response.content.decode()
    slide.refresh_from_db()
    assert slide.image == ""


def test_staff_remove_a_slide_image(trainer):
    case = make_case()
    slide = case.slides.get(position=1)
    slide.image, slide.image_alt_nl, slide.image_alt_en = "data:image/jpeg;base64,AAAA", "a", "b"
    slide.save()
    client = signed_in(trainer)
    data = slide_data(
        slide, fingerprint=opened_fingerprint(client, edit_url(slide)), remove_image="on"
    )

    assert client.post(edit_url(slide), data).status_code == 302
    slide.refresh_from_db()
    assert slide.image == ""


def test_the_canvas_field_offers_journeys_blueprints_and_stakeholder_maps(participant):
    project = open_project(
        title="Eén sociaal huis", problem_statement="", target_group="", by=participant
    )
    other = open_project(
        title="Aardbeienloket", problem_statement="", target_group="", by=participant
    )
    for kind, title in [
        (ArtefactKind.JOURNEY, "Bezoek"),
        (ArtefactKind.BLUEPRINT, "Sociaal huis"),
        (ArtefactKind.PERSONA, "Marleen"),
    ]:
        create_canvas(project=project, kind=kind, title=title, by=participant)
    create_canvas(project=other, kind=ArtefactKind.STAKEHOLDER_MAP, title="Wie", by=participant)

    labels = [label for _value, label in CaseSlideForm().fields["canvas"].choices][1:]

    assert labels == [
        "Aardbeienloket — Wie",
        "Eén sociaal huis — Bezoek",
        "Eén sociaal huis — Sociaal huis",
    ]


def test_move_down_and_up_swap_the_slide_with_its_neighbour(trainer):
    case = make_case()
    first = case.slides.get(position=1)
    client = signed_in(trainer)
    url = reverse("academy:workshop_slide_move", args=[case.slug, first.pk])

    response = client.post(url, {"direction": "down", "position": "1"})

    assert response["Location"].endswith(f"#slide-{first.pk}")
    assert positions(case) == ["Dia 2", "Dia 1", "Dia 3"]
    client.post(url, {"direction": "down", "position": "2"})
    assert positions(case) == ["Dia 2", "Dia 3", "Dia 1"]
    client.post(url, {"direction": "up", "position": "3"})
    assert positions(case) == ["Dia 2", "Dia 1", "Dia 3"]
    assert sorted(case.slides.values_list("position", flat=True)) == [1, 2, 3]


def test_a_move_from_a_page_that_shows_an_old_order_is_refused(trainer):
    case = make_case()
    first = case.slides.get(position=1)
    client = signed_in(trainer)
    url = reverse("academy:workshop_slide_move", args=[case.slug, first.pk])
    client.post(url, {"direction": "down", "position": "1"})

    again = client.post(url, {"direction": "down", "position": "1"}, follow=True)  # double click

    assert "Someone else changed the order of the slides meanwhile." in again.content.decode()
    assert positions(case) == ["Dia 2", "Dia 1", "Dia 3"]


def test_the_first_slide_cannot_move_up(trainer):
    case = make_case()
    first = case.slides.get(position=1)
    url = reverse("academy:workshop_slide_move", args=[case.slug, first.pk])

    response = signed_in(trainer).post(url, {"direction": "up", "position": "1"}, follow=True)

    assert "This slide cannot move further that way." in response.content.decode()
    assert positions(case) == ["Dia 1", "Dia 2", "Dia 3"]


def test_moving_is_post_only(trainer):
    case = make_case()
    first = case.slides.get(position=1)
    url = reverse("academy:workshop_slide_move", args=[case.slug, first.pk])

    assert signed_in(trainer).get(url, {"direction": "down", "position": "1"}).status_code == 405
    assert positions(case) == ["Dia 1", "Dia 2", "Dia 3"]


def test_delete_asks_first_then_deletes(trainer):
    case = make_case()
    second = case.slides.get(position=2)
    client = signed_in(trainer)
    url = reverse("academy:workshop_slide_delete", args=[case.slug, second.pk])

    asked = client.get(url)

    assert asked.status_code == 200
    assert "Delete this slide?" in asked.content.decode()
    assert case.slides.count() == 3
    response = client.post(url, {"fingerprint": opened_fingerprint(client, url)})
    assert response["Location"] == reverse("academy:workshop_case_edit", args=[case.slug])
    assert positions(case) == ["Dia 1", "Dia 3"]


def test_a_slide_changed_since_the_delete_question_is_not_deleted(trainer):
    case = make_case()
    second = case.slides.get(position=2)
    client = signed_in(trainer)
    url = reverse("academy:workshop_slide_delete", args=[case.slug, second.pk])
    seen = opened_fingerprint(client, url)
    CaseSlide.objects.filter(pk=second.pk).update(heading_en="Rewritten by a colleague")

    refused = client.post(url, {"fingerprint": seen})

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Someone else changed this slide meanwhile." in page
    assert "Rewritten by a colleague" in page
    assert case.slides.count() == 3


def test_a_colleagues_change_to_the_slide_is_not_overwritten(trainer, administrator):
    case = make_case()
    slide = case.slides.get(position=1)
    mine, theirs = signed_in(trainer), signed_in(administrator)
    my_fingerprint = opened_fingerprint(mine, edit_url(slide))
    their_data = slide_data(
        slide, fingerprint=opened_fingerprint(theirs, edit_url(slide)), body_nl="Hun tekst"
    )
    assert theirs.post(edit_url(slide), their_data).status_code == 302
    my_data = slide_data(slide, fingerprint=my_fingerprint, heading_en="My heading")

    refused = mine.post(edit_url(slide), my_data)

    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Someone else changed this slide while you were editing it." in page
    assert 'value="My heading"' in page  # my input is kept
    assert "Hun tekst" in page.split('id="current-values"')[1]  # their version is shown
    slide.refresh_from_db()
    assert (slide.heading_en, slide.body_nl) == ("Slide 1", "Hun tekst")
    # The refused page hands out the current fingerprint: saving again goes through.
    again = my_data | {"fingerprint": page.split('name="fingerprint" value="')[1].split('"')[0]}
    assert mine.post(edit_url(slide), again).status_code == 302
    slide.refresh_from_db()
    assert slide.heading_en == "My heading"


def test_a_move_by_a_colleague_does_not_block_an_edit_or_undo_the_move(trainer):
    case = make_case()
    slide = case.slides.get(position=1)
    client = signed_in(trainer)
    seen = opened_fingerprint(client, edit_url(slide))
    move = reverse("academy:workshop_slide_move", args=[case.slug, slide.pk])
    client.post(move, {"direction": "down", "position": "1"})

    saved = client.post(edit_url(slide), slide_data(slide, fingerprint=seen, heading_en="New"))

    assert saved.status_code == 302
    assert positions(case) == ["Dia 2", "Dia 1", "Dia 3"]


def test_a_changed_image_upload_is_asked_again_after_a_conflict(trainer):
    case = make_case()
    slide = case.slides.get(position=1)
    client = signed_in(trainer)
    seen = opened_fingerprint(client, edit_url(slide))
    CaseSlide.objects.filter(pk=slide.pk).update(body_nl="Elders veranderd")
    data = slide_data(
        slide, fingerprint=seen, image_file=png(40, 20), image_alt_nl="a", image_alt_en="b"
    )

    page = client.post(edit_url(slide), data).content.decode()

    assert "Choose the image again before you save." in page
    slide.refresh_from_db()
    assert slide.image == ""


# Returning to the presenter


def test_the_presenter_links_each_slide_to_its_editor_but_the_projected_view_does_not(trainer):
    case = load_demo_workshop()
    third = case.slides.order_by("position")[2]
    client = signed_in(trainer)
    url = reverse("academy:workshop", args=[case.slug])

    presenter = client.get(url).content.decode()
    screen = client.get(url, {"view": "screen"}).content.decode()

    back = f"%2Facademy%2Fworkshop%2F{case.slug}%2F%3Fslide%3D3"
    assert f'href="{edit_url(third)}?next={back}"' in presenter
    assert "Edit this slide" not in screen


def test_saving_returns_to_the_presenter_at_the_slide_it_was_opened_from(trainer):
    case = make_case()
    slide = case.slides.get(position=2)
    client = signed_in(trainer)
    back = reverse("academy:workshop", args=[case.slug]) + "?slide=2"
    editor = client.get(edit_url(slide), {"next": back}).content.decode()
    assert f'name="next" value="{back}"' in editor

    data = slide_data(slide, fingerprint=opened_fingerprint(client, edit_url(slide)), next=back)
    response = client.post(edit_url(slide), data)

    assert response["Location"] == back


@pytest.mark.parametrize(
    "target", ["https://evil.example.org/", "//evil.example.org/x", "/\\evil.example.org", "x"]
)
def test_a_next_outside_the_site_is_ignored(trainer, target):
    case = make_case()
    slide = case.slides.get(position=2)
    client = signed_in(trainer)
    data = slide_data(slide, fingerprint=opened_fingerprint(client, edit_url(slide)), next=target)

    response = client.post(edit_url(slide), data)

    assert response["Location"] == reverse("academy:workshop_case_edit", args=[case.slug])


# Who may


def editing_urls(case: WorkshopCase) -> list[str]:
    slide = case.slides.get(position=1)
    return [
        reverse("academy:workshop_case_new"),
        reverse("academy:workshop_case_edit", args=[case.slug]),
        reverse("academy:workshop_slide_new", args=[case.slug]),
        reverse("academy:workshop_slide_edit", args=[case.slug, slide.pk]),
        reverse("academy:workshop_slide_delete", args=[case.slug, slide.pk]),
    ]


def test_members_are_refused_as_on_the_presenter_and_anonymous_people_sign_in(
    participant, coordinator
):
    case = make_case()
    move = reverse("academy:workshop_slide_move", args=[case.slug, case.slides.first().pk])
    for person in (participant, coordinator):
        client = signed_in(person)
        for url in editing_urls(case):
            assert client.get(url).status_code == 403, url
            assert client.post(url, slide_data()).status_code == 403, url
        assert client.post(move, {"direction": "down", "position": "1"}).status_code == 403
    anonymous = Client()
    for url in [*editing_urls(case), move]:
        response = anonymous.post(url, {})
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert positions(case) == ["Dia 1", "Dia 2", "Dia 3"]
    assert WorkshopCase.objects.count() == 1


def test_a_slide_of_another_case_is_not_found(trainer):
    case, other = make_case("proef"), make_case("ander")
    foreign = other.slides.get(position=1)
    client = signed_in(trainer)

    for name in ("workshop_slide_edit", "workshop_slide_delete"):
        url = reverse(f"academy:{name}", args=[case.slug, foreign.pk])
        assert client.get(url).status_code == 404
        assert client.post(url, slide_data(foreign)).status_code == 404
    move = reverse("academy:workshop_slide_move", args=[case.slug, foreign.pk])
    assert client.post(move, {"direction": "down", "position": "1"}).status_code == 404
    assert other.slides.count() == 3 and positions(other)[0] == "Dia 1"


def test_an_unknown_case_or_slide_is_not_found(trainer):
    case = make_case()
    client = signed_in(trainer)

    assert client.get(reverse("academy:workshop_case_edit", args=["nergens"])).status_code == 404
    assert client.get(reverse("academy:workshop_slide_new", args=["nergens"])).status_code == 404
    missing = reverse("academy:workshop_slide_edit", args=[case.slug, 999_999])
    assert client.get(missing).status_code == 404


def test_the_admin_edits_slides_with_the_same_form():
    assert issubclass(CaseSlideInline.form, CaseSlideForm)
    assert "position" not in CaseSlideForm.Meta.fields
    assert CaseSlideInline.fields[0] == "position"
