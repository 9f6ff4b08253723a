"""A canvas from its JSON form: import, restore a version, copy to another project.

Everything is checked before anything is written; a bad document raises one
ValidationError listing each problem with its place in the document.
"""

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases import kinds
from atelier.canvases.models import (
    Canvas,
    CanvasState,
    Card,
    ChangeAction,
    Lane,
    LaneKind,
    Link,
    LinkKind,
    RelationKind,
    Stage,
    Step,
)
from atelier.canvases.portrait import check_portrait
from atelier.canvases.serialize import FORMAT, serialize_canvas
from atelier.lib.control_characters import has_control_characters
from atelier.method.models import ArtefactKind
from atelier.projects.models import Project

from .common import touch

TITLE_LIMIT = 200  # the titles' max_length


@dataclass
class Checked:
    """A document that passed every check, and the evidence links that could not be kept."""

    data: dict[str, Any]
    dropped_links: int = 0
    problems: list[str] = field(default_factory=list)


def _uid(value: Any, where: str, problems: list[str]) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        problems.append(_("%(where)s: not a valid uid.") % {"where": where})
        return ""


def _text(value: Any, where: str, problems: list[str], *, required: bool = False) -> str:
    if not isinstance(value, str):
        problems.append(_("%(where)s: text expected.") % {"where": where})
        return ""
    if required and not value.strip():
        problems.append(_("%(where)s: must not be empty.") % {"where": where})
    if required and len(value.strip()) > TITLE_LIMIT:
        problems.append(
            _("%(where)s: at most %(limit)s characters.") % {"where": where, "limit": TITLE_LIMIT}
        )
    if has_control_characters(value):
        problems.append(_("%(where)s: remove the control characters.") % {"where": where})
    return value


def _check_grid(data: dict[str, Any], problems: list[str]) -> tuple[dict[str, str], set[str]]:
    lanes: dict[str, str] = {}
    steps: set[str] = set()
    for number, stage in enumerate(data.get("stages") or []):
        where = f"stages[{number}]"
        _uid(stage.get("uid"), where, problems)
        _text(stage.get("title"), where + ".title", problems, required=True)
        for step_number, step in enumerate(stage.get("steps") or []):
            step_where = f"{where}.steps[{step_number}]"
            steps.add(_uid(step.get("uid"), step_where, problems))
            _text(step.get("title"), step_where + ".title", problems, required=True)
    for number, lane in enumerate(data.get("lanes") or []):
        where = f"lanes[{number}]"
        if lane.get("kind") not in LaneKind.values:
            problems.append(_("%(where)s: unknown kind of lane.") % {"where": where})
        _text(lane.get("title"), where + ".title", problems, required=True)
        lanes[_uid(lane.get("uid"), where, problems)] = lane.get("kind", "")
    return lanes, steps


def _check_card(
    card: dict[str, Any], where: str, kind: str, grid: tuple, problems: list[str]
) -> None:
    lanes, steps = grid
    try:
        if kind in kinds.GRID_KINDS:
            lane_kind = lanes.get(str(card.get("lane")))
            if lane_kind is None or str(card.get("step")) not in steps:
                raise ValidationError(_("the card names no lane and step of this canvas."))
            if lane_kind in kinds.CARDLESS_LANES:
                raise ValidationError(_("this lane holds no cards."))
            if lane_kind not in kinds.LANE_FIELDS:
                return  # the unknown kind is listed with its lane
            spec = kinds.LANE_FIELDS[lane_kind]
        else:
            spec = kinds.section_of(kind, str(card.get("section"))).fields
        kinds.clean_text(_text(card.get("text", ""), where + ".text", problems))
        if not isinstance(card.get("fields", {}), dict):
            raise ValidationError(_("fields must be an object."))
        kinds.clean_fields(spec, card.get("fields") or {})
        check_portrait(card.get("image"))
    except ValidationError as error:
        problems.extend(f"{where}: {message}" for message in error.messages)


def _check_single_places(data: dict[str, Any], kind: str, problems: list[str]) -> None:
    lanes = {lane.get("uid"): lane.get("kind") for lane in data.get("lanes") or []}
    seen: set[tuple] = set()
    for number, card in enumerate(data.get("cards") or []):
        if kind in kinds.GRID_KINDS:
            single = lanes.get(card.get("lane")) in kinds.SINGLE_CARD_LANES
            place = (card.get("lane"), card.get("step"))
        else:
            sections = {s.key: s for s in kinds.SECTIONS.get(kind, ())}
            section = sections.get(card.get("section"))
            single = section is not None and section.single
            place = (card.get("section"), None)
        if single and place in seen:
            problems.append(
                _("cards[%(number)s]: this place holds one card only.") % {"number": number}
            )
        seen.add(place)


def _check_unique(data: dict[str, Any], problems: list[str]) -> None:
    """Every stage, step, lane and card has its own uid within the document."""
    steps = [
        step.get("uid") for stage in data.get("stages") or [] for step in stage.get("steps") or []
    ]
    for name, uids in (
        ("stages", [stage.get("uid") for stage in data.get("stages") or []]),
        ("steps", steps),
        ("lanes", [lane.get("uid") for lane in data.get("lanes") or []]),
        ("cards", [card.get("uid") for card in data.get("cards") or []]),
    ):
        if len(uids) != len(set(map(str, uids))):
            problems.append(_("%(parts)s: two share one uid.") % {"parts": name})


def _check_links(data: dict[str, Any], problems: list[str]) -> None:
    for number, link in enumerate(data.get("links") or []):
        if not isinstance(link, dict) or link.get("kind") not in LinkKind.values:
            problems.append(_("links[%(number)s]: not a link.") % {"number": number})
        elif link.get("relation") and link["relation"] not in RelationKind.values:
            problems.append(_("links[%(number)s]: unknown relation.") % {"number": number})


def check_document(data: Any) -> Checked:
    """Every problem of a canvas document, or the document ready to load."""
    problems: list[str] = []
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(
            _("This is not an Atelier canvas (format %(format)s).") % {"format": FORMAT}
        )
    kind = data.get("kind")
    if kind not in ArtefactKind.values or (
        kind not in kinds.GRID_KINDS and kind not in kinds.SECTIONS
    ):
        raise ValidationError(_("Unknown kind of canvas."))
    _text(data.get("title"), "title", problems, required=True)
    _text(data.get("description", ""), "description", problems)
    if data.get("state") not in ("", None, *CanvasState.values):
        problems.append(_("state: as_is, to_be or empty."))
    try:
        check_portrait(data.get("portrait"))
    except ValidationError as error:
        problems.extend(error.messages)
    try:
        grid = _check_grid(data, problems) if kind in kinds.GRID_KINDS else ({}, set())
        for number, card in enumerate(data.get("cards") or []):
            _uid(card.get("uid"), f"cards[{number}]", problems)
            _check_card(card, f"cards[{number}]", kind, grid, problems)
        _check_single_places(data, kind, problems)
        _check_unique(data, problems)
        _check_links(data, problems)
    except (AttributeError, TypeError):
        problems.append(_("The document's structure is not that of a canvas."))
    if problems:
        raise ValidationError(problems)
    return Checked(data=data)


def _write_grid(canvas: Canvas, data: dict[str, Any]) -> tuple[dict[str, Lane], dict[str, Step]]:
    lanes = {
        lane["uid"]: Lane.objects.create(
            canvas=canvas,
            uid=lane["uid"],
            kind=lane["kind"],
            title=lane["title"].strip(),
            position=n,
        )
        for n, lane in enumerate(data.get("lanes") or [])
    }
    steps: dict[str, Step] = {}
    for n, stage_data in enumerate(data.get("stages") or []):
        stage = Stage.objects.create(
            canvas=canvas,
            uid=stage_data["uid"],
            title=stage_data["title"].strip(),
            position=n,
        )
        for m, step in enumerate(stage_data.get("steps") or []):
            steps[step["uid"]] = Step.objects.create(
                canvas=canvas,
                stage=stage,
                uid=step["uid"],
                title=step["title"].strip(),
                position=m,
            )
    return lanes, steps


def _write_cards(
    canvas: Canvas, data: dict[str, Any], lanes: dict, steps: dict, by: User | None
) -> dict[str, Card]:
    positions: dict[tuple, int] = {}
    cards = []
    for card in data.get("cards") or []:
        place = (card.get("lane"), card.get("step"), card.get("section") or "")
        positions[place] = positions.get(place, -1) + 1
        lane = lanes.get(card.get("lane")) if canvas.is_grid else None
        spec = (
            kinds.LANE_FIELDS[lane.kind]
            if lane
            else kinds.section_of(canvas.kind, card["section"]).fields
        )
        cards.append(
            Card(
                canvas=canvas,
                uid=card["uid"],
                lane=lane,
                step=steps.get(card.get("step")) if canvas.is_grid else None,
                section="" if canvas.is_grid else card["section"],
                text=kinds.clean_text(card.get("text", "")),
                fields=kinds.clean_fields(spec, card.get("fields") or {}),
                image=card.get("image") or "",
                position=positions[place],
                updated_by=by,
            )
        )
    Card.objects.bulk_create(cards)
    return {str(card.uid): card for card in Card.objects.filter(canvas=canvas)}


def _write_links(canvas: Canvas, data: dict[str, Any], cards: dict[str, Card]) -> int:
    """Links whose cards exist (evidence must be in the same project); the count left out."""
    dropped = 0
    evidence = {
        (str(card.canvas.uid), str(card.uid)): card
        for card in Card.objects.filter(
            canvas__project_id=canvas.project_id, section__in=kinds.EVIDENCE_SECTIONS
        ).select_related("canvas")
    }
    for link in data.get("links") or []:
        source = cards.get(str(link.get("source")))
        if link.get("kind") == LinkKind.EVIDENCE:
            target = evidence.get((str(link.get("target_canvas")), str(link.get("target"))))
        else:
            target = cards.get(str(link.get("target")))
        relation = link.get("relation") or ""
        if (
            source is None
            or target is None
            or source == target
            or (relation and relation not in RelationKind.values)
        ):
            dropped += 1
            continue
        Link.objects.get_or_create(
            canvas=canvas,
            kind=link.get("kind"),
            source=source,
            target=target,
            defaults={"relation": relation, "label": str(link.get("label") or "")[:200]},
        )
    return dropped


def _write_content(canvas: Canvas, data: dict[str, Any], by: User | None) -> int:
    lanes, steps = _write_grid(canvas, data) if canvas.is_grid else ({}, {})
    cards = _write_cards(canvas, data, lanes, steps, by)
    return _write_links(canvas, data, cards)


@transaction.atomic
def import_canvas(*, project: Project, data: Any, by: User | None) -> tuple[Canvas, int]:
    """A new canvas in `project` from a JSON document; returns it and the links left out."""
    checked = check_document(data)
    canvas = Canvas.objects.create(
        project=project,
        kind=checked.data["kind"],
        title=checked.data["title"].strip(),
        state=checked.data.get("state") or "",
        description=checked.data.get("description") or "",
        portrait=checked.data.get("portrait") or "",
        created_by=by,
        revision=0,  # its first logged change below makes it 1, like any new canvas
    )
    dropped = _write_content(canvas, checked.data, by)
    # Its first logged change: the search index and any open editor learn of the content.
    touch(canvas, by=by, action=ChangeAction.ADDED)
    return canvas, dropped


@transaction.atomic
def replace_content(*, canvas: Canvas, data: Any, by: User | None) -> int:
    """Put a document's content in place of the canvas's own (restoring a version)."""
    checked = check_document(data)
    if checked.data["kind"] != canvas.kind:
        raise ValidationError(_("A version of another kind of canvas cannot be restored here."))
    incoming = list(
        Link.objects.filter(target__canvas=canvas)
        .exclude(canvas=canvas)
        .values("canvas_id", "kind", "source_id", "target__uid", "relation", "label")
    )
    Link.objects.filter(canvas=canvas).delete()
    Card.objects.filter(canvas=canvas).delete()
    Step.objects.filter(canvas=canvas).delete()
    Stage.objects.filter(canvas=canvas).delete()
    Lane.objects.filter(canvas=canvas).delete()
    dropped = _write_content(canvas, checked.data, by)
    _relink(canvas, incoming)
    Canvas.objects.filter(pk=canvas.pk).update(
        title=checked.data["title"].strip(),
        state=checked.data.get("state") or "",
        description=checked.data.get("description") or "",
        portrait=checked.data.get("portrait") or "",
    )
    touch(canvas, by=by, action=ChangeAction.RESTORED)
    return dropped


@transaction.atomic
def copy_canvas(*, canvas: Canvas, project: Project, by: User | None) -> tuple[Canvas, int]:
    """Copy a canvas into a project of its organisation; beside the original it says (copy)."""
    if project.organisation_id != canvas.project.organisation_id:
        raise ValidationError(
            _("A canvas can be copied to a project of the same organisation only.")
        )
    data = serialize_canvas(canvas)
    if project.pk == canvas.project_id:
        data["title"] = _("%(title)s (copy)") % {"title": canvas.title}
    return import_canvas(project=project, data=data, by=by)


def _relink(canvas: Canvas, incoming: list[Any]) -> None:
    """Links from other canvases follow the restored cards that kept their uid."""
    cards = {card.uid: card for card in Card.objects.filter(canvas=canvas)}
    Link.objects.bulk_create(
        [
            Link(
                canvas_id=link["canvas_id"],
                kind=link["kind"],
                source_id=link["source_id"],
                target=cards[link["target__uid"]],
                relation=link["relation"],
                label=link["label"],
            )
            for link in incoming
            if link["target__uid"] in cards
        ],
        ignore_conflicts=True,
    )
