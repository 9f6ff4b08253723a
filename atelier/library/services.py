"""Writes for loans: lend, return, and the reminder mails before and after the due date."""

import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from atelier.accounts.models import User
from atelier.knowledge.models import KnowledgeItem

from .models import Loan

DEFAULT_LOAN_DAYS = 28
REMIND_DAYS_BEFORE = 3
DUE_SOON, OVERDUE = "due_soon", "overdue"


@transaction.atomic
def lend(
    *,
    item: KnowledgeItem,
    borrower: User,
    due_on: datetime.date | None = None,
    lent_on: datetime.date | None = None,
    by: User,
) -> Loan:
    """Lends the printed item to a person of a member organisation."""
    organisation = borrower.organisation
    if organisation is None or not organisation.is_member or not borrower.is_active:
        raise ValidationError(_("Only people of a member organisation may borrow."))
    lent_on = lent_on or timezone.localdate()
    due_on = due_on or lent_on + datetime.timedelta(days=DEFAULT_LOAN_DAYS)
    if due_on < lent_on:
        raise ValidationError(_("The due date lies before the day of lending."))
    try:
        with transaction.atomic():
            return Loan.objects.create(
                item=item,
                borrower=borrower,
                organisation=organisation,
                lent_on=lent_on,
                due_on=due_on,
                lent_by=by,
            )
    except IntegrityError:
        raise ValidationError(_("This item is lent out already.")) from None


@transaction.atomic
def return_loan(*, loan: Loan, returned_on: datetime.date | None = None, by: User) -> Loan:
    """Records the item's return (a second return changes nothing)."""
    loan = Loan.objects.select_for_update().get(pk=loan.pk)
    if loan.returned_on is None:
        loan.returned_on = max(returned_on or timezone.localdate(), loan.lent_on)
        loan.save(update_fields=["returned_on"])
    return loan


def send_loan_reminders(*, today: datetime.date | None = None) -> int:
    """Queues a reminder a few days before the due date and one after it; each once per loan.

    Cron runs `manage.py send_loan_reminders` daily; returns the reminders queued.
    """
    today = today or timezone.localdate()
    open_loans = Loan.objects.filter(returned_on__isnull=True)
    soon = open_loans.filter(
        due_soon_reminded_at__isnull=True,
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
    )
    late = open_loans.filter(overdue_reminded_at__isnull=True, due_on__lt=today)
    return _claim_and_queue(soon, "due_soon_reminded_at", DUE_SOON) + _claim_and_queue(
        late, "overdue_reminded_at", OVERDUE
    )


def _claim_and_queue(loans: Any, field: str, kind: str) -> int:
    queued = 0
    for pk in list(loans.values_list("pk", flat=True)):
        with transaction.atomic():
            # Claimed by a conditional update: a second run finds the stamp and sends nothing.
            claimed = Loan.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(
                **{field: timezone.now()}
            )
            if claimed:
                transaction.on_commit(partial(send_loan_reminder_mail.enqueue, kind, pk))
                queued += 1
    return queued


@task()
def send_loan_reminder_mail(kind: str, loan_id: int) -> None:
    loan = Loan.objects.select_related("item", "borrower").get(pk=loan_id)
    person = loan.borrower
    language = getattr(person, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "loan": loan,
            "kind": kind,
            "loans_url": settings.SITE_URL.rstrip("/") + reverse("library:my_loans"),
        }
        subject = render_to_string("library/email/reminder_subject.txt", context)
        body = render_to_string("library/email/reminder_body.txt", context)
    EmailMessage(" ".join(subject.split()), body, to=[person.email]).send()
