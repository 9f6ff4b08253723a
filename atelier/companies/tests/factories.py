"""Small builders for companies, their participants and company files."""

import datetime
import io

from openpyxl import Workbook

from atelier.companies.models import CompanyProfile, LegalForm, Participation, Purpose
from atelier.lib.company_number import company_number_check_digits
from atelier.members.models import Organisation, OrganisationType

HEADER = (
    "company_number",
    "name",
    "legal_form",
    "purpose",
    "nis_code",
    "shares",
    "votes",
    "joined_on",
)


def company_number(serial: int) -> str:
    first_eight = f"0{serial:07d}"
    return first_eight + company_number_check_digits(first_eight)


def make_company(
    name: str, serial: int, purpose: str = Purpose.WASTE, **participants: int
) -> Organisation:
    company = Organisation.objects.create(
        type=OrganisationType.INTERMUNICIPAL, name_nl=name, company_number=company_number(serial)
    )
    CompanyProfile.objects.create(
        organisation=company, legal_form=LegalForm.SERVICE, purpose=purpose
    )
    return company


def join(
    company: Organisation,
    participant: Organisation,
    shares: int,
    joined_on: datetime.date = datetime.date(2010, 1, 1),
    left_on: datetime.date | None = None,
) -> Participation:
    return Participation.objects.create(
        company=company,
        participant=participant,
        shares=shares,
        votes=shares,
        joined_on=joined_on,
        left_on=left_on,
    )


def csv_file(rows: list[tuple[object, ...]], header: tuple[str, ...] = HEADER) -> bytes:
    lines = [";".join(header)] + [";".join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def xlsx_file(rows: list[tuple[object, ...]], header: tuple[str, ...] = HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
