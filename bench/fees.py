"""Fee run benchmarks: 285 municipalities, 285 OCMWs and 50 other members.

Each measured run happens in a transaction that is rolled back, so every run starts from
the same registry and numbers its invoices from 1.
"""

import datetime
import statistics
import time

from django.conf import settings
from django.db import transaction

from atelier.accounts.models import Role, User
from atelier.fees import services
from atelier.fees.demo import _demo_tariff, load_demo_residents
from atelier.fees.invoice_pdf import store_invoice_pdfs
from atelier.fees.models import Invoice
from atelier.lib.company_number import company_number_check_digits
from atelier.members.models import Organisation, OrganisationType

OTHER_MEMBERS = 50


def _other_members() -> None:
    for index in range(
        OTHER_MEMBERS
        - Organisation.objects.exclude(
            type__in=[OrganisationType.MUNICIPALITY, OrganisationType.OCMW]
        ).count()
    ):
        first_eight = f"08{index:06d}"
        Organisation.objects.create(
            type=OrganisationType.INTERMUNICIPAL if index % 2 else OrganisationType.OTHER,
            name_nl=f"Bench member {index}",
            company_number=first_eight + company_number_check_digits(first_eight),
        )


def _rolled_back(action):  # type: ignore[no-untyped-def]
    def run():  # type: ignore[no-untyped-def]
        with transaction.atomic():
            result = action()
            transaction.set_rollback(True)
        return result

    return run


def _median_seconds(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def fee_benchmarks(runs: int) -> list[tuple[str, str, str]]:
    administrator, _ = User.objects.get_or_create(
        email="bench-admin@example.org", defaults={"role": Role.ADMINISTRATOR}
    )
    load_demo_residents()
    _other_members()
    year = datetime.date.today().year  # noqa: DTZ011
    tariff = _demo_tariff(year, administrator)
    issued_on = datetime.date(year, 1, 15)
    counts: dict[str, int] = {}

    def fee_run() -> list[Invoice]:
        run = services.compute_fee_run(tariff=tariff, by=administrator)
        invoices = services.issue_fee_run(
            run=run, issued_on=issued_on, leave_out_problems=True, by=administrator
        )
        counts["lines"], counts["invoices"] = run.lines.count(), len(invoices)
        return invoices

    def fee_run_with_pdfs() -> None:
        fee_run()
        invoices = Invoice.objects.select_related("fee_line__run__tariff", "credited_invoice")
        counts["pdfs"] = store_invoice_pdfs(invoices, workers=2)

    run_only = _median_seconds(_rolled_back(fee_run), runs)
    pdf_runs = max(3, runs // 5)
    with_pdfs = _median_seconds(_rolled_back(fee_run_with_pdfs), pdf_runs)
    return [
        (
            f"fee run: {counts['lines']} members, amounts, numbers and references, "
            f"{counts['invoices']} invoices issued",
            f"{run_only * 1000:.0f} ms",
            f"budget 2 s (median of {runs})",
        ),
        (
            f"fee run with {counts['pdfs']} PDF invoices (2 worker processes)",
            f"{with_pdfs:.1f} s",
            f"budget 60 s (median of {pdf_runs}); media in {settings.MEDIA_ROOT}",
        ),
    ]
