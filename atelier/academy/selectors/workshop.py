"""Reads for editing the workshop cases: the slides of a case, the canvases a slide may show."""

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from atelier.academy.models import CaseSlide, WorkshopCase
from atelier.canvases.models import Canvas
from atelier.method.models import ArtefactKind

# The canvases a slide can show: the ones that tell a case's story in one picture.
SLIDE_CANVAS_KINDS = (ArtefactKind.JOURNEY, ArtefactKind.BLUEPRINT, ArtefactKind.STAKEHOLDER_MAP)


def slides_for_editing(case: WorkshopCase) -> QuerySet[CaseSlide]:
    """The case's slides in order, without their images (only whether they have one)."""
    has_image = ExpressionWrapper(~Q(image=""), output_field=BooleanField())
    return case.slides.defer("image").annotate(has_image=has_image).order_by("position")


def canvases_for_slides(keep: int | None = None) -> QuerySet[Canvas]:
    """Journeys, blueprints and stakeholder maps by project and title (and `keep`, if set)."""
    shown = Q(kind__in=SLIDE_CANVAS_KINDS)
    if keep is not None:
        shown |= Q(pk=keep)  # a canvas of another kind linked earlier stays selectable
    return (
        Canvas.objects.filter(shown)
        .select_related("project")
        .order_by("project__title", "title", "pk")
    )
