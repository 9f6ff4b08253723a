"""API v1: an organisation's population figures by reference date (public)."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from .models import Organisation, PopulationSource

router = Router(tags=["registry"])


class FigureOut(Schema):
    reference_date: datetime.date
    inhabitants: int
    source: PopulationSource


class OrganisationPopulationOut(Schema):
    organisation_id: int
    name: str
    nis_code: str | None
    figures: list[FigureOut]


@router.get("/organisations/{organisation_id}/population", response=OrganisationPopulationOut)
def get_population(request: HttpRequest, organisation_id: int) -> dict[str, Any]:
    """Inhabitants (municipality) or residents (OCMW) by reference date, oldest first."""
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    figures = organisation.population_figures.order_by("reference_date")
    return {
        "organisation_id": organisation.pk,
        "name": organisation.name,
        "nis_code": organisation.nis_code or None,
        "figures": [
            {"reference_date": f.reference_date, "inhabitants": f.inhabitants, "source": f.source}
            for f in figures
        ],
    }
