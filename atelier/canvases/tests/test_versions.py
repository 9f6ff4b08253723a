"""Named versions of a canvas: save, restore, compare, and copies to other projects."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Link, Snapshot, Stage, Step
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services import structure
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card, delete_card, move_card, update_card
from atelier.canvases.services.links import link_evidence
from atelier.canvases.services.transfer import copy_canvas
from atelier.canvases.services.versions import compare, restore_snapshot, take_snapshot
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


@pytest.fixture
def journey(project: Project, participant: User) -> Canvas:
    return make_journey(project, participant, stages=2, steps=2)


def cards_lane(canvas: Canvas) -> Lane:
    return Lane.objects.filter(canvas=canvas, kind=LaneKind.CARDS).order_by("position")[0]


def first_card(canvas: Canvas) -> Card:
    return Card.objects.filter(lane=cards_lane(canvas)).order_by(
        "step__stage__position", "step__position"
    )[0]


def content(data: dict) -> dict:
    """What a version holds, by uid, without the canvas's own uid and revision."""
    return {
        "stages": [
            (s["uid"], s["title"], [(t["uid"], t["title"]) for t in s["steps"]])
            for s in data["stages"]
        ],
        "lanes": [(lane["uid"], lane["kind"], lane["title"]) for lane in data["lanes"]],
        "cards": [
            (c["uid"], c["lane"], c["step"], c["section"], c["text"], c["fields"])
            for c in data["cards"]
        ],
        "title": data["title"],
    }


def what_changed(difference: dict) -> dict:
    return {
        key: {(item["what"], item["text"]) for item in items} for key, items in difference.items()
    }


# Taking and restoring


def test_a_version_keeps_the_canvas_as_it_is_now(journey, participant):
    version = take_snapshot(canvas=journey, name="As is", by=participant)
    assert version.data == serialize_canvas(journey)
    assert (version.name, version.created_by, version.revision) == (
        "As is",
        participant,
        journey.revision,
    )


def test_a_version_needs_a_name(journey, participant):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        take_snapshot(canvas=journey, name=" ", by=participant)
    assert error.value.messages == ["Give the version a name."]


def test_restoring_puts_the_version_back(journey, participant):
    version = take_snapshot(canvas=journey, name="As is", by=participant)
    card = first_card(journey)
    update_card(card=card, version=card.version, text="Changed after", fields={}, by=participant)
    delete_card(
        card=Card.objects.filter(canvas=journey).order_by("-pk")[0], version=1, by=participant
    )
    structure.add_stage(canvas=journey, title="Added after", by=participant)
    structure.delete_lane(
        lane=Lane.objects.filter(canvas=journey).order_by("-position")[0], by=participant
    )
    restore_snapshot(snapshot=version, by=participant)
    assert content(serialize_canvas(journey)) == content(version.data)


def test_restoring_keeps_the_replaced_content_as_a_version_first(journey, participant):
    version = take_snapshot(canvas=journey, name="As is", by=participant)
    card = first_card(journey)
    update_card(card=card, version=card.version, text="After workshop 2", fields={}, by=participant)
    before_restore = serialize_canvas(journey)
    kept = restore_snapshot(snapshot=version, by=participant)
    assert kept.canvas == journey and kept != version
    assert content(kept.data) == content(before_restore)
    assert Snapshot.objects.filter(canvas=journey).count() == 2


def test_restoring_bumps_the_revision(journey, participant):
    version = take_snapshot(canvas=journey, name="As is", by=participant)
    before = Canvas.objects.get(pk=journey.pk).revision
    restore_snapshot(snapshot=version, by=participant)
    assert Canvas.objects.get(pk=journey.pk).revision > before


def test_an_edit_of_a_card_restored_away_raises_gone(journey, participant):
    from atelier.canvases.services.common import Gone

    version = take_snapshot(canvas=journey, name="As is", by=participant)
    card = first_card(journey)
    restore_snapshot(snapshot=version, by=participant)
    with pytest.raises(Gone):
        update_card(card=card, version=card.version, text="Too late", fields={}, by=participant)


def test_restoring_an_insight_board_keeps_the_evidence_that_other_canvases_link_to(
    project, journey, participant
):
    board = create_canvas(
        project=project, kind=ArtefactKind.INSIGHT_BOARD, title="Interviews", by=participant
    )
    quote = add_card(canvas=board, section="quotes", text="I went to three desks.", by=participant)
    link_evidence(card=first_card(journey), evidence=quote, by=participant)
    version = take_snapshot(canvas=board, name="After interviews", by=participant)
    add_card(canvas=board, section="insights", text="Nobody knows the desks.", by=participant)
    restore_snapshot(snapshot=version, by=participant)
    # The quote is back under the same uid: the journey card is still backed by it.
    links = serialize_canvas(journey)["links"]
    assert [(link["source"], link["target"]) for link in links] == [
        (str(first_card(journey).uid), str(quote.uid))
    ]


# Comparing


def test_compare_lists_what_was_added_changed_and_removed(journey, participant):
    older = serialize_canvas(journey)
    card = first_card(journey)
    update_card(
        card=card, version=card.version, text="Reads the letter twice", fields={}, by=participant
    )
    removed = Card.objects.filter(canvas=journey, lane__kind=LaneKind.TEXT).order_by("pk")[0]
    delete_card(card=removed, version=1, by=participant)
    stage = structure.add_stage(canvas=journey, title="Afterwards", by=participant)
    difference = compare(older, serialize_canvas(journey))
    assert what_changed(difference)["added"] == {
        ("stage", "Afterwards"),
        ("step", Step.objects.get(stage=stage).title),
    }
    assert what_changed(difference)["removed"] == {("card", removed.text)}
    assert [
        (item["what"], item["before"], item["text"], item["moved"])
        for item in difference["changed"]
    ] == [("card", card.text, "Reads the letter twice", False)]


def test_compare_marks_a_card_moved_to_another_step(journey, participant):
    older = serialize_canvas(journey)
    card = first_card(journey)
    other_step = Step.objects.filter(canvas=journey).exclude(cards=card).order_by("pk")[0]
    move_card(card=card, step=other_step, position=0, by=participant)
    changed = compare(older, serialize_canvas(journey))["changed"]
    assert [(item["uid"], item["moved"]) for item in changed] == [(str(card.uid), True)]


def test_compare_marks_a_step_moved_to_another_stage(journey, participant):
    older = serialize_canvas(journey)
    step = Step.objects.filter(canvas=journey).order_by("stage__position", "position")[0]
    last_stage = Stage.objects.filter(canvas=journey).order_by("position").last()
    structure.move_step(step=step, stage=last_stage, position=0, by=participant)
    changed = compare(older, serialize_canvas(journey))["changed"]
    assert [(item["what"], item["uid"], item["moved"]) for item in changed] == [
        ("step", str(step.uid), True)
    ]


def test_compare_does_not_call_a_renamed_stage_moved(journey, participant):
    older = serialize_canvas(journey)
    stage = Stage.objects.filter(canvas=journey).order_by("position")[0]
    structure.rename(part=stage, version=1, title="Before the visit", by=participant)
    changed = compare(older, serialize_canvas(journey))["changed"]
    assert [(item["text"], item["moved"]) for item in changed] == [("Before the visit", False)]


def test_compare_does_not_call_a_card_whose_fields_changed_moved(journey, participant):
    older = serialize_canvas(journey)
    card = first_card(journey)
    update_card(
        card=card, version=card.version, text=card.text, fields={"marker": "pain"}, by=participant
    )
    changed = compare(older, serialize_canvas(journey))["changed"]
    # The card stayed in its cell: a new marker is a change, not a move.
    assert [(item["uid"], item["moved"]) for item in changed] == [(str(card.uid), False)]


def test_compare_of_a_version_with_itself_is_empty(journey):
    data = serialize_canvas(journey)
    assert compare(data, data) == {"added": [], "changed": [], "removed": []}


# Copying


def test_a_canvas_is_copied_to_another_project_of_the_same_organisation(
    journey, participant, coordinator
):
    other = make_project(coordinator, title="Waiting lists")
    copy, dropped = copy_canvas(canvas=journey, project=other, by=coordinator)
    assert (copy.project, copy.kind, dropped) == (other, ArtefactKind.JOURNEY, 0)
    assert copy.uid != journey.uid
    assert content(serialize_canvas(copy)) == content(serialize_canvas(journey))


def test_a_persona_is_copied_with_its_sections(project, participant):
    persona = create_canvas(project=project, kind=ArtefactKind.PERSONA, title="Mia", by=participant)
    add_card(canvas=persona, section="profile", text="Mia", fields={"age": "34"}, by=participant)
    add_card(
        canvas=persona,
        section="channels",
        text="Phone",
        fields={"channel": "phone"},
        by=participant,
    )
    copy, _dropped = copy_canvas(
        canvas=persona, project=make_project(participant, "Other"), by=participant
    )
    assert content(serialize_canvas(copy)) == content(serialize_canvas(persona))


def test_a_copy_leaves_out_evidence_of_the_first_project(project, journey, participant):
    board = create_canvas(
        project=project, kind=ArtefactKind.INSIGHT_BOARD, title="Interviews", by=participant
    )
    quote = add_card(canvas=board, section="quotes", text="Three desks.", by=participant)
    link_evidence(card=first_card(journey), evidence=quote, by=participant)
    copy, dropped = copy_canvas(
        canvas=journey, project=make_project(participant, "Other"), by=participant
    )
    assert dropped == 1
    assert not Link.objects.filter(canvas=copy).exists()


def test_a_canvas_is_not_copied_to_another_organisation(journey, outsider):
    lennik_project = make_project(outsider, title="Lennik's desk")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        copy_canvas(canvas=journey, project=lennik_project, by=outsider)
    assert error.value.messages == [
        "A canvas can be copied to a project of the same organisation only."
    ]
    assert not Canvas.objects.filter(project=lennik_project).exists()


def test_saving_the_same_version_twice_keeps_one(participant):
    from .factories import make_journey, make_project

    canvas = make_journey(make_project(participant), participant, stages=1, steps=1)
    first = take_snapshot(canvas=canvas, name="As is", by=participant)
    again = take_snapshot(canvas=canvas, name="As is", by=participant)
    assert again == first and canvas.snapshots.count() == 1
