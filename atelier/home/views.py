"""A home for each person: what needs them now, by role, each line a link to the action."""

import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from atelier.accounts.access import user_of
from atelier.accounts.models import Role, User
from atelier.advice import selectors as advice_selectors
from atelier.advice.access import may_ask

from . import selectors, services
from .models import StartHereDismissal
from .start_here import role_of, steps_for


def personal_home(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    today = timezone.localdate()
    role = role_of(person)
    context: dict[str, Any] = {
        "role": role,
        "today": today,
        "tomorrow": (today + datetime.timedelta(days=1)).isoformat(),
        "start_steps": None
        if StartHereDismissal.objects.filter(person=person).exists()
        else steps_for(person),
        "notifications": selectors.latest_notifications(person),
    }
    if role in (Role.PARTICIPANT, Role.COORDINATOR, Role.EXPERT):
        context |= _participant(person, today)
    if role == Role.COORDINATOR and person.organisation_id:
        context |= _coordinator(person.organisation_id, today)
    if role in (Role.TRAINER, Role.ADMINISTRATOR):
        context |= _trainer(person, today)
    if role == Role.ADMINISTRATOR:
        context |= _administrator(today)
    context |= _advice(person, today)
    return render(request, "home/home.html", context)


def _participant(person: User, today: Any) -> dict[str, Any]:
    return {
        "projects": selectors.my_projects(person),
        "sessions": selectors.my_next_sessions(person),
        "milestones": selectors.my_milestones(person, today),
        "reviews": selectors.my_reviews_to_write(person),
        "jury_seats": selectors.my_bids_to_score(person),
        "mentions": selectors.my_mentions(person),
        "surveys": selectors.my_surveys_to_answer(person),
    }


def _coordinator(organisation_id: int, today: Any) -> dict[str, Any]:
    latest_round, open_rounds = selectors.maturity(organisation_id)
    return {
        "organisation": True,
        "invoices": selectors.open_invoices(organisation_id, today),
        "charges": selectors.open_charges(organisation_id),
        "colleagues": selectors.colleagues(organisation_id),
        "enrolments": selectors.organisation_enrolments(organisation_id),
        "organisation_projects": selectors.organisation_projects(organisation_id),
        "latest_round": latest_round,
        "open_rounds": open_rounds,
    }


def _trainer(person: User, today: Any) -> dict[str, Any]:
    return {
        "trainer_sessions": selectors.trainer_sessions(person, today),
        "cohorts": selectors.coached_cohorts(person, today),
        "feedback": selectors.recent_feedback(person),
        "workshop_cases": list(selectors.workshop_cases()),
    }


def _administrator(today: Any) -> dict[str, Any]:
    return {
        "fees": selectors.fee_summary(today),
        "queues": selectors.staff_queues(),
    }


def _advice(person: User, today: Any) -> dict[str, Any]:
    if person.is_association_staff:
        return {"advice_waiting": advice_selectors.questions_waiting(person, today)}
    if not may_ask(person):
        return {}
    open_questions, answered = advice_selectors.my_questions(person)
    organisation = (
        advice_selectors.organisation_open_questions(person.organisation_id)
        if selectors.is_coordinator(person) and person.organisation_id
        else []
    )
    return {
        "advice_asks": True,
        "advice_open": open_questions,
        "advice_answered": answered,
        "advice_organisation": organisation,
    }


@login_required
@require_POST
def start_here_dismiss(request: HttpRequest) -> HttpResponse:
    services.dismiss_start_here(person=user_of(request))
    return redirect("home")


@login_required
@require_POST
def start_here_show(request: HttpRequest) -> HttpResponse:
    services.show_start_here(person=user_of(request))
    return redirect("home")
