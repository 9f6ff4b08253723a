"""Canvas PDFs fit their paper: no lone step on a page, tables as wide as the page, the
curve whole on each page, a persona as a one-page poster, and the coverage row optional."""

import io
import re

import pypdfium2
import pytest
from django.urls import reverse
from django.utils import translation
from PIL import ImageOps
from pypdf import PdfReader

from atelier.canvases.board import build_board
from atelier.canvases.exports.page import Layout, grid_pages, page_ranges
from atelier.canvases.exports.pdf import canvas_pdf, paper_layout
from atelier.canvases.models import Lane, LaneKind
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind

STEP = re.compile(r"Step \d+\.\d+")


@pytest.fixture
def project(participant):
    return make_project(participant, title="One front door")


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _ink_right_edge(pdf: bytes, page: int = 0) -> float:
    """How far right the drawing reaches below the running header, as a share of the width."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page].render(scale=0.5).to_pil().convert("L")
    finally:
        document.close()
    width, height = image.size
    body = image.crop((0, int(height * 0.12), width, int(height * 0.9)))
    ink = ImageOps.invert(body).point(lambda value: 255 if value > 55 else 0).getbbox()
    assert ink is not None
    return ink[2] / width


def _fake_board(stages: list[int]):
    steps = [{"stage": f"s{n}"} for n, size in enumerate(stages) for _step in range(size)]
    return type("Board", (), {"steps": steps})()


@pytest.mark.parametrize(
    ("stages", "most", "sizes"),
    [
        ([2, 2, 2], 5, [2, 4]),  # six steps on A4: the first stage alone, not five and one
        ([3, 3], 5, [3, 3]),
        ([6], 5, [3, 3]),
        ([5, 1], 5, [3, 3]),  # never a lone step
        ([4, 4, 4, 4, 4], 8, [8, 6, 6]),  # a cut moves to a stage's edge where it can
        ([3], 5, [3]),
    ],
)
def test_pages_of_steps_leave_no_step_alone(stages, most, sizes):
    ranges = page_ranges(_fake_board(stages), most)
    assert [len(r) for r in ranges] == sizes
    assert all(len(r) >= 2 for r in ranges)


def test_every_grid_page_spans_the_printable_width(project, participant):
    journey = make_journey(project, participant, stages=1, steps=3, kind=ArtefactKind.BLUEPRINT)
    layout = paper_layout("A3")
    for page in grid_pages(build_board(serialize_canvas(journey)), layout):
        assert page.width_mm == pytest.approx(layout.width_mm, abs=0.5)


def test_png_layout_keeps_its_fixed_step_width(project, participant):
    journey = make_journey(project, participant, stages=1, steps=3)
    layout = Layout("", lane_mm=34, step_mm=46, steps_per_page=None, running_header=False)
    (page,) = grid_pages(build_board(serialize_canvas(journey)), layout)
    assert page.width_mm == 34 + 3 * 46


@pytest.mark.parametrize(
    ("kind", "stages", "steps"), [(ArtefactKind.JOURNEY, 3, 2), (ArtefactKind.BLUEPRINT, 1, 3)]
)
def test_a3_pdf_uses_the_page_width(project, participant, kind, stages, steps):
    canvas = make_journey(project, participant, stages=stages, steps=steps, kind=kind)
    with translation.override("en"):
        pdf = canvas_pdf(serialize_canvas(canvas), paper="A3")
    # The margins are 10 mm of 420: the table ends within them, not at 75 or 40 per cent.
    assert _ink_right_edge(pdf) > 0.95


def test_a4_journey_of_six_steps_has_no_lone_step_and_a_whole_curve_per_page(project, participant):
    journey = make_journey(project, participant, stages=3, steps=2)
    with translation.override("en"):
        pages = _pages(canvas_pdf(serialize_canvas(journey), paper="A4"))
    assert len(pages) == 2
    for text in pages:
        assert len(set(STEP.findall(text))) >= 2
        # Every lane, the emotion curve's scores with it, is on the page: none split off.
        for lane in ("Persona", "Touchpoints", "Emotion", "Backstage", "Evidence"):
            assert lane in text
        assert "Emotion at step" in text


def test_lane_names_do_not_break_inside_a_word(project, participant):
    blueprint = make_journey(project, participant, stages=1, steps=2, kind=ArtefactKind.BLUEPRINT)
    Lane.objects.filter(canvas=blueprint, kind=LaneKind.CARDS).update(title="Zichtbaarheidslijn")
    with translation.override("nl"):
        text = _pages(canvas_pdf(serialize_canvas(blueprint), paper="A4"))[0]
    for line in text.splitlines():
        if "Zichtbaarheids" in line or line.startswith("lijn"):
            assert line.strip().startswith("Zichtbaarheidslijn") or line.endswith("-")


@pytest.fixture
def persona(project, participant):
    canvas = create_canvas(
        project=project, kind=ArtefactKind.PERSONA, title="Persona", by=participant, empty=True
    )
    add_card(
        canvas=canvas,
        section="profile",
        text="Fatima El Amrani",
        fields={"quote": "I never know which desk.", "age": "67", "household": "lives alone"},
        by=participant,
    )
    for section in ("background", "goals", "needs", "frustrations"):
        for n in range(6):
            add_card(canvas=canvas, section=section, text=f"{section} {n} " * 8, by=participant)
    add_card(
        canvas=canvas,
        section="channels",
        text="Calls her daughter",
        fields={"channel": "phone"},
        by=participant,
    )
    return canvas


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_persona_pdf_is_a_one_page_poster(persona, paper):
    with translation.override("en"):
        (text,) = _pages(canvas_pdf(serialize_canvas(persona), paper=paper))
    flat = " ".join(text.split())
    assert "Fatima El Amrani" in flat
    assert "“I never know which desk.”" in flat
    assert "Age 67" in flat and "Household lives alone" in flat
    assert "Calls her daughter phone" in flat
    # Not the table of before: no column headed by the section's text label and its fields.
    assert "Name quote age household" not in flat


def _journey_with_coverage(project, participant):
    return make_journey(project, participant, stages=1, steps=2)


def test_pdf_leaves_out_the_coverage_row_when_asked(client, project, participant):
    journey = _journey_with_coverage(project, participant)
    client.force_login(participant)
    url = reverse("canvases:export_pdf", args=[journey.pk])
    with_row = " ".join(_pages(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content))
    without = " ".join(
        _pages(client.get(url + "?coverage=0&paper=a4", HTTP_ACCEPT_LANGUAGE="en").content)
    )
    assert "backed" in with_row and "Evidence" in with_row
    assert "backed" not in without and "Evidence" not in without
    assert "Touchpoints" in without


def test_share_view_hides_the_coverage_row_when_asked(client, project, participant):
    from atelier.canvases.services.sharing import create_share_link

    journey = _journey_with_coverage(project, participant)
    link = create_share_link(canvas=journey, label="", expires_at=None, password="", by=participant)
    url = reverse("shared:view", args=[link.token])
    shown = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    hidden = client.get(url + "?coverage=0", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "backed by research" in shown or "nothing to back yet" in shown
    assert "Hide the research coverage row" in shown
    assert "backed by research" not in hidden and "nothing to back yet" not in hidden
    assert re.search(r'id="hide-coverage" checked', hidden)


def test_editor_offers_the_pdf_without_coverage(client, project, participant):
    journey = _journey_with_coverage(project, participant)
    client.force_login(participant)
    html = client.get(reverse("canvases:canvas", args=[journey.pk]), HTTP_ACCEPT_LANGUAGE="en")
    body = html.content.decode()
    assert "PDF without the research coverage row" in body
    assert '<input type="hidden" name="coverage" value="0">' in body
