"""API v1: intermunicipal companies with their participants (public)."""

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from atelier.api.types import PageQuery

from . import selectors
from .models import LegalForm, Participation, Purpose

router = Router(tags=["registry"])


class ParticipantOut(Schema):
    organisation_id: int
    name: str
    nis_code: str | None
    shares: int
    votes: int
    joined_on: datetime.date
    left_on: datetime.date | None


class CompanyOut(Schema):
    id: int
    name: str
    company_number: str
    legal_form: LegalForm | None
    purpose: Purpose | None
    province_nis_code: str | None
    url: str
    participants: list[ParticipantOut]


class CompanyPage(Schema):
    count: int
    items: list[CompanyOut]


class CompanyQuery(PageQuery):
    purpose: Purpose | None = None
    include_former_participants: bool = False


def _participant(participation: Participation) -> dict[str, Any]:
    participant = participation.participant
    return {
        "organisation_id": participant.pk,
        "name": participant.name,
        "nis_code": participant.nis_code or None,
        "shares": participation.shares,
        "votes": participation.votes,
        "joined_on": participation.joined_on,
        "left_on": participation.left_on,
    }


@router.get("/intermunicipal-companies", response=CompanyPage)
def list_companies(request: HttpRequest, query: Query[CompanyQuery]) -> dict[str, Any]:
    """Intermunicipal companies with their participants (public); former ones on request."""
    participations = Participation.objects.select_related("participant").order_by(
        "participant__name_nl", "joined_on"
    )
    if not query.include_former_participants:
        participations = participations.filter(left_on__isnull=True)
    companies = selectors.company_list()
    if query.purpose:
        companies = companies.filter(company_profile__purpose=query.purpose)
    page = companies.prefetch_related(Prefetch("participations", queryset=participations))[
        query.offset : query.offset + query.limit
    ]
    return {"count": companies.count(), "items": [_company(c) for c in page]}


def _company(company: Any) -> dict[str, Any]:
    profile = getattr(company, "company_profile", None)
    path = reverse("companies:detail", args=[company.pk])
    return {
        "id": company.pk,
        "name": company.name,
        "company_number": company.company_number,
        "legal_form": profile.legal_form if profile else None,
        "purpose": profile.purpose if profile else None,
        "province_nis_code": company.province.nis_code if company.province else None,
        "url": settings.SITE_URL.rstrip("/") + path,
        "participants": [_participant(p) for p in company.participations.all()],
    }
