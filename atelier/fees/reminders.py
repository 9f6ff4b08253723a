"""Reminders for overdue invoices: first, second, then a formal notice, each sent once.

A scheduled job (`send_invoice_reminders`, daily) sends the next level an invoice has
reached, counted in days after its due date as staff set them. Each reminder is a mail to
the organisation's coordinators (or the billing address a non-member gave) with the
invoice's PDF and a PDF of the reminder itself. Staff can hold the reminders of an invoice.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import DecimalField, ExpressionWrapper, F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from atelier.accounts.models import Role, User
from atelier.lib.pdf import html_to_pdf

from .invoice_pdf import pdf_file_name, stored_invoice_pdf
from .models import REMINDER_ORDER, BillingSettings, DocumentKind, Invoice, Reminder
from .selectors import invoices_with_balance
from .services import FeeError

ZERO = Decimal("0.00")


def _thresholds(rule: BillingSettings) -> list[tuple[str, int]]:
    days = [rule.first_reminder_days, rule.second_reminder_days, rule.formal_notice_days]
    return list(zip(REMINDER_ORDER, days, strict=True))


def next_level(
    *,
    sent: dict[str, datetime.date],
    today: datetime.date,
    due_on: datetime.date,
    rule: BillingSettings,
) -> str | None:
    """The first level not sent yet, once the invoice is overdue long enough for it.

    A level also waits as long after the previous reminder as the settings put between
    them, so that an invoice found long overdue gets its reminders spaced, not all at once.
    """
    previous_days, previous_sent = 0, None
    for level, days in _thresholds(rule):
        if level in sent:
            previous_days, previous_sent = days, sent[level]
            continue
        if (today - due_on).days < days:
            return None
        if previous_sent is not None and (today - previous_sent).days < days - previous_days:
            return None
        return level
    return None


def overdue_invoices(today: datetime.date, rule: BillingSettings):  # type: ignore[no-untyped-def]
    """Invoices with money still due past the first reminder's day, not on hold."""
    money: DecimalField = DecimalField(max_digits=12, decimal_places=2)
    due = ExpressionWrapper(F("amount") - F("paid") - F("credited"), output_field=money)
    first_day = today - datetime.timedelta(days=rule.first_reminder_days)
    return (
        invoices_with_balance()
        .annotate(balance=due)
        .filter(
            kind=DocumentKind.INVOICE,
            reminders_on_hold=False,
            due_on__lte=first_day,
            balance__gt=0,
        )
        .prefetch_related("reminders")
        .order_by("year", "number")
    )


def recipients_of(invoice: Invoice) -> list[str]:
    """The organisation's coordinators, and the address given for the invoice, if any."""
    addresses = []
    if invoice.organisation_id:
        addresses = list(
            User.objects.filter(
                organisation_id=invoice.organisation_id, role=Role.COORDINATOR, is_active=True
            )
            .order_by("email")
            .values_list("email", flat=True)
        )
    if invoice.recipient_email and invoice.recipient_email not in addresses:
        addresses.append(invoice.recipient_email)
    return addresses


def send_due_reminders(*, today: datetime.date | None = None) -> list[Reminder]:
    """Sends every reminder that is due today, each level once per invoice; those sent."""
    today = today or timezone.localdate()
    rule = BillingSettings.current()
    sent = []
    for invoice in overdue_invoices(today, rule):
        levels = {r.level: timezone.localdate(r.sent_at) for r in invoice.reminders.all()}
        level = next_level(sent=levels, today=today, due_on=invoice.due_on, rule=rule)
        if level is None:
            continue
        reminder = _record(invoice, level, invoice.balance, recipients_of(invoice), today)
        if reminder is not None:
            sent.append(reminder)
    return sent


def _sent_at(today: datetime.date) -> datetime.datetime:
    now = timezone.now()
    if today == timezone.localdate(now):
        return now
    return timezone.make_aware(datetime.datetime.combine(today, datetime.time(9)))


def _record(
    invoice: Invoice, level: str, balance: Decimal, to: list[str], today: datetime.date
) -> Reminder | None:
    """Stores the reminder and mails it once the row is safely written; None if already sent."""
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                invoice=invoice,
                level=level,
                balance=balance,
                recipients=", ".join(to)[:500],
                sent_at=_sent_at(today),
            )
            if to:
                transaction.on_commit(lambda: send_reminder_mail(reminder, to))
    except IntegrityError:  # another run sent this level meanwhile: never twice
        return None
    return reminder


def reminder_pdf(reminder: Reminder) -> bytes:
    invoice = reminder.invoice
    context = {
        "reminder": reminder,
        "invoice": invoice,
        "association": {
            "name": settings.ASSOCIATION_NAME,
            "address": settings.ASSOCIATION_ADDRESS,
            "company_number": settings.ASSOCIATION_COMPANY_NUMBER,
            "iban": settings.ASSOCIATION_IBAN,
            "bic": settings.ASSOCIATION_BIC,
        },
    }
    with override(invoice.language):
        return html_to_pdf(render_to_string("fees/reminder_pdf.html", context))


def reminder_file_name(reminder: Reminder) -> str:
    return f"{reminder.invoice.display_number}-{reminder.level}.pdf"


def send_reminder_mail(reminder: Reminder, to: list[str]) -> None:
    invoice = reminder.invoice
    with override(invoice.language):
        context = {
            "reminder": reminder,
            "invoice": invoice,
            "association": settings.ASSOCIATION_NAME,
        }
        subject = render_to_string("fees/email/reminder_subject.txt", context).strip()
        body = render_to_string("fees/email/reminder_body.txt", context)
    message = EmailMessage(subject=subject, body=body, to=to)
    message.attach(reminder_file_name(reminder), reminder_pdf(reminder), "application/pdf")
    message.attach(pdf_file_name(invoice), stored_invoice_pdf(invoice), "application/pdf")
    message.send()


@transaction.atomic
def hold_reminders(*, invoice: Invoice, on_hold: bool, reason: str, by: User) -> Invoice:
    """Holds (with a reason) or releases the reminders of one invoice."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.is_credit_note:
        raise FeeError(_("A credit note gets no reminders."))
    if on_hold and not reason.strip():
        raise FeeError(_("Say why the reminders are held."))
    invoice.reminders_on_hold = on_hold
    invoice.reminders_hold_reason = reason.strip()[:300] if on_hold else ""
    invoice.save(update_fields=["reminders_on_hold", "reminders_hold_reason"])
    return invoice
