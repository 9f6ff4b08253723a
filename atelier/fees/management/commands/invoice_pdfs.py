from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from atelier.fees.invoice_pdf import store_invoice_pdfs
from atelier.fees.models import Invoice


class Command(BaseCommand):
    help = "Draw and archive the PDF of every invoice and credit note of a year that has none."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("year", type=int)
        parser.add_argument("--workers", type=int, default=2, help="processes drawing PDFs")

    def handle(self, *args: Any, **options: Any) -> None:
        invoices = Invoice.objects.filter(year=options["year"]).select_related(
            "fee_line__run__tariff", "credited_invoice"
        )
        count = store_invoice_pdfs(invoices, workers=options["workers"])
        self.stdout.write(f"{count} PDFs archived for {options['year']}.")
