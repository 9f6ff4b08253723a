"""The accounting export and the billing settings page."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from atelier.fees import services
from atelier.fees.models import BillingSettings
from atelier.fees.payment_matching import import_bank_statement

from .conftest import GEEL_FEE, invoice_of
from .test_views import bank_csv, payment_row

pytestmark = pytest.mark.django_db
PERIOD = {"start": "2026-01-01", "end": "2026-03-31"}


@pytest.fixture
def admin_client(administrator) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(administrator, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def booked_period(issued_run, fee_registry, administrator):
    """Five fee invoices, Geel paid on 27 January, a credit note for Lennik on 1 February."""
    geel = invoice_of(fee_registry.geel)
    import_bank_statement(content=bank_csv(payment_row(geel)), file_name="b.csv", by=administrator)
    services.credit_invoice(
        invoice=invoice_of(fee_registry.lennik),
        amount=Decimal("100.00"),
        reason="Wrong figure",
        issued_on=datetime.date(2026, 2, 1),
        by=administrator,
    )
    return geel


def test_csv_has_the_accountants_columns_and_a_row_per_booking(admin_client, booked_period):
    response = admin_client.get(reverse("fees:accounting_export", args=["csv"]), PERIOD)

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "Date", "Kind", "Number", "Member", "Company number", "Account", "Amount excl. VAT",
        "VAT", "Amount incl. VAT", "VAT code", "Structured communication", "Paid", "Balance",
    ]  # fmt: skip
    kinds = [row[1] for row in rows[1:]]
    assert (kinds.count("invoice"), kinds.count("credit note"), kinds.count("payment")) == (5, 1, 1)
    geel = next(row for row in rows if row[2] == booked_period.display_number)
    assert (geel[5], geel[9], geel[10]) == (
        "7020",
        "E",
        booked_period.formatted_reference.strip("+"),
    )
    assert float(geel[11]) == float(GEEL_FEE) and float(geel[12]) == 0
    note = next(row for row in rows if row[1] == "credit note")
    assert float(note[6]) == -100.0


def test_xlsx_has_the_same_rows(admin_client, booked_period):
    csv_rows = admin_client.get(reverse("fees:accounting_export", args=["csv"]), PERIOD)
    response = admin_client.get(reverse("fees:accounting_export", args=["xlsx"]), PERIOD)

    sheet = load_workbook(io.BytesIO(response.content)).active
    csv_count = len(csv_rows.content.decode("utf-8-sig").strip().splitlines())
    assert sheet.max_row == csv_count == 8


def test_the_period_limits_the_rows(admin_client, booked_period):
    response = admin_client.get(
        reverse("fees:accounting_export", args=["csv"]),
        {"start": "2026-02-01", "end": "2026-02-28"},
    )
    rows = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 2  # the header and the credit note


def test_staff_change_the_reminder_days_and_a_stale_form_is_refused(admin_client):
    url = reverse("fees:billing_settings")
    values = {
        "cancellation_credit": "partial",
        "cancellation_credit_percent": 40,
        "first_reminder_days": 10,
        "second_reminder_days": 25,
        "formal_notice_days": 40,
        "fees_account": "7020",
        "charges_account": "7031",
        "receivables_account": "400",
        "bank_account": "550",
        "vat_code": "E",
        "revision": 1,
    }
    admin_client.post(url, values)
    stale = admin_client.post(url, values | {"first_reminder_days": 5}, follow=True)

    saved = BillingSettings.current()
    assert (saved.first_reminder_days, saved.cancellation_credit) == (10, "partial")
    assert "Someone else changed these settings" in stale.content.decode()


def test_reminder_days_must_follow_each_other(admin_client):
    response = admin_client.post(
        reverse("fees:billing_settings"),
        {
            "cancellation_credit": "none",
            "cancellation_credit_percent": 50,
            "first_reminder_days": 30,
            "second_reminder_days": 20,
            "formal_notice_days": 40,
            "fees_account": "7020",
            "charges_account": "7030",
            "receivables_account": "400",
            "bank_account": "550",
            "vat_code": "E",
            "revision": 1,
        },
    )
    assert "Each reminder comes after the one before" in response.content.decode()
    assert BillingSettings.current().first_reminder_days == 14
