"""State changes of intermunicipal companies and their participants."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.lib.table_file import table_rows
from atelier.lib.uploads import UnreadableFile
from atelier.members.models import Organisation, OrganisationType, Province

from .company_file import (
    MAX_ROWS,
    CompanyFileError,
    CompanyRow,
    LineProblem,
    check_company_rows,
)
from .models import CompanyProfile, Participation


class CompanyError(Exception):
    """A change the rules refuse; the message says why."""


@transaction.atomic
def save_company(
    *,
    company: Organisation | None,
    name: str,
    company_number: str,
    legal_form: str,
    purpose: str,
    province: Province | None,
    by: User,
) -> Organisation:
    """Creates a company (when `company` is None) or updates its identity and profile."""
    if company is None:
        company = Organisation(type=OrganisationType.INTERMUNICIPAL)
    elif company.type != OrganisationType.INTERMUNICIPAL:
        raise CompanyError(_("This organisation is not an intermunicipal company."))
    company.name_nl = name
    company.company_number = company_number
    company.province = province
    company.full_clean(validate_unique=True)
    company.save()
    CompanyProfile.objects.update_or_create(
        organisation=company, defaults={"legal_form": legal_form, "purpose": purpose}
    )
    return company


@transaction.atomic
def add_participation(
    *,
    company: Organisation,
    participant: Organisation,
    shares: int,
    votes: int,
    joined_on: datetime.date,
    by: User,
) -> Participation:
    """A municipality joins the company (it must not be a current participant already)."""
    current = Participation.objects.select_for_update().filter(
        company=company, participant=participant, left_on__isnull=True
    )
    if current.exists():
        raise CompanyError(_("%(name)s already takes part.") % {"name": participant.name})
    return Participation.objects.create(
        company=company, participant=participant, shares=shares, votes=votes, joined_on=joined_on
    )


@transaction.atomic
def end_participation(
    *, participation: Participation, left_on: datetime.date, by: User
) -> Participation:
    """The participant leaves on that day; the participation stays in the history."""
    participation = Participation.objects.select_for_update().get(pk=participation.pk)
    if participation.left_on is not None:
        raise CompanyError(_("This participant has already left."))
    if left_on < participation.joined_on:
        raise CompanyError(_("A participant cannot leave before it joined."))
    participation.left_on = left_on
    participation.save(update_fields=["left_on"])
    return participation


@dataclass
class CompanyImport:
    """What an import did, or (when `problems` is not empty) why it did nothing."""

    problems: list[LineProblem] = field(default_factory=list)
    file_problem: str = ""
    companies_created: int = 0
    companies_updated: int = 0
    participations_added: int = 0
    participations_updated: int = 0

    @property
    def applied(self) -> bool:
        return not self.problems and not self.file_problem


def import_companies(*, content: bytes, file_name: str, by: User | None) -> CompanyImport:
    """Check every row of the file, then write all companies and participants or nothing."""
    municipalities = {
        m.nis_code: m
        for m in Organisation.objects.current().filter(type=OrganisationType.MUNICIPALITY)
    }
    try:
        checked = check_company_rows(
            table_rows(content, file_name, max_rows=MAX_ROWS), participants=set(municipalities)
        )
    except (UnreadableFile, CompanyFileError) as exc:
        return CompanyImport(file_problem=str(exc))
    problems = checked.problems + _numbers_of_other_organisations(checked.rows)
    if problems:
        return CompanyImport(problems=sorted(problems, key=lambda p: p.line))
    return _apply_import(checked.rows, municipalities)


def _numbers_of_other_organisations(rows: list[CompanyRow]) -> list[LineProblem]:
    others = dict(
        Organisation.objects.filter(company_number__in={row.company_number for row in rows})
        .exclude(type=OrganisationType.INTERMUNICIPAL)
        .values_list("company_number", "name_nl")
    )
    return [
        LineProblem(
            row.line,
            _("company number %(number)s belongs to %(name)s, which is not a company")
            % {"number": row.company_number, "name": others[row.company_number]},
        )
        for row in rows
        if row.company_number in others
    ]


@transaction.atomic
def _apply_import(rows: list[CompanyRow], municipalities: dict[str, Organisation]) -> CompanyImport:
    result = CompanyImport()
    existing = Organisation.objects.select_for_update().filter(
        company_number__in={row.company_number for row in rows}
    )
    companies = {company.company_number: company for company in existing}
    written: set[str] = set()
    for row in rows:
        if row.company_number not in written:
            companies[row.company_number] = _import_company(
                row, companies.get(row.company_number), result
            )
            written.add(row.company_number)
        company = companies[row.company_number]
        _import_participation(row, company, municipalities[row.nis_code], result)
    return result


def _import_company(
    row: CompanyRow, company: Organisation | None, result: CompanyImport
) -> Organisation:
    if company is None:
        company = Organisation(type=OrganisationType.INTERMUNICIPAL)
        result.companies_created += 1
    else:
        result.companies_updated += 1
    company.name_nl = row.name
    company.company_number = row.company_number
    company.save()
    CompanyProfile.objects.update_or_create(
        organisation=company, defaults={"legal_form": row.legal_form, "purpose": row.purpose}
    )
    return company


def _import_participation(
    row: CompanyRow, company: Organisation, participant: Organisation, result: CompanyImport
) -> None:
    updated = Participation.objects.filter(
        company=company, participant=participant, left_on__isnull=True
    ).update(shares=row.shares, votes=row.votes)
    if updated:
        result.participations_updated += 1
        return
    Participation.objects.create(
        company=company,
        participant=participant,
        shares=row.shares,
        votes=row.votes,
        joined_on=row.joined_on,
    )
    result.participations_added += 1
