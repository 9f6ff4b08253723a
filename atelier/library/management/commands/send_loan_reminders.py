"""Queues the loan reminders (before and after the due date); cron runs it once a day."""

from typing import Any

from django.core.management.base import BaseCommand

from atelier.library.services import send_loan_reminders


class Command(BaseCommand):
    help = "Remind borrowers before and after an item's due date (each reminder once)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_loan_reminders()} reminders queued")
