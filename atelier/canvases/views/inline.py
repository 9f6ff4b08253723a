"""Editing on the canvas itself: a card's text in place, type-to-add, kind and tags, images,
the emotion curve and a stakeholder's place on the rings.

Each answers htmx (and the editor's script) with the one card it changed, rendered by the
same include as the board (`canvases/parts/card.html`): 409 with the other person's text
when the card changed meanwhile, 422 with the problem, 410 when it was deleted. A plain
form post (no JavaScript) is answered with the canvas page, as every other editor form.
"""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from atelier.accounts.access import user_of
from atelier.canvases.access import get_canvas_for_user, get_card_for_user
from atelier.canvases.forms import CardForm
from atelier.canvases.models import Canvas, Card, Lane, LaneKind, LinkKind, Step
from atelier.canvases.services import cards as card_services
from atelier.canvases.services.common import Gone, StaleEdit
from atelier.lib.htmx import HtmxHttpRequest
from atelier.method.models import ArtefactKind
from atelier.projects.access import can_edit

from .board import choice_labels
from .cards import _references, _spec
from .editor import after_change
from .post_only import post_only

STAKEHOLDERS = "stakeholders"
PROFILE = "profile"


def card_dict(card: Card) -> dict[str, Any]:
    """A card as the serialized canvas gives it to the board template."""
    return {
        "id": card.pk,
        "uid": str(card.uid),
        "text": card.text,
        "fields": card.fields,
        "image": card.image,
        "version": card.version,
        "evidence_count": card.links_out.filter(kind=LinkKind.EVIDENCE).count(),
    }


def card_context(request: HtmxHttpRequest, card: Card, **extra: Any) -> dict[str, Any]:
    canvas = card.canvas
    personas = {}
    if card.lane is not None and card.lane.kind == LaneKind.PERSONA:
        personas = {
            str(uid): title
            for uid, title in Canvas.objects.filter(
                project_id=canvas.project_id, kind=ArtefactKind.PERSONA
            ).values_list("uid", "title")
        }
    return {
        "card": card_dict(card),
        "editable": can_edit(user_of(request), canvas.project),
        "labels": choice_labels(),
        "cards_url": reverse("canvases:card_edit", args=[0]).removesuffix("0/edit/"),
        "edit_label": _("Edit"),
        "lane_kind": card.lane.kind if card.lane else "",
        "canvas": canvas,
        "data": {"kind": canvas.kind},
        "labelled": canvas.kind == ArtefactKind.PERSONA,
        "personas": personas,
        **extra,
    }


def _card_answer(
    request: HtmxHttpRequest, card: Card, *, status: int = 200, **extra: Any
) -> HttpResponse:
    if not request.htmx:
        if extra.get("problem"):
            messages.error(request, str(extra["problem"]))
        if extra.get("conflict") is not None:
            messages.error(
                request, _("Someone else changed this card meanwhile; look at it again.")
            )
        return redirect(reverse("canvases:canvas", args=[card.canvas_id]) + f"#card-{card.pk}")
    context = card_context(request, card, **extra)
    # The persona's header shows the profile's name: the same answer updates it.
    context["persona_name"] = card.text if card.section == PROFILE else None
    response = render(request, "canvases/parts/card_saved.html", context, status=status)
    response["HX-Trigger-After-Settle"] = json.dumps({"atelier:focus": f"#card-{card.pk}"})
    return response


def _gone(request: HtmxHttpRequest, card: Card) -> HttpResponse:
    if not request.htmx:
        return redirect("canvases:canvas", pk=card.canvas_id)
    return render(request, "canvases/parts/card_gone.html", {}, status=410)


def _version(request: HtmxHttpRequest) -> int:
    try:
        return int(request.POST.get("version") or 0)
    except ValueError:
        return 0


def _refresh(card: Card) -> Card:
    fresh = Card.objects.select_related("lane", "step").get(pk=card.pk)
    fresh.canvas = card.canvas
    return fresh


def _saving(request: HtmxHttpRequest, card: Card, save: Any, mine: str | None) -> HttpResponse:
    """Run `save`; answer the saved card, or why not (`mine` is the text the person typed)."""
    try:
        saved = save()
    except StaleEdit:
        return _card_answer(request, _refresh(card), status=409, conflict=mine or "")
    except Gone:
        return _gone(request, card)
    except ValidationError as error:
        return _card_answer(request, _refresh(card), status=422, problem=" ".join(error.messages))
    saved.canvas = card.canvas
    return _card_answer(request, _refresh(saved))


@login_required
def card_fragment(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """One card as the board shows it: what live updates swap in."""
    card = get_card_for_user(user_of(request), card_pk)
    return render(request, "canvases/parts/card.html", card_context(request, card))


@login_required
@post_only
def card_text(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """Save a card's text, edited in place; its fields stay as they are."""
    try:
        card = get_card_for_user(user_of(request), card_pk, write=True)
    except Http404:
        if Card.objects.filter(pk=card_pk).exists():
            raise
        return render(request, "canvases/parts/card_gone.html", {}, status=410)
    text = request.POST.get("text", "")
    return _saving(
        request,
        card,
        lambda: card_services.update_card(
            card=card, version=_version(request), text=text, fields=card.fields, by=user_of(request)
        ),
        text,
    )


def _form(card: Card, data: Any = None) -> CardForm:
    return CardForm(
        data,
        initial={"text": card.text, "version": card.version, **card.fields},
        **_spec(card.canvas, card.lane, card.section),
        references=_references(card.canvas),
        auto_id=f"card-{card.pk}-menu-%s",
    )


@login_required
def card_menu(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """The card's small menu: its kind and tags, its image, and the way to the full form."""
    card = get_card_for_user(user_of(request), card_pk, write=True)
    form = _form(card)
    return render(
        request,
        "canvases/parts/card_menu.html",
        {"card": card, "form": form, "has_fields": len(form.fields) > 2},
    )


@login_required
@post_only
def card_fields(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """Save a card's kind and tags (its fields), keeping its text."""
    card = get_card_for_user(user_of(request), card_pk, write=True)
    data = request.POST.copy()
    data["text"] = card.text
    form = _form(card, data)
    if not form.is_valid():
        problems = [str(m) for errors in form.errors.values() for m in errors]
        return _card_answer(request, card, status=422, problem=" ".join(problems))
    return _saving(
        request,
        card,
        lambda: card_services.update_card(
            card=card,
            version=_version(request),
            text=card.text,
            fields=form.card_fields(kept=card.fields),
            by=user_of(request),
        ),
        None,
    )


@login_required
@post_only
def card_image(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """Put a photo or sketch on a card, or take it off."""
    card = get_card_for_user(user_of(request), card_pk, write=True)
    upload = request.FILES.get("image")
    by, version = user_of(request), _version(request)

    def save() -> Card:
        if request.POST.get("remove"):
            return card_services.remove_card_image(card=card, version=version, by=by)
        if upload is None:
            raise ValidationError(_("Choose an image file."))
        return card_services.set_card_image(
            card=card, version=version, upload=upload, size=upload.size or 0, by=by
        )

    return _saving(request, card, save, None)


@login_required
@post_only
def card_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Type-to-add: the text (and any required field) typed at the end of a cell or section."""
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    lane = Lane.objects.filter(canvas=canvas, pk=request.POST.get("lane") or 0).first()
    step = Step.objects.filter(canvas=canvas, pk=request.POST.get("step") or 0).first()
    section = "" if canvas.is_grid else request.POST.get("section", "")
    focus = f"#add-{lane.pk}-{step.pk}" if lane and step else f"#add-{section}"
    try:
        spec = _spec(canvas, lane, section)["spec"] if (lane or not canvas.is_grid) else ()
        fields = {
            f.name: request.POST.get(f.name)
            for f in spec
            if not f.internal and request.POST.get(f.name) not in (None, "")
        }
        text = request.POST.get("text", "")
        if not text.strip():
            raise ValidationError(_("Type the card's text first."))
        card_services.add_card(
            canvas=canvas,
            lane=lane,
            step=step,
            section=section,
            text=text,
            fields=fields,
            by=user_of(request),
        )
    except ValidationError as error:
        return after_change(request, canvas, focus=focus, error=error)
    return after_change(request, canvas, focus=focus)


def _score(value: str) -> int:
    try:
        score = int(value.replace("−", "-").replace("+", ""))
    except ValueError:
        raise ValidationError(_("Choose a score from −2 to +2.")) from None
    if not -2 <= score <= 2:
        raise ValidationError(_("Choose a score from −2 to +2."))
    return score


@login_required
@post_only
def emotion_set(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Score steps on the emotion lane: one (the curve's handle) or several (the list form).

    Each step comes as `score-<step id>` with the version of its card as `version-<step id>`
    (empty when the step had no score yet).
    """
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    lane = Lane.objects.filter(
        canvas=canvas, pk=request.POST.get("lane") or 0, kind=LaneKind.EMOTION
    ).first()
    if lane is None:
        raise Http404
    steps = {step.pk: step for step in Step.objects.filter(canvas=canvas)}
    focus = "#emotion-curve"
    try:
        for name in request.POST:
            value = request.POST.get(name, "")
            if not name.startswith("score-") or value == "":
                continue
            step = steps.get(int(name.removeprefix("score-") or 0))
            if step is None:
                raise ValidationError(_("Choose a step of this canvas."))
            focus = f"#emotion-{step.pk}"
            version_text = request.POST.get(f"version-{step.pk}") or ""
            score = _score(value)
            current = Card.objects.filter(canvas=canvas, lane=lane, step=step).first()
            if current is not None and current.fields.get("score") == score:
                continue  # unchanged in the list form
            card_services.set_emotion(
                canvas=canvas,
                lane=lane,
                step=step,
                score=score,
                version=int(version_text) if version_text.isdigit() else None,
                by=user_of(request),
            )
    except (StaleEdit, Gone):
        error = ValidationError(
            _("Someone else scored this step meanwhile; the curve shows their score now.")
        )
        return after_change(request, canvas, focus=focus, error=error)
    except (ValidationError, ValueError) as error:
        problem = error if isinstance(error, ValidationError) else ValidationError(str(error))
        return after_change(request, canvas, focus=focus, error=problem)
    return after_change(request, canvas, focus=focus)


@login_required
@post_only
def stakeholder_place(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """Drag (or arrow keys) a stakeholder to another ring or another place on its ring."""
    card = get_card_for_user(user_of(request), card_pk, write=True)
    if card.section != STAKEHOLDERS:
        raise Http404
    ring = request.POST.get("ring", "")
    focus = f"#stakeholder-{card.pk}"
    try:
        angle = int(float(request.POST.get("angle") or 0))
        card_services.place_stakeholder(
            card=card, version=_version(request), ring=ring, angle=angle, by=user_of(request)
        )
    except StaleEdit:
        error = ValidationError(
            _("Someone else changed this stakeholder meanwhile; the map shows it as it is now.")
        )
        return after_change(request, card.canvas, focus=focus, error=error)
    except Gone:
        return after_change(request, card.canvas, focus="#board")
    except (ValidationError, ValueError) as error:
        problem = error if isinstance(error, ValidationError) else ValidationError(str(error))
        return after_change(request, card.canvas, focus=focus, error=problem)
    return after_change(request, card.canvas, focus=focus)
