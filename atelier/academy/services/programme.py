"""Writes for the programme itself: editions and their sessions."""

from django.db import transaction
from django.db.models import Min

from atelier.academy.models import Edition


@transaction.atomic
def refresh_edition_schedule(*, edition: Edition) -> Edition:
    """Copies the first session's start and its venue's province onto the edition.

    The catalogue filters and sorts hundreds of editions by these; keeping them on the
    edition saves a join per row.
    """
    sessions = edition.sessions.select_related("venue")
    first = sessions.order_by("starts_at").first()
    edition.starts_at = sessions.aggregate(first=Min("starts_at"))["first"]
    edition.province_id = first.venue.province_id if first and first.venue else None
    edition.save(update_fields=["starts_at", "province"])
    return edition
