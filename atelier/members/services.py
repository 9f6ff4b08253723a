"""State changes in the member registry."""

import datetime

from django.db import transaction

from atelier.accounts.models import User

from .models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationImport,
    PopulationSource,
)
from .population_file import (
    PopulationFileError,
    ProgressCallback,
    RowError,
    check_population_rows,
    read_population_file,
)


def import_population(
    *,
    content: bytes,
    file_name: str,
    reference_date: datetime.date,
    by: User | None,
    ignore_unknown: bool = False,
    counts: str = PopulationImport.Counts.INHABITANTS,
    progress: ProgressCallback | None = None,
) -> PopulationImport:
    """Check a population file in full, then write all its figures or none.

    The file's codes are municipalities' NIS codes; for OCMW residents each figure goes to
    the OCMW of that municipality. The attempt is always recorded, with its errors when it
    is rejected.
    """
    municipalities = _organisations_by_code(reference_date, counts)
    record = PopulationImport(
        created_by=by, file_name=file_name[:255], reference_date=reference_date, counts=counts
    )
    try:
        checked = check_population_rows(
            read_population_file(content, file_name),
            known_codes={code: m.name for code, m in municipalities.items()},
            ignore_unknown=ignore_unknown,
            reference_date=reference_date,
            progress=progress,
        )
    except PopulationFileError as exc:
        return _reject(record, [RowError(None, "", str(exc))], error_count=1)
    record.row_count = checked.row_count
    record.skipped_count = checked.skipped
    record.values = checked.values
    if checked.errors:
        return _reject(record, checked.errors, error_count=checked.error_count)
    return _apply(record, {municipalities[c]: n for c, n in checked.values.items()})


def _organisations_by_code(day: datetime.date, counts: str) -> dict[str, Organisation]:
    """{municipality NIS code: the organisation its figure belongs to} on the day."""
    existing = Organisation.objects.existing_on(day)
    if counts == PopulationImport.Counts.OCMW_RESIDENTS:
        ocmws = existing.filter(type=OrganisationType.OCMW, municipality__isnull=False)
        return {ocmw.municipality.nis_code: ocmw for ocmw in ocmws.select_related("municipality")}  # type: ignore[union-attr]
    return {m.nis_code: m for m in existing.filter(type=OrganisationType.MUNICIPALITY)}


def _reject(
    record: PopulationImport, errors: list[RowError], *, error_count: int
) -> PopulationImport:
    record.status = PopulationImport.Status.REJECTED
    record.error_count = error_count
    record.errors = [e.as_dict() for e in sorted(errors, key=_error_order)]
    record.save()
    return record


def _error_order(error: RowError) -> tuple[int, str]:
    return (error.line if error.line is not None else 10**9, error.code)


@transaction.atomic
def _apply(record: PopulationImport, values: dict[Organisation, int]) -> PopulationImport:
    existing = PopulationFigure.objects.filter(
        reference_date=record.reference_date, organisation__in=values.keys()
    ).count()
    record.status = PopulationImport.Status.APPLIED
    record.created_count = len(values) - existing
    record.updated_count = existing
    record.save()
    figures = [
        PopulationFigure(
            organisation=organisation,
            reference_date=record.reference_date,
            inhabitants=inhabitants,
            source=PopulationSource.IMPORT,
            population_import=record,
        )
        for organisation, inhabitants in values.items()
    ]
    # An upsert, so that two imports for the same date at the same moment cannot collide on
    # the unique (organisation, date) constraint: the later one's figures stand, and each
    # import keeps its own values.
    PopulationFigure.objects.bulk_create(
        figures,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["organisation", "reference_date"],
        update_fields=["inhabitants", "source", "population_import"],
    )
    return record
