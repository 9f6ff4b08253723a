import datetime
from typing import Literal

from ninja import Schema

from atelier.accounts.models import Role
from atelier.fees.models import DocumentKind
from atelier.members.models import OrganisationType


class PopulationOut(Schema):
    inhabitants: int
    reference_date: datetime.date


class ProvinceOut(Schema):
    nis_code: str
    name_nl: str
    name_fr: str
    name_en: str
    iso_code: str


class OrganisationOut(Schema):
    id: int
    type: OrganisationType
    nis_code: str | None
    company_number: str | None
    name_nl: str
    name_fr: str
    province: ProvinceOut | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    population: PopulationOut | None


class OrganisationPage(Schema):
    count: int
    items: list[OrganisationOut]


class SuccessionOut(Schema):
    organisation_id: int
    name_nl: str
    nis_code: str | None
    effective_date: datetime.date


class OrganisationDetailOut(OrganisationOut):
    municipality_id: int | None
    population_history: list[PopulationOut]
    predecessors: list[SuccessionOut]
    successors: list[SuccessionOut]


class PersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    role: Role
    job_title: str


class PeoplePage(Schema):
    count: int
    items: list[PersonOut]


class MeOut(PersonOut):
    organisation_id: int | None


class InvoiceOut(Schema):
    id: int
    number: str
    kind: DocumentKind
    year: int
    organisation_id: int | None  # None: a participant outside any organisation
    member_name: str
    nis_code: str | None
    company_number: str | None
    amount: str  # a decimal string in euro: "20630.66"
    structured_reference: str  # "+++202/6100/00185+++"
    issued_on: datetime.date
    due_on: datetime.date
    paid: str
    credited: str
    status: Literal["paid", "open", "partial", "overdue", "credited", "overpaid"]
    credits_invoice: str | None
    pdf_url: str
    ubl_url: str  # the Peppol BIS Billing 3.0 e-invoice


class InvoicePage(Schema):
    count: int
    items: list[InvoiceOut]


class EditionSessionOut(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue_name: str | None
    venue_address: str | None
    online_url: str | None


class EditionOut(Schema):
    id: int
    course_title: str
    kind: Literal["training", "seminar"]
    audience: Literal["councillors", "staff", "both"] | None  # whom a seminar is for
    level_number: int | None  # seminars have no level
    level_name: str | None
    language: Literal["nl", "en"]
    starts_at: datetime.datetime | None
    seats_left: int
    capacity: int
    price_member: str  # a decimal string in euro: "120.00"
    price_non_member: str
    registration_deadline: datetime.datetime
    sessions: list[EditionSessionOut]
    ical_url: str
    url: str


class EditionPage(Schema):
    count: int
    items: list[EditionOut]
