"""Demo learning path: a 2026 cohort of five authorities, its milestones, progress and reviews."""

import datetime

from django.db import transaction

from atelier.academy.models import (
    Cohort,
    Milestone,
    MilestoneProgress,
    PeerReview,
    Rating,
    ReviewCriterion,
    ReviewScore,
    Team,
)
from atelier.accounts.models import User
from atelier.members.models import Organisation

# (NIS code, challenge)
TEAMS = [
    ("13008", "Eén onthaal voor het sociaal huis: hoe vindt elke inwoner meteen de juiste hulp?"),
    (
        "23104",
        "Het loket en de digitale diensten vernieuwen bij de uitbreiding van het gemeentehuis",
    ),
    ("13049", "Een toegankelijk onthaal in een beschermd kasteel als gemeentehuis"),
    ("36008", "Burgerzaken: elke balie werkt anders, bezoekers komen niet graag"),
    ("13037", "Inwoners informeren over diensten die over verschillende gebouwen verspreid zijn"),
]

# (title, phase, due date, with peer review)
MILESTONES = [
    ("Projectopdracht en stakeholders", 0, datetime.date(2026, 2, 27), False),
    ("Onderzoek bij inwoners en personeel", 1, datetime.date(2026, 4, 24), True),
    ("Persona's en klantreis", 2, datetime.date(2026, 6, 26), False),
    ("Cocreatie en prototypes", 4, datetime.date(2026, 9, 25), True),
    ("Blauwdruk en actieplan", 5, datetime.date(2026, 11, 27), False),
]

DONE, IN_PROGRESS = MilestoneProgress.Status.DONE, MilestoneProgress.Status.IN_PROGRESS
# Per team (in TEAMS order), the status of the first milestones.
PROGRESS = [
    [DONE, DONE, DONE, IN_PROGRESS],
    [DONE, DONE, IN_PROGRESS],
    [DONE, IN_PROGRESS],
    [DONE, DONE, DONE, DONE, IN_PROGRESS],
    [DONE],
]


@transaction.atomic
def load_demo_learning_path() -> Cohort | None:
    """The cohort "Leertraject 2026", coached by the demo trainer; nothing is duplicated."""
    coach = User.objects.filter(email="trainer@atelier.example").first()
    organisations = {
        o.nis_code: o
        for o in Organisation.objects.current().filter(nis_code__in=[t[0] for t in TEAMS])
    }
    if coach is None or len(organisations) < len(TEAMS):
        return None
    cohort, _created = Cohort.objects.get_or_create(
        name="Leertraject 2026",
        defaults={
            "starts_on": datetime.date(2026, 1, 16),
            "ends_on": datetime.date(2026, 12, 18),
            "coach": coach,
        },
    )
    teams = [_team(cohort, organisations[nis], challenge) for nis, challenge in TEAMS]
    _geel_members(teams[0])
    milestones = [
        Milestone.objects.get_or_create(
            cohort=cohort,
            title=title,
            defaults={"phase": phase, "due_on": due, "peer_review": review},
        )[0]
        for title, phase, due, review in MILESTONES
    ]
    for team, statuses in zip(teams, PROGRESS, strict=True):
        for milestone, status in zip(milestones, statuses, strict=False):
            done_on = milestone.due_on - datetime.timedelta(days=3) if status == DONE else None
            MilestoneProgress.objects.get_or_create(
                team=team, milestone=milestone, defaults={"status": status, "done_on": done_on}
            )
    _review_round(milestones[1], teams)
    return cohort


def _team(cohort: Cohort, organisation: Organisation, challenge: str) -> Team:
    team, _created = Team.objects.get_or_create(
        cohort=cohort, organisation=organisation, defaults={"challenge": challenge}
    )
    return team


def _geel_members(team: Team) -> None:
    members = User.objects.filter(
        email__in=["coordinator.geel@atelier.example", "participant.geel@atelier.example"]
    )
    team.members.add(*members)


def _review_round(milestone: Milestone, teams: list[Team]) -> None:
    """Each team reviewed the next; Lennik asked Geel to look again, and Geel did."""
    if milestone.reviews.exists():
        return
    criteria = list(ReviewCriterion.objects.filter(is_active=True))
    submitted = datetime.datetime(2026, 5, 4, 14, 0, tzinfo=datetime.UTC)
    reviews = []
    for index, reviewer in enumerate(teams):
        reviewed = teams[(index + 1) % len(teams)]
        review = PeerReview.objects.create(
            milestone=milestone, reviewer=reviewer, reviewed=reviewed, submitted_at=submitted
        )
        _score(review, criteria, first_rating=Rating.AMBER if index % 2 else Rating.RED)
        reviews.append(review)
    re_review = PeerReview.objects.create(
        milestone=milestone,
        reviewer=reviews[0].reviewer,
        reviewed=reviews[0].reviewed,
        follows_up=reviews[0],
        submitted_at=submitted + datetime.timedelta(days=30),
    )
    _score(re_review, criteria, first_rating=Rating.GREEN)


def _score(review: PeerReview, criteria: list[ReviewCriterion], *, first_rating: str) -> None:
    actions: dict[str, str] = {
        Rating.RED: "Spreek nog minstens vijf inwoners die het loket niet vonden.",
        Rating.AMBER: "Voeg de medewerkers van de balie toe aan de interviews.",
        Rating.GREEN: "",
    }
    for position, criterion in enumerate(criteria):
        rating = first_rating if position == 0 else Rating.GREEN
        ReviewScore.objects.create(
            review=review, criterion=criterion, rating=rating, action=actions[rating]
        )
