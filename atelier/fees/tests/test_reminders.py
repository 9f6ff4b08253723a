"""Reminders of overdue invoices: levels by configurable days, once each, held on request."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from atelier.fees.models import BillingSettings, Reminder
from atelier.fees.payment_matching import import_bank_statement
from atelier.fees.reminders import hold_reminders, send_due_reminders

from .conftest import invoice_of
from .test_views import bank_csv, payment_row

pytestmark = pytest.mark.django_db
DUE = datetime.date(2026, 2, 14)  # the fixture's invoices: issued 15 January, 30 days


def day(offset: int) -> datetime.date:
    return DUE + datetime.timedelta(days=offset)


def geel_reminders(fee_registry) -> list[str]:
    return list(
        Reminder.objects.filter(invoice__organisation=fee_registry.geel).values_list(
            "level", flat=True
        )
    )


def test_first_reminder_goes_out_after_the_configured_days_and_only_once(
    issued_run, fee_registry, coordinator, django_capture_on_commit_callbacks
):
    assert send_due_reminders(today=day(13)) == []

    with django_capture_on_commit_callbacks(execute=True):
        sent = send_due_reminders(today=day(14))
        again = send_due_reminders(today=day(15))

    assert {reminder.level for reminder in sent} == {"first"} and again == []
    assert geel_reminders(fee_registry) == ["first"]
    geel_mail = next(message for message in mail.outbox if coordinator.email in message.to)
    names = [attachment[0] for attachment in geel_mail.attachments]
    invoice = invoice_of(fee_registry.geel)
    assert names == [f"{invoice.display_number}-first.pdf", f"{invoice.display_number}.pdf"]
    reminder_text = PdfReader(io.BytesIO(geel_mail.attachments[0][1])).pages[0].extract_text()
    assert invoice.formatted_reference in reminder_text


def test_second_reminder_and_formal_notice_follow_in_order(issued_run, fee_registry):
    for offset in (14, 20, 30, 44, 45):
        send_due_reminders(today=day(offset))

    assert geel_reminders(fee_registry) == ["first", "second", "formal"]


def test_a_long_overdue_invoice_gets_its_reminders_spaced_not_at_once(issued_run, fee_registry):
    send_due_reminders(today=day(399))
    send_due_reminders(today=day(400))  # the second is due by days, but the first is a day old
    assert geel_reminders(fee_registry) == ["first"]

    send_due_reminders(today=day(415))  # 16 days after the first, as 14 → 30 days apart
    assert geel_reminders(fee_registry) == ["first", "second"]


def test_days_are_configurable(issued_run, fee_registry):
    BillingSettings.objects.update_or_create(
        pk=1,
        defaults={"first_reminder_days": 3, "second_reminder_days": 10, "formal_notice_days": 20},
    )

    send_due_reminders(today=day(3))

    assert geel_reminders(fee_registry) == ["first"]


def test_paid_invoice_gets_no_reminder(issued_run, fee_registry, administrator):
    invoice = invoice_of(fee_registry.geel)
    import_bank_statement(
        content=bank_csv(payment_row(invoice)), file_name="b.csv", by=administrator
    )

    send_due_reminders(today=day(20))

    assert geel_reminders(fee_registry) == []


def test_held_invoice_gets_no_reminder_until_released(issued_run, fee_registry, administrator):
    invoice = invoice_of(fee_registry.geel)
    hold_reminders(invoice=invoice, on_hold=True, reason="disputed", by=administrator)

    send_due_reminders(today=day(20))
    assert geel_reminders(fee_registry) == []

    hold_reminders(invoice=invoice, on_hold=False, reason="", by=administrator)
    send_due_reminders(today=day(20))
    assert geel_reminders(fee_registry) == ["first"]


def test_scheduled_command_sends_what_is_due(issued_run, fee_registry):
    out = io.StringIO()
    call_command("send_invoice_reminders", stdout=out)
    # Today (the test's real date) is long past the fixture's due date of 2026-02-14.
    assert "reminders sent" in out.getvalue()
    assert geel_reminders(fee_registry) == ["first"]


def test_coordinator_sees_the_reminder_state_on_their_invoice_list(
    issued_run, fee_registry, coordinator
):
    send_due_reminders(today=day(14))
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")

    page = client.get(reverse("fees:member_invoices")).content.decode()

    assert "first reminder" in page


def test_staff_hold_reminders_from_the_invoice_page(issued_run, fee_registry, administrator):
    invoice = invoice_of(fee_registry.geel)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(administrator, backend="django.contrib.auth.backends.ModelBackend")

    client.post(
        reverse("fees:invoice_hold", args=[invoice.pk]), {"on_hold": "on", "reason": "disputed"}
    )

    invoice.refresh_from_db()
    assert (invoice.reminders_on_hold, invoice.reminders_hold_reason) == (True, "disputed")
    page = client.get(reverse("fees:invoice_detail", args=[invoice.pk])).content.decode()
    assert "reminders on hold" in page
