"""Reads of contacts that the pages and the API share."""

from django.db.models import Prefetch, QuerySet

from atelier.members.models import Organisation

from .models import Contact, Function


def contacts_of(organisation: Organisation) -> QuerySet[Contact]:
    """The organisation's contacts (erased ones left out), each with all its functions."""
    functions = Function.objects.prefetch_related("topics").order_by("ends_on", "-starts_on")
    return (
        Contact.objects.filter(organisation=organisation, erased_at__isnull=True)
        .select_related("organisation")
        .prefetch_related(Prefetch("functions", queryset=functions))
        .order_by("last_name", "first_name", "pk")
    )
