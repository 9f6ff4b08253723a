"""Payments by hand: matching, unmatching, refunds, the balance, history and audit trail."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from atelier.fees import payment_follow_up as follow_up
from atelier.fees.models import BankLine, MatchOutcome, Payment
from atelier.fees.payment_matching import import_bank_statement
from atelier.fees.selectors import balance_of, invoice_history
from atelier.fees.services import FeeError

from .test_views import bank_csv, payment_row

pytestmark = pytest.mark.django_db
REFUNDED_ON = datetime.date(2026, 2, 10)


def statement(administrator, *rows, name="uittreksel.csv"):
    return import_bank_statement(content=bank_csv(*rows), file_name=name, by=administrator)


def unknown_line(administrator, amount: str = "20.630,66") -> BankLine:
    statement(administrator, ("27/01/2026", amount, "Stad Geel", "lidgeld 2026"))
    return BankLine.objects.get(outcome=MatchOutcome.NO_REFERENCE)


def admin_client(administrator) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(administrator, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_unknown_payment_is_matched_by_hand_with_its_reason(geel_invoice, administrator):
    line = unknown_line(administrator)

    payment = follow_up.match_bank_line(
        line=line, invoice=geel_invoice, reason="Geel forgot the communication", by=administrator
    )

    line.refresh_from_db()
    assert (line.outcome, line.invoice, line.matched_by) == ("paid", geel_invoice, administrator)
    assert line.match_reason == "Geel forgot the communication"
    assert payment.amount == Decimal("20630.66") and balance_of(geel_invoice) == 0


def test_a_partial_payment_matched_by_hand_leaves_the_rest_due(geel_invoice, administrator):
    line = unknown_line(administrator, "10.000,00")

    follow_up.match_bank_line(
        line=line, invoice=geel_invoice, reason="first half", by=administrator
    )

    line.refresh_from_db()
    assert line.outcome == MatchOutcome.PARTIAL
    assert balance_of(geel_invoice) == Decimal("10630.66")


def test_matching_needs_a_reason_and_an_unpaid_invoice(geel_invoice, administrator):
    line = unknown_line(administrator)
    with translation.override("en"), pytest.raises(FeeError, match="reason"):
        follow_up.match_bank_line(line=line, invoice=geel_invoice, reason=" ", by=administrator)
    statement(administrator, payment_row(geel_invoice), name="paid.csv")
    with translation.override("en"), pytest.raises(FeeError, match="paid already"):
        follow_up.match_bank_line(line=line, invoice=geel_invoice, reason="x", by=administrator)


def test_unmatching_puts_the_line_back_and_the_audit_trail_keeps_both(geel_invoice, administrator):
    line = unknown_line(administrator)
    payment = follow_up.match_bank_line(
        line=line, invoice=geel_invoice, reason="wrong member", by=administrator
    )

    follow_up.unmatch_payment(payment=payment, reason="was Lennik's", by=administrator)

    line.refresh_from_db()
    assert (line.outcome, line.invoice, line.match_reason) == ("no_reference", None, "was Lennik's")
    assert balance_of(geel_invoice) == geel_invoice.amount
    assert list(follow_up.lines_to_match()) == [line]
    payment_log = LogEntry.objects.filter(content_type__model="payment", object_pk=str(payment.pk))
    assert sorted(payment_log.values_list("action", flat=True)) == [
        LogEntry.Action.CREATE,
        LogEntry.Action.DELETE,
    ]
    reasons = [
        entry.changes_dict.get("match_reason", [None, None])[1]
        for entry in LogEntry.objects.filter(content_type__model="bankline", object_pk=str(line.pk))
    ]
    assert {"wrong member", "was Lennik's"} <= set(reasons)


def test_double_payment_is_listed_for_refund_and_marked_refunded(geel_invoice, administrator):
    statement(administrator, payment_row(geel_invoice), payment_row(geel_invoice, "28/01/2026"))
    (double,) = follow_up.lines_to_refund()
    assert double.outcome == MatchOutcome.DOUBLE

    refund = follow_up.record_refund(
        line=double, refunded_on=REFUNDED_ON, note="sent back", by=administrator
    )

    assert (refund.amount, refund.invoice) == (geel_invoice.amount, None)
    assert list(follow_up.lines_to_refund()) == []
    assert balance_of(geel_invoice) == 0
    with pytest.raises(FeeError):
        follow_up.record_refund(line=double, refunded_on=REFUNDED_ON, note="", by=administrator)


def test_over_payment_refunds_the_excess_and_the_invoice_ends_paid(geel_invoice, administrator):
    statement(
        administrator, ("27/01/2026", "20.700,66", "Stad Geel", geel_invoice.formatted_reference)
    )
    (over,) = follow_up.lines_to_refund()
    assert balance_of(geel_invoice) == Decimal("-70.00")

    refund = follow_up.record_refund(line=over, refunded_on=REFUNDED_ON, note="", by=administrator)

    assert (refund.amount, refund.invoice) == (Decimal("70.00"), geel_invoice)
    assert balance_of(geel_invoice) == 0
    with translation.override("en"):
        labels = [event.label for event in invoice_history(geel_invoice)]
    assert labels == ["Issued", "Payment", "Refunded"]


def test_staff_match_a_payment_on_the_follow_up_page(geel_invoice, administrator):
    line = unknown_line(administrator)
    client = admin_client(administrator)
    assert "lidgeld 2026" in client.get(reverse("fees:payments_follow_up")).content.decode()

    response = client.post(
        reverse("fees:match_line", args=[line.pk]),
        {"invoice_number": geel_invoice.display_number, "reason": "no communication"},
        follow=True,
    )

    assert f"The payment was booked on {geel_invoice.display_number}." in response.content.decode()
    assert Payment.objects.get().bank_line == line
    detail = client.get(reverse("fees:invoice_detail", args=[geel_invoice.pk])).content.decode()
    assert "Payment matched by hand" in detail and "no communication" in detail


def test_coordinator_cannot_match_payments(geel_invoice, administrator, coordinator):
    line = unknown_line(administrator)
    client = Client()
    client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("fees:match_line", args=[line.pk]),
        {"invoice_number": geel_invoice.display_number, "reason": "mine"},
    )
    assert response.status_code in (403, 404)
    assert not Payment.objects.exists()


def _queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("fees:payments_follow_up")).status_code == 200
    return len(captured)


def test_follow_up_page_query_count_does_not_grow_with_the_lines(
    fee_registry, issued_run, administrator
):
    from atelier.fees.models import Invoice

    client = admin_client(administrator)
    invoices = list(Invoice.objects.order_by("number"))
    statement(
        administrator,
        ("27/01/2026", "5,00", "X", "?"),
        payment_row(invoices[0]),
        ("28/01/2026", "99.999,00", "Y", invoices[1].formatted_reference),
    )
    statement(administrator, payment_row(invoices[0], "29/01/2026"), name="second.csv")
    few = _queries(client)
    rows = [("27/01/2026", f"{n},00", "Z", "?") for n in range(1, 9)]
    rows += [
        ("27/01/2026", "99.999,00", "Z", invoice.formatted_reference) for invoice in invoices[2:]
    ]
    statement(administrator, *rows, name="third.csv")

    assert _queries(client) == few
