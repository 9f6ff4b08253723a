"""The level 1 workshop mode: a trainer presents the Geel case slide by slide."""

import pytest
from django.test import Client
from django.urls import reverse

from atelier.academy.demo.workshop import GEEL_SLIDES, load_demo_workshop
from atelier.academy.models import CaseStage, WorkshopCase

pytestmark = pytest.mark.django_db


def signed_in(user, language: str = "en") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    return client


def test_demo_case_tells_all_five_stages_in_both_languages():
    case = load_demo_workshop()
    slides = list(case.slides.all())

    assert 8 <= len(slides) <= 10
    assert {slide.stage for slide in slides} == set(CaseStage.values)
    assert [s.stage for s in slides] == sorted(
        (s.stage for s in slides), key=list(CaseStage.values).index
    )
    assert all(
        s.heading_nl and s.heading_en and s.body_en and s.notes_nl and s.notes_en for s in slides
    )


def test_loading_the_demo_twice_duplicates_nothing():
    load_demo_workshop()
    load_demo_workshop()

    assert WorkshopCase.objects.count() == 1
    assert WorkshopCase.objects.get().slides.count() == len(GEEL_SLIDES)


def test_presenter_shows_the_first_slide_with_progress_and_a_next_link(trainer):
    case = load_demo_workshop()

    response = signed_in(trainer).get(reverse("academy:workshop", args=[case.slug]))

    html = response.content.decode()
    assert response.status_code == 200
    assert f"1 / {len(GEEL_SLIDES)}" in html
    assert 'aria-live="polite"' in html
    assert 'href="?slide=2"' in html
    assert html.count("presenter__slide") == len(GEEL_SLIDES)
    assert html.count('-heading" hidden>') == len(GEEL_SLIDES) - 1  # all but the current slide


def test_each_slide_has_its_own_url_without_javascript(trainer):
    case = load_demo_workshop()

    response = signed_in(trainer).get(reverse("academy:workshop", args=[case.slug]) + "?slide=3")

    html = response.content.decode()
    assert f"3 / {len(GEEL_SLIDES)}" in html
    assert f"Slide 3 of {len(GEEL_SLIDES)}: Together with staff and users" in html
    assert 'href="?slide=2"' in html and 'href="?slide=4"' in html


def test_slide_number_out_of_range_shows_the_nearest_slide(trainer):
    case = load_demo_workshop()
    url = reverse("academy:workshop", args=[case.slug])

    last = signed_in(trainer).get(url + "?slide=99").content.decode()
    first = signed_in(trainer).get(url + "?slide=abc").content.decode()

    assert f"{len(GEEL_SLIDES)} / {len(GEEL_SLIDES)}" in last
    assert f"1 / {len(GEEL_SLIDES)}" in first


def test_slides_show_in_the_interface_language(trainer):
    case = load_demo_workshop()
    url = reverse("academy:workshop", args=[case.slug])

    dutch = signed_in(trainer, "nl").get(url).content.decode()
    english = signed_in(trainer, "en").get(url).content.decode()

    assert "Twee huizen, één inwoner" in dutch
    assert "Two houses, one resident" in english


def test_participants_may_not_open_the_presenter(participant):
    case = load_demo_workshop()

    response = signed_in(participant).get(reverse("academy:workshop", args=[case.slug]))

    assert response.status_code == 403


def test_staff_see_cases_they_add_in_the_list(trainer):
    load_demo_workshop()
    WorkshopCase.objects.create(
        slug="lennik", title_nl="Lennik", title_en="Lennik", authority="Lennik"
    )

    response = signed_in(trainer).get(reverse("academy:workshop_cases"))

    html = response.content.decode()
    assert "Geel: one front door for social questions" in html
    # One link a case, to its page, which presents it and edits its slides: no Edit links.
    assert reverse("academy:workshop_case_edit", args=["lennik"]) in html
    assert ">Edit<" not in html
    case_page = signed_in(trainer).get(reverse("academy:workshop_case_edit", args=["lennik"]))
    assert reverse("academy:workshop", args=["lennik"]) in case_page.content.decode()


def test_presenter_script_is_served_from_the_project(trainer):
    case = load_demo_workshop()

    html = signed_in(trainer).get(reverse("academy:workshop", args=[case.slug])).content.decode()

    assert "/static/js/presenter.js" in html
    assert "cdn" not in html.lower()
