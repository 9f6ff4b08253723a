"""Writes for course materials and the method cards a session uses."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from atelier.academy.models import Course, Edition, Material, Session
from atelier.accounts.models import User
from atelier.knowledge.models import KnowledgeItem
from atelier.method.models import Technique


@transaction.atomic
def add_material(
    *,
    place: Course | Edition | Session,
    title: str,
    kind: str,
    visibility: str,
    by: User,
    file: UploadedFile | None = None,
    url: str = "",
    knowledge_item: KnowledgeItem | None = None,
) -> Material:
    """Attaches a file, a link or a knowledge item to a course, an edition or a session."""
    material = Material(
        title=title,
        kind=kind,
        visibility=visibility,
        url=url,
        knowledge_item=knowledge_item,
        added_by=by,
        course=place if isinstance(place, Course) else None,
        edition=place if isinstance(place, Edition) else None,
        session=place if isinstance(place, Session) else None,
    )
    if file is not None:
        material.file.save(file.name or "material", file, save=False)
    material.save()
    return material


@transaction.atomic
def remove_material(*, material: Material, by: User) -> None:
    """Deletes the material and its stored file."""
    stored = material.file.name if material.file else ""
    storage = material.file.storage
    material.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


@transaction.atomic
def set_session_cards(*, session: Session, techniques: Iterable[Technique], by: User) -> Session:
    """The method cards the session uses, replacing the earlier choice."""
    session.techniques.set(list(techniques))
    return session
