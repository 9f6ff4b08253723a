"""Sends the reminder e-mails for sessions two days ahead; cron runs it once a day."""

from typing import Any

from django.core.management.base import BaseCommand

from atelier.academy.services.enrolment import send_session_reminders


class Command(BaseCommand):
    help = "E-mail confirmed participants two days before each session (once per session)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_session_reminders()
        self.stdout.write(f"{sent} reminders sent")
