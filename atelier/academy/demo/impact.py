"""Demo impact: two projects that closed this year with their outcomes and maturity rounds.

Izegem's project comes from the 2025 learning path (the registry offices that became one
service vision, DOMAIN §2); Lennik's closes at the end of the 2026 path. Each has a
maturity round before and after, answered by a few respondents (scores in the format of
the guidance demo: six groups of three digits, one group per area)."""

import datetime

from django.db import transaction

from atelier.academy.models import ProjectOutcome, ServiceChange
from atelier.academy.services.impact import ServiceLine, record_outcome
from atelier.accounts.models import User
from atelier.guidance.demo.maturity import _answers
from atelier.guidance.models import MaturityRound
from atelier.guidance.services.maturity import (
    close_round,
    criterion_keys,
    invite,
    open_round,
    submit_response,
)
from atelier.members.models import Organisation
from atelier.projects.models import Project
from atelier.projects.services import open_project

IZEGEM_NIS = "36008"
LENNIK_NIS = "23104"
IZEGEM_EMAIL = "coordinator.izegem@atelier.example"
LENNIK_EMAIL = "participant.lennik@atelier.example"
TRAINER_EMAIL = "trainer@atelier.example"

IZEGEM_BEFORE = ("221 211 111 121 111 222", "212 111 121 211 121 232", "222 121 111 221 211 322")
IZEGEM_AFTER = ("343 433 332 343 333 433", "334 333 323 333 332 343", "433 343 333 434 343 443")
LENNIK_AFTER = ("332 322 232 332 232 333", "323 232 322 323 322 333", "333 332 322 333 332 343")


def _round(
    organisation: Organisation,
    name: str,
    opened_on: datetime.date,
    scores: tuple[str, ...],
    by: User,
) -> MaturityRound:
    existing = MaturityRound.objects.filter(organisation=organisation, name=name).first()
    if existing is not None:
        return existing
    opened = open_round(organisation=organisation, name=name, opened_on=opened_on, by=by)
    keys = criterion_keys(opened.rules.data)
    labels = [f"respondent {index + 1}" for index in range(len(scores))]
    for response, given in zip(invite(round=opened, labels=labels, by=by), scores, strict=True):
        submit_response(token=response.token, answers=_answers(keys, given))
    close_round(round=opened, by=by)
    return opened


def _project(title: str, by: User) -> Project:
    existing = Project.objects.filter(organisation=by.organisation_id, title=title).first()
    return existing or open_project(
        title=title,
        problem_statement="",
        target_group="",
        by=by,
    )


def _izegem(izegem: Organisation, trainer: User, year: int) -> None:
    person = User.objects.filter(email=IZEGEM_EMAIL).first()
    if person is None:
        return
    project = _project("Eén onthaal voor burgerzaken", person)
    if ProjectOutcome.objects.filter(project=project).exists():
        return
    before = _round(
        izegem, "Voor het leertraject 2025", datetime.date(year - 1, 1, 20), IZEGEM_BEFORE, trainer
    )
    after = _round(
        izegem, "Na het leertraject 2025", datetime.date(year, 1, 19), IZEGEM_AFTER, trainer
    )
    record_outcome(
        project=project,
        closed_on=datetime.date(year, 3, 31),
        citizens_reached=14_600,
        citizens_estimate="Bezoekers van de nieuwe onthaalbalie in het eerste kwartaal, maal vier.",
        maturity_before=before,
        maturity_after=after,
        services=[
            ServiceLine(
                "Onthaalbalie burgerzaken op afspraak",
                ServiceChange.LAUNCHED,
                datetime.date(year, 2, 3),
            ),
            ServiceLine(
                "Rijbewijs en identiteitskaart online aanvragen",
                ServiceChange.LAUNCHED,
                datetime.date(year, 3, 2),
            ),
            ServiceLine(
                "Wachtruimte en bewegwijzering", ServiceChange.IMPROVED, datetime.date(year, 2, 3)
            ),
        ],
        by=person,
    )


def _lennik(lennik: Organisation, trainer: User, today: datetime.date) -> None:
    person = User.objects.filter(email=LENNIK_EMAIL).first()
    before = MaturityRound.objects.filter(organisation=lennik).order_by("opened_on").first()
    if person is None:
        return
    project = _project("Onthaal in het vernieuwde gemeentehuis", person)
    if ProjectOutcome.objects.filter(project=project).exists():
        return
    after = _round(
        lennik, "Na het leertraject", today - datetime.timedelta(days=20), LENNIK_AFTER, trainer
    )
    record_outcome(
        project=project,
        closed_on=today - datetime.timedelta(days=10),
        citizens_reached=3_900,
        citizens_estimate=(
            "Inwoners die in een jaar minstens één keer aan het loket komen, "
            "volgens de afsprakentool."
        ),
        maturity_before=before,
        maturity_after=after,
        services=[
            ServiceLine(
                "Eén loket voor burgerzaken en sociaal huis",
                ServiceChange.LAUNCHED,
                datetime.date(today.year, 9, 15),
            ),
            ServiceLine(
                "Digitale aanvraag van attesten",
                ServiceChange.IMPROVED,
                datetime.date(today.year, 10, 1),
            ),
        ],
        by=person,
    )


@transaction.atomic
def load_demo_impact(*, today: datetime.date) -> str:
    """Outcomes of the demo's closed projects (running it again duplicates nothing)."""
    trainer = User.objects.filter(email=TRAINER_EMAIL).first()
    current = Organisation.objects.current()
    izegem = current.filter(nis_code=IZEGEM_NIS).first()
    lennik = current.filter(nis_code=LENNIK_NIS).first()
    if trainer is None:
        return "no trainer"
    if izegem is not None:
        _izegem(izegem, trainer, today.year)
    if lennik is not None:
        _lennik(lennik, trainer, today)
    return f"{ProjectOutcome.objects.count()} closed projects with outcomes"
