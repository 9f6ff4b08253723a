"""Recording who came to a session, the whole sheet in one save."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from atelier.academy.models import Attendance, AttendanceStatus, Enrolment, Session
from atelier.academy.selectors.attendance import session_statuses, sheet_version
from atelier.academy.services.certificates import follow_attendance
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
    """Writes the status of each enrolment (by id) at the session; refuses a stale sheet.

    Certificates already issued follow the corrected attendance (revoked or reinstated).
    """
    # Locking the session row makes two saves of the same sheet take turns.
    Session.objects.select_for_update().filter(pk=session.pk).first()
    current = session_statuses(session)
    if version is not None:
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
    saved = Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["session", "enrolment"],
        update_fields=["status", "recorded_at", "recorded_by"],
    )
    _log_changes(saved, before=current, by=by)
    follow_attendance(edition=session.edition, by=by)
    return saved


def _log_changes(rows: list[Attendance], *, before: dict[int, str], by: User) -> None:
    # A bulk save bypasses the audit trail's signals: the changes are logged here, in one
    # insert, so that a sheet of any size costs the same queries.
    content_type = ContentType.objects.get_for_model(Attendance)
    LogEntry.objects.bulk_create(
        LogEntry(
            content_type=content_type,
            object_pk=str(row.pk),
            object_id=row.pk,
            object_repr=f"{row.enrolment_id} · {row.session_id}: {row.status}",
            action=LogEntry.Action.UPDATE if row.enrolment_id in before else LogEntry.Action.CREATE,
            changes={"status": [before.get(row.enrolment_id, "None"), row.status]},
            actor=by,
            actor_email=by.email,
        )
        for row in rows
        if before.get(row.enrolment_id) != row.status
    )
