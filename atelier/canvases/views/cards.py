"""Cards in the editor: add, edit (refusing stale edits), move, delete, and their evidence."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from atelier.accounts.access import user_of
from atelier.canvases import kinds
from atelier.canvases.access import get_canvas_for_user, get_card_for_user, get_link_for_user
from atelier.canvases.forms import CardForm, RelationForm, set_hidden
from atelier.canvases.models import Canvas, Card, Lane, LinkKind, Step
from atelier.canvases.services import cards as card_services
from atelier.canvases.services import links as link_services
from atelier.canvases.services.common import Gone, StaleEdit
from atelier.lib.htmx import HtmxHttpRequest
from atelier.method.models import ArtefactKind
from atelier.projects.access import can_edit

from .board import choice_labels
from .editor import after_change
from .moves import target_of
from .post_only import post_only

PROFILE = "profile"  # the persona's section whose text is the persona's name


def _spec(canvas: Canvas, lane: Lane | None, section: str) -> dict[str, Any]:
    """The card form's fields, the label of its text and whether that text is one line."""
    if lane is not None:
        return {"spec": kinds.LANE_FIELDS.get(lane.kind, ()), "text_label": lane.title}
    found = kinds.section_of(canvas.kind, section)
    return {"spec": found.fields, "text_label": str(found.text_label), "one_line": found.one_line}


def _references(canvas: Canvas) -> dict[str, list[tuple[str, str]]]:
    """What a persona, opportunity or test field may point to."""
    personas = Canvas.objects.filter(project_id=canvas.project_id, kind=ArtefactKind.PERSONA)
    own = Card.objects.filter(canvas=canvas)
    return {
        "persona": [(str(uid), title) for uid, title in personas.values_list("uid", "title")],
        "opportunity": [
            (str(uid), text[:80])
            for uid, text in own.filter(section="opportunities").values_list("uid", "text")
        ],
        "test": [
            (str(uid), text[:80])
            for uid, text in own.filter(section="tests").values_list("uid", "text")
        ],
    }


def _form_page(request: HtmxHttpRequest, context: dict[str, Any]) -> HttpResponse:
    template = "canvases/parts/card_form.html" if request.htmx else "canvases/card_form_page.html"
    return render(request, template, context)


def _card_dict(card: Card) -> dict[str, Any]:
    return {
        "id": card.pk,
        "uid": str(card.uid),
        "text": card.text,
        "fields": card.fields,
        "image": card.image,
        "version": card.version,
        "evidence_count": card.links_out.filter(kind=LinkKind.EVIDENCE).count(),
        "comment_count": card.comments.filter(resolved_at__isnull=True).count(),
        "comments_url": reverse("canvases:comments", args=[card.canvas_id]) + f"?card={card.pk}",
    }


@login_required
def card_new(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The form for a new card in a cell (?lane=&step=) or a section (?section=)."""
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    params = request.POST if request.method == "POST" else request.GET
    lane = Lane.objects.filter(canvas=canvas, pk=params.get("lane") or 0).first()
    step = Step.objects.filter(canvas=canvas, pk=params.get("step") or 0).first()
    section = "" if canvas.is_grid else params.get("section", "")
    if canvas.is_grid and (lane is None or step is None):
        raise Http404
    try:
        spec = _spec(canvas, lane, section)
    except ValidationError:
        raise Http404 from None
    form = CardForm(
        request.POST or None,
        **spec,
        references=_references(canvas),
        auto_id="new-card-%s",
    )
    if request.method == "POST" and form.is_valid():
        try:
            card = card_services.add_card(
                canvas=canvas,
                lane=lane,
                step=step,
                section=section,
                by=user_of(request),
                text=form.cleaned_data["text"],
                fields=form.card_fields(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return after_change(request, canvas, focus=f"#card-{card.pk}")
    return _form_page(
        request,
        {
            "canvas": canvas,
            "form": form,
            "lane": lane,
            "step": step,
            "section": section,
            "new": True,
            "action": reverse("canvases:card_new", args=[canvas.pk]),
        },
    )


def _edit_context(card: Card, form: CardForm, **extra: Any) -> dict[str, Any]:
    evidence = list(card.links_out.filter(kind="evidence").select_related("target"))
    candidates = []
    if card.canvas.kind != "insight_board":
        candidates = list(
            link_services.evidence_candidates(card).exclude(
                pk__in=[link.target_id for link in evidence]
            )
        )
    return {
        "canvas": card.canvas,
        "card": card,
        "form": form,
        "evidence": evidence,
        "candidates": candidates,
        "sections": kinds.SECTIONS.get(card.canvas.kind, ()),
        "labels": choice_labels(),
        "action": reverse("canvases:card_edit", args=[card.pk]),
        **extra,
    }


@login_required
def card_edit(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """GET the edit form; POST saves it unless someone changed the card meanwhile."""
    try:
        card = get_card_for_user(user_of(request), card_pk, write=True)
    except Http404:
        # Only a card that no longer exists is "gone"; one of another team stays a plain 404.
        if (
            request.method == "POST"
            and request.htmx
            and not Card.objects.filter(pk=card_pk).exists()
        ):
            return render(request, "canvases/parts/card_gone.html", {})
        raise
    initial = {"text": card.text, "version": card.version, **card.fields}
    form = CardForm(
        request.POST or None,
        initial=initial,
        **_spec(card.canvas, card.lane, card.section),
        references=_references(card.canvas),
        auto_id=f"card-{card.pk}-%s",
    )
    current = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = card_services.update_card(
                card=card,
                version=form.cleaned_data["version"] or 0,
                by=user_of(request),
                text=form.cleaned_data["text"],
                fields=form.card_fields(kept=card.fields),
            )
        except StaleEdit as stale:
            current = stale.current
            set_hidden(form, "version", str(current.version))
        except Gone:
            return render(request, "canvases/parts/card_gone.html", {})
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not request.htmx:
                return redirect(
                    reverse("canvases:canvas", args=[card.canvas_id]) + f"#card-{card.pk}"
                )
            context = _card_context(card.canvas, saved)
            return render(request, "canvases/parts/card_saved.html", context)
    return _form_page(request, _edit_context(card, form, current=current))


def _card_context(canvas: Canvas, card: Card) -> dict[str, Any]:
    return {
        "card": _card_dict(card),
        "editable": True,
        "labels": choice_labels(),
        "cards_url": reverse("canvases:card_edit", args=[0]).removesuffix("0/edit/"),
        "edit_label": _("Edit"),
        "lane_kind": card.lane.kind if card.lane else "",
        "canvas": canvas,
        "labelled": canvas.kind == ArtefactKind.PERSONA,
        # The persona's header shows the profile's name: the same response updates it.
        "persona_name": card.text if card.section == PROFILE else None,
    }


@login_required
def card_show(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """One card as the board shows it (Cancel in the edit form comes back here)."""
    card = get_card_for_user(user_of(request), card_pk)
    if not request.htmx:
        return redirect(reverse("canvases:canvas", args=[card.canvas_id]) + f"#card-{card.pk}")
    context = _card_context(card.canvas, card)
    context["editable"] = can_edit(user_of(request), card.canvas.project)
    return render(request, "canvases/parts/card.html", context)


@login_required
@post_only
def card_move(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """Move by a direction (keyboard and buttons) or to an explicit place (drag and drop)."""
    card = get_card_for_user(user_of(request), card_pk, write=True)
    try:
        target = target_of(card, request.POST)
        if target is not None:
            card_services.move_card(card=card, by=user_of(request), **target)
    except (ValidationError, Gone) as error:
        problem = (
            error
            if isinstance(error, ValidationError)
            else ValidationError(_("This card was deleted meanwhile."))
        )
        return after_change(request, card.canvas, focus=f"#card-{card.pk}", error=problem)
    return after_change(request, card.canvas, focus=f"#card-{card.pk}")


@login_required
@post_only
def card_delete(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    card = get_card_for_user(user_of(request), card_pk, write=True)
    try:
        version = int(request.POST.get("version") or 0)
        card_services.delete_card(card=card, version=version, by=user_of(request))
    except StaleEdit:
        error = ValidationError(
            _("Someone changed this card meanwhile; it was not deleted. Look at it again first.")
        )
        return after_change(request, card.canvas, focus=f"#card-{card.pk}", error=error)
    except (Gone, ValueError):
        pass
    return after_change(request, card.canvas, focus="#board")


@login_required
@post_only
def card_evidence(request: HtmxHttpRequest, card_pk: int) -> HttpResponse:
    """Back the card with a quote or insight of the project."""
    card = get_card_for_user(user_of(request), card_pk, write=True)
    chosen = request.POST.get("evidence", "")
    evidence = Card.objects.filter(pk=chosen).first() if chosen.isdigit() else None
    try:
        if evidence is None:
            raise ValidationError(_("Choose a quote or insight."))
        link_services.link_evidence(card=card, evidence=evidence, by=user_of(request))
    except ValidationError as error:
        return after_change(request, card.canvas, focus=f"#card-{card.pk}", error=error)
    return after_change(request, card.canvas, focus=f"#card-{card.pk}")


@login_required
@post_only
def link_delete(request: HtmxHttpRequest, link_pk: int) -> HttpResponse:
    link = get_link_for_user(user_of(request), link_pk, write=True)
    link_services.unlink(link=link, by=user_of(request))
    return after_change(request, link.canvas, focus=f"#card-{link.source_id}")


@login_required
@post_only
def relation_add(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Draw a relation between two stakeholders of a map."""
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    stakeholders = list(
        Card.objects.filter(canvas=canvas, section="stakeholders").values_list("pk", "text")
    )
    form = RelationForm(request.POST, stakeholders=stakeholders)
    error = None
    if form.is_valid():
        cards = {
            card.pk: card
            for card in Card.objects.filter(
                pk__in=[form.cleaned_data["source"], form.cleaned_data["target"]]
            )
        }
        try:
            link_services.relate(
                source=cards[form.cleaned_data["source"]],
                target=cards[form.cleaned_data["target"]],
                relation=form.cleaned_data["relation"],
                label=form.cleaned_data["label"],
                by=user_of(request),
            )
        except (ValidationError, KeyError) as problem:
            error = (
                problem
                if isinstance(problem, ValidationError)
                else ValidationError(_("Choose two stakeholders."))
            )
    else:
        error = ValidationError([str(m) for messages in form.errors.values() for m in messages])
    return after_change(request, canvas, focus="#relations", error=error)
