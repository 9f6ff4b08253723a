"""API v1 for billing: charges and the e-invoice (UBL) of an invoice or credit note."""

import datetime
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from ninja.security import django_auth

from atelier.academy.models import Charge
from atelier.accounts.access import user_of
from atelier.api.auth import BearerToken
from atelier.api.errors import Error, error
from atelier.api.types import PageQuery

from . import selectors
from .access import get_invoice_for_user
from .selectors import enrolment_of, order_of
from .ubl import UblError, invoice_ubl, ubl_file_name

router = Router(tags=["fees"])
authenticated = [BearerToken(), django_auth]
# What happened to a charge: waiting for the next charges run, on an invoice, or cancelled.
ChargeStateName = Literal["to_invoice", "invoiced", "cancelled"]


class ChargeOut(Schema):
    id: int
    organisation_id: int | None
    organisation_name: str | None
    participant: str
    course_title: str  # the course, or for a print order the book or magazine issue
    edition_id: int | None
    print_order_id: int | None
    starts_at: datetime.datetime | None
    amount: str  # a decimal string in euro: what an invoice asks for this charge
    state: ChargeStateName
    invoice_number: str | None
    created_at: datetime.datetime


class ChargePage(Schema):
    count: int
    items: list[ChargeOut]


class ChargeQuery(PageQuery):
    state: ChargeStateName | None = None


def _what(charge: Charge) -> dict[str, Any]:
    """Who and what a charge bills: an enrolment's participant and course, or a print order."""
    if charge.order_id:
        order, person = order_of(charge), order_of(charge).ordered_by
        return {
            "participant": (person.get_full_name() or person.email) if person else "",
            "course_title": order.item.title,
            "edition_id": None,
            "print_order_id": order.pk,
            "starts_at": None,
        }
    enrolment = enrolment_of(charge)
    return {
        "participant": enrolment.person.get_full_name() or enrolment.person.email,
        "course_title": enrolment.edition.course.title_nl,
        "edition_id": enrolment.edition_id,
        "print_order_id": None,
        "starts_at": enrolment.edition.starts_at,
    }


def _charge(charge: Charge) -> dict[str, Any]:
    line = getattr(charge, "invoice_line", None)
    return {
        "id": charge.pk,
        "organisation_id": charge.organisation_id,
        "organisation_name": charge.organisation.name if charge.organisation else None,
        **_what(charge),
        "amount": str(charge.billable_amount),
        "state": selectors.charge_state(charge),
        "invoice_number": line.invoice.display_number if line else None,
        "created_at": charge.created_at,
    }


@router.get("/charges", response=ChargePage, auth=authenticated)
def list_charges(request: HttpRequest, query: Query[ChargeQuery]) -> dict[str, Any]:
    """Charges of paying enrolments: all for administrators, a coordinator's own organisation's."""
    visible = selectors.charges_visible_to(user_of(request))
    charges = selectors.filter_charges(visible, query.state or "")
    page = charges[query.offset : query.offset + query.limit]
    return {"count": charges.count(), "items": [_charge(charge) for charge in page]}


@router.get("/invoices/{invoice_id}/ubl", auth=authenticated, response={200: None, 422: Error})
def invoice_ubl_xml(request: HttpRequest, invoice_id: int) -> Any:
    """The Peppol BIS Billing 3.0 UBL of an invoice or credit note, its PDF embedded."""
    invoice = get_invoice_for_user(user_of(request), invoice_id)
    try:
        xml = invoice_ubl(invoice)
    except UblError as refusal:
        return 422, error(str(refusal))
    response = HttpResponse(xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{ubl_file_name(invoice)}"'
    return response
