"""API v1: a member's contacts by function (staff and the member's own coordinator)."""

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.security import django_auth

from atelier.accounts.access import user_of
from atelier.api.auth import BearerToken

from . import selectors
from .access import get_organisation_for_contacts
from .models import Contact, Function, FunctionKind, Language, LawfulBasis

router = Router(tags=["registry"])
authenticated = [BearerToken(), django_auth]


class FunctionOut(Schema):
    function: FunctionKind
    portfolios: list[str]  # knowledge topics' short names
    starts_on: datetime.date
    ends_on: datetime.date | None


class ContactOut(Schema):
    id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    language: Language
    lawful_basis: LawfulBasis
    has_account: bool
    functions: list[FunctionOut]


class ContactPage(Schema):
    count: int
    items: list[ContactOut]


def _function(function: Function) -> dict[str, Any]:
    return {
        "function": function.kind,
        "portfolios": [topic.slug for topic in function.topics.all()],
        "starts_on": function.starts_on,
        "ends_on": function.ends_on,
    }


def _contact(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.pk,
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "email": contact.email,
        "phone": contact.phone,
        "language": contact.language,
        "lawful_basis": contact.lawful_basis,
        "has_account": contact.user_id is not None,
        "functions": [_function(f) for f in contact.functions.all()],
    }


@router.get("/organisations/{organisation_id}/contacts", response=ContactPage, auth=authenticated)
def list_contacts(request: HttpRequest, organisation_id: int) -> dict[str, Any]:
    """The organisation's contacts with their functions, current and past: for association
    staff and the organisation's own coordinator, else 404."""
    organisation = get_organisation_for_contacts(user_of(request), organisation_id)
    contacts = list(selectors.contacts_of(organisation))
    return {"count": len(contacts), "items": [_contact(c) for c in contacts]}
