"""The advice desk: members' questions, the thread with the association's experts, and the
days the desk is closed (for the promised answer date)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from atelier.knowledge.models import KnowledgeItem, Topic
from atelier.members.models import Organisation

DEFAULT_ANSWER_DAYS = 5


class DeskSettings(models.Model):
    """The desk's promise, one row staff edit (in the admin); read through `desk_settings()`."""

    answer_within_days = models.PositiveSmallIntegerField(
        _("answer within (working days)"), default=DEFAULT_ANSWER_DAYS
    )

    class Meta:
        verbose_name = _("advice desk settings")
        verbose_name_plural = _("advice desk settings")

    def __str__(self) -> str:
        return str(_("Advice desk settings"))


class ClosingDay(models.Model):
    """A day the association is closed (beside weekends and legal holidays)."""

    day = models.DateField(_("day"), unique=True)
    reason = models.CharField(_("reason"), max_length=120, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("closing day")
        verbose_name_plural = _("closing days")

    def __str__(self) -> str:
        return self.day.isoformat()


class QuestionStatus(models.TextChoices):
    NEW = "new", _("new")
    ASSIGNED = "assigned", _("assigned")
    WAITING = "waiting", _("waiting for the member")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("closed")


OPEN_STATUSES = (QuestionStatus.NEW, QuestionStatus.ASSIGNED, QuestionStatus.WAITING)


class Question(models.Model):
    """A member's question to the association (or a research request for the documentation
    service, answered with a list of knowledge items)."""

    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="questions"
    )
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("question"), max_length=10_000)
    is_research_request = models.BooleanField(
        _("research request"),
        default=False,
        help_text=_("The documentation service answers with a list of sources."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=QuestionStatus, default=QuestionStatus.NEW
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_questions",
    )
    asked_at = models.DateTimeField(_("asked at"), db_index=True)
    due_on = models.DateField(_("answer promised by"), db_index=True)
    first_answered_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.TextField(_("comment on the answer"), blank=True, max_length=2000)
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    sources = models.ManyToManyField(
        KnowledgeItem, verbose_name=_("sources"), blank=True, related_name="+"
    )
    faq_item = models.ForeignKey(
        KnowledgeItem,
        verbose_name=_("published as FAQ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="from_questions",
    )

    class Meta:
        ordering = ["-asked_at", "-pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="advice_rating_one_to_five",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: datetime.date) -> bool:
        """Not answered by the promised day (answered late counts as well)."""
        if self.first_answered_at is not None:
            return self.first_answered_at.date() > self.due_on
        return today > self.due_on


class Message(models.Model):
    """One message in a question's thread: a public reply, or a note only staff read."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=20_000)
    is_internal = models.BooleanField(_("internal note"), default=False)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        return f"{self.question_id}/{self.pk}"


class QuestionAttachment(models.Model):
    """A file sent with the question or with a public reply."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="advice/%Y/")
    name = models.CharField(_("name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name
