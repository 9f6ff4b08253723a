"""Small factories for the desk's tests."""

import datetime

from django.utils import timezone

from atelier.accounts.models import User
from atelier.knowledge.models import Topic

from ..models import Question, QuestionStatus


def topic(slug: str = "social-test", expert: User | None = None) -> Topic:
    found, _ = Topic.objects.get_or_create(
        slug=slug, defaults={"name_nl": "Sociaal beleid (test)", "name_en": "Social (test)"}
    )
    if expert is not None:
        found.expert = expert
        found.save(update_fields=["expert"])
    return found


def question(
    asker: User,
    *,
    subject: str = "Leefloon voor studenten",
    status: str = QuestionStatus.NEW,
    asked_at: datetime.datetime | None = None,
    due_on: datetime.date | None = None,
    **fields: object,
) -> Question:
    asked_at = asked_at or timezone.now()
    return Question.objects.create(
        asker=asker,
        organisation=asker.organisation,
        topic=fields.pop("topic", None) or topic(),  # type: ignore[arg-type]
        subject=subject,
        text="Mag het OCMW een leefloon toekennen aan een student van 19?",
        status=status,
        asked_at=asked_at,
        due_on=due_on or timezone.localdate(asked_at) + datetime.timedelta(days=7),
        **fields,
    )
