"""Reads of the advice desk: suggestions while asking, the staff queue, the thread, homes."""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from atelier.accounts.models import User
from atelier.knowledge.access import items_visible_to
from atelier.knowledge.models import KnowledgeItem, Status
from atelier.search.models import DocumentType
from atelier.search.selectors import search

from .access import may_handle, questions_visible_to
from .models import OPEN_STATUSES, Message, Question, QuestionStatus

SHOWN = 5


def suggest_items(user: User | None, text: str, limit: int = 5) -> list[KnowledgeItem]:
    """Published items the person may read that answer `text`, best match first.

    The one search engine finds them (inflected forms, compounds, typos). A question's
    subject is a sentence, not a query: items matching all of it come first, then those
    matching its longest words one by one.
    """
    queries = [text, *sorted(set(re.findall(r"\w{4,}", text.lower())), key=len, reverse=True)[:3]]
    ids: list[int] = []
    for query in queries:
        found = search(user, query, types=[DocumentType.KNOWLEDGE], limit=limit, snippets=False)
        ids += [hit.object_id for hit in found.hits if hit.object_id not in ids]
        if len(ids) >= limit:
            break
    items = items_visible_to(user).filter(pk__in=ids, status=Status.PUBLISHED).in_bulk()
    return [items[pk] for pk in ids if pk in items][:limit]


@dataclass
class QueueFilter:
    status: str = ""  # a QuestionStatus, "open" (the default) or "all"
    topic: int | None = None
    assignee: str = ""  # "me", "nobody", or a person's id
    overdue: bool = False


def queue(filters: QueueFilter, *, person: User, today: datetime.date) -> QuerySet[Question]:
    """The staff queue: questions by promised date, with what each line shows in one query."""
    questions = Question.objects.select_related(
        "asker", "organisation", "topic", "assignee"
    ).order_by("due_on", "asked_at", "pk")
    if filters.status in QuestionStatus.values:
        questions = questions.filter(status=filters.status)
    elif filters.status != "all":
        questions = questions.filter(status__in=OPEN_STATUSES)
    if filters.topic:
        questions = questions.filter(topic_id=filters.topic)
    if filters.assignee == "me":
        questions = questions.filter(assignee=person)
    elif filters.assignee == "nobody":
        questions = questions.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        questions = questions.filter(assignee_id=int(filters.assignee))
    if filters.overdue:
        questions = questions.filter(first_answered_at__isnull=True, due_on__lt=today)
    return questions


def staff_people() -> QuerySet[User]:
    from atelier.accounts.models import STAFF_ROLES

    return User.objects.filter(is_active=True).filter(
        Q(role__in=STAFF_ROLES) | Q(is_superuser=True)
    )


def thread(question: Question, user: User) -> list[Message]:
    """The messages the person may read (internal notes only for staff), with their files."""
    messages = question.messages.select_related("author").prefetch_related("attachments")
    if not may_handle(user):
        messages = messages.filter(is_internal=False)
    return list(messages)


def my_questions(person: User) -> tuple[list[Question], list[Question]]:
    """The person's open questions and their latest answered ones (for the home)."""
    mine = Question.objects.filter(asker=person).select_related("topic")
    open_ = list(mine.filter(status__in=OPEN_STATUSES).order_by("due_on", "pk")[:SHOWN])
    answered = list(
        mine.filter(status__in=[QuestionStatus.ANSWERED, QuestionStatus.CLOSED]).order_by(
            "-first_answered_at", "-pk"
        )[:SHOWN]
    )
    return open_, answered


def organisation_open_questions(organisation_id: int) -> list[Question]:
    return list(
        Question.objects.filter(organisation_id=organisation_id, status__in=OPEN_STATUSES)
        .select_related("asker", "topic")
        .order_by("due_on", "pk")[:SHOWN]
    )


@dataclass
class Waiting:
    mine: list[Question]
    unassigned: int
    overdue: int


def questions_waiting(person: User, today: datetime.date) -> Waiting:
    """For staff: their own open questions, and how many nobody took or are overdue."""
    open_ = Question.objects.filter(status__in=[QuestionStatus.NEW, QuestionStatus.ASSIGNED])
    return Waiting(
        mine=list(
            open_.filter(assignee=person).select_related("organisation").order_by("due_on")[:SHOWN]
        ),
        unassigned=open_.filter(assignee__isnull=True).count(),
        overdue=open_.filter(due_on__lt=today).count(),
    )


def visible_list(user: User) -> QuerySet[Question]:
    return questions_visible_to(user).select_related("asker", "organisation", "topic")


def faq_texts(question: Question) -> tuple[str, str]:
    """The question's text and the desk's public replies, to start an FAQ from."""
    answers = question.messages.filter(is_internal=False, author__in=staff_people())
    return question.text, "\n\n".join(message.body for message in answers)
