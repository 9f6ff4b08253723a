"""Reads of the member registry that more than one view (and the API) share."""

from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery

from .models import (
    SIZE_CLASS_BOUNDS,
    Organisation,
    PopulationFigure,
    PopulationImport,
    Succession,
)


@dataclass(frozen=True)
class OrganisationFilter:
    search: str = ""
    type: str = ""
    province: str = ""
    size_class: str = ""
    include_former: bool = False


def organisations_with_population() -> QuerySet[Organisation]:
    """Organisations with their latest population figure annotated, in one query."""
    latest = PopulationFigure.objects.filter(organisation=OuterRef("pk")).order_by(
        "-reference_date"
    )
    return Organisation.objects.select_related("province", "municipality").annotate(
        latest_inhabitants=Subquery(latest.values("inhabitants")[:1]),
        latest_reference_date=Subquery(latest.values("reference_date")[:1]),
    )


def organisation_list(filters: OrganisationFilter) -> QuerySet[Organisation]:
    """The registry, filtered as the member list and the API ask."""
    queryset = organisations_with_population()
    if not filters.include_former:
        queryset = queryset.filter(valid_until__isnull=True)
    term = filters.search.strip()
    if term:
        matches = Q(name_nl__icontains=term) | Q(name_fr__icontains=term)
        digits = "".join(c for c in term if c.isdigit())
        if digits and digits == term.replace(".", "").replace(" ", ""):
            matches |= Q(nis_code__startswith=digits) | Q(company_number__startswith=digits)
        queryset = queryset.filter(matches)
    if filters.type:
        queryset = queryset.filter(type=filters.type)
    if filters.province:
        queryset = queryset.filter(province__nis_code=filters.province)
    if filters.size_class in SIZE_CLASS_BOUNDS:
        low, high = SIZE_CLASS_BOUNDS[filters.size_class]
        # The django-stubs plugin does not see annotations in filter() keywords.
        queryset = queryset.filter(latest_inhabitants__gte=low)  # type: ignore[misc]
        if high is not None:
            queryset = queryset.filter(latest_inhabitants__lt=high)  # type: ignore[misc]
    return queryset.order_by("name_nl", "pk")


def organisation_history(organisation: Organisation) -> dict[str, list[Succession]]:
    """Who this organisation came from and who it went into."""
    return {
        "predecessors": list(
            organisation.successions_as_successor.select_related("predecessor").order_by(
                "predecessor__name_nl"
            )
        ),
        "successors": list(
            organisation.successions_as_predecessor.select_related("successor").order_by(
                "successor__name_nl"
            )
        ),
    }


@dataclass(frozen=True)
class ImportProblems:
    """A rejected import's problems, grouped the way a person corrects a file."""

    file: list[dict]  # the file as a whole could not be read
    lines: list[dict]  # bad lines, in file order (the first MAX_LISTED_ERRORS)
    missing: list[dict]  # municipalities of the reference date the file does not name
    unlisted: int  # bad lines found beyond those kept


def import_problems(record: PopulationImport) -> ImportProblems:
    errors = record.errors
    file_problems = [e for e in errors if e.get("line") is None and not e.get("code")]
    missing = [e for e in errors if e.get("line") is None and e.get("code")]
    lines = [e for e in errors if e.get("line") is not None]
    return ImportProblems(
        file=file_problems,
        lines=lines,
        missing=missing,
        unlisted=max(record.problem_count - len(errors), 0),
    )
