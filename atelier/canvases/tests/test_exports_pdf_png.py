"""PDF and PNG exports: opened and read back, as a reader would."""

import io
import struct

import pytest
from django.utils import translation
from PIL import Image
from pypdf import PdfReader

from atelier.accounts.models import User
from atelier.canvases.exports.pdf import canvas_pdf
from atelier.canvases.exports.png import MAX_SIDE_PX, canvas_png
from atelier.canvases.models import Canvas, Card, Lane, LaneKind
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import relate
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

LONG_WORD = "Onafhankelijkheidsverklaringonderhandelingspositieverbeteringsvoorstel" * 2
A3 = (1190.55, 841.89)
A4 = (841.89, 595.28)


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant, title="One front door")


@pytest.fixture
def journey(project: Project, participant: User) -> Canvas:
    canvas = make_journey(project, participant, stages=4, steps=3)
    card = Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS).first()
    assert card is not None
    card.text = f"<b>Bold?</b> & {LONG_WORD}"
    card.save()
    return canvas


def pdf_text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def squeezed(text: str) -> str:
    return "".join(text.split())


def page_size(reader: PdfReader, number: int = 0) -> tuple[float, float]:
    box = reader.pages[number].mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


def test_pdf_reads_back_title_project_cards_and_escaped_markup(journey: Canvas) -> None:
    with translation.override("en"):
        pdf = canvas_pdf(serialize_canvas(journey), project_title="One front door")
    _reader, text = pdf_text(pdf)
    assert "Visit to the social house" in text
    assert "One front door" in text
    assert "customer journey map" in text
    assert "Actions at step 2" in text
    assert "<b>Bold?</b> &" in text  # shown as typed, not interpreted as markup
    assert LONG_WORD in squeezed(text)  # broken over lines, never cut off


@pytest.mark.parametrize(("paper", "size", "pages"), [("A3", A3, 2), ("A4", A4, 3)])
def test_pdf_is_landscape_and_splits_steps_over_pages(
    journey: Canvas, paper: str, size: tuple[float, float], pages: int
) -> None:
    with translation.override("en"):
        reader, text = pdf_text(canvas_pdf(serialize_canvas(journey), paper=paper))
    assert page_size(reader) == size
    assert len(reader.pages) >= pages
    assert f"page 1 of {len(reader.pages)}" in text
    # Every page repeats the lane titles.
    for page in reader.pages:
        assert "Touchpoints" in page.extract_text()


def test_pdf_shows_markers_channels_scores_evidence_and_lines(
    project: Project, participant: User
) -> None:
    canvas = make_journey(project, participant, stages=1, steps=3)
    lane = canvas_lane(canvas, LaneKind.CARDS)
    step = Card.objects.filter(canvas=canvas).first().step  # type: ignore[union-attr]
    add_card(canvas=canvas, lane=lane, step=step, text="Queue", fields={"marker": "pain"}, by=None)
    with translation.override("en"):
        _reader, text = pdf_text(canvas_pdf(serialize_canvas(canvas), paper="A4"))
    assert "pain point" in text
    assert "desk" in text  # the channel label
    assert "0 of 6 backed" in text  # six lanes of claims a step (emotion and persona are not)
    assert "+1" in text or "\u22121" in text


def canvas_lane(canvas: Canvas, kind: str) -> Lane | None:
    return Lane.objects.filter(canvas=canvas, kind=kind).first()


def stakeholder_map(project: Project, by: User) -> Canvas:
    canvas = create_canvas(project=project, kind=ArtefactKind.STAKEHOLDER_MAP, title="Who", by=by)
    fields = {"ring": "core", "interest": 5, "influence": 4}
    social = add_card(
        canvas=canvas, section="stakeholders", text="Social desk", fields=fields, by=by
    )
    residents = add_card(
        canvas=canvas,
        section="stakeholders",
        text="Residents <i>&</i>",
        fields={"ring": "direct"},
        by=by,
    )
    relate(source=social, target=residents, relation="money", label="allowance", by=by)
    return canvas


def test_pdf_of_a_stakeholder_map_draws_rings_and_lists_stakeholders(
    project: Project, participant: User
) -> None:
    canvas = stakeholder_map(project, participant)
    with translation.override("en"):
        _reader, text = pdf_text(canvas_pdf(serialize_canvas(canvas), paper="A4"))
    assert "Residents <i>&</i>" in text
    assert "Social desk" in text
    assert "allowance" in text
    assert "indirect" in text  # a ring of the diagram


def test_pdf_of_an_idea_list_numbers_ideas_and_draws_the_matrix(
    project: Project, participant: User
) -> None:
    canvas = create_canvas(project=project, kind=ArtefactKind.IDEA_LIST, title="Ideas", by=None)
    for text in ("One desk", "A phone line"):
        add_card(
            canvas=canvas,
            section="ideas",
            text=text,
            fields={"impact": 4, "effort": 2},
            by=participant,
        )
    with translation.override("en"):
        _reader, text = pdf_text(canvas_pdf(serialize_canvas(canvas)))
    assert "A phone line" in text
    assert "impact" in text and "effort" in text


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_png_of_a_journey_is_one_image_as_wide_as_its_steps(journey: Canvas) -> None:
    data = serialize_canvas(journey)
    width, height = png_size(canvas_png(data, project_title="One front door"))
    wider_width, _height = png_size(
        canvas_png(serialize_canvas(make_journey(journey.project, None, stages=6, steps=3)))
    )
    assert 1000 < width < wider_width <= MAX_SIDE_PX
    assert 300 < height < width


def test_png_of_a_stakeholder_map_opens_as_an_image(project: Project, participant: User) -> None:
    png = canvas_png(serialize_canvas(stakeholder_map(project, participant)))
    width, height = png_size(png)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()  # a complete, readable PNG
    assert width > 500 and height > 500
