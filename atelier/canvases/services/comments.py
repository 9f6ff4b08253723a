"""Comments on a canvas or one of its cards: write, resolve, reopen, and @mentions."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Card, ChangeAction, Comment
from atelier.notifications.models import Kind
from atelier.notifications.services import notify

from .common import touch

MAX_LENGTH = 5000


def team_of(canvas: Canvas) -> QuerySet[User]:
    """The people of the canvas's project team: whom a comment may mention."""
    return User.objects.filter(
        project_memberships__project_id=canvas.project_id, is_active=True
    ).distinct()


def _handles(person: User, first_names: dict[str, int]) -> list[str]:
    """What may follow @ to name `person`: e-mail, full name, first name if nobody shares it."""
    handles = [person.email, person.get_full_name()]
    if first_names.get(person.first_name.casefold()) == 1:
        handles.append(person.first_name)
    return [handle for handle in handles if handle]


def mentioned_in(body: str, people: list[User]) -> list[User]:
    """The team members named as @e-mail, @First Last or @First (when unique) in `body`."""
    first_names: dict[str, int] = {}
    for person in people:
        name = person.first_name.casefold()
        first_names[name] = first_names.get(name, 0) + 1
    found = []
    for person in people:
        for handle in _handles(person, first_names):
            if re.search(rf"@{re.escape(handle)}(?![\w@.-]*\w)", body, re.IGNORECASE):
                found.append(person)
                break
    return found


def _url(comment: Comment) -> str:
    return reverse("canvases:comments", args=[comment.canvas_id]) + f"#comment-{comment.pk}"


def _state(comment: Comment) -> dict[str, int | None]:
    return {"id": comment.pk, "card": comment.card_id}


@transaction.atomic
def add_comment(*, canvas: Canvas, body: str, card: Card | None = None, by: User) -> Comment:
    """Write a comment in the thread of the canvas or of one card; tell the people mentioned."""
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write a comment first."))
    if len(body) > MAX_LENGTH:
        raise ValidationError(_("A comment holds at most 5000 characters."))
    if card is not None and card.canvas_id != canvas.pk:
        raise ValidationError(_("Choose a card of this canvas."))
    comment = Comment.objects.create(canvas=canvas, card=card, body=body, author=by)
    mentioned = [person for person in mentioned_in(body, list(team_of(canvas))) if person != by]
    comment.mentioned.set(mentioned)
    for person in mentioned:
        notify(
            recipient=person,
            kind=Kind.MENTIONED,
            key=f"comment-{comment.pk}-mentions-{person.pk}",
            url=_url(comment),
            params={"by": str(by), "place": canvas.title},
        )
    touch(
        canvas,
        by=by,
        action=ChangeAction.COMMENTED,
        part_type="comment",
        part_id=comment.pk,
        after=_state(comment),
    )
    return comment


@transaction.atomic
def resolve_comment(*, comment: Comment, resolved: bool, by: User) -> Comment:
    """Mark a comment resolved (or open it again); the card's count shows open ones only."""
    if resolved == (comment.resolved_at is not None):
        return comment
    comment.resolved_at = timezone.now() if resolved else None
    comment.resolved_by = by if resolved else None
    comment.save(update_fields=["resolved_at", "resolved_by"])
    touch(
        comment.canvas,
        by=by,
        action=ChangeAction.EDITED,
        part_type="comment",
        part_id=comment.pk,
        after=_state(comment),
    )
    return comment
