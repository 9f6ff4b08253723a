"""Two administrators crediting invoices, or booking the same bank file, at the same moment."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection

from atelier.fees import services
from atelier.fees.models import Invoice, Payment
from atelier.fees.payment_matching import import_bank_statement
from atelier.fees.tests.test_fee_run import adopted_tariff


def _at_once(actions):
    errors: list[Exception] = []
    start = threading.Barrier(len(actions))

    def run(action):
        try:
            start.wait()
            action()
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.fixture
def invoices(geel, lennik, administrator):
    run = services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)
    return services.issue_fee_run(
        run=run, issued_on=datetime.date(2026, 1, 15), leave_out_problems=True, by=administrator
    )


@pytest.mark.django_db(transaction=True)
def test_credit_notes_issued_at_once_get_consecutive_numbers(invoices, administrator):
    def credit(invoice):
        return lambda: services.credit_invoice(
            invoice=invoice,
            amount=Decimal("10.00"),
            reason="at once",
            issued_on=datetime.date(2026, 3, 1),
            by=administrator,
        )

    errors = _at_once([credit(invoice) for invoice in invoices])

    assert errors == []
    notes = Invoice.objects.filter(kind="credit_note").order_by("number")
    assert [note.number for note in notes] == [1, 2]


@pytest.mark.django_db(transaction=True)
def test_the_same_bank_file_uploaded_twice_at_once_books_once(invoices, administrator):
    geel = next(invoice for invoice in invoices if invoice.recipient_name == "Geel")
    content = (
        "datum;bedrag;tegenpartij;mededeling\n"
        f"01/02/2026;{geel.amount};Geel;{geel.formatted_reference}\n"
    ).encode()

    statuses = []

    def upload():
        statuses.append(
            import_bank_statement(content=content, file_name="x.csv", by=administrator).status
        )

    errors = _at_once([upload, upload])

    assert errors == []
    assert sorted(statuses) == ["applied", "rejected"]
    assert Payment.objects.count() == 1
