"""Reads of intermunicipal companies that the pages, the API and the fees share."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils.translation import gettext as _

from atelier.lib.charts import BarChart, bar_chart
from atelier.lib.numbers import format_number
from atelier.members.models import Organisation, OrganisationType, PopulationFigure

from .models import Participation


def company_list() -> QuerySet[Organisation]:
    """Current companies with their profile and their number of current participants."""
    return (
        Organisation.objects.current()
        .filter(type=OrganisationType.INTERMUNICIPAL)
        .select_related("company_profile", "province")
        .annotate(
            participant_count=Count(
                "participations", filter=Q(participations__left_on__isnull=True)
            )
        )
        .order_by("name_nl", "pk")
    )


def get_company(pk: int) -> Organisation:
    """The company, or Organisation.DoesNotExist (any organisation of another type)."""
    return (
        Organisation.objects.filter(type=OrganisationType.INTERMUNICIPAL)
        .select_related("company_profile", "province")
        .get(pk=pk)
    )


def participations_of(company: Organisation) -> list[Participation]:
    """Every participation, current ones first, each with its municipality."""
    return sorted(
        Participation.objects.filter(company=company).select_related("participant"),
        key=lambda p: (not p.is_current, p.participant.name_nl, p.joined_on),
    )


def companies_of(municipality: Organisation) -> QuerySet[Participation]:
    """The municipality's participations in companies, current and past."""
    return (
        Participation.objects.filter(participant=municipality)
        .select_related("company", "company__company_profile")
        .order_by("left_on", "company__name_nl")
    )


def shares_chart(participations: list[Participation]) -> BarChart:
    current = sorted(
        (p for p in participations if p.is_current), key=lambda p: (-p.shares, p.participant.name)
    )
    return bar_chart(
        _("Shares per participant"),
        [(p.participant.name, p.shares, format_number(p.shares)) for p in current],
    )


@dataclass(frozen=True)
class CompanyBasis:
    participants: int
    inhabitants_served: int | None  # None when a participant has no figure on the day


def company_bases(day: datetime.date, companies: list[Organisation]) -> dict[int, CompanyBasis]:
    """{company id: participants on the day and the inhabitants they had on that date}."""
    active = Participation.objects.filter(
        Q(left_on__isnull=True) | Q(left_on__gte=day),
        company__in=[c.pk for c in companies],
        joined_on__lte=day,
    )
    figure = PopulationFigure.objects.filter(
        organisation=OuterRef("participant"), reference_date=day
    ).values("inhabitants")[:1]
    rows = (
        active.annotate(inhabitants=Subquery(figure))
        .values("company")
        .annotate(
            participants=Count("pk"),
            served=Sum("inhabitants"),
            without_figure=Count("pk", filter=Q(inhabitants__isnull=True)),
        )
    )
    return {
        row["company"]: CompanyBasis(
            participants=row["participants"],
            inhabitants_served=None if row["without_figure"] else row["served"],
        )
        for row in rows
    }
