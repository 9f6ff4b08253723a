"""REST API v1: the same selectors and access rules as the interface."""

import datetime
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.security import django_auth
from pydantic import StrictInt

from atelier.academy.api import router as academy_router
from atelier.academy.models import CourseKind, Edition, Enrolment, Session
from atelier.academy.selectors import catalogue as academy_selectors
from atelier.academy.selectors import enrolment as enrolment_selectors
from atelier.academy.services.enrolment import EnrolmentRefused, cancel, enrol, may_cancel
from atelier.accounts.access import get_organisation_people_for_user, people_of
from atelier.accounts.models import User
from atelier.advice.api import router as advice_router
from atelier.canvases.api import router as canvases_router
from atelier.companies.api import router as companies_router
from atelier.contacts.api import router as contacts_router
from atelier.fees import selectors as fee_selectors
from atelier.fees.api import router as fees_router
from atelier.fees.models import Invoice
from atelier.guidance.api import router as guidance_router
from atelier.knowledge.api import router as knowledge_router
from atelier.members import selectors
from atelier.members.api import router as population_router
from atelier.members.models import Organisation, OrganisationType, SizeClass, Succession
from atelier.method.api import router as method_router
from atelier.projects.api import router as projects_router
from atelier.search.api import router as search_router

from .auth import BearerToken
from .errors import (
    Error,
    ObjectBodyParser,
    answer_refusals_as_errors,
    document_refusals,
    error,
)
from .schemas import (
    EditionPage,
    InvoicePage,
    MeOut,
    OrganisationDetailOut,
    OrganisationPage,
    PeoplePage,
)
from .types import PageQuery, Text


class AtelierAPI(NinjaAPI):
    """The API whose OpenAPI document also lists the refusals the framework answers."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return document_refusals(super().get_openapi_schema(**kwargs))


api = AtelierAPI(
    title="Atelier API",
    version="1",
    urls_namespace="api-v1",
    description=(
        "Member registry, academy, fees, method library and the service design workspace. "
        'Every refusal answers `{"detail": "...", "problems": [...]}` (see `Error`).'
    ),
    parser=ObjectBodyParser(),
)
answer_refusals_as_errors(api)
authenticated = [BearerToken(), django_auth]


class OrganisationQuery(PageQuery):
    type: OrganisationType | None = None
    search: Text = ""
    province: Text = ""  # a province's NIS code: "10000"
    size: SizeClass | None = None
    include_former: bool = False


def _population(organisation: Organisation) -> dict[str, Any] | None:
    inhabitants = getattr(organisation, "latest_inhabitants", None)
    if inhabitants is None:
        return None
    return {"inhabitants": inhabitants, "reference_date": organisation.latest_reference_date}  # type: ignore[attr-defined]


def _organisation(organisation: Organisation) -> dict[str, Any]:
    return {
        "id": organisation.pk,
        "type": organisation.type,
        "nis_code": organisation.nis_code or None,
        "company_number": organisation.company_number or None,
        "name_nl": organisation.name_nl,
        "name_fr": organisation.name_fr,
        "province": organisation.province,
        "valid_from": organisation.valid_from,
        "valid_until": organisation.valid_until,
        "population": _population(organisation),
    }


@api.get("/organisations", response=OrganisationPage, tags=["registry"])
def list_organisations(request: HttpRequest, query: Query[OrganisationQuery]) -> dict[str, Any]:
    """The member registry (public), filtered like the member list."""
    organisations = selectors.organisation_list(
        selectors.OrganisationFilter(
            search=query.search,
            type=query.type or "",
            province=query.province,
            size_class=query.size or "",
            include_former=query.include_former,
        )
    )
    items = organisations[query.offset : query.offset + query.limit]
    return {"count": organisations.count(), "items": [_organisation(o) for o in items]}


def _succession(succession: Succession, other: Organisation) -> dict[str, Any]:
    return {
        "organisation_id": other.pk,
        "name_nl": other.name_nl,
        "nis_code": other.nis_code or None,
        "effective_date": succession.effective_date,
    }


@api.get("/organisations/{organisation_id}", response=OrganisationDetailOut, tags=["registry"])
def get_organisation(request: HttpRequest, organisation_id: int) -> dict[str, Any]:
    """One organisation with its population history and mergers (public)."""
    organisation = get_object_or_404(selectors.organisations_with_population(), pk=organisation_id)
    history = selectors.organisation_history(organisation)
    return {
        **_organisation(organisation),
        "municipality_id": organisation.municipality_id,
        "population_history": list(organisation.population_figures.all()),
        "predecessors": [_succession(s, s.predecessor) for s in history["predecessors"]],
        "successors": [_succession(s, s.successor) for s in history["successors"]],
    }


@api.get(
    "/organisations/{organisation_id}/people",
    response=PeoplePage,
    auth=authenticated,
    tags=["registry"],
)
def list_people(request: HttpRequest, organisation_id: int) -> dict[str, Any]:
    """The people of an organisation: for its own members and association staff, else 404."""
    organisation = get_organisation_people_for_user(request.user, organisation_id)  # type: ignore[arg-type]
    people = list(people_of(request.user, organisation))  # type: ignore[arg-type]
    return {"count": len(people), "items": people}


@api.get("/me", response=MeOut, auth=authenticated, tags=["accounts"])
def me(request: HttpRequest) -> Any:
    """The person the token belongs to."""
    return request.user


class InvoiceQuery(PageQuery):
    year: int | None = Field(None, ge=1, le=9999)


def _invoice(request: HttpRequest, invoice: Invoice) -> dict[str, Any]:
    identifier = invoice.recipient_identifier
    is_nis = len(identifier) == 5
    credited = invoice.credited_invoice
    return {
        "id": invoice.pk,
        "number": invoice.display_number,
        "kind": invoice.kind,
        "year": invoice.year,
        "organisation_id": invoice.organisation_id,
        "member_name": invoice.recipient_name,
        "nis_code": identifier if is_nis else None,
        "company_number": None if is_nis else identifier,
        "amount": str(invoice.amount),
        "structured_reference": invoice.formatted_reference,
        "issued_on": invoice.issued_on,
        "due_on": invoice.due_on,
        "paid": str(invoice.paid),  # type: ignore[attr-defined]
        "credited": str(invoice.credited),  # type: ignore[attr-defined]
        "status": fee_selectors.status_of(invoice, timezone.localdate()),
        "credits_invoice": credited.display_number if credited else None,
        "pdf_url": request.build_absolute_uri(reverse("fees:invoice_pdf", args=[invoice.pk])),
        "ubl_url": request.build_absolute_uri(reverse("api-v1:invoice_ubl_xml", args=[invoice.pk])),
    }


@api.get("/invoices", response=InvoicePage, auth=authenticated, tags=["fees"])
def list_invoices(request: HttpRequest, query: Query[InvoiceQuery]) -> dict[str, Any]:
    """Invoices and credit notes: all for administrators, a coordinator's own organisation's."""
    invoices = fee_selectors.invoices_visible_to(request.user).select_related("credited_invoice")  # type: ignore[arg-type]
    if query.year:
        invoices = invoices.filter(year=query.year)
    invoices = invoices.order_by("year", "kind", "number")
    page = invoices[query.offset : query.offset + query.limit]
    return {"count": invoices.count(), "items": [_invoice(request, i) for i in page]}


Month = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]


class EditionQuery(PageQuery):
    level: int | None = Field(None, ge=0, le=100)
    province: Text = ""  # a province's NIS code: "10000"
    month: Month | None = None  # YYYY-MM
    language: Literal["nl", "en"] | None = None
    kind: CourseKind | None = None
    audience: Literal["councillors", "staff"] | None = None
    topic: Text = ""  # a knowledge topic's slug


def _month(text: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(text, "%Y-%m").date() if text else None  # noqa: DTZ007
    except ValueError:
        return None


def _edition_session(session: Session) -> dict[str, Any]:
    venue = session.venue
    return {
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "venue_name": venue.name if venue else None,
        "venue_address": venue.address if venue else None,
        "online_url": session.online_url or None,
    }


def _edition(request: HttpRequest, edition: Edition) -> dict[str, Any]:
    course, level = edition.course, edition.course.level
    return {
        "id": edition.pk,
        "course_title": course.title,
        "kind": course.kind,
        "audience": course.audience or None,
        "level_number": level.number if level else None,
        "level_name": level.name if level else None,
        "language": edition.language,
        "starts_at": edition.starts_at,
        "seats_left": edition.seats_left,
        "capacity": edition.capacity,
        "price_member": str(edition.price_member),
        "price_non_member": str(edition.price_non_member),
        "registration_deadline": edition.registration_deadline,
        "sessions": [_edition_session(s) for s in edition.sessions.all()],
        "ical_url": request.build_absolute_uri(reverse("academy:edition_ical", args=[edition.pk])),
        "url": request.build_absolute_uri(reverse("academy:edition", args=[edition.pk])),
    }


@api.get("/editions", response=EditionPage, tags=["academy"])
def list_editions(request: HttpRequest, query: Query[EditionQuery]) -> dict[str, Any]:
    """The public training catalogue: editions open for enrolment or still ahead."""
    filters = academy_selectors.CatalogueFilter(
        level=query.level,
        province=query.province,
        month=_month(query.month or ""),
        language=query.language or "",
        kind=query.kind or "",
        audience=query.audience or "",
        topic=query.topic,
    )
    editions = academy_selectors.with_sessions(academy_selectors.catalogue(filters))
    page = editions[query.offset : query.offset + query.limit]
    return {"count": editions.count(), "items": [_edition(request, e) for e in page]}


class EnrolmentIn(Schema):
    person_id: StrictInt | None = None  # true/false are not people


class EnrolmentOut(Schema):
    id: int
    edition_id: int
    course: str
    person_id: int
    status: Enrolment.Status
    waitlist_position: int | None
    starts_at: datetime.datetime | None
    created_at: datetime.datetime
    certificate_url: str | None  # the certificate PDF, once issued


class EnrolmentPage(Schema):
    count: int
    items: list[EnrolmentOut]


def _certificate_url(request: HttpRequest, enrolment: Enrolment) -> str | None:
    certificate = getattr(enrolment, "certificate", None)
    if certificate is None:
        return None
    return request.build_absolute_uri(reverse("academy:certificate_pdf", args=[certificate.code]))


def _enrolment(request: HttpRequest, enrolment: Enrolment) -> dict[str, Any]:
    return {
        "id": enrolment.pk,
        "edition_id": enrolment.edition_id,
        "course": enrolment.edition.course.title,
        "person_id": enrolment.person_id,
        "status": enrolment.status,
        "waitlist_position": getattr(enrolment, "position", None)
        if enrolment.status == Enrolment.Status.WAITLISTED
        else None,
        "starts_at": enrolment.edition.starts_at,
        "created_at": enrolment.created_at,
        "certificate_url": _certificate_url(request, enrolment),
    }


def _refusal(refusal: EnrolmentRefused) -> Status:
    return Status(403 if refusal.forbidden else 400, error(refusal.message))


@api.post(
    "/editions/{edition_id}/enrolments",
    response={201: EnrolmentOut, 400: Error, 403: Error, 404: Error},
    auth=authenticated,
    tags=["academy"],
)
def create_enrolment(request: HttpRequest, edition_id: int, payload: EnrolmentIn) -> Any:
    """Enrols the token's person, or with person_id a colleague (for coordinators)."""
    edition = get_object_or_404(Edition, pk=edition_id)
    person = get_object_or_404(User, pk=payload.person_id) if payload.person_id else request.user
    try:
        enrolment = enrol(edition=edition, person=person, by=request.user)  # type: ignore[arg-type]
    except EnrolmentRefused as refusal:
        return _refusal(refusal)
    position = enrolment_selectors.live_enrolment(edition=edition, person=person)  # type: ignore[arg-type]
    return Status(201, _enrolment(request, position or enrolment))


@api.delete(
    "/enrolments/{enrolment_id}",
    response={200: EnrolmentOut, 400: Error, 403: Error, 404: Error},
    auth=authenticated,
    tags=["academy"],
)
def delete_enrolment(request: HttpRequest, enrolment_id: int) -> Any:
    """Cancels an enrolment; a freed seat goes to the first on the waitlist."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("edition__course"), pk=enrolment_id
    )
    if not may_cancel(by=request.user, enrolment=enrolment):  # type: ignore[arg-type]
        raise Http404  # someone else's enrolment is not there for this person
    try:
        enrolment = cancel(enrolment=enrolment, by=request.user)  # type: ignore[arg-type]
    except EnrolmentRefused as refusal:
        return _refusal(refusal)
    return Status(200, _enrolment(request, enrolment))


@api.get("/enrolments", response=EnrolmentPage, auth=authenticated, tags=["academy"])
def list_enrolments(request: HttpRequest) -> dict[str, Any]:
    """The token's person's own enrolments, newest first."""
    enrolments = list(enrolment_selectors.enrolments_for_api(request.user))  # type: ignore[arg-type]
    return {"count": len(enrolments), "items": [_enrolment(request, e) for e in enrolments]}


# The workspace's endpoints live next to their apps, with the same access helpers as the pages.
api.add_router("/", method_router)
api.add_router("/", projects_router)
api.add_router("/", canvases_router)
api.add_router("/", guidance_router)
api.add_router("/", fees_router)
api.add_router("/", advice_router)
api.add_router("/", knowledge_router)
api.add_router("/", academy_router)
api.add_router("/", companies_router)
api.add_router("/", contacts_router)
api.add_router("/", population_router)
api.add_router("/", search_router)
