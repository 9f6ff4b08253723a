"""SVG exports: valid standalone documents in which user text stays text."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from atelier.accounts.models import User
from atelier.canvases.exports.svg import grid_svg, idea_matrix_svg, stakeholder_map_svg
from atelier.canvases.models import Canvas, Card, LaneKind
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.links import relate
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

SVG = "{http://www.w3.org/2000/svg}"
EVIL = '<script>alert("x")</script> & <b>'


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output, parsed to check it)


def texts(root: ET.Element) -> str:
    return " ".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))


def test_grid_svg_is_standalone_with_title_and_every_step(
    project: Project, participant: User
) -> None:
    canvas = make_journey(project, participant, stages=2, steps=3)
    with translation.override("en"):
        root = parse(grid_svg(serialize_canvas(canvas)))
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox")
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and "Visit to the social house" in (title.text or "")
    assert root.get("aria-labelledby") == title.get("id")
    drawn = texts(root)
    for step in ("Step 1.1", "Step 2.3", "Stage 2", "Emotion", "0 of 6 backed"):
        assert step in drawn
    assert root.find(f"{SVG}polyline") is not None  # the emotion curve
    assert any(line.get("stroke-dasharray") for line in root.iter(f"{SVG}line"))


def test_grid_svg_keeps_markup_in_card_text_as_text(project: Project, participant: User) -> None:
    canvas = make_journey(project, participant, stages=1, steps=1)
    Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS).update(text=EVIL)
    root = parse(grid_svg(serialize_canvas(canvas)))
    assert not list(root.iter(f"{SVG}script"))
    assert not list(root.iter("script"))
    assert "<script>alert(" in texts(root)


@pytest.mark.parametrize("kind", [ArtefactKind.JOURNEY, ArtefactKind.STAKEHOLDER_MAP])
def test_svg_stays_valid_xml_whatever_control_characters_a_card_holds(
    project: Project, participant: User, kind: str
) -> None:
    if kind == ArtefactKind.JOURNEY:
        canvas = make_journey(project, participant, stages=1, steps=1)
    else:
        canvas = stakeholder_map(project, participant)
    # Written past the services, as older data or another client could have it.
    Card.objects.filter(canvas=canvas).update(text="Esc\x1b bell\x07 tab\x0b end")
    Canvas.objects.filter(pk=canvas.pk).update(title="Title\x1b")
    data = serialize_canvas(canvas)

    svg = grid_svg(data) if kind == ArtefactKind.JOURNEY else stakeholder_map_svg(data)

    assert "Esc bell tab" in " ".join(parse(svg).itertext())


def test_grid_svg_wraps_a_long_card_into_several_lines(project: Project, participant: User) -> None:
    canvas = make_journey(project, participant, stages=1, steps=1)
    Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS).update(text="word " * 80)
    root = parse(grid_svg(serialize_canvas(canvas)))
    longest = max(len(span.text or "") for span in root.iter(f"{SVG}tspan"))
    assert longest < 40


def stakeholder_map(project: Project, by: User) -> Canvas:
    canvas = create_canvas(project=project, kind=ArtefactKind.STAKEHOLDER_MAP, title=EVIL, by=by)
    cards = [
        add_card(canvas=canvas, section="stakeholders", text=text, fields={"ring": ring}, by=by)
        for text, ring in [
            ("Social desk", "core"),
            (EVIL, "direct"),
            ("Housing company", "indirect"),
        ]
    ]
    relate(source=cards[0], target=cards[1], relation="informal", by=by)
    relate(source=cards[1], target=cards[2], relation="money", label="rent", by=by)
    return canvas


def test_stakeholder_map_svg_draws_rings_relations_and_a_legend(
    project: Project, participant: User
) -> None:
    with translation.override("en"):
        svg = stakeholder_map_svg(serialize_canvas(stakeholder_map(project, participant)))
    root = parse(svg)
    assert len(list(root.iter(f"{SVG}circle"))) == 3
    drawn = texts(root)
    for word in ("core", "direct", "indirect", "Housing company", "money · rent", "information"):
        assert word in drawn
    dashed = [line for line in root.iter(f"{SVG}line") if line.get("marker-end")]
    assert len(dashed) == 2 + 4  # two relations, four legend samples
    assert not list(root.iter(f"{SVG}script"))
    assert "<script>" in drawn


def test_stakeholder_map_svg_ids_follow_the_prefix_for_inline_use(
    project: Project, participant: User
) -> None:
    svg = stakeholder_map_svg(
        serialize_canvas(stakeholder_map(project, participant)), id_prefix="map-7"
    )
    root = parse(svg)
    assert root.get("aria-labelledby") == "map-7-title"
    assert 'id="map-7-arrow"' in svg


def test_idea_matrix_svg_numbers_each_idea(project: Project, participant: User) -> None:
    canvas = create_canvas(project=project, kind=ArtefactKind.IDEA_LIST, title="Ideas", by=None)
    for impact in (1, 5, 5):
        add_card(
            canvas=canvas,
            section="ideas",
            text="<i>",
            fields={"impact": impact, "effort": 3},
            by=participant,
        )
    root = parse(idea_matrix_svg(serialize_canvas(canvas)))
    numbers = [t for t in texts(root).split() if t in {"1", "2", "3"}]
    assert {"1", "2", "3"} <= set(numbers)
