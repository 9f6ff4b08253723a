"""Guidance in the REST API: the tenders a person may see, with their ranking once scored."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.security import django_auth

from atelier.accounts.access import user_of
from atelier.api.auth import BearerToken
from atelier.api.types import PageQuery
from atelier.guidance.models import Tender
from atelier.guidance.services import scoring
from atelier.guidance.services.tender import procedure_for

router = Router(auth=[BearerToken(), django_auth], tags=["guidance"])


class ProjectRef(Schema):
    id: int
    title: str


class RankedBid(Schema):
    bidder: str
    total: str  # points out of 100, two decimals
    rank: int  # equal totals share a rank


class TenderOut(Schema):
    id: int
    title: str
    project: ProjectRef
    organisation: str
    estimated_value: str  # euro excluding VAT
    procedure: str  # the key of the procedure the estimated value calls for
    ranking: list[RankedBid]  # empty until every juror has submitted
    docx_url: str
    pdf_url: str


class TenderPage(Schema):
    count: int
    items: list[TenderOut]


def _ranking(tender: Tender) -> list[dict[str, Any]]:
    outcome = scoring.results(tender).result
    if outcome is None:
        return []
    return [{"bidder": bid.name, "total": str(bid.total), "rank": bid.rank} for bid in outcome.bids]


def tender_out(request: HttpRequest, tender: Tender) -> dict[str, Any]:
    project = tender.project
    return {
        "id": tender.pk,
        "title": tender.title,
        "project": {"id": project.pk, "title": project.title},
        "organisation": project.organisation.name,
        "estimated_value": str(tender.estimated_value),
        "procedure": procedure_for(tender.estimated_value, tender.rules.data, on=tender.dated_on)[
            "key"
        ],
        "ranking": _ranking(tender),
        "docx_url": request.build_absolute_uri(reverse("guidance:tender_docx", args=[tender.pk])),
        "pdf_url": request.build_absolute_uri(reverse("guidance:tender_pdf", args=[tender.pk])),
    }


@router.get("/tenders", response=TenderPage)
def list_tenders(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    """The tenders of the projects the person may read and of the juries they sit on."""
    tenders = scoring.tenders_visible_to(user_of(request)).order_by("-created_at", "-pk")
    page = scoring.with_scoring_data(tenders.select_related("project__organisation", "rules"))
    items = [
        tender_out(request, tender) for tender in page[query.offset : query.offset + query.limit]
    ]
    return {"count": tenders.count(), "items": items}
