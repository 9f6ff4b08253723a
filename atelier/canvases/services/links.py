"""Evidence behind a card, and relations between stakeholders."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases import kinds
from atelier.canvases.models import Card, ChangeAction, Link, LinkKind, RelationKind
from atelier.method.models import ArtefactKind

from .common import touch


def evidence_candidates(card: Card):
    """The quotes and insights of the card's project that it may link to."""
    return (
        Card.objects.filter(
            canvas__project_id=card.canvas.project_id,
            canvas__kind=ArtefactKind.INSIGHT_BOARD,
            section__in=kinds.EVIDENCE_SECTIONS,
        )
        .exclude(pk=card.pk)
        .select_related("canvas")
        .order_by("canvas__title", "section", "position")
    )


@transaction.atomic
def link_evidence(*, card: Card, evidence: Card, by: User | None) -> Link:
    """Back a card with a quote or insight of the same project."""
    if not evidence_candidates(card).filter(pk=evidence.pk).exists():
        raise ValidationError(_("Evidence is a quote or insight of this project's insight boards."))
    link, _created = Link.objects.get_or_create(
        canvas=card.canvas, kind=LinkKind.EVIDENCE, source=card, target=evidence
    )
    touch(card.canvas, by=by, action=ChangeAction.ADDED, part_type="link", part_id=link.pk)
    return link


@transaction.atomic
def relate(*, source: Card, target: Card, relation: str, label: str = "", by: User | None) -> Link:
    """Draw a relation between two stakeholders of the same map."""
    if source.canvas_id != target.canvas_id or source.canvas.kind != ArtefactKind.STAKEHOLDER_MAP:
        raise ValidationError(_("Relations join two stakeholders of the same map."))
    if source.pk == target.pk:
        raise ValidationError(_("A stakeholder cannot relate to itself."))
    if relation not in RelationKind.values:
        raise ValidationError(_("Choose a kind of relation."))
    link, _created = Link.objects.update_or_create(
        canvas=source.canvas,
        kind=LinkKind.RELATION,
        source=source,
        target=target,
        defaults={"relation": relation, "label": label.strip()[:200]},
    )
    touch(source.canvas, by=by, action=ChangeAction.ADDED, part_type="link", part_id=link.pk)
    return link


@transaction.atomic
def unlink(*, link: Link, by: User | None) -> None:
    """Remove an evidence link or a relation."""
    link_id = link.pk
    link.delete()
    touch(link.canvas, by=by, action=ChangeAction.DELETED, part_type="link", part_id=link_id)
