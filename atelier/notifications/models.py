"""What happened that a person should know of, and how each person wants to hear of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    INVITED = "invited", _("added to a project team")
    MENTIONED = "mentioned", _("mentioned in a comment")
    REVIEW_ASSIGNED = "review_assigned", _("peer review assigned")
    REVIEW_RECEIVED = "review_received", _("peer review received")
    MILESTONE_DUE = "milestone_due", _("milestone due in 7 days")
    ENROLMENT_CONFIRMED = "enrolment_confirmed", _("enrolment confirmed")
    ENROLMENT_PROMOTED = "enrolment_promoted", _("promoted from the waiting list")
    SESSION_TOMORROW = "session_tomorrow", _("session tomorrow")
    INVOICE_ISSUED = "invoice_issued", _("invoice issued")
    INVOICE_OVERDUE = "invoice_overdue", _("invoice overdue")
    QUESTION_ANSWERED = "question_answered", _("question answered")
    QUESTION_WAITING = "question_waiting", _("the advice desk waits for your reply")
    QUESTION_ASSIGNED = "question_assigned", _("question assigned to you")
    QUESTION_REPLIED = "question_replied", _("the asker replied to a question")
    SHARE_LINK_EXPIRING = "share_link_expiring", _("share link about to expire")
    MATURITY_INVITED = "maturity_invited", _("maturity survey to answer")


# The academy mails these itself, with the calendar file attached; the notification only
# shows in Atelier, so that nobody receives two mails for one enrolment.
MAILED_BY_THE_ACADEMY = frozenset({Kind.ENROLMENT_CONFIRMED, Kind.ENROLMENT_PROMOTED})


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("by mail, immediately")
    DIGEST = "digest", _("by mail, in the daily digest")
    OFF = "off", _("no mail (only in Atelier)")


class Notification(models.Model):
    """One event for one person; the key makes a second call for the same event a no-op."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    key = models.CharField(_("event key"), max_length=120)
    url = models.CharField(_("link"), max_length=300)
    params = models.JSONField(_("text parameters"), default=dict, blank=True)
    delivery = models.CharField(_("delivery"), max_length=12, choices=Delivery.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)
    digested_at = models.DateTimeField(_("in the digest of"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "key"], name="one_per_event"),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.kind} · {self.key}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class Preference(models.Model):
    """How one person wants to be mailed about one kind (the default applies without one)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    delivery = models.CharField(_("delivery"), max_length=12, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="one_preference_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.kind}: {self.delivery}"
