"""Queues the weekly digest of new items on followed topics; cron runs it once a week."""

from typing import Any

from django.core.management.base import BaseCommand

from atelier.knowledge.distribution.services import send_topic_digests


class Command(BaseCommand):
    help = "Mail each follower the new published items on their topics (each item once)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_topic_digests()} digests queued")
