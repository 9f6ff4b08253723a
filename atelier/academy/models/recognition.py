"""Certificates anyone can verify and Open Badges for completed levels."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .participation import Enrolment
from .programme import Level


class Certificate(models.Model):
    """Proof that a participant completed an edition; anyone can verify it by its code."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.PROTECT, related_name="certificate", verbose_name=_("enrolment")
    )
    code = models.UUIDField(_("verification code"), default=uuid.uuid4, unique=True, editable=False)
    # What the certificate says, kept as issued even if names or titles change later.
    holder_name = models.CharField(_("holder"), max_length=200)
    course_title = models.CharField(_("course"), max_length=200)
    level_number = models.PositiveSmallIntegerField(_("level"))
    completed_on = models.DateField(_("completed on"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="certificates/%Y/", blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return f"{self.holder_name} · {self.course_title}"


class BadgeAssertion(models.Model):
    """An Open Badges 2.0 assertion: a person completed a level of the programme."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="badges",
        verbose_name=_("recipient"),
    )
    level = models.ForeignKey(
        Level, on_delete=models.PROTECT, related_name="badges", verbose_name=_("level")
    )
    certificate = models.ForeignKey(
        Certificate, on_delete=models.PROTECT, related_name="badges", verbose_name=_("evidence")
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The hashed e-mail address (sha256 with this salt), as Open Badges recommends.
    salt = models.CharField(max_length=32)
    issued_on = models.DateTimeField(_("issued on"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "level"], name="one_badge_per_level"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.level}"
