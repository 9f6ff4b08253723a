from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from atelier.search.indexing import rebuild
from atelier.search.models import DocumentType


class Command(BaseCommand):
    help = (
        "Fill the search index again from knowledge items, method cards, courses, "
        "member organisations, projects and canvases."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--type",
            action="append",
            choices=DocumentType.values,
            dest="types",
            help="Only this type (repeatable).",
        )

    def handle(self, *args: Any, types: list[str] | None = None, **options: Any) -> None:
        count = rebuild(types)
        self.stdout.write(f"Indexed {count} documents.")
