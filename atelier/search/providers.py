"""What each kind of thing puts in the search index, and who may find it.

A provider turns rows of one model into entries: title, text, address and the keys the
engine filters on (visibility, organisation and project for team-only things).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import timezone

from atelier.academy.models import Course
from atelier.canvases.models import Canvas, Card
from atelier.knowledge.models import KnowledgeItem, Status
from atelier.members.models import Organisation
from atelier.method.models import Technique
from atelier.projects.models import Project

from .models import DocumentType, Visibility
from .text import plain

# Attachments can be whole books; the engines index this much of an item's text.
MAX_BODY = 100_000


@dataclass
class Entry:
    doc_type: str
    object_id: int
    title: str
    body: str
    url: str
    visibility: str
    updated_at: datetime.datetime
    is_published: bool = True
    organisation_id: int | None = None
    project_id: int | None = None
    kind: str = ""
    year: int | None = None
    topics: list[str] = field(default_factory=list)


@dataclass
class Provider:
    model: type[Model]
    queryset: Callable[[], QuerySet[Any]]
    entry: Callable[[Any], Entry]


def _joined(*parts: str) -> str:
    return "\n".join(part for part in parts if part)[:MAX_BODY]


def _knowledge_url(pk: int) -> str:
    return reverse("knowledge:item", args=[pk])


def knowledge_entry(item: KnowledgeItem) -> Entry:
    attachments = [attachment.extracted_text for attachment in item.attachments.all()]
    dated = item.published_at or item.created_at or timezone.now()
    return Entry(
        doc_type=DocumentType.KNOWLEDGE,
        object_id=item.pk,
        title=item.title,
        body=_joined(item.summary, plain(item.body), item.author_name, *attachments),
        url=_knowledge_url(item.pk),
        visibility=item.audience,
        is_published=item.status in (Status.PUBLISHED, Status.ARCHIVED),
        kind=item.kind,
        year=dated.year,
        updated_at=item.updated_at or dated,
        topics=[topic.slug for topic in item.topics.all()],
    )


def technique_entry(technique: Technique) -> Entry:
    texts = [
        getattr(technique, f"{name}_{language}")
        for name in ("summary", "when_to_use", "when_not", "steps", "pitfalls", "materials")
        for language in ("nl", "en")
    ]
    return Entry(
        doc_type=DocumentType.TECHNIQUE,
        object_id=technique.pk,
        title=technique.name_nl,
        body=_joined(technique.name_en, *texts),
        url=reverse("method:technique", args=[technique.slug]),
        visibility=Visibility.PUBLIC,
        is_published=technique.is_published,
        kind=technique.produces,
        updated_at=technique.updated_at,
    )


def course_entry(course: Course) -> Entry:
    return Entry(
        doc_type=DocumentType.COURSE,
        object_id=course.pk,
        title=course.title_nl,
        body=_joined(course.title_en, course.summary_nl, course.summary_en),
        url=reverse("academy:catalogue") + f"?course={course.pk}",
        visibility=Visibility.PUBLIC,
        # Courses carry no dates of their own; their editions do.
        updated_at=timezone.now(),
    )


def organisation_entry(organisation: Organisation) -> Entry:
    province = organisation.province.name_nl if organisation.province else ""
    return Entry(
        doc_type=DocumentType.ORGANISATION,
        object_id=organisation.pk,
        title=organisation.name_nl,
        body=_joined(organisation.name_fr, organisation.postal_code, province),
        url=reverse("members:detail", args=[organisation.pk]),
        visibility=Visibility.PUBLIC,
        is_published=organisation.valid_until is None,
        kind=organisation.type,
        updated_at=timezone.now(),
    )


def project_entry(project: Project) -> Entry:
    return Entry(
        doc_type=DocumentType.PROJECT,
        object_id=project.pk,
        title=project.title,
        body=_joined(project.problem_statement, project.target_group),
        url=reverse("projects:detail", args=[project.pk]),
        visibility=Visibility.TEAM,
        organisation_id=project.organisation_id,
        project_id=project.pk,
        year=project.created_at.year,
        updated_at=project.updated_at,
    )


def canvas_entry(canvas: Canvas) -> Entry:
    cards = [card.text for card in Card.objects.filter(canvas=canvas).only("text")]
    return Entry(
        doc_type=DocumentType.CANVAS,
        object_id=canvas.pk,
        title=canvas.title,
        body=_joined(canvas.description, canvas.portrait, *cards),
        url=reverse("canvases:canvas", args=[canvas.pk]),
        visibility=Visibility.TEAM,
        organisation_id=canvas.project.organisation_id,
        project_id=canvas.project_id,
        kind=canvas.kind,
        year=canvas.created_at.year,
        updated_at=canvas.updated_at,
    )


PROVIDERS: dict[str, Provider] = {
    DocumentType.KNOWLEDGE: Provider(
        KnowledgeItem,
        lambda: KnowledgeItem.objects.prefetch_related("topics", "attachments"),
        knowledge_entry,
    ),
    DocumentType.TECHNIQUE: Provider(Technique, Technique.objects.all, technique_entry),
    DocumentType.COURSE: Provider(Course, Course.objects.all, course_entry),
    DocumentType.ORGANISATION: Provider(
        Organisation, lambda: Organisation.objects.select_related("province"), organisation_entry
    ),
    DocumentType.PROJECT: Provider(Project, Project.objects.all, project_entry),
    DocumentType.CANVAS: Provider(
        Canvas, lambda: Canvas.objects.select_related("project"), canvas_entry
    ),
}


def entries(doc_type: str, pks: Iterable[int] | None = None) -> Iterable[Entry]:
    provider = PROVIDERS[doc_type]
    rows = provider.queryset()
    if pks is not None:
        rows = rows.filter(pk__in=list(pks))
    for row in rows.iterator(chunk_size=500):
        yield provider.entry(row)
