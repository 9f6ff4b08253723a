"""Writes for fees: tariffs, fee runs, invoices and credit notes."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from atelier.accounts.models import User
from atelier.lib.structured_reference import make_structured_reference
from atelier.members.models import Organisation, OrganisationType
from atelier.notifications.models import Kind
from atelier.notifications.recipients import coordinators_of
from atelier.notifications.services import notify

from . import selectors
from .calculation import compute_fee, snapshot_of, terms_from_snapshot
from .models import (
    COMPANY_BASES,
    DocumentKind,
    FeeBasis,
    FeeLine,
    FeeProblem,
    FeeRun,
    Invoice,
    InvoiceSequence,
    Tariff,
    TariffBracket,
    TariffRule,
)

PER_CAPITA_TYPES = (OrganisationType.MUNICIPALITY, OrganisationType.OCMW)
KIND_DIGIT: dict[str, int] = {DocumentKind.INVOICE: 1, DocumentKind.CREDIT_NOTE: 2}


class FeeError(Exception):
    """A fee action that cannot be done, with a message for the person who tried."""


class StaleEdit(FeeError):
    """Someone else changed the tariff since this form was opened."""


@dataclass(frozen=True)
class BracketInput:
    from_population: int
    rate: Decimal


def _check_draft(tariff: Tariff, revision: int | None = None) -> None:
    if not tariff.is_draft:
        raise FeeError(_("An adopted tariff cannot be changed; copy it to a new draft."))
    if revision is not None and revision != tariff.revision:
        raise StaleEdit(
            _("Someone else changed this tariff meanwhile. Reload it and make your change again.")
        )


def _locked(tariff: Tariff) -> Tariff:
    return Tariff.objects.select_for_update().get(pk=tariff.pk)


@transaction.atomic
def create_tariff(
    *, year: int, reference_date: datetime.date, indexation_percent: Decimal, notes: str, by: User
) -> Tariff:
    """A draft tariff with a rule for every member type: per capita or a flat fee."""
    tariff = Tariff.objects.create(
        year=year,
        reference_date=reference_date,
        indexation_percent=indexation_percent,
        notes=notes,
    )
    for member_type in OrganisationType.values:
        basis = FeeBasis.PER_CAPITA if member_type in PER_CAPITA_TYPES else FeeBasis.FLAT
        TariffRule.objects.create(tariff=tariff, organisation_type=member_type, basis=basis)
    return tariff


def _same_day_in(day: datetime.date, year: int) -> datetime.date:
    """The same day and month in another year; 29 February becomes the 28th."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


@transaction.atomic
def copy_tariff(*, tariff: Tariff, year: int, by: User) -> Tariff:
    """A new draft for another year with the same rules and brackets."""
    reference_date = _same_day_in(
        tariff.reference_date, tariff.reference_date.year + year - tariff.year
    )
    copy = Tariff.objects.create(
        year=year,
        reference_date=reference_date,
        indexation_percent=tariff.indexation_percent,
        notes=tariff.notes,
    )
    for rule in tariff.rules.prefetch_related("brackets"):
        brackets = list(rule.brackets.all())
        rule.pk = None
        rule.tariff = copy
        rule.save()
        TariffBracket.objects.bulk_create(
            TariffBracket(rule=rule, from_population=b.from_population, rate=b.rate)
            for b in brackets
        )
    return copy


@transaction.atomic
def update_tariff(
    *,
    tariff: Tariff,
    revision: int,
    year: int,
    reference_date: datetime.date,
    indexation_percent: Decimal,
    notes: str,
    by: User,
) -> Tariff:
    """Changes a draft tariff's year, reference date, indexation or notes."""
    tariff = _locked(tariff)
    _check_draft(tariff, revision)
    tariff.year = year
    tariff.reference_date = reference_date
    tariff.indexation_percent = indexation_percent
    tariff.notes = notes
    tariff.revision += 1
    tariff.save()
    return tariff


@transaction.atomic
def update_rule(
    *,
    rule: TariffRule,
    revision: int,
    basis: str,
    rate: Decimal,
    flat_amount: Decimal,
    minimum: Decimal | None,
    maximum: Decimal | None,
    brackets: list[BracketInput],
    by: User,
) -> TariffRule:
    """Replaces one member type's rule and brackets in a draft tariff."""
    tariff = _locked(rule.tariff)
    _check_draft(tariff, revision)
    if minimum is not None and maximum is not None and maximum < minimum:
        raise FeeError(_("The maximum is below the minimum."))
    if basis in COMPANY_BASES and rule.organisation_type != OrganisationType.INTERMUNICIPAL:
        raise FeeError(_("Only intermunicipal companies can pay by their participants."))
    rule.basis, rule.rate, rule.flat_amount = basis, rate, flat_amount
    rule.minimum, rule.maximum = minimum, maximum
    rule.save()
    rule.brackets.all().delete()
    TariffBracket.objects.bulk_create(
        TariffBracket(rule=rule, from_population=b.from_population, rate=b.rate) for b in brackets
    )
    tariff.revision += 1
    tariff.save(update_fields=["revision"])
    return rule


@transaction.atomic
def adopt_tariff(*, tariff: Tariff, by: User) -> Tariff:
    """Fixes a draft tariff; fee runs can use it from now on."""
    tariff = _locked(tariff)
    _check_draft(tariff)
    if Tariff.objects.filter(year=tariff.year, status=Tariff.Status.ADOPTED).exists():
        raise FeeError(_("Another tariff is already adopted for this year."))
    tariff.status = Tariff.Status.ADOPTED
    tariff.adopted_at = timezone.now()
    tariff.adopted_by = by
    tariff.revision += 1
    tariff.save()
    return tariff


@transaction.atomic
def delete_tariff(*, tariff: Tariff, by: User) -> None:
    """Removes a draft tariff."""
    tariff = _locked(tariff)
    _check_draft(tariff)
    tariff.delete()


def _fee_line(
    run: FeeRun, organisation: Organisation, population: int | None, snapshot: dict
) -> FeeLine:
    terms = terms_from_snapshot(snapshot)
    line = FeeLine(
        run=run,
        organisation=organisation,
        organisation_type=organisation.type,
        population=population,
    )
    rule = terms.rules.get(organisation.type)
    if rule is None:
        line.problem = FeeProblem.NO_RULE
    elif rule.basis != FeeBasis.FLAT and population is None:
        line.problem = FeeProblem.NO_FIGURE
    else:
        computed = compute_fee(rule, population, terms.indexation_percent)
        line.amount, line.breakdown = computed.amount, computed.breakdown
    return line


@transaction.atomic
def compute_fee_run(*, tariff: Tariff, by: User) -> FeeRun:
    """A draft run: every member's fee for the tariff's year, or why it has none."""
    if tariff.is_draft:
        raise FeeError(_("Adopt the tariff before running it."))
    snapshot = snapshot_of(tariff)
    run = FeeRun.objects.create(
        tariff=tariff, year=tariff.year, tariff_snapshot=snapshot, created_by=by
    )
    members = selectors.members_billed_in(tariff.year)
    figures = selectors.fee_quantities(
        tariff.reference_date, members, terms_from_snapshot(snapshot)
    )
    lines = [_fee_line(run, member, figures.get(member.pk), snapshot) for member in members]
    FeeLine.objects.bulk_create(lines, batch_size=500)
    run.total = sum((line.amount for line in lines if line.amount), Decimal("0.00"))
    run.save(update_fields=["total"])
    return run


@transaction.atomic
def delete_fee_run(*, run: FeeRun, by: User) -> None:
    """Removes a draft run."""
    run = FeeRun.objects.select_for_update().get(pk=run.pk)
    if not run.is_draft:
        raise FeeError(_("An issued fee run cannot be deleted; credit its invoices instead."))
    run.delete()


def _reserve_numbers(kind: str, year: int, count: int) -> range:
    """The next `count` numbers of a series; the row lock keeps them gapless and unique."""
    InvoiceSequence.objects.get_or_create(kind=kind, year=year)
    sequence = InvoiceSequence.objects.select_for_update().get(kind=kind, year=year)
    first = sequence.last_number + 1
    sequence.last_number += count
    sequence.save(update_fields=["last_number"])
    return range(first, first + count)


def _reference(kind: str, year: int, number: int) -> str:
    if number > 99_999:
        raise FeeError(_("More than 99,999 documents in one year do not fit the numbering."))
    return make_structured_reference(year * 1_000_000 + KIND_DIGIT[kind] * 100_000 + number)


def _fee_description(year: int, language: str) -> str:
    with override(language):
        return _("Membership fee %(year)s") % {"year": year}


@transaction.atomic
def issue_fee_run(
    *, run: FeeRun, issued_on: datetime.date, leave_out_problems: bool, by: User
) -> list[Invoice]:
    """Invoices for every line with a fee, numbered without gaps; the run becomes final."""
    run = FeeRun.objects.select_for_update().get(pk=run.pk)
    if not run.is_draft:
        raise FeeError(_("This fee run has been issued already."))
    if FeeRun.objects.filter(year=run.year, status=FeeRun.Status.ISSUED).exists():
        raise FeeError(_("Another fee run has been issued for this year."))
    if run.lines.exclude(problem="").exists() and not leave_out_problems:
        raise FeeError(_("Some members have no fee. Confirm that they are left out of this run."))
    lines = list(run.lines.filter(problem="", amount__gt=0).select_related("organisation"))
    numbers = _reserve_numbers(DocumentKind.INVOICE, run.year, len(lines))
    language = settings.LANGUAGE_CODE
    invoices = [
        Invoice(
            kind=DocumentKind.INVOICE,
            year=run.year,
            number=number,
            organisation=line.organisation,
            fee_line=line,
            recipient_name=line.organisation.name,
            recipient_identifier=line.organisation.identifier,
            description=_fee_description(run.year, language),
            language=language,
            amount=line.amount,
            structured_reference=_reference(DocumentKind.INVOICE, run.year, number),
            issued_on=issued_on,
            due_on=issued_on + datetime.timedelta(days=settings.INVOICE_PAYMENT_DAYS),
            created_by=by,
        )
        for line, number in zip(lines, numbers, strict=True)
    ]
    Invoice.objects.bulk_create(invoices, batch_size=500)
    _notify_issued(run)
    run.status, run.issued_at, run.issued_by = FeeRun.Status.ISSUED, timezone.now(), by
    run.save(update_fields=["status", "issued_at", "issued_by"])
    return invoices


def _notify_issued(run: FeeRun) -> None:
    """Tells each member's coordinators that its invoice was issued."""
    issued = Invoice.objects.filter(fee_line__run=run)
    coordinators = coordinators_of(set(issued.values_list("organisation_id", flat=True)))
    for invoice in issued.filter(organisation_id__in=coordinators):
        for person in coordinators.get(invoice.organisation_id or 0, []):
            notify(
                recipient=person,
                kind=Kind.INVOICE_ISSUED,
                key=f"invoice:{invoice.pk}",
                url=reverse("fees:member_invoices"),
                params={
                    "number": invoice.display_number,
                    "amount": str(invoice.amount),
                    "member": invoice.recipient_name,
                },
            )


def _new_document(
    *, kind: str, source: Invoice, amount: Decimal, reason: str, issued_on: datetime.date, by: User
) -> Invoice:
    (number,) = _reserve_numbers(kind, issued_on.year, 1)
    return Invoice.objects.create(
        kind=kind,
        year=issued_on.year,
        number=number,
        organisation=source.organisation,
        credited_invoice=source if kind == DocumentKind.CREDIT_NOTE else None,
        recipient_name=source.recipient_name,
        recipient_identifier=source.recipient_identifier,
        description=source.description,
        reason=reason,
        language=source.language,
        amount=amount,
        structured_reference=_reference(kind, issued_on.year, number),
        issued_on=issued_on,
        due_on=issued_on + datetime.timedelta(days=settings.INVOICE_PAYMENT_DAYS),
        created_by=by,
    )


@transaction.atomic
def credit_invoice(
    *,
    invoice: Invoice,
    amount: Decimal,
    reason: str,
    issued_on: datetime.date,
    corrected_amount: Decimal | None = None,
    credited_before: Decimal | None = None,
    by: User,
) -> tuple[Invoice, Invoice | None]:
    """A credit note against an invoice and, for a correction, the corrected invoice.

    `credited_before` is what the person saw credited when they opened the form: a second
    click, or a second tab, then finds it changed and is refused instead of crediting twice.
    """
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.is_credit_note:
        raise FeeError(_("A credit note cannot be credited."))
    if credited_before is not None and selectors.credited_amount(invoice) != credited_before:
        raise FeeError(
            _("This invoice was credited meanwhile. Check its credit notes before crediting again.")
        )
    creditable = selectors.creditable_amount(invoice)
    if not Decimal("0.01") <= amount <= creditable:
        raise FeeError(
            _("The credit must be between € 0.01 and € %(max)s, what is left to credit.")
            % {"max": creditable}
        )
    if not reason.strip():
        raise FeeError(_("Give the reason for the credit note."))
    document = partial(_new_document, source=invoice, reason=reason, issued_on=issued_on, by=by)
    note = document(kind=DocumentKind.CREDIT_NOTE, amount=amount)
    corrected = None
    if corrected_amount:
        corrected = document(kind=DocumentKind.INVOICE, amount=corrected_amount)
    return note, corrected
