"""Keep the search index current when the rows it copies change.

Signals are the one place this is acceptable (see STYLE): the index is infrastructure,
and every app's writes, the admin's included, must reach it without each service
remembering to call it.
"""

from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from atelier.academy.models import Course
from atelier.canvases.models import Canvas, CanvasChange
from atelier.knowledge.models import Attachment, KnowledgeItem
from atelier.members.models import Organisation
from atelier.method.models import Technique
from atelier.projects.models import Project

from . import indexing
from .models import DocumentType

DIRECT: dict[type[Model], str] = {
    KnowledgeItem: DocumentType.KNOWLEDGE,
    Technique: DocumentType.TECHNIQUE,
    Course: DocumentType.COURSE,
    Organisation: DocumentType.ORGANISATION,
    Project: DocumentType.PROJECT,
    Canvas: DocumentType.CANVAS,
}


def _saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # fixtures load rows as they are; rebuild_search_index follows
        return
    indexing.index_objects(DIRECT[sender], [instance.pk])
    if sender is Project:
        # A project that moves to another organisation takes its canvases along.
        canvases = Canvas.objects.filter(project_id=instance.pk).values_list("pk", flat=True)
        indexing.index_objects(DocumentType.CANVAS, canvases)


def _deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    indexing.remove(DIRECT[sender], [instance.pk])


def _attachment_changed(instance: Attachment, raw: bool = False, **kwargs: Any) -> None:
    if not raw and KnowledgeItem.objects.filter(pk=instance.item_id).exists():
        indexing.index_objects(DocumentType.KNOWLEDGE, [instance.item_id])


def _canvas_changed(
    instance: CanvasChange, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    """Every change of a canvas's content is logged (canvases.services.common.touch): card
    edits are saved with update(), which sends no signal, so the log is what we follow."""
    if created and not raw:
        indexing.index_objects(DocumentType.CANVAS, [instance.canvas_id])


def _topics_changed(
    instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    items = (pk_set or set()) if reverse else {instance.pk}
    indexing.index_objects(DocumentType.KNOWLEDGE, items)


def connect() -> None:
    for model in DIRECT:
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}")
    for signal in (post_save, post_delete):
        signal.connect(
            _attachment_changed, sender=Attachment, dispatch_uid=f"search-attachment-{signal}"
        )
    post_save.connect(_canvas_changed, sender=CanvasChange, dispatch_uid="search-canvas-change")
    m2m_changed.connect(
        _topics_changed, sender=KnowledgeItem.topics.through, dispatch_uid="search-topics"
    )
