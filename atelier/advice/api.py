"""The advice desk in the REST API: the caller's questions (own, or the organisation's for a
coordinator), one question with its public thread, and asking a new one."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.security import django_auth

from atelier.accounts.access import user_of
from atelier.api.auth import BearerToken
from atelier.api.errors import Error, error
from atelier.api.types import PageQuery, Text, Title
from atelier.knowledge.models import Topic
from atelier.notifications.services import absolute

from . import services
from .access import get_question_for_user, questions_visible_to
from .models import Question, QuestionStatus

router = Router(auth=[BearerToken(), django_auth], tags=["advice"])


class QuestionOut(Schema):
    id: int
    subject: str
    topic: str  # the topic's slug
    status: QuestionStatus
    organisation: str
    asked_at: datetime.datetime
    due_on: datetime.date
    first_answered_at: datetime.datetime | None
    is_research_request: bool
    rating: int | None
    url: str


class MessageOut(Schema):
    author: str
    body: str
    written_at: datetime.datetime


class QuestionDetailOut(QuestionOut):
    text: str
    messages: list[MessageOut]


class QuestionPage(Schema):
    count: int
    items: list[QuestionOut]


class QuestionIn(Schema):
    topic: Text  # a topic's slug, e.g. "social-policy-ocmw"
    subject: Title
    text: Text
    is_research_request: bool = False


def _question(question: Question) -> dict[str, Any]:
    return {
        "id": question.pk,
        "subject": question.subject,
        "topic": question.topic.slug,
        "status": question.status,
        "organisation": question.organisation.name,
        "asked_at": question.asked_at,
        "due_on": question.due_on,
        "first_answered_at": question.first_answered_at,
        "is_research_request": question.is_research_request,
        "rating": question.rating,
        "url": absolute(reverse("advice:question", args=[question.pk])),
    }


def _detail(question: Question) -> dict[str, Any]:
    public = question.messages.filter(is_internal=False).select_related("author")
    return _question(question) | {
        "text": question.text,
        "messages": [
            {"author": str(m.author), "body": m.body, "written_at": m.created_at} for m in public
        ],
    }


@router.get("/questions", response=QuestionPage)
def list_questions(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    """The caller's questions (a coordinator: all of the organisation's), newest first."""
    questions = questions_visible_to(user_of(request)).select_related("topic", "organisation")
    page = questions[query.offset : query.offset + query.limit]
    return {"count": questions.count(), "items": [_question(q) for q in page]}


@router.get("/questions/{question_id}", response={200: QuestionDetailOut, 404: Error})
def get_question(request: HttpRequest, question_id: int) -> dict[str, Any]:
    """One question with its public thread (internal notes are never shown)."""
    return _detail(get_question_for_user(user_of(request), question_id))


@router.post("/questions", response={201: QuestionDetailOut, 403: Error, 422: Error})
def ask_question(request: HttpRequest, payload: QuestionIn) -> Any:
    """Asks the desk a question; the answer is promised in working days (`due_on`)."""
    topic = Topic.objects.filter(slug=payload.topic, is_active=True).first()
    if topic is None:
        return Status(422, error(_("There is no topic with this short name."), ["topic"]))
    try:
        question = services.ask(
            asker=user_of(request),
            topic=topic,
            subject=payload.subject,
            text=payload.text,
            is_research_request=payload.is_research_request,
        )
    except services.AdviceRefused as refusal:
        return Status(403, error(refusal.message))
    return Status(201, _detail(get_object_or_404(Question, pk=question.pk)))
