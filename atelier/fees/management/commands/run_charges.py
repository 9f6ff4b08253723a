"""Invoices the uninvoiced charges; cron runs it monthly (or staff press the button)."""

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from atelier.fees.charges import run_charges
from atelier.fees.invoice_pdf import store_invoice_pdfs


class Command(BaseCommand):
    help = "Put every charge not yet invoiced on one invoice per organisation, with its PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="invoice date")
        parser.add_argument("--workers", type=int, default=2, help="processes drawing PDFs")

    def handle(self, *args: Any, **options: Any) -> None:
        run = run_charges(issued_on=options["date"] or timezone.localdate(), by=None)
        invoices = run.invoices.prefetch_related("lines")
        store_invoice_pdfs(invoices, workers=options["workers"])
        self.stdout.write(f"{run.invoice_count} invoices for {run.charge_count} charges.")
