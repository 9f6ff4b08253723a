import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from atelier.accounts.models import User
from atelier.members.models import PopulationImport
from atelier.members.services import import_population


class Command(BaseCommand):
    help = "Import a population file (CSV or XLSX): all rows or none, errors listed by line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--reference-date",
            required=True,
            type=datetime.date.fromisoformat,
            help="the date the figures describe, YYYY-MM-DD",
        )
        parser.add_argument("--by", help="e-mail address of the person importing")
        parser.add_argument(
            "--ocmw-residents",
            action="store_true",
            help="the file counts residents of OCMW care and day centres, by municipality code",
        )
        parser.add_argument(
            "--ignore-unknown",
            action="store_true",
            help="skip codes that are not member municipalities instead of rejecting them",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        by = None
        if options["by"]:
            by = User.objects.filter(email__iexact=options["by"], is_active=True).first()
            if by is None:
                raise CommandError(f"No active person with e-mail address {options['by']}.")
        record = import_population(
            content=path.read_bytes(),
            file_name=path.name,
            reference_date=options["reference_date"],
            ignore_unknown=options["ignore_unknown"],
            counts=PopulationImport.Counts.OCMW_RESIDENTS
            if options["ocmw_residents"]
            else PopulationImport.Counts.INHABITANTS,
            by=by,
            progress=self._progress,
        )
        self.stderr.write("")
        if record.status == PopulationImport.Status.REJECTED:
            for error in record.errors:
                line = error["line"] if error["line"] is not None else "-"
                self.stderr.write(f"line {line}: {error['code']}: {error['reason']}")
            raise CommandError(f"Nothing was imported: {record.problem_count} problem(s).")
        self.stdout.write(
            f"Imported {record.row_count} rows: {record.created_count} added, "
            f"{record.updated_count} replaced, {record.skipped_count} skipped."
        )

    def _progress(self, done: int) -> None:
        self.stderr.write(f"checked {done} rows", ending="\r")
