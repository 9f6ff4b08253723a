"""Segments (saved filters over contacts) and mailings sent to them, with a log per recipient."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from atelier.knowledge.models import Topic
from atelier.members.models import Province


class Segment(models.Model):
    """A saved filter over the contacts' current functions; an empty criterion matches all."""

    name = models.CharField(_("name"), max_length=200)
    function_kinds = models.JSONField(_("functions"), default=list, blank=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="+", verbose_name=_("portfolios or policy domains")
    )
    member_types = models.JSONField(_("member types"), default=list, blank=True)
    provinces = models.ManyToManyField(
        Province, blank=True, related_name="+", verbose_name=_("provinces")
    )
    size_classes = models.JSONField(_("size classes"), default=list, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("segment")
        verbose_name_plural = _("segments")

    def __str__(self) -> str:
        return self.name


class MailingKind(models.TextChoices):
    """What a mailing is about: people unsubscribe from one kind, not from all."""

    NEWSLETTER = "newsletter", _("newsletter")
    INVITATION = "invitation", _("invitation to an event or course")
    CONSULTATION = "consultation", _("consultation or survey")


class Mailing(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    segment = models.ForeignKey(
        Segment, on_delete=models.PROTECT, related_name="mailings", verbose_name=_("segment")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MailingKind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("message"), help_text=_("Markdown; merge fields: {name}, {function}, {organisation}.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    edition = models.ForeignKey(
        "academy.Edition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("edition invited to"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("mailing")
        verbose_name_plural = _("mailings")

    def __str__(self) -> str:
        return self.subject


class Delivery(models.Model):
    """One recipient of a mailing: one address, once, with what happened."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        BOUNCED = "bounced", _("bounced")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    email = models.EmailField(_("e-mail address"))
    # The merge fields as they were when the mailing was queued.
    merge = models.JSONField(default=dict)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        ordering = ["mailing", "email"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["mailing", "email"], name="one_delivery_per_address")
        ]
        indexes = [models.Index(fields=["mailing", "status", "id"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.status})"


class Unsubscription(models.Model):
    email = models.EmailField(_("e-mail address"))
    kind = models.CharField(_("kind"), max_length=20, choices=MailingKind.choices)
    created_at = models.DateTimeField(_("unsubscribed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("unsubscription")
        verbose_name_plural = _("unsubscriptions")
        constraints = [
            models.UniqueConstraint(fields=["email", "kind"], name="one_unsubscription_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.email}: {self.kind}"
