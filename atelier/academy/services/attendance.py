"""Recording who came to a session, the whole sheet in one save."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from atelier.academy.models import Attendance, AttendanceStatus, Enrolment, Session
from atelier.academy.selectors.attendance import session_statuses, sheet_version
from atelier.accounts.models import User


class StaleAttendanceSheet(Exception):
    """Someone saved the sheet after it was opened; carries what is recorded now."""

    def __init__(self, current: dict[int, str]) -> None:
        super().__init__("The attendance sheet changed since it was opened.")
        self.current = current


def can_record_attendance(user: User, session: Session) -> bool:
    return user.is_association_staff or session.trainer_id == user.pk


@transaction.atomic
def record_attendance(
    *,
    session: Session,
    statuses: dict[int, str],
    by: User,
    version: str | None = None,
) -> list[Attendance]:
    """Writes the status of each enrolment (by id) at the session; refuses a stale sheet."""
    # Locking the session row makes two saves of the same sheet take turns.
    Session.objects.select_for_update().filter(pk=session.pk).first()
    if version is not None:
        current = session_statuses(session)
        if sheet_version(current) != version:
            raise StaleAttendanceSheet(current)
    confirmed = set(
        Enrolment.objects.filter(
            edition_id=session.edition_id, status=Enrolment.Status.CONFIRMED, pk__in=statuses
        ).values_list("pk", flat=True)
    )
    if set(statuses) - confirmed:
        raise ValidationError(_("Attendance can only be recorded for confirmed participants."))
    if set(statuses.values()) - set(AttendanceStatus.values):
        raise ValidationError(_("Unknown attendance status."))
    rows = [
        Attendance(session=session, enrolment_id=pk, status=status, recorded_by_id=by.pk)
        for pk, status in statuses.items()
    ]
    return Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["session", "enrolment"],
        update_fields=["status", "recorded_at", "recorded_by"],
    )
