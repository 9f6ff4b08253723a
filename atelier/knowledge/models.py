"""The association's knowledge: topics (policy domains) and the items it publishes.

The shared base of the knowledge interface: publications, the advice desk, seminars,
the documentation service and search all refer to these rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from atelier.lib.bilingual import Bilingual, Localized


class Topic(Bilingual):
    """A policy domain (DOMAIN §1b); staff edit the list."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default expert"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("New questions on this topic are assigned to this person."),
    )

    name = Localized()

    class Meta:
        ordering = ["position", "name_nl"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class ItemKind(models.TextChoices):
    NEWS = "news", _("news")
    ARTICLE = "article", _("article")
    FAQ = "faq", _("frequently asked question")
    POSITION_PAPER = "position_paper", _("position paper")
    MODEL_DOCUMENT = "model_document", _("model document")
    LEGAL_NOTE = "legal_note", _("legal note")
    MAGAZINE_ISSUE = "magazine_issue", _("magazine issue")
    BOOK = "book", _("book")
    LIBRARY_RECORD = "library_record", _("library record")


class ItemAudience(models.TextChoices):
    PUBLIC = "public", _("everyone")
    MEMBERS = "members", _("members only")
    STAFF = "staff", _("association staff only")


class ItemStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_REVIEW = "in_review", _("in review")
    PUBLISHED = "published", _("published")
    ARCHIVED = "archived", _("archived")


# The short names the apps use; the classes carry distinct names for the API's schema
# (an enum is named after its class, and the academy's Enrolment.Status is one too).
Kind = ItemKind
Audience = ItemAudience
Status = ItemStatus


class KnowledgeItem(models.Model):
    """One publication, FAQ, legal note, book or library record.

    `body` is sanitised HTML (see atelier.knowledge.html); it is never rendered unsanitised.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True, max_length=2000)
    body = models.TextField(_("text"), blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="nl"
    )
    topics = models.ManyToManyField(Topic, verbose_name=_("topics"), related_name="items")
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience, default=Audience.MEMBERS
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="knowledge_items",
    )
    author_name = models.CharField(
        _("author (as printed)"),
        max_length=200,
        blank=True,
        help_text=_("For books and library records by outside authors."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # A magazine issue holds its articles; an article may belong to one issue.
    magazine_issue = models.ForeignKey(
        "self",
        verbose_name=_("magazine issue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        limit_choices_to={"kind": Kind.MAGAZINE_ISSUE},
    )
    related = models.ManyToManyField("self", verbose_name=_("related items"), blank=True)
    # Legal notes go out of date when the law changes.
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
    )
    # Books and magazine issues that can be ordered in print.
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True)
    member_price = models.DecimalField(
        _("member price"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    non_member_price = models.DecimalField(
        _("non-member price"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    is_printed = models.BooleanField(_("available in print"), default=False)
    # Library records (documentation service).
    shelf_mark = models.CharField(_("shelf mark"), max_length=60, blank=True)
    # The version counter for conflict refusal on concurrent edits.
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")
        indexes = [models.Index(fields=["status", "audience", "kind"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(member_price__gte=0) | models.Q(member_price__isnull=True),
                name="knowledge_member_price_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(non_member_price__gte=0)
                | models.Q(non_member_price__isnull=True),
                name="knowledge_non_member_price_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class KnowledgeItemVersion(models.Model):
    """An earlier published text of an item, kept readable after it was edited."""

    item = models.ForeignKey(KnowledgeItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"), blank=True)
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="knowledge_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})"


class Attachment(models.Model):
    """A PDF, DOCX or XLSX file of an item; its text is extracted for search."""

    item = models.ForeignKey(KnowledgeItem, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="knowledge/%Y/")
    name = models.CharField(_("name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    extracted_text = models.TextField(_("extracted text"), blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name


from .distribution_models import (  # noqa: E402, F401
    DigestEntry,
    DigestRecipient,
    PrintOrder,
    TopicFollow,
)
