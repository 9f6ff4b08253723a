"""Sends the reminders of overdue invoices; cron runs it once a day."""

from typing import Any

from django.core.management.base import BaseCommand

from atelier.fees.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send the first and second reminders and formal notices that are due (each once)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_due_reminders()
        self.stdout.write(f"{len(sent)} reminders sent")
