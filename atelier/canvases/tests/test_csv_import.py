"""A journey read from CSV: the export's own format, a team's spreadsheet, and bad files."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from atelier.accounts.models import User
from atelier.canvases.exports.csv_import import journey_from_csv
from atelier.canvases.exports.tabular import canvas_csv
from atelier.canvases.models import Canvas, Card, LaneKind
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.transfer import import_canvas
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind


def problems(raw: bytes, **options: str) -> list[str]:
    with translation.override("en"), pytest.raises(ValidationError) as error:
        journey_from_csv(raw, title=options.pop("title", "Visit"), **options)
    return error.value.messages


def places(data: dict) -> list[tuple]:
    """Each card by the titles of its stage, step and lane, with its text and fields."""
    steps = {
        step["uid"]: (stage["title"], step["title"])
        for stage in data["stages"]
        for step in stage["steps"]
    }
    lanes = {lane["uid"]: (lane["title"], lane["kind"]) for lane in data["lanes"]}
    return sorted(
        (*steps[card["step"]], *lanes[card["lane"]], card["text"], sorted(card["fields"].items()))
        for card in data["cards"]
    )


@pytest.mark.django_db
def test_export_of_a_journey_imports_to_the_same_cards(participant: User) -> None:
    project = make_project(participant)
    canvas = make_journey(project, participant, stages=3, steps=2)
    Card.objects.filter(canvas=canvas, lane__kind=LaneKind.CARDS).update(
        text='=1+1; "quoted"\nline'
    )
    exported = serialize_canvas(canvas)
    document = journey_from_csv(canvas_csv(exported).encode(), title="Copy")
    imported, _dropped = import_canvas(project=project, data=document, by=participant)
    again = serialize_canvas(imported)
    assert places(again) == places(exported)
    assert [lane["title"] for lane in again["lanes"]] == [
        lane["title"] for lane in exported["lanes"]
    ]
    assert [s["title"] for s in again["stages"]] == [s["title"] for s in exported["stages"]]
    assert Canvas.objects.filter(project=project).count() == 2


def test_dutch_headers_commas_and_windows_1252_are_read() -> None:
    raw = (
        "Etappe,Stap,Baan,Soort,Tekst,Emotie,Kanaal,Markering\n"
        "Vóór,Brief ontvangen,Acties,,Leest de brief,,,Pain point\n"
        ",Belt het loket,Kanalen,,Telefoon,,phone,\n"
        ",Belt het loket,Gevoel,,,-1,,\n"
    ).encode("cp1252")
    with translation.override("nl"):
        data = journey_from_csv(raw, title="Bezoek")
    assert [stage["title"] for stage in data["stages"]] == ["Vóór"]
    assert [step["title"] for step in data["stages"][0]["steps"]] == [
        "Brief ontvangen",
        "Belt het loket",
    ]
    assert [(lane["title"], lane["kind"]) for lane in data["lanes"]] == [
        ("Acties", LaneKind.CARDS),
        ("Kanalen", LaneKind.CHANNELS),
        ("Gevoel", LaneKind.EMOTION),
    ]
    assert [card["fields"] for card in data["cards"]] == [
        {"marker": "pain"},
        {"channel": "phone"},
        {"score": -1},
    ]


def test_utf8_with_a_bom_and_semicolons_is_read() -> None:
    raw = "\ufeffstage;step;lane;text\nBefore;Letter;Actions;Één brief\n".encode()
    data = journey_from_csv(raw, title="Visit", kind=ArtefactKind.BLUEPRINT)
    assert data["kind"] == ArtefactKind.BLUEPRINT
    assert data["cards"][0]["text"] == "Één brief"


def test_every_bad_line_is_named_in_one_error() -> None:
    raw = (
        b"stage;step;lane;lane_kind;text;score;channel\n"
        b"Before;Letter;Actions;sticky;Reads;;\n"  # 2: unknown lane kind
        b"Before;Letter;Mood;emotion;;3;\n"  # 3: score out of range
        b"Before;Letter;Desk;channels;Calls;;pigeon\n"  # 4: unknown channel
        b"Before;;Actions;cards;No step;;\n"  # 5: missing step
        b"Before;Letter;Mood;;;1;\n"  # 6: fine (the first Mood card failed)
        b"Before;Letter;Mood;;;2;\n"  # 7: a second card in a one-card lane
        b"Before;Letter;Line;line_visibility;;;\n"  # 8: a lane without cards, declared
        b"Before;Letter;Line;;Text;;\n"  # 9: a card on a line
    )
    found = problems(raw)
    assert [message.split(":")[0] for message in found] == [
        "Line 2",
        "Line 3",
        "Line 4",
        "Line 5",
        "Line 7",
        "Line 9",
    ]
    assert "sticky" in found[0]
    assert "between -2 and 2" in found[1]
    assert "pigeon" in found[2]
    assert "needs a step" in found[3]
    assert "one card per step" in found[4] and "line 6" in found[4]  # not line 3: it failed
    assert "holds no cards" in found[5]


def test_a_score_in_a_cards_lane_is_refused() -> None:
    raw = b"stage;step;lane;text;score\nBefore;Letter;Actions;Reads;\nBefore;Letter;Actions;;1\n"
    assert problems(raw) == ["Line 3: a card in the cards lane Actions has no score."]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "The file has no header line."),
        (b"step;lane\nA;B\n", "Missing column: stage."),
        (b"stage;step;lane;colour\n", "Unknown column: colour."),
        (b"stage;step;lane\nA;B;C;D\n", "Line 2: more cells than the header has columns."),
        (b"stage;step;lane\n\n;;\n", "The file names no step."),
        (b"stage;step;lane;text\n;Letter;Actions;x\n", "Line 2: name the stage of the step."),
        (
            b"\x81\x8d\xff",
            "The file is neither UTF-8 nor Windows-1252 text. Save it as “CSV UTF-8”.",
        ),
    ],
)
def test_files_that_cannot_be_read_say_why(raw: bytes, message: str) -> None:
    assert problems(raw) == [message]


def test_a_title_and_a_grid_kind_are_required() -> None:
    raw = b"stage;step;lane;text\nA;B;C;D\n"
    assert problems(raw, title=" ") == ["Give the canvas a title."]
    assert problems(raw, kind=ArtefactKind.PERSONA) == [
        "Only a journey or a blueprint can be read from CSV."
    ]


def test_declaration_rows_keep_empty_steps_and_lanes_in_order() -> None:
    raw = (
        b"stage;step;lane;lane_kind;text\n;;Visibility;line_visibility;\nA;One;;;\nA;Two;Acts;;x\n"
    )
    data = journey_from_csv(raw, title="Visit")
    assert [step["title"] for step in data["stages"][0]["steps"]] == ["One", "Two"]
    assert [lane["kind"] for lane in data["lanes"]] == [LaneKind.LINE_OF_VISIBILITY, LaneKind.CARDS]
    assert len(data["cards"]) == 1


@pytest.mark.django_db
def test_a_nul_and_other_control_characters_in_a_csv_are_dropped(participant: User) -> None:
    raw = b"Stage,Step,Lane,Kind,Text\nBefore,Let\x00ter,Actions,,Reads\x1b it\n"
    document = journey_from_csv(raw, title="Visit")

    imported, _dropped = import_canvas(
        project=make_project(participant), data=document, by=participant
    )

    data = serialize_canvas(imported)
    assert data["stages"][0]["steps"][0]["title"] == "Letter"
    assert [card["text"] for card in data["cards"]] == ["Reads it"]
