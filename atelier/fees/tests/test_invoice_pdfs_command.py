import datetime
import io

import pypdf
import pytest
from django.core.management import call_command

from atelier.fees import services
from atelier.fees.models import Invoice
from atelier.fees.tests.test_fee_run import adopted_tariff


@pytest.mark.django_db
def test_command_archives_every_pdf_once_on_worker_processes(geel, lennik, administrator):
    run = services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)
    services.issue_fee_run(
        run=run, issued_on=datetime.date(2026, 1, 15), leave_out_problems=True, by=administrator
    )
    out = io.StringIO()

    call_command("invoice_pdfs", "2026", "--workers", "1", stdout=out)
    call_command("invoice_pdfs", "2026", stdout=out)

    assert out.getvalue().splitlines() == ["2 PDFs archived for 2026.", "0 PDFs archived for 2026."]
    for invoice in Invoice.objects.all():
        text = pypdf.PdfReader(invoice.pdf.open("rb")).pages[0].extract_text()
        assert invoice.formatted_reference in text


def test_a_batch_splits_into_one_pdf_per_document_however_long_each_is():
    from atelier.fees.invoice_pdf import split_pdfs

    long_text = "<p>Een lange reden.</p>" * 120  # about three pages
    html = (
        "<section id='a'>Document A</section>"
        f"<section id='b' style='break-before: page'>Document B {long_text}</section>"
        "<section id='c' style='break-before: page'>Document C</section>"
    )

    pdfs = [pypdf.PdfReader(io.BytesIO(pdf)) for pdf in split_pdfs(html, ["a", "b", "c"])]

    assert [len(pdf.pages) for pdf in pdfs][0] == 1
    assert len(pdfs[1].pages) > 1
    assert [pdf.pages[0].extract_text().split()[:2] for pdf in pdfs] == [
        ["Document", "A"],
        ["Document", "B"],
        ["Document", "C"],
    ]


@pytest.mark.django_db
def test_worker_processes_draw_the_batches_in_order(geel, lennik, administrator, monkeypatch):
    from atelier.fees import invoice_pdf

    run = services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)
    services.issue_fee_run(
        run=run, issued_on=datetime.date(2026, 1, 15), leave_out_problems=True, by=administrator
    )
    monkeypatch.setattr(invoice_pdf, "BATCH_SIZE", 1)  # two batches for two workers

    assert invoice_pdf.store_invoice_pdfs(Invoice.objects.order_by("number"), workers=2) == 2

    for invoice in Invoice.objects.order_by("number"):
        text = pypdf.PdfReader(invoice.pdf.open("rb")).pages[0].extract_text()
        assert invoice.display_number in text
        assert invoice.recipient_name in text
