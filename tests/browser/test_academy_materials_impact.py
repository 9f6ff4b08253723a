"""Participants download the handout after the session; trainers manage materials and
present the Geel journey with the timer running; staff read the programme's impact (in
English, every page audited with axe)."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from playwright.sync_api import expect

from atelier.academy.demo.workshop import load_demo_workshop
from atelier.academy.demo.workshop_canvases import link_demo_workshop_canvases
from atelier.academy.models import MaterialKind, Visibility
from atelier.academy.services.impact import ServiceLine, record_outcome
from atelier.academy.services.materials import add_material
from atelier.academy.tests.factories import make_edition, make_enrolment
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.demo.project import TITLE
from atelier.projects.services import open_project

from .test_academy_attendance import seed_programme

pytestmark = pytest.mark.browser
HANDOUT = b"%PDF-1.4 the handout"


@pytest.fixture
def edition(trainer):
    seed_programme()
    edition = make_edition(starts=timezone.now() - datetime.timedelta(days=2))
    add_material(
        place=edition.sessions.get(),
        title="Handout of the day",
        kind=MaterialKind.HANDOUT,
        visibility=Visibility.AFTER,
        file=SimpleUploadedFile("handout.pdf", HANDOUT),
        by=trainer,
    )
    return edition


def test_participant_downloads_the_handout_after_the_session(open_visit, participant, edition):
    make_enrolment(edition, participant)
    visit = open_visit(locale="en-GB")
    visit.sign_in(participant)
    page = visit.open(f"/academy/editions/{edition.pk}/")
    expect(page.get_by_role("heading", name="Materials")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Handout of the day").click()
    path = download_info.value.path()
    assert path is not None and open(path, "rb").read() == HANDOUT


def test_trainer_manages_the_materials(open_visit, trainer, edition):
    visit = open_visit(locale="en-GB")
    visit.sign_in(trainer)
    page = visit.open(f"/academy/editions/{edition.pk}/materials/")
    page.get_by_label("Title").fill("Persona worksheet")
    page.get_by_label("Kind").select_option("worksheet")
    page.get_by_label("Or a link").fill("https://www.servicedesigntoolkit.org/")
    visit.follow(page.get_by_role("button", name="Add", exact=True))
    expect(page.get_by_text("The material was added.")).to_be_visible()
    expect(page.get_by_role("link", name="Persona worksheet")).to_be_visible()


def test_staff_see_the_impact_page(open_visit, administrator, participant, coordinator):
    seed_programme()
    project = open_project(title="Loket", problem_statement="", target_group="", by=participant)
    record_outcome(
        project=project,
        closed_on=datetime.date(2026, 6, 30),
        citizens_reached=4200,
        citizens_estimate="",
        maturity_before=None,
        maturity_after=None,
        services=[ServiceLine("Eén loket", "launched", datetime.date(2026, 5, 1))],
        by=participant,
    )
    visit = open_visit(locale="en-GB")
    visit.sign_in(administrator)
    page = visit.open("/academy/impact/?year=2026")
    expect(page.get_by_role("heading", name="Programme impact", level=1)).to_be_visible()
    expect(page.locator("#citizens-reached")).to_have_text("4200")
    expect(page.locator("#services-launched")).to_have_text("1")
    page.get_by_text("Show the data as a table").first.click()
    expect(page.get_by_role("link", name="Report for a funder (PDF)")).to_be_visible()


def test_trainer_presents_the_geel_journey_and_runs_the_timer(open_visit, trainer, participant):
    case = load_demo_workshop()
    project = open_project(title=TITLE, problem_statement="", target_group="", by=participant)
    for kind, title in ((ArtefactKind.JOURNEY, "Bezoek"), (ArtefactKind.BLUEPRINT, "Huis")):
        create_canvas(project=project, kind=kind, title=title, by=participant)
    link_demo_workshop_canvases()
    journey = case.slides.get(heading_nl="Een bezoek, stap voor stap")
    exercise = case.slides.get(exercise_minutes=5)
    visit = open_visit(locale="en-GB")
    visit.sign_in(trainer)
    page = visit.open(f"/academy/workshop/{case.slug}/?slide={journey.position}")
    drawing = page.locator(f"#slide-{journey.position} .presenter__canvas img")
    expect(drawing).to_be_visible()
    assert drawing.evaluate("image => image.complete && image.naturalWidth > 0")
    page = visit.open(f"/academy/workshop/{case.slug}/?slide={exercise.position}")
    timer = page.locator(f"#slide-{exercise.position} [data-timer]")
    expect(timer.get_by_role("timer")).to_have_text("5:00")
    timer.get_by_role("button", name="Start the timer").click()
    expect(timer.get_by_role("timer")).not_to_have_text("5:00", timeout=3000)
    expect(timer.get_by_role("button", name="Pause")).to_be_visible()


def test_the_projected_view_follows_the_presenter_view(open_visit, trainer):
    case = load_demo_workshop()
    visit = open_visit(locale="en-GB")
    visit.sign_in(trainer)
    presenter = visit.open(f"/academy/workshop/{case.slug}/")
    expect(presenter.locator("#presenter-clock")).not_to_have_text("")
    second = case.slides.get(position=2)
    third = case.slides.get(position=3)
    expect(presenter.locator("#presenter-next-heading")).to_have_text(second.heading_en)
    screen = presenter.context.new_page()
    screen.goto(f"/academy/workshop/{case.slug}/?view=screen")
    expect(screen.locator("#slide-1")).to_be_visible()
    expect(screen.locator(".presenter__notes")).to_have_count(0)
    presenter.get_by_role("link", name=re.compile("Next")).click()
    expect(screen.locator("#slide-2")).to_be_visible()
    expect(screen.locator("#slide-1")).to_be_hidden()
    expect(presenter.locator("#presenter-next-heading")).to_have_text(third.heading_en)
