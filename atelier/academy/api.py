"""The academy's impact in the REST API: headline figures only, public, no person named."""

from ninja import Field, Query, Router, Schema

from atelier.academy.selectors.impact import Impact, ImpactFilter, programme_impact

router = Router(tags=["academy"])


class ImpactQuery(Schema):
    year: int | None = Field(None, ge=2000, le=2100)


class TrainedOut(Schema):
    level: int
    people: int


class AreaOut(Schema):
    key: str
    name: str
    median: float | None


class MaturityOut(Schema):
    median: float | None  # over every area, 1 to 5; null without closed projects' rounds
    areas: list[AreaOut]


class ImpactOut(Schema):
    year: int | None
    trained: list[TrainedOut]
    organisations_reached: int
    member_municipalities: int
    services_launched: int
    services_improved: int
    citizens_reached: int
    maturity_before: MaturityOut
    maturity_after: MaturityOut


def _maturity(impact: Impact, moment: str) -> dict:
    return {
        "median": getattr(impact, f"maturity_{moment}"),
        "areas": [
            {"key": area.key, "name": area.name, "median": getattr(area, moment)}
            for area in impact.maturity
        ],
    }


@router.get("/impact", response=ImpactOut, auth=None)
def impact(request, query: Query[ImpactQuery]) -> dict:  # type: ignore[no-untyped-def]
    """The programme's headline figures for a year (or all years): aggregates only."""
    figures = programme_impact(ImpactFilter(year=query.year))
    return {
        "year": query.year,
        "trained": [
            {"level": level.number, "people": figures.trained.get(level.number, 0)}
            for level in figures.levels
        ],
        "organisations_reached": figures.organisations_reached,
        "member_municipalities": figures.member_municipalities,
        "services_launched": figures.services_launched,
        "services_improved": figures.services_improved,
        "citizens_reached": figures.citizens_reached,
        "maturity_before": _maturity(figures, "before"),
        "maturity_after": _maturity(figures, "after"),
    }
