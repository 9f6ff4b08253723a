"""Small builders for canvas tests and benchmarks."""

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, Stage, Step
from atelier.canvases.services.canvases import create_canvas
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project
from atelier.projects.services import open_project

# The lanes of a big journey: eight that hold cards (every kind), and the evidence lane.
BIG_LANES = (
    (LaneKind.PERSONA, "Persona"),
    (LaneKind.CARDS, "Actions"),
    (LaneKind.CHANNELS, "Touchpoints"),
    (LaneKind.TEXT, "Thoughts and needs"),
    (LaneKind.EMOTION, "Emotion"),
    (LaneKind.CARDS, "Pain points"),
    (LaneKind.CARDS, "Opportunities"),
    (LaneKind.CARDS, "Backstage"),
    (LaneKind.EVIDENCE, "Evidence"),
)


def make_project(by: User, title: str = "One front door for social services") -> Project:
    return open_project(title=title, problem_statement="Residents do not know which desk.", by=by)


def make_journey(
    project: Project,
    by: User | None,
    *,
    stages: int = 3,
    steps: int = 3,
    kind: str = ArtefactKind.JOURNEY,
) -> Canvas:
    """A journey (or blueprint) with every card-holding cell filled, written in bulk."""
    canvas = create_canvas(
        project=project,
        kind=kind,
        title="Visit to the social house",
        state="as_is",
        by=by,
        empty=True,
    )
    lanes = [
        Lane.objects.create(canvas=canvas, kind=k, title=t, position=n)
        for n, (k, t) in enumerate(BIG_LANES)
    ]
    cards = []
    for s in range(stages):
        stage = Stage.objects.create(canvas=canvas, title=f"Stage {s + 1}", position=s)
        for p in range(steps):
            step = Step.objects.create(
                canvas=canvas, stage=stage, title=f"Step {s + 1}.{p + 1}", position=p
            )
            cards.extend(_cards_of_step(canvas, lanes, step, s * steps + p))
    Card.objects.bulk_create(cards)
    return canvas


def _cards_of_step(canvas: Canvas, lanes: list[Lane], step: Step, number: int) -> list[Card]:
    fields_by_kind: dict[str, dict[str, object]] = {
        LaneKind.CHANNELS: {"channel": "desk"},
        LaneKind.EMOTION: {"score": (number % 5) - 2},
        LaneKind.CARDS: {},
        LaneKind.TEXT: {},
        LaneKind.PERSONA: {},
    }
    return [
        Card(
            canvas=canvas,
            lane=lane,
            step=step,
            text=f"{lane.title} at step {number + 1}",
            fields=fields_by_kind[lane.kind],
        )
        for lane in lanes
        if lane.kind in fields_by_kind
    ]
