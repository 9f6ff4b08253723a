"""The demo has three workshop cases, Geel, Lennik and Izegem, each in Dutch and English
with an exercise slide that has a timer and a slide that draws its project's journey."""

import pytest
from django.test import Client
from django.urls import reverse

from atelier.academy.demo.case_canvases import JOURNEYS, add_case_journeys
from atelier.academy.demo.workshop import load_demo_workshop
from atelier.academy.demo.workshop_canvases import link_demo_workshop_canvases
from atelier.academy.demo.workshop_cases import CASES, load_demo_workshop_cases
from atelier.academy.models import CaseSlide, CaseStage, WorkshopCase
from atelier.canvases.models import Canvas, Card, LaneKind
from atelier.method.models import ArtefactKind
from atelier.projects.services import open_project

pytestmark = pytest.mark.django_db


def load() -> None:
    load_demo_workshop()
    load_demo_workshop_cases()
    link_demo_workshop_canvases()  # sets Geel's exercise (its canvases need the workspace)


def test_three_cases_each_in_both_languages_with_an_exercise():
    load()

    cases = WorkshopCase.objects.all()
    assert {case.authority for case in cases} == {"Geel", "Lennik", "Izegem"}
    for case in cases:
        slides = list(case.slides.all())
        assert case.title_nl and case.title_en
        assert all(
            s.heading_nl and s.heading_en and s.body_nl and s.body_en and s.notes_nl and s.notes_en
            for s in slides
        ), case.slug
        assert any(s.exercise_minutes for s in slides), case.slug
    for slug, *_rest in CASES:
        case = WorkshopCase.objects.get(slug=slug)
        assert 6 <= case.slides.count() <= 9
        assert {s.stage for s in case.slides.all()} == set(CaseStage.values)
        assert not case.slides.filter(canvas__isnull=False).exists()


def test_loading_the_cases_twice_adds_nothing():
    load()
    counts = (WorkshopCase.objects.count(), CaseSlide.objects.count())

    load()

    assert (WorkshopCase.objects.count(), CaseSlide.objects.count()) == counts
    assert counts[0] == 3


def test_lennik_case_is_presented_in_english_with_its_timer(trainer):
    load()
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(trainer)

    html = client.get(reverse("academy:workshop", args=["lennik-gemeentehuis"])).content.decode()

    assert "Lennik: one design team for the renewed town hall" in html
    assert "Exercise: act out the desk" in html
    assert 'data-minutes="10"' in html


def test_lennik_and_izegem_slides_draw_their_projects_journeys(trainer, participant):
    load()
    for journey in JOURNEYS:
        open_project(title=journey.project, problem_statement="", target_group="", by=participant)

    assert add_case_journeys() == 2
    assert add_case_journeys() == 2  # again: the same canvases, nothing added
    assert Canvas.objects.filter(kind=ArtefactKind.JOURNEY).count() == 2

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(trainer)
    for journey in JOURNEYS:
        slide = CaseSlide.objects.get(case__slug=journey.case, heading_nl=journey.slide)
        scores = [
            card.fields["score"]
            for card in Card.objects.filter(canvas=slide.canvas, lane__kind=LaneKind.EMOTION)
        ]
        assert len(scores) >= 5 and min(scores) < 0 < max(scores)  # a curve with highs and lows
        html = client.get(
            reverse("academy:workshop", args=[journey.case]), {"slide": slide.position}
        ).content.decode()
        svg_url = reverse("canvases:export_svg", args=[slide.canvas.pk])
        assert f'src="{svg_url}"' in html
        drawing = client.get(svg_url)
        assert drawing.status_code == 200
        assert journey.stages[0][1][0].title.encode() in drawing.content
