"""Maturity rounds of the demo: Geel before and halfway its learning path, Lennik once.

Each respondent's scores are written as six groups of three digits, one group per area in
the order of the shipped rules (users, co-creation, experiment, whole service, skills,
leadership), one digit (1–5) per criterion. Halfway, Geel scores higher on every area but
leadership, which had backed the project from the start. Lennik does not share its name
with the cohort, so the coach sees it as an anonymous organisation. Geel's participant is
invited by account to the open round and has not answered: the survey waits on their home.
"""

import datetime
from dataclasses import dataclass

from atelier.academy.models import Cohort
from atelier.accounts.models import User
from atelier.guidance.models import MaturityRound
from atelier.guidance.services.maturity import (
    close_round,
    criterion_keys,
    invite,
    open_round,
    submit_response,
)
from atelier.members.models import Organisation

COHORT = "Leertraject 2026"


@dataclass(frozen=True)
class DemoRound:
    name: str
    opened_on: datetime.date
    shared: bool
    close: bool
    respondents: tuple[tuple[str, str], ...]  # (role, scores)
    colleagues: tuple[str, ...] = ()  # invited by account, not answered yet


GEEL_ROUNDS = (
    DemoRound(
        "Voor het leertraject",
        datetime.date(2026, 1, 26),
        shared=True,
        close=True,
        respondents=(
            ("diensthoofd sociale dienst", "221 211 111 221 111 332"),
            ("onthaalmedewerker", "212 121 111 212 111 232"),
            ("algemeen directeur", "322 221 121 222 211 343"),
            ("maatschappelijk werker", "231 211 112 221 121 222"),
        ),
    ),
    DemoRound(
        "Halverwege het leertraject",
        datetime.date(2026, 10, 5),
        shared=True,
        close=False,
        respondents=(
            ("diensthoofd sociale dienst", "343 332 232 332 322 332"),
            ("onthaalmedewerker", "333 323 222 323 222 232"),
            ("algemeen directeur", "433 333 332 333 322 343"),
            ("maatschappelijk werker", "342 322 223 332 232 222"),
        ),
        colleagues=("participant.geel@atelier.example",),
    ),
)

LENNIK_ROUND = DemoRound(
    "Voor het leertraject",
    datetime.date(2026, 2, 2),
    shared=False,
    close=False,
    respondents=(
        ("diensthoofd burgerzaken", "221 111 121 211 111 222"),
        ("loketmedewerker", "212 121 111 221 211 232"),
        ("algemeen directeur", "322 211 221 222 221 333"),
    ),
)


def _answers(keys: list[str], scores: str) -> dict[str, int]:
    digits = [int(digit) for digit in scores if digit.isdigit()]
    return {key: digits[index % len(digits)] for index, key in enumerate(keys)}


def add_round(*, organisation: Organisation, demo: DemoRound, by: User) -> MaturityRound:
    """The round with its respondents, all of whom answered; kept as it is when it exists."""
    existing = MaturityRound.objects.filter(organisation=organisation, name=demo.name).first()
    if existing is not None:
        return existing
    cohort = Cohort.objects.filter(name=COHORT).first()
    opened = open_round(
        organisation=organisation,
        name=demo.name,
        opened_on=demo.opened_on,
        cohort=cohort,
        shared_with_cohort=demo.shared,
        by=by,
    )
    labels = [role for role, _scores in demo.respondents]
    keys = criterion_keys(opened.rules.data)
    invited = invite(round=opened, labels=labels, by=by)
    for response, (_role, scores) in zip(invited, demo.respondents, strict=True):
        submit_response(token=response.token, answers=_answers(keys, scores))
    colleagues = User.objects.filter(email__in=demo.colleagues, organisation=organisation)
    if colleagues:
        invite(round=opened, labels=[], people=colleagues, by=by)
    if demo.close:
        close_round(round=opened, by=by)
    return opened


def add_geel_rounds(*, organisation: Organisation, by: User) -> list[MaturityRound]:
    """Geel's rounds before and halfway the learning path; the first one closed."""
    return [add_round(organisation=organisation, demo=demo, by=by) for demo in GEEL_ROUNDS]
