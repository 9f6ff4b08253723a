"""Charges run benchmark: 2,000 charges of 400 organisations, with PDFs and UBL.

Five paying enrolments for each of 400 member organisations (municipalities and OCMWs of
the registry, given made-up company numbers so that each can receive an e-invoice), then
one charges run: 400 invoices with five lines each, their 400 PDFs (2 worker processes)
and their 400 Peppol UBL files (the PDF embedded). Each measured run is rolled back.
"""

import datetime
import statistics
import time
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from atelier.academy.models import Charge, Course, Edition, Enrolment, Level
from atelier.accounts.models import Role, User
from atelier.fees.charges import run_charges
from atelier.fees.invoice_pdf import store_invoice_pdfs
from atelier.fees.ubl import invoice_ubl
from atelier.lib.company_number import company_number_check_digits
from atelier.members.models import Organisation

ORGANISATIONS = 400
PER_ORGANISATION = 5
PRICE = Decimal("95.00")


def _organisations() -> list[Organisation]:
    chosen = list(Organisation.objects.filter(is_member=True).order_by("pk")[:ORGANISATIONS])
    for index, organisation in enumerate(chosen):
        if not organisation.company_number:
            first_eight = f"09{index:06d}"
            organisation.company_number = first_eight + company_number_check_digits(first_eight)
    Organisation.objects.bulk_update(chosen, ["company_number"])
    return chosen


def _editions() -> list[Edition]:
    level = Level.objects.get_or_create(number=2, defaults={"name_nl": "Opleidingsdag"})[0]
    course = Course.objects.create(
        level=level, title_nl="Service design in één dag", summary_nl="…"
    )
    starts = timezone.now() + datetime.timedelta(days=30)
    return [
        Edition.objects.create(
            course=course,
            language="nl",
            status=Edition.Status.PUBLISHED,
            capacity=1000,
            price_member=PRICE,
            price_non_member=PRICE * 2,
            registration_deadline=starts,
            starts_at=starts + datetime.timedelta(days=index),
        )
        for index in range(PER_ORGANISATION)
    ]


def _charges(organisations: list[Organisation]) -> int:
    """2,000 participants, each enrolled (and charged) in one of five editions."""
    editions = _editions()
    people = User.objects.bulk_create(
        User(
            email=f"bench-participant-{o.pk}-{n}@example.org",
            first_name=f"Deelnemer {n}",
            last_name=o.name_nl[:30],
            role=Role.PARTICIPANT,
            organisation=o,
        )
        for o in organisations
        for n in range(PER_ORGANISATION)
    )
    enrolments = Enrolment.objects.bulk_create(
        Enrolment(
            edition=editions[index % PER_ORGANISATION],
            person=person,
            organisation=person.organisation,
            status=Enrolment.Status.CONFIRMED,
            price=PRICE,
        )
        for index, person in enumerate(people)
    )
    charges = Charge.objects.bulk_create(
        Charge(enrolment=e, organisation=e.organisation, amount=PRICE) for e in enrolments
    )
    return len(charges)


def charges_benchmarks(runs: int) -> list[tuple[str, str, str]]:
    with transaction.atomic():
        # Prepared once and kept for the measured runs, which each roll back their invoices.
        count = _charges(_organisations())
    counts: dict[str, int] = {}

    def charges_run_with_documents() -> None:
        with transaction.atomic():
            run = run_charges(issued_on=datetime.date(2026, 3, 1), by=None)
            invoices = list(run.invoices.select_related("organisation").prefetch_related("lines"))
            counts["pdfs"] = store_invoice_pdfs(invoices, workers=2)
            counts["ubl"] = sum(1 for invoice in invoices if invoice_ubl(invoice))
            counts["invoices"] = run.invoice_count
            transaction.set_rollback(True)

    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        charges_run_with_documents()
        samples.append(time.perf_counter() - start)
    median = statistics.median(samples)
    return [
        (
            f"charges run: {count:,} charges of {ORGANISATIONS} organisations → "
            f"{counts['invoices']} invoices, {counts['pdfs']} PDFs (2 worker processes), "
            f"{counts['ubl']} UBL files",
            f"{median:.1f} s",
            f"budget 60 s (median of {runs})",
        )
    ]
