"""Course materials: files and links for a course, one edition or one session."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .programme import Course, Edition, Session


class MaterialKind(models.TextChoices):
    SLIDES = "slides", _("slides")
    WORKSHEET = "worksheet", _("worksheet")
    HANDOUT = "handout", _("handout")
    RECORDING = "recording", _("recording")
    READING = "reading", _("reading")


class Visibility(models.TextChoices):
    """When enrolled people see a material; staff and the trainers always see it."""

    BEFORE = "before", _("before the session (until it ends)")
    AFTER = "after", _("after the session")
    ALWAYS = "always", _("always")


class Material(models.Model):
    """A file, a link or a knowledge item, attached to exactly one course, edition or session.

    A course's materials appear on each of its editions; the visibility rule is measured
    against the session, or against the edition's first start and last end.
    """

    course = models.ForeignKey(
        Course,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="materials",
        verbose_name=_("course"),
    )
    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="materials",
        verbose_name=_("edition"),
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="materials",
        verbose_name=_("session"),
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=MaterialKind)
    file = models.FileField(_("file"), upload_to="academy/materials/%Y/", blank=True)
    url = models.URLField(_("link"), blank=True)
    knowledge_item = models.ForeignKey(
        "knowledge.KnowledgeItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("knowledge item"),
    )
    visibility = models.CharField(
        _("visible to participants"), max_length=8, choices=Visibility, default=Visibility.ALWAYS
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "title", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(course__isnull=False, edition__isnull=True, session__isnull=True)
                    | Q(course__isnull=True, edition__isnull=False, session__isnull=True)
                    | Q(course__isnull=True, edition__isnull=True, session__isnull=False)
                ),
                name="material_belongs_to_one_place",
            ),
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url="") | Q(knowledge_item__isnull=False),
                name="material_has_content",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_file(self) -> bool:
        return bool(self.file)
