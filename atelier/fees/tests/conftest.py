"""Fee fixtures: a small registry, an adopted 2026 tariff and its issued fee run.

Every object is made through the fee services, as the pages make them. The plain
functions are importable (`from atelier.fees.tests.conftest import make_ocmw`) for tests
that need a variation the fixtures do not give.

The 2026 tariff, on the figures of 1 January 2020, with 2% indexation:

| member           | size   | before indexation            | fee         |
|------------------|--------|------------------------------|-------------|
| Geel             | 40,709 | 25,000 × 0.52 + 15,709 × 0.46 | € 20.630,66 |
| Lennik           |  9,096 | 9,096 × 0.52                  | €  4.824,52 |
| OCMW Geel        |    244 | 244 × 4.50                    | €  1.119,96 |
| OCMW Lennik      |     54 | 54 × 4.50 = 243 → minimum     | €    250,00 |
| Kempens Afval    |      – | flat 2,500                    | €  2.550,00 |
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from atelier.accounts.models import User
from atelier.fees import services
from atelier.fees.models import FeeBasis, FeeRun, Invoice, Tariff, TariffRule
from atelier.fees.services import BracketInput
from atelier.lib.company_number import company_number_check_digits
from atelier.members.models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationSource,
)

FEE_YEAR = 2026
REFERENCE_DATE = datetime.date(2020, 1, 1)
ISSUED_ON = datetime.date(2026, 1, 15)
INDEXATION = Decimal("2.000")

RULES: dict[str, dict] = {
    OrganisationType.MUNICIPALITY: {
        "basis": FeeBasis.PER_CAPITA,
        "rate": Decimal("0.5200"),
        "brackets": [
            BracketInput(25_000, Decimal("0.4600")),
            BracketInput(100_000, Decimal("0.3900")),
        ],
    },
    OrganisationType.OCMW: {
        "basis": FeeBasis.PER_CAPITA,
        "rate": Decimal("4.5000"),
        "minimum": Decimal("250.00"),
    },
    OrganisationType.INTERMUNICIPAL: {"flat_amount": Decimal("2500.00")},
    OrganisationType.OTHER: {"flat_amount": Decimal("750.00")},
}

GEEL_FEE = Decimal("20630.66")
LENNIK_FEE = Decimal("4824.52")
OCMW_GEEL_FEE = Decimal("1119.96")
OCMW_LENNIK_FEE = Decimal("250.00")
COMPANY_FEE = Decimal("2550.00")
OTHER_FEE = Decimal("765.00")
RUN_TOTAL = GEEL_FEE + LENNIK_FEE + OCMW_GEEL_FEE + OCMW_LENNIK_FEE + COMPANY_FEE


def add_figure(organisation: Organisation, inhabitants: int, day=REFERENCE_DATE) -> None:
    PopulationFigure.objects.create(
        organisation=organisation,
        reference_date=day,
        inhabitants=inhabitants,
        source=PopulationSource.REFERENCE,
    )


def make_ocmw(municipality: Organisation, residents: int | None = None) -> Organisation:
    """The OCMW of a municipality, with its residents on the reference date if given."""
    ocmw = Organisation.objects.create(
        type=OrganisationType.OCMW,
        municipality=municipality,
        name_nl=f"OCMW {municipality.name_nl}",
        province=municipality.province,
    )
    if residents is not None:
        add_figure(ocmw, residents)
    return ocmw


def valid_company_number(first_eight: str) -> str:
    return first_eight + company_number_check_digits(first_eight)


def make_company(
    name: str,
    first_eight: str,
    province=None,
    organisation_type: str = OrganisationType.INTERMUNICIPAL,
) -> Organisation:
    """A member identified by its company number: an intermunicipal company by default."""
    return Organisation.objects.create(
        type=organisation_type,
        name_nl=name,
        company_number=valid_company_number(first_eight),
        province=province,
    )


@dataclass
class FeeRegistry:
    geel: Organisation
    lennik: Organisation
    ocmw_geel: Organisation
    ocmw_lennik: Organisation
    company: Organisation


@pytest.fixture
def fee_registry(geel, lennik, antwerp) -> FeeRegistry:
    """Geel and Lennik, their OCMWs with residents, and one intermunicipal company."""
    return FeeRegistry(
        geel=geel,
        lennik=lennik,
        ocmw_geel=make_ocmw(geel, 244),
        ocmw_lennik=make_ocmw(lennik, 54),
        company=make_company("Kempens Afval", "02000686", antwerp),
    )


def set_rules(tariff: Tariff, by: User, rules: dict[str, dict] = RULES) -> Tariff:
    """Gives each member type of a draft tariff its terms, through `update_rule`."""
    for rule in TariffRule.objects.filter(tariff=tariff):
        terms = rules.get(rule.organisation_type)
        if terms is None:
            continue
        services.update_rule(
            rule=rule,
            revision=Tariff.objects.get(pk=tariff.pk).revision,
            basis=terms.get("basis", FeeBasis.FLAT),
            rate=terms.get("rate", Decimal("0")),
            flat_amount=terms.get("flat_amount", Decimal("0")),
            minimum=terms.get("minimum"),
            maximum=terms.get("maximum"),
            brackets=terms.get("brackets", []),
            by=by,
        )
    return Tariff.objects.get(pk=tariff.pk)


def make_draft_tariff(*, by: User, year: int = FEE_YEAR, rules=RULES) -> Tariff:
    tariff = services.create_tariff(
        year=year,
        reference_date=REFERENCE_DATE,
        indexation_percent=INDEXATION,
        notes="Adopted by the general assembly of December.",
        by=by,
    )
    return set_rules(tariff, by, rules)


def make_adopted_tariff(*, by: User, year: int = FEE_YEAR, rules=RULES) -> Tariff:
    return services.adopt_tariff(tariff=make_draft_tariff(by=by, year=year, rules=rules), by=by)


def make_issued_run(*, tariff: Tariff, by: User, issued_on=ISSUED_ON) -> FeeRun:
    """Computes the tariff's run and issues it, leaving out members without a fee."""
    run = services.compute_fee_run(tariff=tariff, by=by)
    services.issue_fee_run(run=run, issued_on=issued_on, leave_out_problems=True, by=by)
    return FeeRun.objects.get(pk=run.pk)


def invoice_of(organisation: Organisation) -> Invoice:
    return Invoice.objects.get(organisation=organisation, kind="invoice", credited_invoice=None)


@pytest.fixture
def draft_tariff(fee_registry, administrator) -> Tariff:
    return make_draft_tariff(by=administrator)


@pytest.fixture
def adopted_tariff(draft_tariff, administrator) -> Tariff:
    return services.adopt_tariff(tariff=draft_tariff, by=administrator)


@pytest.fixture
def fee_run(adopted_tariff, administrator) -> FeeRun:
    """The 2026 run, computed and still a draft."""
    return services.compute_fee_run(tariff=adopted_tariff, by=administrator)


@pytest.fixture
def issued_run(adopted_tariff, administrator) -> FeeRun:
    """The 2026 run, issued on 15 January 2026: five invoices, F2026-00001 to 00005."""
    return make_issued_run(tariff=adopted_tariff, by=administrator)


@pytest.fixture
def geel_invoice(issued_run, fee_registry) -> Invoice:
    return invoice_of(fee_registry.geel)
