"""Maturity rounds: opening, inviting, answering, aggregating, trend and the cohort view.

Aggregation uses the rules the round was opened with. An area's median is the median of
every score given on that area's criteria; the overall median that of every score given.
Quartiles use the inclusive method (as a spreadsheet's QUARTILE.INC).
"""

import datetime
import statistics
import string
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from atelier.academy.models import Cohort
from atelier.accounts.models import Role, User
from atelier.guidance.models import MaturityResponse, MaturityRound, RuleSetKind
from atelier.guidance.services.rules import current_rules, text
from atelier.members.models import Organisation
from atelier.notifications.models import Kind
from atelier.notifications.services import notify

SCORES = range(1, 6)


# Who may do what -----------------------------------------------------------------------


def may_manage(user: User, organisation: Organisation | int) -> bool:
    """Association staff and the organisation's coordinators open, invite and close rounds."""
    pk = organisation if isinstance(organisation, int) else organisation.pk
    if user.is_association_staff:
        return True
    return user.role == Role.COORDINATOR and user.organisation_id == pk


def rounds_visible_to(user: User) -> QuerySet[MaturityRound]:
    """Staff see every round; coordinators and participants those of their organisation."""
    rounds = MaturityRound.objects.select_related("organisation", "cohort").annotate(
        answered=Count("responses", filter=Q(responses__submitted_at__isnull=False)),
        invited=Count("responses"),
    )
    if user.is_association_staff:
        return rounds.order_by("organisation__name_nl", "-opened_on", "-pk")
    if user.role not in (Role.COORDINATOR, Role.PARTICIPANT) or user.organisation_id is None:
        return rounds.none()
    return rounds.filter(organisation_id=user.organisation_id).order_by("-opened_on", "-pk")


def get_round_for_user(user: User, pk: int) -> MaturityRound:
    """The round for those who may see it; 404 for anyone else."""
    found = rounds_visible_to(user).select_related("rules").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


# Changes -------------------------------------------------------------------------------


@transaction.atomic
def open_round(
    *,
    organisation: Organisation,
    name: str,
    opened_on: datetime.date,
    cohort: Cohort | None = None,
    shared_with_cohort: bool = False,
    by: User,
) -> MaturityRound:
    """A new round for the organisation, measured with the current maturity rules."""
    if not may_manage(by, organisation):
        raise PermissionDenied
    if not name.strip():
        raise ValidationError(_("Give the round a name, for example “before the learning path”."))
    # A second click or tab opening the same round gets the round that is open already.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    same = MaturityRound.objects.filter(
        organisation=organisation, name=name.strip()[:200], opened_on=opened_on, closed_at=None
    ).first()
    if same is not None:
        return same
    return MaturityRound.objects.create(
        organisation=organisation,
        rules=current_rules(RuleSetKind.MATURITY),
        name=name.strip()[:200],
        opened_on=opened_on,
        cohort=cohort,
        shared_with_cohort=shared_with_cohort and cohort is not None,
        created_by=by,
    )


@transaction.atomic
def invite(
    *,
    round: MaturityRound,
    labels: list[str],
    by: User,
    people: Iterable[User] = (),
) -> list[MaturityResponse]:
    """One invitation link per respondent: a role typed in, or a colleague with an account.

    A colleague's link waits on their home and reaches them as a notification; someone who
    has a link in this round already gets no second one.
    """
    if not may_manage(by, round.organisation_id):
        raise PermissionDenied
    if round.closed_at is not None:
        raise ValidationError(
            _("This round is closed: open a new round to ask again."), code="closed"
        )
    cleaned = [label.strip()[:200] for label in labels if label.strip()]
    people = list(people)
    if any(person.organisation_id != round.organisation_id for person in people):
        raise ValidationError(_("Choose colleagues of this organisation."))
    if not cleaned and not people:
        raise ValidationError(
            _("Give at least one respondent, for example “head of the registry office”.")
        )
    # One invitation at a time per round: two tabs ticking the same colleague make one link.
    MaturityRound.objects.select_for_update().filter(pk=round.pk).first()
    created = [MaturityResponse.objects.create(round=round, label=label) for label in cleaned]
    invited_before = set(round.responses.values_list("person_id", flat=True))
    for person in people:
        if person.pk in invited_before:
            continue
        response = MaturityResponse.objects.create(round=round, label=_("colleague"), person=person)
        created.append(response)
        notify(
            recipient=person,
            kind=Kind.MATURITY_INVITED,
            key=f"maturity-response-{response.pk}",
            url=reverse("guidance:maturity_respond", args=[response.token]),
            params={"by": str(by), "round": round.name},
        )
    return created


def surveys_to_answer(person: User) -> QuerySet[MaturityResponse]:
    """The person's own invitations in rounds still open, not yet answered."""
    return (
        MaturityResponse.objects.filter(
            person=person, submitted_at__isnull=True, round__closed_at__isnull=True
        )
        .select_related("round")
        .order_by("round__opened_on", "pk")
    )


def criterion_keys(data: dict[str, Any]) -> list[str]:
    return [criterion["key"] for area in data["areas"] for criterion in area["criteria"]]


def _clean_answers(data: dict[str, Any], answers: dict[str, Any]) -> dict[str, int]:
    cleaned, missing = {}, 0
    for key in criterion_keys(data):
        try:
            value = int(answers.get(key))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            value = 0
        if value not in SCORES:
            missing += 1
        cleaned[key] = value
    if missing:
        raise ValidationError(
            _("Score every statement from 1 to 5; %(count)s still have no score.")
            % {"count": missing},
            code="incomplete",
        )
    return cleaned


@transaction.atomic
def submit_response(*, token: str, answers: dict[str, Any]) -> MaturityResponse:
    """Store a respondent's scores, once, while the round is open."""
    response = (
        MaturityResponse.objects.select_for_update().select_related("round__rules").get(token=token)
    )
    if response.round.closed_at is not None:
        raise ValidationError(
            _("This round is closed; answers are no longer accepted."), code="closed"
        )
    if response.submitted_at is not None:
        raise ValidationError(
            _("These answers were already sent; thank you."), code="already_answered"
        )
    response.answers = _clean_answers(response.round.rules.data, answers)
    response.submitted_at = timezone.now()
    response.save(update_fields=["answers", "submitted_at"])
    return response


@transaction.atomic
def close_round(*, round: MaturityRound, by: User) -> MaturityRound:
    """Stop accepting answers; the results stay."""
    if not may_manage(by, round.organisation_id):
        raise PermissionDenied
    if round.closed_at is not None:
        raise ValidationError(_("This round is already closed."))
    round.closed_at = timezone.now()
    round.save(update_fields=["closed_at"])
    return round


# Aggregation ---------------------------------------------------------------------------


def spread(values: list[int]) -> dict[str, float | None]:
    """Median, minimum, maximum, quartiles and interquartile range of some scores."""
    if not values:
        return dict.fromkeys(("median", "min", "max", "q1", "q3", "iqr"))
    if len(values) == 1:
        q1 = q3 = float(values[0])
    else:
        q1, _median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return {
        "median": float(statistics.median(values)),
        "min": float(min(values)),
        "max": float(max(values)),
        "q1": q1,
        "q3": q3,
        "iqr": q3 - q1,
    }


def ladder_step(ladder: list[dict[str, Any]], median: float | None) -> dict[str, Any] | None:
    """The highest step whose threshold the overall median reaches."""
    if median is None:
        return None
    reached = [step for step in ladder if median >= step["min_median"]]
    return max(reached, key=lambda step: step["min_median"]) if reached else None


def summarise(
    data: dict[str, Any], answer_sets: list[dict[str, int]], language: str
) -> dict[str, Any]:
    """Per criterion, per area and overall: medians and spreads; the ladder placement."""
    areas, everything = [], []
    for area in data["areas"]:
        criteria, area_scores = [], []
        for criterion in area["criteria"]:
            scores = [int(a[criterion["key"]]) for a in answer_sets if criterion["key"] in a]
            area_scores += scores
            criteria.append(
                {
                    "key": criterion["key"],
                    "text": text(criterion["text"], language),
                    **spread(scores),
                }
            )
        everything += area_scores
        areas.append(
            {
                "key": area["key"],
                "name": text(area["name"], language),
                "criteria": criteria,
                **spread(area_scores),
            }
        )
    overall = spread(everything)["median"]
    step = ladder_step(data["ladder"], overall)
    return {
        "respondents": len(answer_sets),
        "enough": len(answer_sets) >= data.get("min_respondents", 2),
        "min_respondents": data.get("min_respondents", 2),
        "areas": areas,
        "criteria": {c["key"]: c for area in areas for c in area["criteria"]},
        "overall_median": overall,
        "step": _localised_step(step, language),
    }


def _localised_step(step: dict[str, Any] | None, language: str) -> dict[str, Any] | None:
    if step is None:
        return None
    return {
        "step": step["step"],
        "min_median": step["min_median"],
        "name": text(step["name"], language),
        "description": text(step["description"], language),
    }


def _language(language: str | None) -> str:
    return (language or get_language() or "nl")[:2]


def submitted_answers(rounds: Iterable[MaturityRound]) -> dict[int, list[dict[str, int]]]:
    """The submitted answer sets per round, in one query."""
    by_round: dict[int, list[dict[str, int]]] = {r.pk: [] for r in rounds}
    found = MaturityResponse.objects.filter(round_id__in=by_round, submitted_at__isnull=False)
    for round_id, answers in found.order_by("pk").values_list("round_id", "answers"):
        by_round[round_id].append(answers)
    return by_round


def aggregate(round: MaturityRound, language: str | None = None) -> dict[str, Any]:
    """The round's results, computed with the rules it was opened with."""
    answers = submitted_answers([round])[round.pk]
    return summarise(round.rules.data, answers, _language(language))


def next_steps(
    aggregate: dict[str, Any], data: dict[str, Any], language: str
) -> list[dict[str, Any]]:
    """The weakest areas (lowest median, earlier area first on a tie) with their next steps."""
    scored = [
        (a["median"], i, a) for i, a in enumerate(aggregate["areas"]) if a["median"] is not None
    ]
    weakest = sorted(scored, key=lambda item: (item[0], item[1]))[: data.get("next_steps_for", 2)]
    rules_by_key = {area["key"]: area for area in data["areas"]}
    return [
        {
            "key": area["key"],
            "name": area["name"],
            "median": median,
            "steps": [text(step, language) for step in rules_by_key[area["key"]]["next_steps"]],
        }
        for median, _index, area in weakest
    ]


def previous_round(round: MaturityRound) -> MaturityRound | None:
    """The organisation's round opened just before this one."""
    earlier = MaturityRound.objects.filter(organisation_id=round.organisation_id).filter(
        Q(opened_on__lt=round.opened_on) | Q(opened_on=round.opened_on, pk__lt=round.pk)
    )
    return earlier.select_related("rules").order_by("-opened_on", "-pk").first()


def trend(organisation: Organisation, language: str | None = None) -> dict[str, Any]:
    """Per area the median of each of the organisation's rounds, oldest round first."""
    language = _language(language)
    rounds = list(
        MaturityRound.objects.filter(organisation=organisation)
        .select_related("rules")
        .order_by("opened_on", "pk")
    )
    if not rounds:
        return {"rounds": [], "areas": []}
    answers = submitted_answers(rounds)
    results = [summarise(r.rules.data, answers[r.pk], language) for r in rounds]
    medians = [{area["key"]: area["median"] for area in result["areas"]} for result in results]
    return {
        "rounds": [
            {"round": r, "respondents": res["respondents"], "overall_median": res["overall_median"]}
            for r, res in zip(rounds, results, strict=True)
        ],
        "areas": [
            {
                "key": area["key"],
                "name": text(area["name"], language),
                "medians": [m.get(area["key"]) for m in medians],
            }
            for area in rounds[-1].rules.data["areas"]
        ],
    }


# The coach's view of a cohort ------------------------------------------------------------


def _latest_answered_rounds(cohort: Cohort) -> list[MaturityRound]:
    rounds = (
        MaturityRound.objects.filter(cohort=cohort)
        .select_related("organisation", "rules")
        .filter(responses__submitted_at__isnull=False)
        .distinct()
        .order_by("opened_on", "pk")
    )
    latest = {r.organisation_id: r for r in rounds}  # later rounds overwrite earlier ones
    return sorted(latest.values(), key=lambda r: (r.opened_on, r.pk))


def _anonymous_labels() -> Iterable[str]:
    for letter in string.ascii_uppercase:
        yield _("Organisation %(letter)s") % {"letter": letter}
    number = 27
    while True:
        yield _("Organisation %(letter)s") % {"letter": number}
        number += 1


def cohort_comparison(cohort: Cohort, viewer: User, language: str | None = None) -> dict[str, Any]:
    """The latest answered round of each organisation: area medians, names only where shared."""
    if not (viewer.is_association_staff or cohort.coach_id == viewer.pk):
        raise PermissionDenied
    language = _language(language)
    rounds = _latest_answered_rounds(cohort)
    answers = submitted_answers(rounds)
    labels = iter(_anonymous_labels())
    data = rounds[-1].rules.data if rounds else current_rules(RuleSetKind.MATURITY).data
    areas = [{"key": a["key"], "name": text(a["name"], language)} for a in data["areas"]]
    rows = []
    for r in rounds:
        result = summarise(r.rules.data, answers[r.pk], language)
        medians = {area["key"]: area["median"] for area in result["areas"]}
        rows.append(
            {
                "label": r.organisation.name if r.shared_with_cohort else next(labels),
                "shared": r.shared_with_cohort,
                "round_name": r.name if r.shared_with_cohort else "",
                "opened_on": r.opened_on,
                "result": result,
                "area_medians": [medians.get(area["key"]) for area in areas],
            }
        )
    return {"areas": areas, "rows": rows}
