"""Stages, steps and lanes of a journey or blueprint, as the structure services keep them."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Snapshot, Stage, Step
from atelier.canvases.services import structure
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card
from atelier.canvases.services.common import StaleEdit
from atelier.canvases.tests.factories import make_project
from atelier.method.models import ArtefactKind


@pytest.fixture
def journey(participant: User) -> Canvas:
    project = make_project(participant)
    return create_canvas(project=project, kind=ArtefactKind.JOURNEY, title="Visit", by=participant)


def stages(canvas: Canvas) -> list[Stage]:
    return list(Stage.objects.filter(canvas=canvas).order_by("position"))


def steps_of(stage: Stage) -> list[Step]:
    return list(Step.objects.filter(stage=stage).order_by("position"))


def lanes(canvas: Canvas) -> list[Lane]:
    return list(Lane.objects.filter(canvas=canvas).order_by("position"))


def titles(parts) -> list[str]:
    return [part.title for part in parts]


def numbered(parts) -> bool:
    return [part.position for part in parts] == list(range(len(parts)))


def revision(canvas: Canvas) -> int:
    canvas.refresh_from_db(fields=["revision"])
    return canvas.revision


def a_card(canvas: Canvas, step: Step, by: User, text: str = "Reads the letter") -> Card:
    actions = Lane.objects.filter(canvas=canvas, kind=LaneKind.CARDS).order_by("position")[0]
    return add_card(canvas=canvas, lane=actions, step=step, text=text, by=by)


def test_a_new_journey_has_its_default_lanes_and_three_stages(journey):
    assert [lane.kind for lane in lanes(journey)][:3] == [
        LaneKind.PERSONA,
        LaneKind.CARDS,
        LaneKind.CHANNELS,
    ]
    assert len(lanes(journey)) == 8 and numbered(lanes(journey))
    assert len(stages(journey)) == 3 and numbered(stages(journey))
    assert all(len(steps_of(stage)) == 1 for stage in stages(journey))


# Stages


def test_a_stage_is_added_at_a_position_with_a_first_step(journey, participant):
    before = revision(journey)
    stage = structure.add_stage(canvas=journey, title="Orientation", position=0, by=participant)
    assert titles(stages(journey))[0] == "Orientation" and numbered(stages(journey))
    assert len(steps_of(stage)) == 1
    assert revision(journey) > before


def test_a_stage_needs_a_name(journey, participant):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        structure.add_stage(canvas=journey, title="  ", by=participant)
    assert error.value.messages == ["Give it a name."]


def test_a_section_canvas_has_no_stages(participant):
    persona = create_canvas(
        project=make_project(participant), kind=ArtefactKind.PERSONA, title="Mia", by=participant
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        structure.add_stage(canvas=persona, title="Before", by=participant)
    assert error.value.messages == ["Only a journey or a blueprint has stages, steps and lanes."]


def test_a_stage_is_renamed_at_its_current_version(journey, participant):
    stage = stages(journey)[0]
    renamed = structure.rename(part=stage, version=1, title="Before the visit", by=participant)
    assert (renamed.title, renamed.version) == ("Before the visit", 2)


def test_a_stale_rename_is_refused_and_shows_the_current_name(journey, participant, coordinator):
    stage = stages(journey)[0]
    structure.rename(part=stage, version=1, title="Before the visit", by=coordinator)
    with pytest.raises(StaleEdit) as stale:
        structure.rename(part=stage, version=1, title="Preparation", by=participant)
    assert stale.value.current.title == "Before the visit"
    assert titles(stages(journey))[0] == "Before the visit"


def test_a_stage_moves_and_the_others_renumber(journey, participant):
    first = stages(journey)[0]
    structure.move_stage(stage=first, position=2, by=participant)
    assert stages(journey)[2] == first and numbered(stages(journey))


def test_deleting_an_empty_stage_keeps_no_version(journey, participant):
    structure.delete_stage(stage=stages(journey)[1], by=participant)
    assert len(stages(journey)) == 2 and numbered(stages(journey))
    assert not Snapshot.objects.filter(canvas=journey).exists()


def test_deleting_a_stage_with_cards_keeps_a_version_holding_them(journey, participant):
    stage = stages(journey)[1]
    card = a_card(journey, steps_of(stage)[0], participant)
    structure.delete_stage(stage=stage, by=participant)
    assert not Card.objects.filter(pk=card.pk).exists()
    version = Snapshot.objects.get(canvas=journey)
    assert str(card.uid) in {kept["uid"] for kept in version.data["cards"]}
    assert str(stage.uid) in {kept["uid"] for kept in version.data["stages"]}
    assert numbered(stages(journey))


# Steps


def test_a_step_is_added_at_a_position(journey, participant):
    stage = stages(journey)[0]
    structure.add_step(stage=stage, title="Reads the letter", position=0, by=participant)
    assert titles(steps_of(stage)) == ["Reads the letter", "New step"]
    assert numbered(steps_of(stage))


def test_a_step_moves_within_its_stage(journey, participant):
    stage = stages(journey)[0]
    added = structure.add_step(stage=stage, title="Second", by=participant)
    structure.move_step(step=added, position=0, by=participant)
    assert titles(steps_of(stage)) == ["Second", "New step"] and numbered(steps_of(stage))


def test_a_step_moves_into_another_stage_with_its_cards(journey, participant):
    first, second = stages(journey)[:2]
    moving = structure.add_step(stage=first, title="Moving", position=0, by=participant)
    card = a_card(journey, moving, participant)
    structure.move_step(step=moving, stage=second, position=0, by=participant)
    assert titles(steps_of(first)) == ["New step"] and numbered(steps_of(first))
    assert titles(steps_of(second)) == ["Moving", "New step"] and numbered(steps_of(second))
    card.refresh_from_db()
    assert card.step == moving


def test_a_step_does_not_move_into_a_stage_of_another_canvas(journey, participant):
    other = create_canvas(
        project=journey.project, kind=ArtefactKind.JOURNEY, title="Other", by=participant
    )
    step = steps_of(stages(journey)[0])[0]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        structure.move_step(step=step, stage=stages(other)[0], position=0, by=participant)
    assert error.value.messages == ["Choose a stage of this canvas."]


def test_a_step_is_renamed_and_a_stale_rename_refused(journey, participant):
    step = steps_of(stages(journey)[0])[0]
    structure.rename(part=step, version=1, title="Reads the letter", by=participant)
    with pytest.raises(StaleEdit) as stale:
        structure.rename(part=step, version=1, title="Opens the letter", by=participant)
    assert stale.value.current.title == "Reads the letter"


def test_deleting_a_step_with_cards_keeps_a_version_holding_them(journey, participant):
    stage = stages(journey)[0]
    step = structure.add_step(stage=stage, title="Calls", position=0, by=participant)
    card = a_card(journey, step, participant, "Calls the desk")
    structure.delete_step(step=step, by=participant)
    assert titles(steps_of(stage)) == ["New step"] and numbered(steps_of(stage))
    version = Snapshot.objects.get(canvas=journey)
    assert "Calls the desk" in {kept["text"] for kept in version.data["cards"]}
    assert not Card.objects.filter(pk=card.pk).exists()


# Lanes


def test_a_lane_of_any_kind_is_added_at_a_position(journey, participant):
    before = revision(journey)
    lane = structure.add_lane(
        canvas=journey,
        kind=LaneKind.LINE_OF_VISIBILITY,
        title="Visibility",
        position=1,
        by=participant,
    )
    assert lanes(journey)[1] == lane and numbered(lanes(journey))
    assert revision(journey) > before


def test_a_lane_of_an_unknown_kind_is_refused(journey, participant):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        structure.add_lane(canvas=journey, kind="doodles", title="Doodles", by=participant)
    assert error.value.messages == ["Choose a kind of lane."]


def test_a_lane_moves_and_is_renamed(journey, participant):
    lane = lanes(journey)[-1]
    structure.move_lane(lane=lane, position=0, by=participant)
    structure.rename(part=lane, version=1, title="Research", by=participant)
    assert lanes(journey)[0].title == "Research" and numbered(lanes(journey))
    with pytest.raises(StaleEdit):
        structure.rename(part=lane, version=1, title="Evidence again", by=participant)


def test_deleting_a_lane_with_cards_keeps_a_version_holding_them(journey, participant):
    step = steps_of(stages(journey)[0])[0]
    card = a_card(journey, step, participant, "Reads the letter")
    lane = card.lane
    assert lane is not None
    structure.delete_lane(lane=lane, by=participant)
    assert lane.pk not in {kept.pk for kept in lanes(journey)} and numbered(lanes(journey))
    version = Snapshot.objects.get(canvas=journey)
    assert str(lane.uid) in {kept["uid"] for kept in version.data["lanes"]}
    assert "Reads the letter" in {kept["text"] for kept in version.data["cards"]}


def test_deleting_an_empty_lane_keeps_no_version(journey, participant):
    structure.delete_lane(lane=lanes(journey)[0], by=participant)
    assert len(lanes(journey)) == 7 and numbered(lanes(journey))
    assert not Snapshot.objects.exists()


def test_every_structure_change_bumps_the_revision(journey, participant):
    seen = [revision(journey)]
    stage = structure.add_stage(canvas=journey, title="Later", by=participant)
    seen.append(revision(journey))
    step = structure.add_step(stage=stage, title="Returns", by=participant)
    seen.append(revision(journey))
    structure.move_step(step=step, position=0, by=participant)
    seen.append(revision(journey))
    structure.move_stage(stage=stage, position=0, by=participant)
    seen.append(revision(journey))
    structure.delete_step(step=step, by=participant)
    seen.append(revision(journey))
    structure.delete_stage(stage=stage, by=participant)
    seen.append(revision(journey))
    assert seen == sorted(set(seen))
