"""Every change to a question: asking, assigning, the thread, closing, rating and the FAQ."""

import re
from collections.abc import Iterable, Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic
from atelier.notifications.models import Kind as NotificationKind
from atelier.notifications.services import notify

from .access import may_ask, may_handle
from .models import (
    DEFAULT_ANSWER_DAYS,
    OPEN_STATUSES,
    DeskSettings,
    Message,
    Question,
    QuestionAttachment,
    QuestionStatus,
)
from .working_days import add_working_days

MAX_FILES = 5


class AdviceRefused(Exception):
    """A change the person may not make now; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def answer_within_days() -> int:
    desk = DeskSettings.objects.first()
    return desk.answer_within_days if desk else DEFAULT_ANSWER_DAYS


def _question_url(question: Question) -> str:
    return reverse("advice:question", args=[question.pk])


def _attach(question: Question, files: Sequence[UploadedFile], message: Message | None) -> None:
    if question.attachments.count() + len(files) > MAX_FILES * 4:
        raise AdviceRefused(_("This question has reached the number of files it can hold."))
    for upload in files[:MAX_FILES]:
        QuestionAttachment.objects.create(
            question=question,
            message=message,
            file=upload,
            name=(upload.name or "file")[:200],
            size=upload.size or 0,
        )


@transaction.atomic
def ask(
    *,
    asker: User,
    topic: Topic,
    subject: str,
    text: str,
    is_research_request: bool = False,
    files: Sequence[UploadedFile] = (),
) -> Question:
    """Creates a question, assigned to the topic's expert, due in the desk's working days."""
    organisation = asker.organisation
    if not may_ask(asker) or organisation is None:
        raise AdviceRefused(_("Only people of a member organisation can ask the desk."))
    now = timezone.now()
    expert = topic.expert if topic.expert and topic.expert.is_association_staff else None
    question = Question.objects.create(
        asker=asker,
        organisation=organisation,
        topic=topic,
        subject=subject.strip(),
        text=text.strip(),
        is_research_request=is_research_request,
        status=QuestionStatus.ASSIGNED if expert else QuestionStatus.NEW,
        assignee=expert,
        asked_at=now,
        due_on=add_working_days(timezone.localdate(now), answer_within_days()),
    )
    _attach(question, files, None)
    if expert:
        _tell_assignee(question, expert)
    return question


def _tell_assignee(question: Question, assignee: User) -> None:
    notify(
        recipient=assignee,
        kind=NotificationKind.QUESTION_ASSIGNED,
        key=f"question-{question.pk}-assigned-{assignee.pk}-{timezone.now().timestamp()}",
        url=_question_url(question),
        params={"question": question.subject},
    )


@transaction.atomic
def assign(*, question: Question, assignee: User | None, by: User) -> Question:
    """Gives the question to a staff member (None frees it for anyone to take)."""
    if not may_handle(by):
        raise AdviceRefused(_("Only the association's staff assign questions."))
    if assignee is not None and not assignee.is_association_staff:
        raise AdviceRefused(_("Questions go to the association's staff only."))
    question.assignee = assignee
    if question.status in (QuestionStatus.NEW, QuestionStatus.ASSIGNED):
        question.status = QuestionStatus.ASSIGNED if assignee else QuestionStatus.NEW
    question.save(update_fields=["assignee", "status"])
    if assignee is not None and assignee != by:
        _tell_assignee(question, assignee)
    return question


@transaction.atomic
def assign_many(*, questions: QuerySet[Question], assignee: User | None, by: User) -> int:
    """Assigns (or with None frees) several open questions at once; returns how many."""
    if not may_handle(by):
        raise AdviceRefused(_("Only the association's staff assign questions."))
    chosen = questions.filter(status__in=OPEN_STATUSES)
    if assignee is None:
        chosen.filter(status=QuestionStatus.ASSIGNED).update(status=QuestionStatus.NEW)
        return chosen.update(assignee=None)
    chosen.filter(status=QuestionStatus.NEW).update(status=QuestionStatus.ASSIGNED)
    return chosen.update(assignee=assignee)


@transaction.atomic
def reply(
    *,
    question: Question,
    by: User,
    body: str,
    internal: bool = False,
    wait_for_member: bool = False,
    files: Sequence[UploadedFile] = (),
    sources: Iterable[KnowledgeItem] = (),
) -> Message:
    """Adds a message to the thread and moves the question on; the other side is told."""
    staff = may_handle(by)
    if not staff and by.pk != question.asker_id:
        raise AdviceRefused(_("Only the person who asked and the desk write in this thread."))
    if internal and not staff:
        raise AdviceRefused(_("Only staff write internal notes."))
    message = Message.objects.create(
        question=question, author=by, body=body.strip(), is_internal=internal
    )
    # A note's files are kept too; only staff may download them (advice.access).
    _attach(question, files, message)
    if internal:
        return message
    if staff:
        _staff_replied(question, message, wait_for_member, list(sources))
    else:
        _asker_replied(question, message)
    return message


def _staff_replied(
    question: Question, message: Message, wait_for_member: bool, sources: list[KnowledgeItem]
) -> None:
    now = timezone.now()
    if sources:
        question.sources.add(*sources)
    question.status = QuestionStatus.WAITING if wait_for_member else QuestionStatus.ANSWERED
    if not wait_for_member and question.first_answered_at is None:
        question.first_answered_at = now
    if question.assignee_id is None:
        question.assignee = message.author
    question.closed_at = None
    question.save(update_fields=["status", "first_answered_at", "assignee", "closed_at"])
    notify(
        recipient=question.asker,
        kind=NotificationKind.QUESTION_WAITING
        if wait_for_member
        else NotificationKind.QUESTION_ANSWERED,
        key=f"question-{question.pk}-message-{message.pk}",
        url=_question_url(question),
        params={"question": question.subject},
    )


def _asker_replied(question: Question, message: Message) -> None:
    if question.status != QuestionStatus.NEW:
        question.status = QuestionStatus.ASSIGNED if question.assignee_id else QuestionStatus.NEW
    question.closed_at = None
    question.save(update_fields=["status", "closed_at"])
    if question.assignee is not None:
        notify(
            recipient=question.assignee,
            kind=NotificationKind.QUESTION_REPLIED,
            key=f"question-{question.pk}-message-{message.pk}",
            url=_question_url(question),
            params={"question": question.subject, "by": str(message.author)},
        )


def _may_close(question: Question, by: User) -> bool:
    return may_handle(by) or by.pk == question.asker_id


@transaction.atomic
def close(*, question: Question, by: User) -> Question:
    """Closes the question (the asker or staff)."""
    if not _may_close(question, by):
        raise AdviceRefused(_("Only the person who asked and the desk close a question."))
    question.status = QuestionStatus.CLOSED
    question.closed_at = timezone.now()
    question.save(update_fields=["status", "closed_at"])
    return question


@transaction.atomic
def reopen(*, question: Question, by: User) -> Question:
    """Opens an answered or closed question again, for its assignee (or the queue)."""
    if not _may_close(question, by):
        raise AdviceRefused(_("Only the person who asked and the desk reopen a question."))
    if question.is_open:
        raise AdviceRefused(_("This question is still open."))
    question.status = QuestionStatus.ASSIGNED if question.assignee_id else QuestionStatus.NEW
    question.closed_at = None
    question.save(update_fields=["status", "closed_at"])
    return question


@transaction.atomic
def rate(*, question: Question, by: User, rating: int, comment: str = "") -> Question:
    """Stores the asker's 1–5 rating of the answer, once."""
    if by.pk != question.asker_id:
        raise AdviceRefused(_("Only the person who asked rates the answer."))
    if question.first_answered_at is None:
        raise AdviceRefused(_("A question can be rated once it has been answered."))
    if question.rated_at is not None:
        raise AdviceRefused(_("You have rated this answer already."))
    if not 1 <= rating <= 5:
        raise AdviceRefused(_("Choose a rating from 1 to 5."))
    question.rating = rating
    question.rating_comment = comment.strip()
    question.rated_at = timezone.now()
    question.save(update_fields=["rating", "rating_comment", "rated_at"])
    return question


def names_to_hide(question: Question) -> list[tuple[str, str]]:
    """Each name, address or organisation of the question with the word that replaces it."""
    asker, organisation = question.asker, question.organisation
    person = [asker.get_full_name(), asker.email, asker.first_name, asker.last_name]
    places = [organisation.name_nl, organisation.name_fr]
    return [(name, _("[name]")) for name in person if name] + [
        (name, _("[organisation]")) for name in places if name
    ]


def anonymised(text: str, question: Question) -> str:
    """The text without the asker's name and e-mail address and their organisation's name."""
    for name, placeholder in sorted(names_to_hide(question), key=lambda n: -len(n[0])):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", placeholder, text, flags=re.IGNORECASE)
    return re.sub(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", _("[e-mail]"), text)


def _faq_html(question_text: str, answer_text: str) -> str:
    return (
        f"<h2>{escape(_('Question'))}</h2>{linebreaks(escape(question_text))}"
        f"<h2>{escape(_('Answer'))}</h2>{linebreaks(escape(answer_text))}"
    )


@transaction.atomic
def publish_as_faq(
    *,
    question: Question,
    by: User,
    title: str,
    question_text: str,
    answer_text: str,
    publish: bool,
    keep_names: bool = False,
) -> KnowledgeItem:
    """Creates an FAQ item (draft or published) from the question, anonymised unless kept."""
    if not may_handle(by):
        raise AdviceRefused(_("Only staff publish questions as FAQ."))
    if question.first_answered_at is None:
        raise AdviceRefused(_("Only an answered question can become an FAQ."))
    if question.faq_item_id is not None:
        raise AdviceRefused(_("This question has been published as an FAQ already."))
    if not keep_names:
        title, question_text, answer_text = (
            anonymised(text, question) for text in (title, question_text, answer_text)
        )
    item = KnowledgeItem.objects.create(
        kind=Kind.FAQ,
        title=title.strip()[:300],
        summary=question_text.strip()[:2000],
        body=_faq_html(question_text.strip(), answer_text.strip()),
        audience=Audience.MEMBERS,
        status=Status.PUBLISHED if publish else Status.DRAFT,
        author=by,
        published_at=timezone.now() if publish else None,
    )
    item.topics.add(question.topic)
    question.faq_item = item
    question.save(update_fields=["faq_item"])
    return item
