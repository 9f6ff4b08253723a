import datetime
from decimal import Decimal

import pytest

from atelier.fees import services
from atelier.fees.models import FeeBasis, FeeProblem, FeeRun, Invoice, Tariff
from atelier.fees.services import BracketInput, FeeError, StaleEdit
from atelier.lib.structured_reference import is_valid_structured_reference
from atelier.members.models import Organisation, OrganisationType, PopulationFigure
from conftest import make_municipality

REFERENCE = datetime.date(2020, 1, 1)


def ocmw_of(municipality, residents):
    ocmw = Organisation.objects.create(
        type=OrganisationType.OCMW,
        name_nl=f"OCMW {municipality.name_nl}",
        municipality=municipality,
        province=municipality.province,
    )
    if residents is not None:
        PopulationFigure.objects.create(
            organisation=ocmw, reference_date=REFERENCE, inhabitants=residents, source="demo"
        )
    return ocmw


@pytest.fixture
def registry(geel, lennik, antwerp):
    """Geel and Lennik with OCMWs, a former municipality, a non-member and a company."""
    make_municipality("11002", "Antwerpen", antwerp, 529_000)
    make_municipality("12345", "Oud-Dorp", antwerp, 9_000, valid_until=datetime.date(2018, 12, 31))
    make_municipality("12346", "Buiten", antwerp, 9_000, is_member=False)
    ocmw_of(geel, 240)
    ocmw_of(lennik, None)  # no residents counted: must be listed, never billed zero
    Organisation.objects.create(
        type=OrganisationType.INTERMUNICIPAL, name_nl="IGEMO", company_number="0200068636"
    )
    PopulationFigure.objects.filter(organisation=lennik).update(inhabitants=9_201)


def adopted_tariff(administrator, year=2026, indexation="2.000"):
    tariff = services.create_tariff(
        year=year,
        reference_date=REFERENCE,
        indexation_percent=Decimal(indexation),
        notes="",
        by=administrator,
    )
    terms = {
        OrganisationType.MUNICIPALITY: dict(
            basis=FeeBasis.PER_CAPITA,
            rate=Decimal("0.52"),
            minimum=Decimal("5000.00"),
            maximum=Decimal("175000.00"),
            brackets=[
                BracketInput(25_000, Decimal("0.46")),
                BracketInput(100_000, Decimal("0.39")),
            ],
        ),
        OrganisationType.OCMW: dict(basis=FeeBasis.PER_CAPITA, rate=Decimal("4.50")),
        OrganisationType.INTERMUNICIPAL: dict(flat_amount=Decimal("2500.00")),
    }
    for rule in tariff.rules.all():
        rule_terms = terms.get(rule.organisation_type, {})
        services.update_rule(
            rule=rule,
            revision=Tariff.objects.get(pk=tariff.pk).revision,
            basis=rule_terms.get("basis", FeeBasis.FLAT),
            rate=rule_terms.get("rate", Decimal(0)),
            flat_amount=rule_terms.get("flat_amount", Decimal(0)),
            minimum=rule_terms.get("minimum"),
            maximum=rule_terms.get("maximum"),
            brackets=rule_terms.get("brackets", []),
            by=administrator,
        )
    return services.adopt_tariff(tariff=tariff, by=administrator)


def amounts(run):
    return {
        line.organisation.name_nl: line.amount for line in run.lines.select_related("organisation")
    }


@pytest.mark.django_db
def test_fee_run_totals_match_the_tariff_applied_by_hand(registry, administrator):
    run = services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)

    by_hand = {
        # (25,000 × 0.52 + 15,709 × 0.46) × 1.02 = 20,630.6628
        "Geel": Decimal("20630.66"),
        # 9,201 × 0.52 × 1.02 = 4,880.21 → the minimum
        "Lennik": Decimal("5000.00"),
        # (13,000 + 75,000 × 0.46 + 429,000 × 0.39) × 1.02 = 219,106.20 → the maximum
        "Antwerpen": Decimal("175000.00"),
        # 240 × 4.50 × 1.02
        "OCMW Geel": Decimal("1101.60"),
        "OCMW Lennik": None,
        "IGEMO": Decimal("2550.00"),
    }
    assert amounts(run) == by_hand
    assert run.total == sum(v for v in by_hand.values() if v)
    assert run.lines.get(organisation__name_nl="OCMW Lennik").problem == FeeProblem.NO_FIGURE


@pytest.mark.django_db
def test_running_again_gives_identical_amounts_and_stores_its_inputs(registry, administrator):
    tariff = adopted_tariff(administrator)

    first = services.compute_fee_run(tariff=tariff, by=administrator)
    second = services.compute_fee_run(tariff=tariff, by=administrator)

    assert amounts(first) == amounts(second)
    assert first.tariff_snapshot == second.tariff_snapshot
    assert first.tariff_snapshot["rules"]["municipality"]["brackets"] == [
        [25000, "0.4600"],
        [100000, "0.3900"],
    ]
    geel = first.lines.get(organisation__name_nl="Geel")
    assert geel.population == 40_709
    assert Decimal(geel.breakdown["after_indexation"]) == Decimal("20630.6628")


@pytest.mark.django_db
def test_issuing_with_missing_figures_needs_a_confirmation(registry, administrator):
    run = services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)

    with pytest.raises(FeeError):
        services.issue_fee_run(
            run=run,
            issued_on=datetime.date(2026, 1, 15),
            leave_out_problems=False,
            by=administrator,
        )

    assert not Invoice.objects.exists()
    assert FeeRun.objects.get(pk=run.pk).is_draft


@pytest.mark.django_db
def test_invoices_are_numbered_without_gaps_with_valid_references(registry, administrator):
    run = services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)

    invoices = services.issue_fee_run(
        run=run, issued_on=datetime.date(2026, 1, 15), leave_out_problems=True, by=administrator
    )

    assert sorted(invoice.number for invoice in invoices) == [1, 2, 3, 4, 5]
    references = [invoice.structured_reference for invoice in invoices]
    assert all(is_valid_structured_reference(reference) for reference in references)
    assert len(set(references)) == 5
    assert {invoice.due_on for invoice in invoices} == {datetime.date(2026, 2, 14)}
    assert "OCMW Lennik" not in {invoice.recipient_name for invoice in invoices}


@pytest.mark.django_db
def test_one_issued_run_per_year(registry, administrator):
    tariff = adopted_tariff(administrator)
    first = services.compute_fee_run(tariff=tariff, by=administrator)
    second = services.compute_fee_run(tariff=tariff, by=administrator)
    day = datetime.date(2026, 1, 15)
    services.issue_fee_run(run=first, issued_on=day, leave_out_problems=True, by=administrator)

    with pytest.raises(FeeError):
        services.issue_fee_run(run=second, issued_on=day, leave_out_problems=True, by=administrator)
    with pytest.raises(FeeError):
        services.delete_fee_run(run=first, by=administrator)
    assert Invoice.objects.count() == 5


@pytest.mark.django_db
def test_credit_notes_have_their_own_gapless_series(registry, administrator):
    run = services.compute_fee_run(tariff=adopted_tariff(administrator), by=administrator)
    day = datetime.date(2026, 1, 15)
    invoices = services.issue_fee_run(
        run=run, issued_on=day, leave_out_problems=True, by=administrator
    )
    geel = next(invoice for invoice in invoices if invoice.recipient_name == "Geel")

    note, corrected = services.credit_invoice(
        invoice=geel,
        amount=geel.amount,
        reason="Wrong population figure",
        issued_on=datetime.date(2026, 2, 1),
        corrected_amount=Decimal("19000.00"),
        by=administrator,
    )

    assert (note.kind, note.number, note.credited_invoice) == ("credit_note", 1, geel)
    assert (corrected.kind, corrected.number, corrected.amount) == (
        "invoice",
        6,
        Decimal("19000.00"),
    )
    assert is_valid_structured_reference(note.structured_reference)
    with pytest.raises(FeeError):  # nothing left to credit
        services.credit_invoice(
            invoice=geel, amount=Decimal("1.00"), reason="again", issued_on=day, by=administrator
        )


@pytest.mark.django_db
def test_an_adopted_tariff_is_fixed_and_a_stale_edit_is_refused(administrator):
    tariff = services.create_tariff(
        year=2027,
        reference_date=REFERENCE,
        indexation_percent=Decimal(0),
        notes="",
        by=administrator,
    )
    rule = tariff.rules.get(organisation_type=OrganisationType.MUNICIPALITY)
    edit = dict(
        basis=FeeBasis.PER_CAPITA,
        rate=Decimal("0.5"),
        flat_amount=Decimal(0),
        minimum=None,
        maximum=None,
        brackets=[],
        by=administrator,
    )
    services.update_rule(rule=rule, revision=tariff.revision, **edit)

    with pytest.raises(StaleEdit):  # a second form opened before the first save
        services.update_rule(rule=rule, revision=tariff.revision, **{**edit, "rate": Decimal("9")})
    tariff = services.adopt_tariff(tariff=tariff, by=administrator)
    with pytest.raises(FeeError):
        services.update_rule(rule=rule, revision=tariff.revision, **edit)
    assert tariff.rules.get(pk=rule.pk).rate == Decimal("0.5")


@pytest.mark.django_db
def test_a_draft_tariff_cannot_be_run(administrator):
    tariff = services.create_tariff(
        year=2027,
        reference_date=REFERENCE,
        indexation_percent=Decimal(0),
        notes="",
        by=administrator,
    )

    with pytest.raises(FeeError):
        services.compute_fee_run(tariff=tariff, by=administrator)


@pytest.mark.django_db
def test_copying_a_tariff_moves_its_reference_date_even_from_29_february(administrator):
    tariff = services.create_tariff(
        year=2025,
        reference_date=datetime.date(2024, 2, 29),
        indexation_percent=Decimal(0),
        notes="",
        by=administrator,
    )

    copy = services.copy_tariff(tariff=tariff, year=2026, by=administrator)

    assert (copy.year, copy.reference_date, copy.is_draft) == (
        2026,
        datetime.date(2025, 2, 28),
        True,
    )
    assert copy.rules.count() == tariff.rules.count()
