"""The programme's impact for a funder: people trained, reach, services, citizens, maturity.

People trained: distinct people with a (not revoked) certificate of the level, in the year
of completion. Organisations reached: current member municipalities with at least one
such person (an OCMW counts for its municipality). Services and citizens come from the
outcomes projects record when they close: services in the year they launched or
improved, citizens in the year the project closed. Maturity: per area, the median over
the projects of each round's area median, before and after the learning path.

A province or size class narrows everything to the organisations it holds; the level
narrows the people trained only (projects belong to the learning path, level 3).
"""

import statistics
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language

from atelier.academy.models import Certificate, Level, ProjectOutcome, ServiceChange, ServiceOutcome
from atelier.guidance.services.maturity import submitted_answers, summarise
from atelier.members.models import Organisation, OrganisationType
from atelier.members.selectors import OrganisationFilter, organisation_list


@dataclass(frozen=True)
class ImpactFilter:
    year: int | None = None
    level: int | None = None
    province: str = ""  # NIS code
    size_class: str = ""

    @property
    def narrows_organisations(self) -> bool:
        return bool(self.province or self.size_class)


@dataclass
class AreaMaturity:
    key: str
    name: str
    before: float | None
    after: float | None


@dataclass
class Impact:
    filters: ImpactFilter
    trained: dict[int, int]  # level number → people
    levels: list[Level]
    organisations_reached: int
    member_municipalities: int
    services_launched: int
    services_improved: int
    citizens_reached: int
    projects: int
    maturity: list[AreaMaturity] = field(default_factory=list)
    maturity_before: float | None = None
    maturity_after: float | None = None

    @property
    def trained_total(self) -> int:
        return sum(self.trained.values())


def impact_years() -> list[int]:
    """Years with certificates or outcomes, newest first."""
    years = set(
        Certificate.objects.annotate(year=ExtractYear("completed_on")).values_list(
            "year", flat=True
        )
    ) | set(
        ProjectOutcome.objects.annotate(year=ExtractYear("closed_on")).values_list(
            "year", flat=True
        )
    )
    return sorted(years, reverse=True)


def _counted_as(
    organisation_id: int | None, kind: str | None, municipality_id: int | None
) -> int | None:
    return municipality_id if kind == OrganisationType.OCMW else organisation_id


def _scope(filters: ImpactFilter) -> set[int] | None:
    """The organisations a province or size class holds; None when neither is chosen."""
    if not filters.narrows_organisations:
        return None
    chosen = OrganisationFilter(province=filters.province, size_class=filters.size_class)
    return set(organisation_list(chosen).values_list("pk", flat=True))


def _trained(filters: ImpactFilter, scope: set[int] | None) -> tuple[dict[int, int], set[int]]:
    certificates = Certificate.objects.filter(revoked_at__isnull=True)
    if filters.year:
        certificates = certificates.filter(completed_on__year=filters.year)
    if filters.level:
        certificates = certificates.filter(level_number=filters.level)
    people: dict[int, set[int]] = {}
    reached: set[int] = set()
    for level, person, organisation, kind, municipality in certificates.values_list(
        "level_number",
        "enrolment__person_id",
        "enrolment__person__organisation_id",
        "enrolment__person__organisation__type",
        "enrolment__person__organisation__municipality_id",
    ):
        counted = _counted_as(organisation, kind, municipality)
        if scope is not None and counted not in scope:
            continue
        people.setdefault(level, set()).add(person)
        if counted is not None:
            reached.add(counted)
    return {level: len(persons) for level, persons in sorted(people.items())}, reached


def _municipalities(scope: set[int] | None) -> QuerySet[Organisation]:
    municipalities = Organisation.objects.current().filter(
        type=OrganisationType.MUNICIPALITY, is_member=True
    )
    return municipalities if scope is None else municipalities.filter(pk__in=scope)


def _outcomes(filters: ImpactFilter, scope: set[int] | None) -> list[ProjectOutcome]:
    outcomes = ProjectOutcome.objects.select_related(
        "project__organisation", "maturity_before__rules", "maturity_after__rules"
    )
    found = []
    for outcome in outcomes:
        organisation = outcome.project.organisation
        counted = _counted_as(organisation.pk, organisation.type, organisation.municipality_id)
        if scope is None or counted in scope:
            found.append(outcome)
    return found


def _services(filters: ImpactFilter, outcomes: list[ProjectOutcome]) -> dict[str, int]:
    services = ServiceOutcome.objects.filter(outcome__in=[o.pk for o in outcomes])
    if filters.year:
        services = services.filter(on__year=filters.year)
    counts = dict.fromkeys(ServiceChange.values, 0)
    for change in services.values_list("change", flat=True):
        counts[change] += 1
    return counts


def _median(values: list[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _maturity(
    outcomes: list[ProjectOutcome],
) -> tuple[list[AreaMaturity], float | None, float | None]:
    pairs = [(o.maturity_before, o.maturity_after) for o in outcomes]
    rounds = [r for pair in pairs for r in pair if r is not None]
    answers = submitted_answers(rounds)
    language = (get_language() or "nl")[:2]
    areas: dict[str, AreaMaturity] = {}
    collected: dict[tuple[str, str], list[float]] = {}
    for moment, index in (("before", 0), ("after", 1)):
        for pair in pairs:
            round = pair[index]
            if round is None:
                continue
            summary = summarise(round.rules.data, answers[round.pk], language)
            for area in summary["areas"]:
                areas.setdefault(area["key"], AreaMaturity(area["key"], area["name"], None, None))
                if area["median"] is not None:
                    collected.setdefault((area["key"], moment), []).append(area["median"])
            if summary["overall_median"] is not None:
                collected.setdefault(("", moment), []).append(summary["overall_median"])
    for key, area in areas.items():
        area.before = _median(collected.get((key, "before"), []))
        area.after = _median(collected.get((key, "after"), []))
    return (
        list(areas.values()),
        _median(collected.get(("", "before"), [])),
        _median(collected.get(("", "after"), [])),
    )


def programme_impact(filters: ImpactFilter) -> Impact:
    """The impact figures for the chosen year, level, province and size class."""
    scope = _scope(filters)
    trained, reached = _trained(filters, scope)
    municipalities = set(_municipalities(scope).values_list("pk", flat=True))
    outcomes = _outcomes(filters, scope)
    closed = [o for o in outcomes if not filters.year or o.closed_on.year == filters.year]
    services = _services(filters, outcomes)
    maturity, before, after = _maturity(closed)
    return Impact(
        filters=filters,
        trained=trained,
        levels=list(Level.objects.all()),
        organisations_reached=len(reached & municipalities),
        member_municipalities=len(municipalities),
        services_launched=services[ServiceChange.LAUNCHED],
        services_improved=services[ServiceChange.IMPROVED],
        citizens_reached=sum(o.citizens_reached for o in closed),
        projects=len(closed),
        maturity=maturity,
        maturity_before=before,
        maturity_after=after,
    )
