"""The short survey after each session, anonymous by default."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .participation import Enrolment
from .programme import Bilingual, Session


class QuestionKind(models.TextChoices):
    RATING = "rating", _("rating from 1 to 5")
    OPEN = "open", _("open answer")
    CHOICE = "choice", _("one choice of several")


class FeedbackQuestion(Bilingual):
    """A question of the survey after each session; staff keep the list.

    The questions without a course are the default set; a course with active questions of
    its own asks those instead.
    """

    course = models.ForeignKey(
        "academy.Course",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="feedback_questions",
        verbose_name=_("course"),
        help_text=_("Empty for the default questions, asked where a course has none of its own."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind)
    text_nl = models.CharField(_("question (Dutch)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300, blank=True)
    choices_nl = models.TextField(
        _("choices (Dutch)"), blank=True, help_text=_("For a choice question: one option a line.")
    )
    choices_en = models.TextField(_("choices (English)"), blank=True)
    is_active = models.BooleanField(_("asked"), default=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("feedback question")
        verbose_name_plural = _("feedback questions")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self.in_language("text")

    @property
    def options(self) -> list[tuple[str, str]]:
        """(stored value, label) per option: the Dutch text is stored, whatever the language."""
        dutch = [line.strip() for line in self.choices_nl.splitlines() if line.strip()]
        english = [line.strip() for line in self.choices_en.splitlines() if line.strip()]
        labels = english if get_language() == "en" and len(english) == len(dutch) else dutch
        return list(zip(dutch, labels, strict=True))


class FeedbackReceipt(models.Model):
    """That a participant answered a session's survey; the answers are not linked to it."""

    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="feedback_receipts",
        verbose_name=_("session"),
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="+", verbose_name=_("enrolment")
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="one_feedback_each"),
        ]

    def __str__(self) -> str:
        return f"{self.session}"


class FeedbackResponse(models.Model):
    """One participant's answers to a session's survey, anonymous unless they signed it."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("session")
    )
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed by"),
    )
    # The day only: an exact time could tie an anonymous answer to its receipt.
    submitted_on = models.DateField(_("submitted on"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"{self.session} ({self.submitted_on})"


class FeedbackAnswer(models.Model):
    response = models.ForeignKey(
        FeedbackResponse,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("response"),
    )
    question = models.ForeignKey(
        FeedbackQuestion,
        on_delete=models.PROTECT,
        related_name="answers",
        verbose_name=_("question"),
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="rating_from_one_to_five",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.rating or self.text[:30]}"
