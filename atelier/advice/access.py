"""Who may see which question: the one place pages, attachments and the API ask."""

from django.db.models import QuerySet
from django.http import Http404

from atelier.accounts.models import Role, User

from .models import Question, QuestionAttachment


def may_ask(user: User | None) -> bool:
    """People of a member organisation (participants and coordinators) ask questions."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    organisation = user.organisation
    return (
        user.role in (Role.PARTICIPANT, Role.COORDINATOR)
        and organisation is not None
        and organisation.is_member
    )


def may_handle(user: User | None) -> bool:
    """Association staff answer, assign and publish."""
    return user is not None and user.is_authenticated and user.is_association_staff


def questions_visible_to(user: User | None) -> QuerySet[Question]:
    """Staff all; a coordinator their organisation's; anyone else their own questions."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Question.objects.none()
    if user.is_association_staff:
        return Question.objects.all()
    if user.role == Role.COORDINATOR and user.organisation_id:
        return Question.objects.filter(organisation_id=user.organisation_id)
    return Question.objects.filter(asker=user)


def get_question_for_user(user: User | None, pk: int) -> Question:
    """The question, or 404 for those who may not see it."""
    try:
        return (
            questions_visible_to(user)
            .select_related("asker", "organisation", "topic", "assignee", "faq_item")
            .get(pk=pk)
        )
    except Question.DoesNotExist:
        raise Http404 from None


def get_attachment_for_user(user: User | None, question_pk: int, pk: int) -> QuestionAttachment:
    """A file of a question the person sees; files of internal notes only for staff."""
    question = get_question_for_user(user, question_pk)
    attachments = question.attachments.all()
    if not may_handle(user):
        attachments = attachments.exclude(message__is_internal=True)
    try:
        return attachments.get(pk=pk)
    except QuestionAttachment.DoesNotExist:
        raise Http404 from None
