"""Figures for the association's report on the programme: reach, attendance, satisfaction.

People trained: distinct people holding a (not revoked) certificate of the level, counted in
the year of completion. Organisations reached: current member municipalities with at least
one such person, counting a person's own organisation; an OCMW counts for its municipality.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language, gettext

from atelier.academy.models import ATTENDED, Attendance, Certificate, FeedbackAnswer
from atelier.members.models import Organisation, OrganisationType


@dataclass
class LevelYear:
    year: int
    level: int
    people_trained: int = 0
    attendance_recorded: int = 0
    attended: int = 0
    ratings: int = 0
    mean_rating: Decimal | None = None

    @property
    def attendance_rate(self) -> Decimal | None:
        if not self.attendance_recorded:
            return None
        return _percent(self.attended, self.attendance_recorded)


@dataclass
class ProvinceReach:
    province: str
    municipalities: int
    reached: int

    @property
    def share(self) -> Decimal:
        return _percent(self.reached, self.municipalities) if self.municipalities else Decimal(0)


@dataclass
class Report:
    year: int | None
    years: list[int]
    by_level_and_year: list[LevelYear]
    provinces: list[ProvinceReach]

    @property
    def municipalities(self) -> int:
        return sum(p.municipalities for p in self.provinces)

    @property
    def reached(self) -> int:
        return sum(p.reached for p in self.provinces)

    @property
    def share(self) -> Decimal:
        return _percent(self.reached, self.municipalities) if self.municipalities else Decimal(0)


def _percent(part: int, whole: int) -> Decimal:
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def programme_report(year: int | None = None) -> Report:
    """The report for one year, or for all years; a fixed number of queries."""
    certificates = Certificate.objects.filter(revoked_at__isnull=True).annotate(
        year=ExtractYear("completed_on")
    )
    attendances = Attendance.objects.annotate(year=ExtractYear("session__starts_at"))
    answers = FeedbackAnswer.objects.filter(rating__isnull=False).annotate(
        year=ExtractYear("response__session__starts_at")
    )
    years = sorted(
        set(certificates.values_list("year", flat=True).distinct())
        | set(attendances.values_list("year", flat=True).distinct())
        | set(answers.values_list("year", flat=True).distinct()),
        reverse=True,
    )
    if year is not None:
        certificates = certificates.filter(year=year)
        attendances = attendances.filter(year=year)
        answers = answers.filter(year=year)
    rows: dict[tuple[int, int], LevelYear] = {}

    def row(year: int, level: int) -> LevelYear:
        return rows.setdefault((year, level), LevelYear(year, level))

    for line in certificates.values("year", "level_number").annotate(
        people=Count("enrolment__person", distinct=True)
    ):
        row(line["year"], line["level_number"]).people_trained = line["people"]
    for line in attendances.values("year", level=level_of("session")).annotate(
        recorded=Count("pk"), attended=Count("pk", filter=Q(status__in=ATTENDED))
    ):
        found = row(line["year"], line["level"])
        found.attendance_recorded, found.attended = line["recorded"], line["attended"]
    for line in answers.values("year", level=level_of("response__session")).annotate(
        ratings=Count("pk"), mean=Avg("rating")
    ):
        found = row(line["year"], line["level"])
        found.ratings = line["ratings"]
        found.mean_rating = Decimal(str(line["mean"])).quantize(Decimal("0.01"))
    ordered = sorted(rows.values(), key=lambda r: (-r.year, r.level))
    return Report(year, years, ordered, _reach(certificates))


def level_of(session_path: str) -> F:
    return F(f"{session_path}__edition__course__level__number")


def _reach(certificates: QuerySet[Certificate]) -> list[ProvinceReach]:
    reached_ids = set()
    for organisation_id, kind, municipality_id in certificates.values_list(
        "enrolment__person__organisation_id",
        "enrolment__person__organisation__type",
        "enrolment__person__organisation__municipality_id",
    ).distinct():
        reached_ids.add(municipality_id if kind == OrganisationType.OCMW else organisation_id)
    municipalities = Organisation.objects.current().filter(
        type=OrganisationType.MUNICIPALITY, is_member=True
    )
    by_province: dict[int | None, ProvinceReach] = {}
    for pk, province_id, name_nl, name_en in municipalities.values_list(
        "pk", "province_id", "province__name_nl", "province__name_en"
    ):
        name = _province_name(name_nl, name_en)
        reach = by_province.setdefault(province_id, ProvinceReach(name, 0, 0))
        reach.municipalities += 1
        reach.reached += pk in reached_ids
    return sorted(by_province.values(), key=lambda reach: reach.province)


def _province_name(name_nl: str | None, name_en: str | None) -> str:
    if name_nl is None:
        return gettext("no province")
    return (name_en or name_nl) if get_language() == "en" else name_nl
