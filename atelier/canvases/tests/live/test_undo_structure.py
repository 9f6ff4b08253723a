"""Undo and redo of stages, steps and lanes, in one stack with the card changes."""

import pytest
from django.core.exceptions import ValidationError

from atelier.canvases.models import CanvasChange, Card, Lane, LaneKind, Link, Stage, Step
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.cards import add_card, update_card
from atelier.canvases.services.common import StaleEdit
from atelier.canvases.services.structure import (
    add_lane,
    add_stage,
    add_step,
    delete_lane,
    delete_stage,
    delete_step,
    move_lane,
    move_stage,
    move_step,
    rename,
)
from atelier.canvases.services.undo import NothingToUndo, next_undo, redo, undo
from atelier.method.models import ArtefactKind

from .helpers import cards_lane, first_steps, signed_in

pytestmark = pytest.mark.django_db


def stages(canvas) -> list[str]:
    return list(
        Stage.objects.filter(canvas=canvas).order_by("position").values_list("title", flat=True)
    )


def lanes(canvas) -> list[str]:
    return list(
        Lane.objects.filter(canvas=canvas).order_by("position").values_list("title", flat=True)
    )


def card_lanes(canvas) -> list[Lane]:
    return list(Lane.objects.filter(canvas=canvas, kind=LaneKind.CARDS).order_by("position"))


def cells(canvas) -> list[tuple[str, str, str, int]]:
    """Every card as (its lane, its step, its text, its place in the cell)."""
    cards = Card.objects.filter(canvas=canvas).select_related("lane", "step")
    order = ("lane__position", "step__stage__position", "step__position", "position")
    return [
        (card.lane.title, card.step.title, card.text, card.position)
        for card in cards.order_by(*order)
    ]


def test_undo_of_a_stage_delete_brings_it_back_with_its_five_cards_and_redo_deletes_it(
    journey, participant
):
    during = Stage.objects.get(canvas=journey, position=1)
    step = during.steps.get()
    rename(part=step, version=step.version, title="At the desk", by=participant)
    actions, pains, _opportunities = card_lanes(journey)
    texts = ("Takes a ticket", "Waits", "Explains the question")
    held = [
        add_card(canvas=journey, lane=actions, step=step, text=t, by=participant) for t in texts
    ]
    held += [
        add_card(canvas=journey, lane=pains, step=step, text=t, by=participant)
        for t in ("Long queue", "No seat")
    ]
    outside = add_card(
        canvas=journey, lane=actions, step=first_steps(journey)[0], text="Books", by=participant
    )
    Link.objects.create(canvas=journey, kind="relation", source=held[1], target=outside)
    as_it_was, during_pk, during_uid = cells(journey), during.pk, during.uid
    delete_stage(stage=during, by=participant)
    assert (
        stages(journey) == ["Before", "After"] and Card.objects.filter(canvas=journey).count() == 1
    )

    change = undo(canvas=journey, by=participant)

    assert change.action == "restored" and change.part_type == "stage"
    assert stages(journey) == ["Before", "During", "After"]
    back = Stage.objects.get(pk=during_pk)
    assert back.uid == during_uid and back.position == 1
    assert back.steps.get().title == "At the desk"
    assert cells(journey) == as_it_was
    assert {card.uid for card in Card.objects.filter(step__stage=back)} == {c.uid for c in held}
    assert Link.objects.filter(source_id=held[1].pk, target=outside).exists()

    redo(canvas=journey, by=participant)
    assert stages(journey) == ["Before", "After"]
    assert Card.objects.filter(canvas=journey).count() == 1

    undo(canvas=journey, by=participant)
    assert stages(journey) == ["Before", "During", "After"] and cells(journey) == as_it_was


def test_undo_of_a_lane_delete_brings_its_cards_back_in_every_step(journey, participant):
    pains = card_lanes(journey)[1]
    steps = first_steps(journey)
    for number, step in enumerate(steps):
        add_card(canvas=journey, lane=pains, step=step, text=f"Pain {number}", by=participant)
    before, pains_pk = lanes(journey), pains.pk
    delete_lane(lane=pains, by=participant)

    undo(canvas=journey, by=participant)

    assert lanes(journey) == before
    restored = Card.objects.filter(lane_id=pains_pk).order_by("step__stage__position")
    assert [(c.step_id, c.text) for c in restored] == [
        (step.pk, f"Pain {n}") for n, step in enumerate(steps)
    ]


def test_undo_of_a_step_delete_on_a_blueprint_puts_it_back_in_its_stage(project, participant):
    blueprint = create_canvas(
        project=project, kind=ArtefactKind.BLUEPRINT, title="Desk", by=participant
    )
    stage = Stage.objects.filter(canvas=blueprint).order_by("position")[0]
    first = stage.steps.get()
    second = add_step(stage=stage, title="Second", by=participant)
    third = add_step(stage=stage, title="Third", by=participant)
    lane = card_lanes(blueprint)[0]
    add_card(canvas=blueprint, lane=lane, step=second, text="Leaflet", by=participant)
    second_pk = second.pk
    delete_step(step=second, by=participant)

    undo(canvas=blueprint, by=participant)

    order = list(stage.steps.order_by("position").values_list("pk", flat=True))
    assert order == [first.pk, second_pk, third.pk]
    assert Card.objects.get(step_id=second_pk).text == "Leaflet"


def test_undo_of_a_rename_restores_the_title_and_redo_renames_again(journey, participant):
    lane = card_lanes(journey)[0]
    rename(part=lane, version=lane.version, title="What they do", by=participant)

    undo(canvas=journey, by=participant)
    assert Lane.objects.get(pk=lane.pk).title == "Actions"
    redo(canvas=journey, by=participant)
    assert Lane.objects.get(pk=lane.pk).title == "What they do"


def test_undo_of_a_move_restores_the_place(journey, participant):
    before_stage, during, after = Stage.objects.filter(canvas=journey).order_by("position")
    move_stage(stage=before_stage, position=2, by=participant)
    lane = card_lanes(journey)[0]
    lane_at = lane.position
    move_lane(lane=lane, position=0, by=participant)
    step = during.steps.get()
    move_step(step=step, position=0, stage=after, by=participant)

    undo(canvas=journey, by=participant)
    assert Step.objects.get(pk=step.pk).stage_id == during.pk
    undo(canvas=journey, by=participant)
    assert Lane.objects.get(pk=lane.pk).position == lane_at
    undo(canvas=journey, by=participant)
    assert stages(journey) == ["Before", "During", "After"]

    redo(canvas=journey, by=participant)
    assert stages(journey) == ["During", "After", "Before"]


def test_undo_of_an_add_removes_the_part_again(journey, participant):
    add_stage(canvas=journey, title="Aftercare", by=participant)
    add_lane(canvas=journey, kind=LaneKind.CARDS, title="Backstage", by=participant)

    undo(canvas=journey, by=participant)
    assert "Backstage" not in lanes(journey)
    undo(canvas=journey, by=participant)
    assert stages(journey) == ["Before", "During", "After"]
    redo(canvas=journey, by=participant)
    assert stages(journey) == ["Before", "During", "After", "Aftercare"]


def test_undo_of_an_add_is_refused_when_cards_were_put_in_it_since(journey, participant, colleague):
    stage = add_stage(canvas=journey, title="Aftercare", by=participant)
    add_card(
        canvas=journey,
        lane=cards_lane(journey),
        step=stage.steps.get(),
        text="Gets a call back",
        by=colleague,
    )

    with pytest.raises(ValidationError, match="Cards were put in this stage since"):
        undo(canvas=journey, by=participant)
    assert Stage.objects.filter(pk=stage.pk).exists()


def test_undo_is_refused_when_someone_else_changed_the_part_since(journey, participant, colleague):
    lane = card_lanes(journey)[0]
    mine = rename(part=lane, version=lane.version, title="What they do", by=participant)
    rename(part=mine, version=mine.version, title="Steps they take", by=colleague)

    with pytest.raises(StaleEdit):
        undo(canvas=journey, by=participant)
    assert Lane.objects.get(pk=lane.pk).title == "Steps they take"
    assert not CanvasChange.objects.filter(canvas=journey, undone=True).exists()


def test_undo_of_an_added_stage_is_refused_when_someone_else_renamed_its_step(
    journey, participant, colleague
):
    stage = add_stage(canvas=journey, title="Aftercare", by=participant)
    step = stage.steps.get()
    rename(part=step, version=step.version, title="Call back", by=colleague)

    with pytest.raises(StaleEdit):
        undo(canvas=journey, by=participant)
    assert Stage.objects.filter(pk=stage.pk).exists()


def test_a_step_whose_stage_went_since_cannot_come_back(journey, participant, colleague):
    during = Stage.objects.get(canvas=journey, position=1)
    step = add_step(stage=during, title="Second", by=participant)
    delete_step(step=step, by=participant)
    delete_stage(stage=during, by=colleague)

    with pytest.raises(ValidationError, match="The stage this step was in"):
        undo(canvas=journey, by=participant)


def test_card_and_grid_changes_share_one_stack_by_revision(journey, participant):
    card = add_card(
        canvas=journey,
        lane=cards_lane(journey),
        step=first_steps(journey)[0],
        text="A",
        by=participant,
    )
    update_card(card=card, version=card.version, text="B", fields={}, by=participant)
    stage = add_stage(canvas=journey, title="Aftercare", by=participant)
    rename(part=stage, version=stage.version, title="Follow-up", by=participant)

    undo(canvas=journey, by=participant)
    assert Stage.objects.get(pk=stage.pk).title == "Aftercare"
    undo(canvas=journey, by=participant)
    assert not Stage.objects.filter(pk=stage.pk).exists()
    undo(canvas=journey, by=participant)
    assert Card.objects.get(pk=card.pk).text == "A"
    undo(canvas=journey, by=participant)
    assert not Card.objects.filter(pk=card.pk).exists()
    with pytest.raises(NothingToUndo):
        undo(canvas=journey, by=participant)


def test_grid_changes_logged_without_their_states_are_passed_over(journey, participant):
    lane = card_lanes(journey)[0]
    rename(part=lane, version=lane.version, title="What they do", by=participant)
    journey.refresh_from_db()
    CanvasChange.objects.create(  # a move as it was logged before moves kept their places
        canvas=journey,
        revision=journey.revision + 1,
        actor=participant,
        action="moved",
        part_type="stage",
        part_id=Stage.objects.filter(canvas=journey).first().pk,
    )

    assert next_undo(journey, participant).action == "edited"


def test_the_undo_button_brings_a_deleted_lane_back_and_says_why_it_refuses(
    journey, participant, colleague
):
    lane = card_lanes(journey)[2]
    lane_pk = lane.pk
    delete_lane(lane=lane, by=participant)
    client = signed_in(participant)

    response = client.post(f"/canvases/{journey.pk}/undo/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="lane-{lane_pk}"' in response.content.decode()
    assert response["HX-Trigger-After-Settle"] == f'{{"atelier:focus": "#lane-{lane_pk}"}}'

    restored = Lane.objects.get(pk=lane_pk)
    rename(part=restored, version=restored.version, title="Ideas", by=colleague)
    response = client.post(f"/canvases/{journey.pk}/redo/", HTTP_HX_REQUEST="true")
    assert "Someone else changed this lane or what it holds" in response.content.decode()
    assert Lane.objects.filter(pk=lane_pk).exists()
