"""The enrolment box on an edition's page asks here for the visitor's own enrolment."""

from typing import Any

from django import template

from atelier.academy.models import Edition, Enrolment
from atelier.academy.selectors.enrolment import is_coordinator, live_enrolment

register = template.Library()


@register.simple_tag(takes_context=True)
def enrolment_box(context: template.Context, edition: Edition) -> dict[str, Any]:
    """What the box shows: the visitor's enrolment, and whether they may enrol colleagues."""
    user = context["request"].user
    return {
        "enrolment": live_enrolment(edition=edition, person=user),
        "is_coordinator": is_coordinator(user),
        "is_open": edition.status == Edition.Status.PUBLISHED and not edition.registration_closed,
        "is_closed": edition.status == Edition.Status.PUBLISHED and edition.registration_closed,
        "confirmed": Enrolment.Status.CONFIRMED,
    }
