"""A company's fee: flat by default, or by its participants or the inhabitants they serve."""

import datetime
from decimal import Decimal

import pytest

from atelier.fees import services
from atelier.fees.models import FeeBasis, Tariff
from atelier.fees.selectors import preview_lines
from atelier.fees.services import FeeError
from atelier.members.models import OrganisationType

from .factories import join, make_company

pytestmark = pytest.mark.django_db
REFERENCE = datetime.date(2020, 1, 1)


def tariff_with_company_rule(by, basis: str, rate: str = "0", flat: str = "0") -> Tariff:
    tariff = services.create_tariff(
        year=2026, reference_date=REFERENCE, indexation_percent=Decimal("0"), notes="", by=by
    )
    rule = tariff.rules.get(organisation_type=OrganisationType.INTERMUNICIPAL)
    services.update_rule(
        rule=rule,
        revision=Tariff.objects.get(pk=tariff.pk).revision,
        basis=basis,
        rate=Decimal(rate),
        flat_amount=Decimal(flat),
        minimum=None,
        maximum=None,
        brackets=[],
        by=by,
    )
    return services.adopt_tariff(tariff=tariff, by=by)


@pytest.fixture
def company(geel, lennik):
    """Geel (40,709 inhabitants in 2020) and Lennik (9,096) take part; Lennik once left."""
    company = make_company("Kempens Afvalbeheer", 7)
    join(company, geel, 40)
    join(company, lennik, 12, joined_on=datetime.date(2018, 1, 1))
    join(company, lennik, 3, joined_on=datetime.date(2001, 1, 1), left_on=datetime.date(2005, 1, 1))
    join(make_company("Later", 8), geel, 1, joined_on=datetime.date(2021, 1, 1))
    return company


def company_amount(run, company):
    return run.lines.get(organisation=company).amount


def test_flat_fee_stays_the_default(administrator, company):
    tariff = tariff_with_company_rule(administrator, FeeBasis.FLAT, flat="2500")
    run = services.compute_fee_run(tariff=tariff, by=administrator)
    assert company_amount(run, company) == Decimal("2500.00")


def test_fee_per_participant_counts_those_taking_part_on_the_reference_date(administrator, company):
    tariff = tariff_with_company_rule(administrator, FeeBasis.PER_PARTICIPANT, rate="150")
    run = services.compute_fee_run(tariff=tariff, by=administrator)
    assert company_amount(run, company) == Decimal("300.00")  # Geel and Lennik, 2 × 150
    line = run.lines.get(organisation=company)
    assert line.population == 2 and line.breakdown["basis"] == "participant"


def test_fee_per_inhabitant_served_sums_the_participants_figures(administrator, company):
    tariff = tariff_with_company_rule(administrator, FeeBasis.PER_INHABITANT_SERVED, rate="0.01")
    run = services.compute_fee_run(tariff=tariff, by=administrator)
    assert company_amount(run, company) == Decimal("498.05")  # (40,709 + 9,096) × 0.01
    preview = {line.organisation.pk: line for line in preview_lines(tariff)}
    assert preview[company.pk].amount == Decimal("498.05")


def test_company_bases_are_refused_for_municipalities(administrator):
    tariff = services.create_tariff(
        year=2026,
        reference_date=REFERENCE,
        indexation_percent=Decimal("0"),
        notes="",
        by=administrator,
    )
    rule = tariff.rules.get(organisation_type=OrganisationType.MUNICIPALITY)
    with pytest.raises(FeeError):
        services.update_rule(
            rule=rule,
            revision=tariff.revision,
            basis=FeeBasis.PER_PARTICIPANT,
            rate=Decimal("1"),
            flat_amount=Decimal("0"),
            minimum=None,
            maximum=None,
            brackets=[],
            by=administrator,
        )
