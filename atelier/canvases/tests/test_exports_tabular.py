"""CSV and JSON exports: parsed back, formulas defused, JSON re-imported without loss."""

import copy
import csv
import io
import json

import pytest

from atelier.accounts.models import User
from atelier.canvases.exports.tabular import GRID_COLUMNS, canvas_csv, canvas_json
from atelier.canvases.models import Card, LaneKind, Stage
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.transfer import import_canvas
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


def parsed(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_journey_csv_has_one_row_per_card_with_its_place(
    project: Project, participant: User
) -> None:
    canvas = make_journey(project, participant, stages=2, steps=2)
    rows = parsed(canvas_csv(serialize_canvas(canvas)))
    assert tuple(rows[0]) == GRID_COLUMNS
    cards = [row for row in rows[1:] if row[4] or row[5]]
    assert len(cards) == Card.objects.filter(canvas=canvas).count()
    emotion = next(row for row in cards if row[3] == LaneKind.EMOTION)
    assert emotion[:3] == ["Stage 1", "Step 1.1", "Emotion"]
    assert emotion[5] == "-2"
    channel = next(row for row in cards if row[3] == LaneKind.CHANNELS)
    assert channel[6] == "desk"
    lanes = [row[2] for row in rows[1:] if not row[1]]
    assert "Evidence" in lanes  # a lane without cards keeps its row


def test_csv_defuses_formulas_in_every_user_cell(project: Project, participant: User) -> None:
    canvas = make_journey(project, participant, stages=1, steps=1)
    Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS).update(text="=HYPERLINK(1)")
    Stage.objects.filter(canvas=canvas).update(title="+SUM(A1)")
    rows = parsed(canvas_csv(serialize_canvas(canvas)))
    assert any(row[4] == "'=HYPERLINK(1)" for row in rows)
    assert {row[0] for row in rows} == {"", "stage", "'+SUM(A1)"}


def test_section_csv_has_the_kind_fields_as_columns(project: Project, participant: User) -> None:
    canvas = create_canvas(project=project, kind=ArtefactKind.IDEA_LIST, title="Ideas", by=None)
    add_card(canvas=canvas, section="opportunities", text="@everyone", by=participant)
    add_card(
        canvas=canvas,
        section="ideas",
        text="One desk",
        fields={"impact": 5, "effort": 2, "owner": "-Jan"},
        by=participant,
    )
    rows = parsed(canvas_csv(serialize_canvas(canvas)))
    assert rows[0][:4] == ["section", "text", "impact", "effort"]
    assert rows[1][:2] == ["opportunities", "'@everyone"]
    idea = dict(zip(rows[0], rows[2], strict=True))
    assert (idea["impact"], idea["effort"], idea["owner"]) == ("5", "2", "'-Jan")


def test_json_export_reimports_equal_but_for_the_canvas_uid(
    project: Project, participant: User
) -> None:
    canvas = make_journey(project, participant, stages=2, steps=3)
    exported = json.loads(canvas_json(serialize_canvas(canvas)))
    imported, dropped = import_canvas(project=project, data=copy.deepcopy(exported), by=participant)
    again = json.loads(canvas_json(serialize_canvas(imported)))
    assert dropped == 0
    assert again["uid"] != exported["uid"]
    del again["uid"], exported["uid"]
    assert again == exported


def test_json_export_keeps_non_ascii_text_readable(project: Project, participant: User) -> None:
    canvas = make_journey(project, participant, stages=1, steps=1)
    Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS).update(text="Één loket – café")
    assert "Één loket – café" in canvas_json(serialize_canvas(canvas))
