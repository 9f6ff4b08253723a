"""Invoice and credit note PDFs, drawn from what the document said when it was issued.

A run draws its documents in batches: one HTML document of many invoices is laid out once,
then written as one PDF per invoice. Laying out a batch (one stylesheet, one set of fonts)
instead of each invoice alone is what keeps a run of hundreds within a minute.
"""

import multiprocessing
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

import django
import segno.helpers
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.translation import gettext_noop
from weasyprint import HTML

from atelier.lib.pdf import BASE_URL, StaticFilesFetcher

from .models import Invoice

BATCH_SIZE = 40
# The default of ASSOCIATION_VAT_NOTE, for the translation catalogue.
gettext_noop("Membership fees are not subject to VAT.")


def _payment_qr(invoice: Invoice) -> str:
    """An EPC ("SEPA") QR code that banking apps scan to fill in the transfer."""
    qr = segno.helpers.make_epc_qr(
        name=settings.ASSOCIATION_NAME[:70],
        iban=settings.ASSOCIATION_IBAN.replace(" ", ""),
        bic=settings.ASSOCIATION_BIC,
        amount=invoice.amount,
        text=invoice.formatted_reference,
    )
    # PNG, not SVG: a raster image costs WeasyPrint far less than hundreds of vector paths.
    return str(qr.png_data_uri(scale=4, border=2))


def invoices_html(invoices: Sequence[Invoice]) -> str:
    """The documents as one HTML page, each section in the language it was issued in."""
    documents = [
        {"invoice": invoice, "payment_qr": None if invoice.is_credit_note else _payment_qr(invoice)}
        for invoice in invoices
    ]
    association = {
        "name": settings.ASSOCIATION_NAME,
        "address": settings.ASSOCIATION_ADDRESS,
        "company_number": settings.ASSOCIATION_COMPANY_NUMBER,
        "vat_note": settings.ASSOCIATION_VAT_NOTE,
        "iban": settings.ASSOCIATION_IBAN,
        "bic": settings.ASSOCIATION_BIC,
    }
    context = {"documents": documents, "association": association}
    return render_to_string("fees/invoice_pdf.html", context)


def split_pdfs(html: str, anchors: Sequence[str]) -> list[bytes]:
    """Lays out the HTML once and returns one PDF per anchor, from its page to the next's."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).render()
    starts: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            starts.setdefault(anchor, number)
    bounds = [starts[anchor] for anchor in anchors] + [len(document.pages)]
    return [
        document.copy(pages=document.pages[bounds[index] : bounds[index + 1]]).write_pdf()
        for index in range(len(anchors))
    ]


def _anchor(invoice: Invoice) -> str:
    return f"invoice-{invoice.pk}"


def invoice_pdf(invoice: Invoice) -> bytes:
    return split_pdfs(invoices_html([invoice]), [_anchor(invoice)])[0]


def pdf_file_name(invoice: Invoice) -> str:
    return f"{invoice.display_number}.pdf"


def _archive(invoice: Invoice, pdf: bytes) -> None:
    invoice.pdf.save(pdf_file_name(invoice), ContentFile(pdf), save=False)
    Invoice.objects.filter(pk=invoice.pk).update(pdf=invoice.pdf.name)


def stored_invoice_pdf(invoice: Invoice) -> bytes:
    """The archived PDF, drawn and archived on first use."""
    if not invoice.pdf:
        _archive(invoice, invoice_pdf(invoice))
    with invoice.pdf.open("rb") as stored:
        return stored.read()


def _batch(html: str, anchors: list[str]) -> list[bytes]:
    return split_pdfs(html, anchors)


def _draw(groups: list[list[Invoice]], workers: int) -> Iterator[list[bytes]]:
    """PDFs per group; the next group's HTML is rendered while the workers draw."""
    if workers < 2 or len(groups) < 2:
        for group in groups:
            yield split_pdfs(invoices_html(group), [_anchor(i) for i in group])
        return
    # Spawned, not forked: a forked child would share the parent's database connection.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=django.setup) as pool:
        futures = [
            pool.submit(_batch, invoices_html(group), [_anchor(i) for i in group])
            for group in groups
        ]
        for future in futures:
            yield future.result()


def store_invoice_pdfs(invoices: Iterable[Invoice], workers: int = 2) -> int:
    """Draws and archives the PDFs that are missing, on several processes; returns how many.

    The HTML is rendered here, where the database is; the workers only lay out and write.
    """
    missing = [invoice for invoice in invoices if not invoice.pdf]
    groups = [missing[start : start + BATCH_SIZE] for start in range(0, len(missing), BATCH_SIZE)]
    for group, pdfs in zip(groups, _draw(groups, workers), strict=True):
        for invoice, pdf in zip(group, pdfs, strict=True):
            _archive(invoice, pdf)
    return len(missing)
