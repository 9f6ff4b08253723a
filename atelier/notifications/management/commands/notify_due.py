"""Notifies sessions tomorrow, milestones due within 7 days, overdue invoices and share links
about to expire; cron runs it once a day, and a second run notifies nobody twice."""

from typing import Any

from django.core.management.base import BaseCommand

from atelier.notifications.due import notify_due


class Command(BaseCommand):
    help = "Notify what falls due (each event once, however often it runs)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"New: {notify_due()}.")
