"""Notifications of what falls due: run once a day (`manage.py notify_due`).

Each event carries a key (the session, the team's milestone, the invoice, the share link),
so running the scan twice, or on two machines, tells nobody anything twice.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import Enrolment, Milestone, MilestoneProgress, Session, Team
from atelier.accounts.models import User
from atelier.canvases.models import ShareLink
from atelier.fees.models import DocumentKind
from atelier.fees.selectors import InvoiceStatus, invoices_with_balance, status_of

from .models import Kind
from .recipients import coordinators_of
from .services import notify

MILESTONE_NOTICE_DAYS = 7
SHARE_LINK_NOTICE_DAYS = 3


@dataclass
class DueCounts:
    sessions: int = 0
    milestones: int = 0
    invoices: int = 0
    share_links: int = 0

    def __str__(self) -> str:
        return (
            f"{self.sessions} session, {self.milestones} milestone, {self.invoices} invoice "
            f"and {self.share_links} share link notifications"
        )


def notify_due(*, today: datetime.date | None = None) -> DueCounts:
    """Notifies what falls due from `today` on; returns how many notifications are new."""
    today = today or timezone.localdate()
    return DueCounts(
        sessions=notify_sessions_tomorrow(today),
        milestones=notify_milestones_due(today),
        invoices=notify_invoices_overdue(today),
        share_links=notify_share_links_expiring(today),
    )


def _sent(results: Sequence[object]) -> int:
    return sum(1 for result in results if result is not None)


def notify_sessions_tomorrow(today: datetime.date) -> int:
    tomorrow = today + datetime.timedelta(days=1)
    sessions = Session.objects.filter(starts_at__date=tomorrow).select_related(
        "edition__course", "trainer"
    )
    results: list[object] = []
    for session in sessions:
        params = {
            "course": session.edition.course.title,
            "starts": timezone.localtime(session.starts_at).isoformat(),
        }
        people = User.objects.filter(
            enrolments__edition_id=session.edition_id,
            enrolments__status=Enrolment.Status.CONFIRMED,
        )
        for person in people:
            url = reverse("academy:edition", args=[session.edition_id])
            results.append(_session(person, session, url, params))
        if session.trainer is not None:
            url = reverse("academy:attendance", args=[session.pk])
            results.append(_session(session.trainer, session, url, params))
    return _sent(results)


def _session(person: User, session: Session, url: str, params: dict) -> object:
    key = f"session:{session.pk}"
    return notify(recipient=person, kind=Kind.SESSION_TOMORROW, key=key, url=url, params=params)


def notify_milestones_due(today: datetime.date) -> int:
    horizon = today + datetime.timedelta(days=MILESTONE_NOTICE_DAYS)
    milestones = Milestone.objects.filter(due_on__gte=today, due_on__lte=horizon)
    done = set(
        MilestoneProgress.objects.filter(
            milestone__in=milestones, status=MilestoneProgress.Status.DONE
        ).values_list("team_id", "milestone_id")
    )
    results: list[object] = []
    for milestone in milestones:
        teams = Team.objects.filter(cohort_id=milestone.cohort_id).prefetch_related("members")
        for team in teams:
            if (team.pk, milestone.pk) in done:
                continue
            for person in team.members.all():
                results.append(
                    notify(
                        recipient=person,
                        kind=Kind.MILESTONE_DUE,
                        key=f"milestone:{milestone.pk}:team:{team.pk}",
                        url=reverse("academy:team", args=[team.pk]),
                        params={"milestone": milestone.title, "due": milestone.due_on.isoformat()},
                    )
                )
    return _sent(results)


def notify_invoices_overdue(today: datetime.date) -> int:
    candidates = invoices_with_balance().filter(kind=DocumentKind.INVOICE, due_on__lt=today)
    overdue = [i for i in candidates if status_of(i, today) == InvoiceStatus.OVERDUE]
    coordinators = coordinators_of(
        {i.organisation_id for i in overdue if i.organisation_id is not None}
    )
    results: list[object] = []
    for invoice in overdue:
        for person in coordinators.get(invoice.organisation_id or 0, []):
            results.append(
                notify(
                    recipient=person,
                    kind=Kind.INVOICE_OVERDUE,
                    key=f"invoice:{invoice.pk}",
                    url=reverse("fees:member_invoices"),
                    params={
                        "number": invoice.display_number,
                        "amount": str(invoice.amount),
                        "member": invoice.recipient_name,
                        "due": invoice.due_on.isoformat(),
                    },
                )
            )
    return _sent(results)


def notify_share_links_expiring(today: datetime.date) -> int:
    now = timezone.now()
    horizon = now + datetime.timedelta(days=SHARE_LINK_NOTICE_DAYS)
    links = ShareLink.objects.filter(
        Q(expires_at__gt=now) & Q(expires_at__lte=horizon),
        revoked_at__isnull=True,
        created_by__isnull=False,
    ).select_related("canvas", "created_by")
    results = [
        notify(
            recipient=link.created_by,  # type: ignore[arg-type]
            kind=Kind.SHARE_LINK_EXPIRING,
            key=f"share-link:{link.pk}",
            url=reverse("canvases:share", args=[link.canvas_id]),
            params={
                "canvas": link.canvas.title,
                "expires": timezone.localtime(link.expires_at).date().isoformat(),  # type: ignore[arg-type]
            },
        )
        for link in links
    ]
    return _sent(results)
