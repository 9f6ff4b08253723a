"""REST API v1: the same selectors and access rules as the interface."""

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import NinjaAPI, Query, Schema
from ninja.security import django_auth

from atelier.accounts.access import get_organisation_people_for_user, people_of
from atelier.fees import selectors as fee_selectors
from atelier.fees.models import Invoice
from atelier.members import selectors
from atelier.members.models import Organisation, Succession

from .auth import BearerToken
from .schemas import (
    InvoicePage,
    MeOut,
    OrganisationDetailOut,
    OrganisationPage,
    PeoplePage,
)

api = NinjaAPI(
    title="Atelier API",
    version="1",
    urls_namespace="api-v1",
    description="Member registry and, in later versions, the academy and the workspace.",
)
authenticated = [BearerToken(), django_auth]
MAX_LIMIT = 1000


class OrganisationQuery(Schema):
    type: str = ""
    search: str = ""
    province: str = ""
    size: str = ""
    include_former: bool = False
    limit: int = 100
    offset: int = 0


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
            type=query.type,
            province=query.province,
            size_class=query.size,
            include_former=query.include_former,
        )
    )
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = max(0, query.offset)
    items = organisations[offset : offset + limit]
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


class InvoiceQuery(Schema):
    year: int | None = None
    limit: int = 100
    offset: int = 0


def _invoice(request: HttpRequest, invoice: Invoice) -> dict[str, Any]:
    identifier = invoice.recipient_identifier
    is_nis = len(identifier) == 5
    credited = invoice.credited_invoice
    return {
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
    }


@api.get("/invoices", response=InvoicePage, auth=authenticated, tags=["fees"])
def list_invoices(request: HttpRequest, query: Query[InvoiceQuery]) -> dict[str, Any]:
    """Invoices and credit notes: all for administrators, a coordinator's own organisation's."""
    invoices = fee_selectors.invoices_visible_to(request.user).select_related("credited_invoice")  # type: ignore[arg-type]
    if query.year:
        invoices = invoices.filter(year=query.year)
    invoices = invoices.order_by("year", "kind", "number")
    limit = max(1, min(query.limit, MAX_LIMIT))
    offset = max(0, query.offset)
    page = invoices[offset : offset + limit]
    return {"count": invoices.count(), "items": [_invoice(request, i) for i in page]}
