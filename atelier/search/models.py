"""The search index: one row per thing a person can find, filled by the providers.

The rows are a copy kept current by signals (see signals.py) and rebuilt by
`manage.py rebuild_search_index`. The engine-specific parts live outside the model:
on PostgreSQL a generated `search_vector` tsvector column (Dutch configuration, GIN
index) and a trigram index on the vocabulary; on SQLite an FTS5 table `search_fts`
whose rowid is the document's id. Both are created by migration 0002.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    KNOWLEDGE = "knowledge", _("Knowledge")
    TECHNIQUE = "technique", _("Method cards")
    COURSE = "course", _("Courses and seminars")
    ORGANISATION = "organisation", _("Member organisations")
    PROJECT = "project", _("Projects")
    CANVAS = "canvas", _("Canvases")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("everyone")
    MEMBERS = "members", _("members only")
    STAFF = "staff", _("association staff only")
    # Projects and canvases: their team, the organisation's coordinators and staff.
    TEAM = "team", _("the project's team")


class SearchDocument(models.Model):
    doc_type = models.CharField(max_length=20, choices=DocumentType)
    object_id = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    visibility = models.CharField(max_length=10, choices=Visibility)
    # Drafts and items in review are found by staff only.
    is_published = models.BooleanField(default=True)
    organisation_id = models.PositiveIntegerField(null=True, blank=True)
    project_id = models.PositiveIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["doc_type", "object_id"], name="search_document_once")
        ]
        indexes = [models.Index(fields=["visibility", "doc_type"])]

    def __str__(self) -> str:
        return self.title


class SearchTopic(models.Model):
    """A topic (its slug) of an indexed document: a filter and a facet."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="topics")
    slug = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "slug"], name="search_topic_once")
        ]
        indexes = [models.Index(fields=["slug", "document"])]

    def __str__(self) -> str:
        return self.slug


class SearchTerm(models.Model):
    """A word that occurs in the index: the vocabulary misspellings are corrected against."""

    word = models.CharField(max_length=40, unique=True)

    def __str__(self) -> str:
        return self.word
