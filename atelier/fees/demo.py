"""Demo fees: residents for the OCMWs, an adopted tariff and an issued fee run this year."""

import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from atelier.accounts.models import User
from atelier.lib.company_number import company_number_check_digits
from atelier.members.models import (
    Organisation,
    OrganisationType,
    PopulationFigure,
    PopulationSource,
)

from . import services
from .models import FeeBasis, FeeRun, Tariff, TariffRule
from .payment_matching import import_bank_statement
from .services import BracketInput

REFERENCE_DATE = datetime.date(2020, 1, 1)
UNPAID_DEMO_MEMBER = "13008"  # Geel
# Residents in an OCMW's care and day centres are not published: the demo makes them up
# as a share of the municipality's inhabitants (about six per thousand).
RESIDENTS_PER_THOUSAND = 6

RULES: dict[str, dict[str, Any]] = {
    OrganisationType.MUNICIPALITY: {
        "basis": FeeBasis.PER_CAPITA,
        "rate": Decimal("0.5200"),
        "minimum": Decimal("1500.00"),
        "maximum": Decimal("175000.00"),
        "brackets": [
            BracketInput(25_000, Decimal("0.4600")),
            BracketInput(100_000, Decimal("0.3900")),
        ],
    },
    OrganisationType.OCMW: {
        "basis": FeeBasis.PER_CAPITA,
        "rate": Decimal("4.5000"),
        "minimum": Decimal("250.00"),
        "maximum": None,
        "brackets": [],
    },
    OrganisationType.INTERMUNICIPAL: {"flat_amount": Decimal("2500.00")},
    OrganisationType.OTHER: {"flat_amount": Decimal("750.00")},
}


def load_demo_residents() -> int:
    """Made-up OCMW residents on the reference date, for OCMWs that have no figure."""
    ocmws = Organisation.objects.filter(type=OrganisationType.OCMW).exclude(
        population_figures__reference_date=REFERENCE_DATE
    )
    inhabitants = dict(
        PopulationFigure.objects.filter(reference_date=REFERENCE_DATE).values_list(
            "organisation_id", "inhabitants"
        )
    )
    figures = [
        PopulationFigure(
            organisation=ocmw,
            reference_date=REFERENCE_DATE,
            inhabitants=max(5, inhabitants[ocmw.municipality_id] * RESIDENTS_PER_THOUSAND // 1000),
            source=PopulationSource.DEMO,
        )
        for ocmw in ocmws
        if ocmw.municipality_id in inhabitants
    ]
    PopulationFigure.objects.bulk_create(figures)
    return len(figures)


def _demo_tariff(year: int, by: User) -> Tariff:
    tariff = services.create_tariff(
        year=year,
        reference_date=REFERENCE_DATE,
        indexation_percent=Decimal("2.000"),
        notes="Demo: tarieven vastgesteld door de algemene vergadering van december.",
        by=by,
    )
    for rule in TariffRule.objects.filter(tariff=tariff):
        terms = RULES[rule.organisation_type]
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
    return services.adopt_tariff(tariff=tariff, by=by)


def _demo_payments(run: FeeRun, by: User) -> None:
    """A bank statement paying the first invoices, one of them twice, and one unknown line.

    Geel's stays unpaid: its coordinator's home shows an overdue invoice once it is due.
    """
    invoices = list(
        run.lines.filter(invoice__isnull=False)
        .exclude(organisation__nis_code=UNPAID_DEMO_MEMBER)
        .select_related("invoice")[:40]
    )
    rows = ["datum;bedrag;tegenpartij;mededeling"]
    for line in invoices:
        invoice = line.invoice
        rows.append(
            f"{invoice.issued_on + datetime.timedelta(days=12):%d/%m/%Y};"
            f"{str(invoice.amount).replace('.', ',')};{invoice.recipient_name};"
            f"{invoice.formatted_reference}"
        )
    rows.append(rows[1])  # the first member pays twice
    rows.append(f"{run.issued_at:%d/%m/%Y};120,00;Onbekende betaler;+++090/9337/55493+++")
    content = ("\n".join(rows) + "\n").encode()
    import_bank_statement(content=content, file_name="demo-rekeninguittreksel.csv", by=by)


# Made-up enterprise numbers (eight digits and a valid mod-97 check), not the real KBO
# numbers, so that the demo's Geel and Lennik can receive Peppol e-invoices.
DEMO_COMPANY_NUMBERS = {"13008": "02099901", "23104": "02099902"}


def load_demo_company_numbers() -> None:
    for nis_code, first_eight in DEMO_COMPANY_NUMBERS.items():
        Organisation.objects.filter(nis_code=nis_code, company_number="").update(
            company_number=first_eight + company_number_check_digits(first_eight)
        )


@transaction.atomic
def load_demo_fees(*, year: int, by: User) -> FeeRun | None:
    """The demo's tariff and issued fee run for the year; nothing new if they exist."""
    load_demo_residents()
    load_demo_company_numbers()
    existing = FeeRun.objects.filter(year=year, status=FeeRun.Status.ISSUED).first()
    if existing:
        return existing
    tariff = Tariff.objects.filter(year=year, status=Tariff.Status.ADOPTED).first()
    tariff = tariff or _demo_tariff(year, by)
    run = services.compute_fee_run(tariff=tariff, by=by)
    services.issue_fee_run(
        run=run, issued_on=datetime.date(year, 1, 15), leave_out_problems=True, by=by
    )
    run.refresh_from_db()
    _demo_payments(run, by)
    return run
