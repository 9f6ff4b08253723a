"""Mails each person the digest of their notifications; cron runs it once a day."""

from typing import Any

from django.core.management.base import BaseCommand

from atelier.notifications.services import send_digests


class Command(BaseCommand):
    help = "Mail the daily digest of notifications (each notification in one digest only)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_digests()} digests sent")
