"""Workshop slides draw the case's canvases live from its project and time an exercise."""

import pytest
from django.test import Client
from django.urls import reverse

from atelier.academy.demo.workshop import load_demo_workshop
from atelier.academy.demo.workshop_canvases import link_demo_workshop_canvases
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.demo.project import TITLE
from atelier.projects.services import open_project

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


@pytest.fixture
def case(participant):
    case = load_demo_workshop()
    project = open_project(title=TITLE, problem_statement="", target_group="", by=participant)
    create_canvas(project=project, kind=ArtefactKind.JOURNEY, title="Bezoek", by=participant)
    create_canvas(
        project=project, kind=ArtefactKind.BLUEPRINT, title="Sociaal huis", by=participant
    )
    assert link_demo_workshop_canvases() == 3
    return case


def test_journey_slide_shows_the_project_canvas_drawn_live(trainer, case):
    slide = case.slides.get(heading_nl="Een bezoek, stap voor stap")
    client = signed_in(trainer)
    html = client.get(
        reverse("academy:workshop", args=[case.slug]), {"slide": slide.position}
    ).content.decode()
    svg_url = reverse("canvases:export_svg", args=[slide.canvas.pk])
    assert f'src="{svg_url}"' in html
    drawing = client.get(svg_url)
    assert drawing.status_code == 200
    assert drawing["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in drawing.content


def test_exercise_slide_has_a_timer(trainer, case):
    html = signed_in(trainer).get(reverse("academy:workshop", args=[case.slug])).content.decode()
    assert 'data-timer data-minutes="5"' in html
    assert ">5:00<" in html
    assert "workshop-timer.js" in html


def test_linking_twice_changes_nothing(case):
    before = list(case.slides.values_list("canvas", "exercise_minutes"))
    link_demo_workshop_canvases()
    assert list(case.slides.values_list("canvas", "exercise_minutes")) == before


def test_projected_view_leaves_out_the_notes_and_the_presenters_aside(trainer):
    case = load_demo_workshop()
    client = signed_in(trainer)
    url = reverse("academy:workshop", args=[case.slug])
    presenter = client.get(url).content.decode()
    screen = client.get(url, {"view": "screen"}).content.decode()
    first = case.slides.get(position=1)
    assert first.notes_en in presenter and 'id="presenter-clock"' in presenter
    assert first.notes_en not in screen and 'id="presenter-clock"' not in screen
    assert 'data-role="screen"' in screen
