"""The enrolment box on an edition's page asks here for the visitor's own enrolment."""

from typing import Any

from django import template

from atelier.academy.forms import BillingForm
from atelier.academy.models import Edition, Enrolment
from atelier.academy.selectors.enrolment import is_coordinator, live_enrolment
from atelier.academy.services.enrolment import bills_as_member, price_for

register = template.Library()


@register.simple_tag(takes_context=True)
def enrolment_box(context: template.Context, edition: Edition) -> dict[str, Any]:
    """What the box shows: the visitor's enrolment, and whether they may enrol colleagues."""
    user = context["request"].user
    paying = user.is_authenticated and not edition.is_free
    return {
        "price": price_for(edition=edition, person=user) if paying else None,
        "as_member": paying and bills_as_member(user),
        "payer": user.organisation if paying else None,
        "billing_form": BillingForm() if paying and not bills_as_member(user) else None,
        "enrolment": live_enrolment(edition=edition, person=user),
        "is_coordinator": is_coordinator(user),
        "is_open": edition.status == Edition.Status.PUBLISHED and not edition.registration_closed,
        "is_closed": edition.status == Edition.Status.PUBLISHED and edition.registration_closed,
        "confirmed": Enrolment.Status.CONFIRMED,
    }
