"""Card images and the emotion curve's points in the PDF and PNG exports, read back; the
stakeholder map's names whole and its boxes apart."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from pypdf import PdfReader

from atelier.canvases.exports.pdf import canvas_pdf
from atelier.canvases.exports.png import canvas_png
from atelier.canvases.exports.svg_maps import stakeholder_map_svg
from atelier.canvases.models import Card, Lane, LaneKind, Step
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card, set_card_image, set_emotion
from atelier.method.models import ArtefactKind

from .factories import make_journey, make_project

pytestmark = pytest.mark.django_db
MAGENTA = (230, 0, 200)


def _magenta_photo() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (900, 600), MAGENTA).save(out, format="PNG")
    return SimpleUploadedFile("sketch.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def journey(participant):
    canvas = make_journey(make_project(participant), participant, stages=1, steps=3)
    card = Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS).first()
    set_card_image(card=card, version=card.version, upload=_magenta_photo(), size=10_000, by=None)
    return canvas


def _magenta_pixels(png: bytes) -> int:
    with Image.open(io.BytesIO(png)) as image:
        rgb = image.convert("RGB")
        small = rgb.resize((rgb.width // 4, rgb.height // 4))
        data = small.tobytes()
        return sum(
            1
            for n in range(0, len(data), 3)
            if abs(data[n] - MAGENTA[0]) < 40
            and data[n + 1] < 60
            and abs(data[n + 2] - MAGENTA[2]) < 40
        )


def test_the_pdf_carries_the_cards_image_and_the_scored_points(journey):
    lane = Lane.objects.get(canvas=journey, kind=LaneKind.EMOTION)
    step = Step.objects.filter(canvas=journey).order_by("position").first()
    card = Card.objects.get(lane=lane, step=step)
    set_emotion(canvas=journey, lane=lane, step=step, score=2, version=card.version, by=None)
    with translation.override("en"):
        pdf = canvas_pdf(serialize_canvas(journey))
    reader = PdfReader(io.BytesIO(pdf))
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1
    assert images[0].image.size[0] <= 480
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Each scored step's point is labelled with its score: +2 (just set), −1 and 0.
    assert "+2" in text and "\u22121" in text


def test_the_png_shows_the_cards_image_and_drops_it_once_removed(journey):
    png = canvas_png(serialize_canvas(journey))
    assert _magenta_pixels(png) > 50
    Card.objects.filter(canvas=journey).update(image="")
    assert _magenta_pixels(canvas_png(serialize_canvas(journey))) == 0


def test_a_json_copy_carries_the_image_and_refuses_a_broken_one(journey, participant):
    from atelier.canvases.services.transfer import import_canvas

    data = serialize_canvas(journey)
    assert sum(1 for card in data["cards"] if card.get("image")) == 1
    copy, _dropped = import_canvas(project=journey.project, data=data, by=participant)
    assert Card.objects.filter(canvas=copy).exclude(image="").count() == 1
    broken = serialize_canvas(journey)
    next(card for card in broken["cards"] if card.get("image"))["image"] = "data:image/png;x"
    with pytest.raises(Exception, match="portrait|image"):
        import_canvas(project=journey.project, data=broken, by=participant)


SVG = "{http://www.w3.org/2000/svg}"


def _boxes(svg: str) -> list[tuple[float, float, float, float, list[str]]]:
    root = ET.fromstring(svg)  # noqa: S314 (our own output, parsed to check it)
    boxes = []
    for group in root.iter(f"{SVG}g"):
        rect = group.find(f"{SVG}rect")
        text = group.find(f"{SVG}text")
        if rect is None or text is None:
            continue
        lines = [span.text or "" for span in text.iter(f"{SVG}tspan")]
        boxes.append(
            (
                float(rect.get("x")),
                float(rect.get("y")),
                float(rect.get("width")),
                float(rect.get("height")),
                lines,
            )
        )
    return boxes


def test_a_crowded_stakeholder_map_keeps_names_whole_and_boxes_apart(participant):
    canvas = create_canvas(
        project=make_project(participant),
        kind=ArtefactKind.STAKEHOLDER_MAP,
        title="Wie doet mee",
        by=None,
    )
    names = [
        "Woonzorgcentrumbewonersvertegenwoordiging",
        "OCMW-raad",
        "Sociaal huis",
        "Dienst burgerzaken en bevolkingsregister",
        "Lokaal bestuur",
        "Mantelzorgers",
        "Huisartsenkring Kempen",
        "Schuldhulpverleningsdienst",
    ]
    for number, name in enumerate(names):
        ring = ("core", "direct", "indirect")[number % 3]
        fields = {"ring": ring, "angle": 0} if number < 4 else {"ring": ring}
        add_card(canvas=canvas, section="stakeholders", text=name, fields=fields, by=None)
    svg = stakeholder_map_svg(serialize_canvas(canvas))
    boxes = _boxes(svg)
    assert len(boxes) == len(names)
    words = {word for name in names for word in name.split()}
    for _x, _y, _w, _h, lines in boxes:
        for line in lines:
            for word in line.split():
                assert word in words  # never a piece of a word, never a hyphen added
    for n, (x1, y1, w1, h1, _l) in enumerate(boxes):
        for x2, y2, w2, h2, _m in boxes[n + 1 :]:
            apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
            assert apart, "two stakeholder boxes overlap"
    # Relation labels are drawn at a readable size.
    assert not re.search(r'font-size="(?:[0-9]|1[01])(?:\.\d+)?"', svg.split("Relations")[0])
