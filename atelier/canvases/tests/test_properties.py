"""Random sequences of canvas edits keep every rule of the grid (hypothesis).

Each example builds its journey inside a transaction that is rolled back at the end, so
the examples share the people and project of one test but never each other's canvases.
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from atelier.accounts.models import User
from atelier.canvases import kinds
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Stage, Step
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services import cards as card_services
from atelier.canvases.services import structure
from atelier.canvases.services.canvases import create_canvas
from atelier.canvases.services.common import Gone, StaleEdit
from atelier.canvases.services.transfer import check_document
from atelier.canvases.services.versions import restore_snapshot, take_snapshot
from atelier.canvases.tests.factories import make_journey, make_project
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
REFUSALS = (ValidationError, StaleEdit, Gone)

index = st.integers(min_value=0, max_value=12)
position = st.one_of(st.none(), st.integers(min_value=0, max_value=6))
words = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=20)
# Valid for some lanes and not for others, so that refusals are exercised as well.
card_fields = st.sampled_from(
    [
        {},
        {"channel": "desk"},
        {"channel": "tram"},
        {"score": -2},
        {"score": 2},
        {"score": 3},
        {"marker": "pain"},
        {"persona": "Mia"},
    ]
)
# None stands for fields that suit the lane the card lands in.
some_fields = st.one_of(st.none(), st.none(), card_fields)
adding = st.tuples(st.just("add_card"), index, index, words, position, some_fields)
operations = st.one_of(
    adding,
    adding,
    st.tuples(st.just("edit_card"), index, st.booleans(), words, some_fields),
    st.tuples(st.just("move_card"), index, index, index, st.integers(0, 6)),
    st.tuples(st.just("delete_card"), index, st.booleans()),
    st.tuples(st.just("add_step"), index, position),
    st.tuples(st.just("move_step"), index, index, st.integers(0, 6)),
    st.tuples(st.just("delete_step"), index),
    st.tuples(st.just("add_lane"), st.sampled_from(LaneKind.values), position),
    st.tuples(st.just("move_lane"), index, st.integers(0, 10)),
    st.tuples(st.just("delete_lane"), index),
)


@pytest.fixture
def project(participant: User) -> Project:
    return make_project(participant)


def pick(items: list, number: int) -> Any:
    return items[number % len(items)] if items else None


def cards_of(canvas: Canvas) -> list[Card]:
    return list(Card.objects.filter(canvas=canvas).select_related("lane", "canvas").order_by("pk"))


def steps_of(canvas: Canvas) -> list[Step]:
    return list(Step.objects.filter(canvas=canvas).order_by("pk"))


def lanes_of(canvas: Canvas) -> list[Lane]:
    return list(Lane.objects.filter(canvas=canvas).order_by("pk"))


def fitting(fields: dict | None, lane: Lane) -> dict:
    if fields is not None:
        return fields
    suiting: dict[str, dict[str, Any]] = {
        LaneKind.CHANNELS: {"channel": "phone"},
        LaneKind.EMOTION: {"score": -1},
    }
    return suiting.get(lane.kind, {})


def stale(version: int) -> int:
    return version - 1 if version > 1 else version + 1


def edit_stale_card(card: Card, text: str, fields: dict, by: User) -> None:
    """A stale edit is refused and leaves the card as it was."""
    before = Card.objects.values("text", "fields", "version").get(pk=card.pk)
    with pytest.raises(StaleEdit) as refusal:
        card_services.update_card(
            card=card, version=stale(card.version), text=text, fields=fields, by=by
        )
    assert refusal.value.current.text == before["text"]
    assert Card.objects.values("text", "fields", "version").get(pk=card.pk) == before


def run(canvas: Canvas, operation: tuple, by: User) -> None:
    name, *arguments = operation
    RUNNERS[name](canvas, by, *arguments)


def add_card(canvas, by, lane, step, text, at, fields) -> None:
    lane, step = pick(lanes_of(canvas), lane), pick(steps_of(canvas), step)
    if lane and step:
        card_services.add_card(
            canvas=canvas,
            lane=lane,
            step=step,
            text=text,
            fields=fitting(fields, lane),
            position=at,
            by=by,
        )


def edit_card(canvas, by, card, is_stale, text, fields) -> None:
    card = pick(cards_of(canvas), card)
    if card is None:
        return
    fields = fitting(fields, card.lane)
    if is_stale:
        edit_stale_card(card, text, fields, by)
    else:
        card_services.update_card(card=card, version=card.version, text=text, fields=fields, by=by)


def move_card(canvas, by, card, lane, step, at) -> None:
    card = pick(cards_of(canvas), card)
    if card is not None:
        card_services.move_card(
            card=card,
            lane=pick(lanes_of(canvas), lane),
            step=pick(steps_of(canvas), step),
            position=at,
            by=by,
        )


def delete_card(canvas, by, card, is_stale) -> None:
    card = pick(cards_of(canvas), card)
    if card is not None:
        version = stale(card.version) if is_stale else card.version
        card_services.delete_card(card=card, version=version, by=by)


def add_step(canvas, by, stage, at) -> None:
    stage = pick(list(Stage.objects.filter(canvas=canvas).order_by("pk")), stage)
    if stage is None:
        structure.add_stage(canvas=canvas, title="Stage", by=by)
    else:
        structure.add_step(stage=stage, title="Step", position=at, by=by)


def move_step(canvas, by, step, stage, at) -> None:
    step = pick(steps_of(canvas), step)
    stage = pick(list(Stage.objects.filter(canvas=canvas).order_by("pk")), stage)
    if step is not None:
        structure.move_step(step=step, stage=stage, position=at, by=by)


def delete_step(canvas, by, step) -> None:
    step = pick(steps_of(canvas), step)
    if step is not None:
        structure.delete_step(step=step, by=by)


def add_lane(canvas, by, kind, at) -> None:
    structure.add_lane(canvas=canvas, kind=kind, title=kind, position=at, by=by)


def move_lane(canvas, by, lane, at) -> None:
    lane = pick(lanes_of(canvas), lane)
    if lane is not None:
        structure.move_lane(lane=lane, position=at, by=by)


def delete_lane(canvas, by, lane) -> None:
    lane = pick(lanes_of(canvas), lane)
    if lane is not None:
        structure.delete_lane(lane=lane, by=by)


RUNNERS: dict[str, Callable[..., None]] = {
    "add_card": add_card,
    "edit_card": edit_card,
    "move_card": move_card,
    "delete_card": delete_card,
    "add_step": add_step,
    "move_step": move_step,
    "delete_step": delete_step,
    "add_lane": add_lane,
    "move_lane": move_lane,
    "delete_lane": delete_lane,
}


def numbered(values) -> bool:
    return sorted(values) == list(range(len(values)))


def groups(queryset, *keys: str) -> list[list[int]]:
    by_key: dict[tuple, list[int]] = {}
    for row in queryset.values(*keys, "position"):
        by_key.setdefault(tuple(row[key] for key in keys), []).append(row["position"])
    return list(by_key.values())


def assert_rules_hold(canvas: Canvas) -> None:
    assert numbered([s.position for s in Stage.objects.filter(canvas=canvas)])
    assert numbered([lane.position for lane in Lane.objects.filter(canvas=canvas)])
    assert all(numbered(p) for p in groups(Step.objects.filter(canvas=canvas), "stage"))
    cards = Card.objects.filter(canvas=canvas)
    assert all(numbered(p) for p in groups(cards, "lane", "step", "section"))
    per_cell = Counter(
        cards.filter(lane__kind__in=kinds.SINGLE_CARD_LANES).values_list("lane", "step")
    )
    assert all(count <= 1 for count in per_cell.values())
    assert not cards.filter(lane__kind__in=kinds.CARDLESS_LANES).exists()
    check_document(serialize_canvas(canvas))


def journey_in(project: Project, by: User) -> Canvas:
    """A journey of two stages of two steps, a card in every cell that holds cards."""
    return make_journey(project, by, stages=2, steps=2)


def refused_or_done(canvas: Canvas, operation: tuple, by: User) -> None:
    """Run one operation; a refused one leaves the canvas exactly as it was."""
    before = serialize_canvas(canvas)
    try:
        run(canvas, operation, by)
    except REFUSALS as refusal:
        event(f"{operation[0]} refused: {type(refusal).__name__}")
        assert serialize_canvas(canvas) == before
    else:
        event(f"{operation[0]} done")


class Rollback(Exception):
    """Raised at the end of an example to roll its canvas back."""


def in_rolled_back_transaction(check) -> None:
    try:
        with transaction.atomic():
            check()
            raise Rollback
    except Rollback:
        pass


@EXAMPLES
@given(steps=st.lists(operations, min_size=1, max_size=25))
def test_random_edits_keep_every_rule_of_the_grid(project, participant, steps):
    def check() -> None:
        canvas = journey_in(project, participant)
        for operation in steps:
            refused_or_done(canvas, operation, participant)
            assert_rules_hold(canvas)

    in_rolled_back_transaction(check)


@EXAMPLES
@given(
    steps=st.lists(operations, min_size=1, max_size=25), before=st.lists(operations, max_size=10)
)
def test_restoring_a_version_gives_back_exactly_what_it_held(project, participant, steps, before):
    def check() -> None:
        canvas = journey_in(project, participant)
        for operation in before:
            refused_or_done(canvas, operation, participant)
        version = take_snapshot(canvas=canvas, name="As is", by=participant)
        for operation in steps:
            refused_or_done(canvas, operation, participant)
        restore_snapshot(snapshot=version, by=participant)
        restored = serialize_canvas(canvas)
        assert restored | {"revision": 0} == version.data | {"revision": 0}
        assert_rules_hold(canvas)

    in_rolled_back_transaction(check)


section_operations = st.one_of(
    st.tuples(st.just("add"), index, words, card_fields | st.just({"impact": 3, "effort": 2})),
    st.tuples(st.just("move"), index, index, st.integers(0, 6)),
    st.tuples(st.just("delete"), index),
)


def run_on_sections(canvas: Canvas, operation: tuple, by: User) -> None:
    name, *arguments = operation
    sections = [section.key for section in kinds.SECTIONS[canvas.kind]]
    card = pick(cards_of(canvas), arguments[0])
    if name == "add":
        card_services.add_card(
            canvas=canvas,
            section=pick(sections, arguments[0]),
            text=arguments[1],
            fields=arguments[2],
            by=by,
        )
    elif name == "move" and card is not None:
        section = pick(sections, arguments[1])
        card_services.move_card(card=card, section=section, position=arguments[2], by=by)
    elif name == "delete" and card is not None:
        card_services.delete_card(card=card, version=card.version, by=by)


@EXAMPLES
@given(
    kind=st.sampled_from([ArtefactKind.PERSONA, ArtefactKind.IDEA_LIST]),
    steps=st.lists(section_operations, min_size=1, max_size=25),
)
def test_random_edits_of_a_canvas_with_sections_keep_it_a_valid_document(
    project, participant, kind, steps
):
    def check() -> None:
        canvas = create_canvas(project=project, kind=kind, title="Sections", by=participant)
        for operation in steps:
            before = serialize_canvas(canvas)
            try:
                run_on_sections(canvas, operation, participant)
            except REFUSALS:
                assert serialize_canvas(canvas) == before
            assert_rules_hold(canvas)
            single = [s.key for s in kinds.SECTIONS[kind] if s.single]
            assert Card.objects.filter(canvas=canvas, section__in=single).count() <= 1

    in_rolled_back_transaction(check)
