"""A canvas as plain data: the JSON export, the snapshot format and what pages render.

Format `atelier.canvas/1`. Lists are in display order, so positions are implicit. Live
pages ask `with_ids=True` to get the database ids their edit controls address; exports
and snapshots carry only uids.
"""

from typing import Any

from .models import Canvas, Card, Lane, Link, LinkKind, Stage, Step

FORMAT = "atelier.canvas/1"
CARD_COLUMNS = (
    "pk",
    "uid",
    "lane_id",
    "step_id",
    "section",
    "text",
    "fields",
    "image",
    "version",
    "position",
)
LINK_COLUMNS = (
    "pk",
    "kind",
    "source__uid",
    "target__uid",
    "relation",
    "label",
    "target__canvas__uid",
    "target__text",
    "target__section",
)


def serialize_canvas(canvas: Canvas, *, with_ids: bool = False) -> dict[str, Any]:
    """The canvas and all its content, in a fixed number of queries."""
    stages = list(Stage.objects.filter(canvas=canvas).order_by("position"))
    steps = list(Step.objects.filter(canvas=canvas).order_by("position"))
    lanes = list(Lane.objects.filter(canvas=canvas).order_by("position"))
    # Cards and links as rows, not model instances: a large journey has hundreds of each.
    cards = list(
        Card.objects.filter(canvas=canvas).order_by("position", "pk").values(*CARD_COLUMNS)
    )
    links = list(Link.objects.filter(canvas=canvas).order_by("pk").values(*LINK_COLUMNS))
    return {
        "format": FORMAT,
        "uid": str(canvas.uid),
        "kind": canvas.kind,
        "title": canvas.title,
        "state": canvas.state,
        "description": canvas.description,
        "portrait": canvas.portrait,
        "revision": canvas.revision,
        **({"id": canvas.pk, "project": canvas.project_id} if with_ids else {}),
        "stages": _stages(stages, steps, with_ids),
        "lanes": [_part(lane, with_ids, kind=lane.kind, title=lane.title) for lane in lanes],
        "cards": _cards(cards, stages, steps, lanes, with_ids),
        "links": [_link(link, with_ids) for link in links],
    }


def _part(part: Any, with_ids: bool, **values: Any) -> dict[str, Any]:
    ids = {"id": part.pk, "version": part.version} if with_ids else {}
    return {"uid": str(part.uid), **values, **ids}


def _stages(stages: list[Stage], steps: list[Step], with_ids: bool) -> list[dict[str, Any]]:
    by_stage: dict[int, list[Step]] = {}
    for step in steps:
        by_stage.setdefault(step.stage_id, []).append(step)
    return [
        _part(
            stage,
            with_ids,
            title=stage.title,
            steps=[_part(step, with_ids, title=step.title) for step in by_stage.get(stage.pk, [])],
        )
        for stage in stages
    ]


def _cards(
    cards: list[dict[str, Any]],
    stages: list[Stage],
    steps: list[Step],
    lanes: list[Lane],
    with_ids: bool,
) -> list[dict[str, Any]]:
    lane_uid = {lane.pk: str(lane.uid) for lane in lanes}
    lane_order = {lane.pk: lane.position for lane in lanes}
    stage_order = {stage.pk: stage.position for stage in stages}
    step_uid = {step.pk: str(step.uid) for step in steps}
    step_order = {step.pk: (stage_order[step.stage_id], step.position) for step in steps}

    def order(card: dict[str, Any]) -> tuple:
        if card["lane_id"] is None:
            return (0, card["section"], (0, 0), card["position"])
        return (lane_order[card["lane_id"]], "", step_order[card["step_id"]], card["position"])

    return [
        {
            "uid": str(card["uid"]),
            "lane": lane_uid.get(card["lane_id"]) if card["lane_id"] else None,
            "step": step_uid.get(card["step_id"]) if card["step_id"] else None,
            "section": card["section"],
            "text": card["text"],
            "fields": card["fields"],
            **({"image": card["image"]} if card["image"] else {}),
            **({"id": card["pk"], "version": card["version"]} if with_ids else {}),
        }
        for card in sorted(cards, key=order)
    ]


def _link(link: dict[str, Any], with_ids: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"id": link["pk"]} if with_ids else {}
    data |= {
        "kind": link["kind"],
        "source": str(link["source__uid"]),
        "target": str(link["target__uid"]),
        "relation": link["relation"],
        "label": link["label"],
    }
    if link["kind"] == LinkKind.EVIDENCE:
        # Evidence lives on another canvas (the insight board); name it, and show its text.
        data["target_canvas"] = str(link["target__canvas__uid"])
        data["target_text"] = link["target__text"]
        data["target_section"] = link["target__section"]
    return data
