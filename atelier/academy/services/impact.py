"""Writes for the programme's impact: a project's outcomes, recorded as it closes."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from atelier.academy.models import ProjectOutcome, ServiceOutcome
from atelier.accounts.models import User
from atelier.guidance.models import MaturityRound
from atelier.projects.access import can_edit
from atelier.projects.models import Project, ProjectStatus


@dataclass(frozen=True)
class ServiceLine:
    what: str
    change: str  # ServiceChange
    on: datetime.date


def _check_round(round: MaturityRound | None, project: Project) -> None:
    if round is not None and round.organisation_id != project.organisation_id:
        raise ValidationError(_("Choose a maturity round of the project's own organisation."))


@transaction.atomic
def record_outcome(
    *,
    project: Project,
    closed_on: datetime.date,
    citizens_reached: int,
    citizens_estimate: str,
    maturity_before: MaturityRound | None,
    maturity_after: MaturityRound | None,
    services: list[ServiceLine],
    by: User,
) -> ProjectOutcome:
    """Closes the project and records (or replaces) its outcomes and services."""
    if not can_edit(by, project):
        raise PermissionDenied
    for round in (maturity_before, maturity_after):
        _check_round(round, project)
    if citizens_reached < 0:
        raise ValidationError(_("The number of citizens cannot be negative."))
    outcome, _created = ProjectOutcome.objects.update_or_create(
        project=project,
        defaults={
            "closed_on": closed_on,
            "citizens_reached": citizens_reached,
            "citizens_estimate": citizens_estimate.strip(),
            "maturity_before": maturity_before,
            "maturity_after": maturity_after,
            "recorded_by": by,
        },
    )
    outcome.services.all().delete()
    ServiceOutcome.objects.bulk_create(
        ServiceOutcome(outcome=outcome, what=line.what.strip(), change=line.change, on=line.on)
        for line in services
        if line.what.strip()
    )
    Project.objects.filter(pk=project.pk).update(status=ProjectStatus.CLOSED)
    project.status = ProjectStatus.CLOSED
    return outcome
