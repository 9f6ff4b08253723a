"""Which course materials a person sees, and when: the one place pages and downloads ask.

Staff and the trainers of an edition's sessions see every material. A person with a
confirmed seat sees a material by its visibility rule: "before" until the session ends
(to prepare and to use during it), "after" once it has ended, "always" at any time. For a
course's or an edition's material, "the session" is the edition from its first start to
its last end.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from atelier.academy.models import Edition, Enrolment, Material, Session, Visibility
from atelier.accounts.models import User
from atelier.method.models import Technique


@dataclass
class SessionMaterials:
    session: Session
    materials: list[Material] = field(default_factory=list)


@dataclass
class EditionMaterials:
    general: list[Material]
    sessions: list[SessionMaterials]

    @property
    def any(self) -> bool:
        return bool(self.general) or any(
            s.materials or s.session.techniques.all() for s in self.sessions
        )


def is_open(
    visibility: str,
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    now: datetime.datetime,
) -> bool:
    """Whether a rule lets enrolled people see a material at this moment."""
    if visibility == Visibility.ALWAYS:
        return True
    if visibility == Visibility.BEFORE:
        return ends_at is None or now < ends_at
    return ends_at is not None and now >= ends_at


def may_manage_materials(user: User, edition: Edition) -> bool:
    """Staff, and whoever trains one of the edition's sessions."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_association_staff or edition.sessions.filter(trainer=user).exists()


def _is_confirmed(user: User, edition: Edition) -> bool:
    return (
        user.is_authenticated
        and edition.enrolments.filter(person=user, status=Enrolment.Status.CONFIRMED).exists()
    )


def materials_of(edition: Edition) -> QuerySet[Material]:
    return Material.objects.filter(
        Q(course_id=edition.course_id) | Q(edition=edition) | Q(session__edition=edition)
    ).select_related("knowledge_item")


def edition_materials(user: User, edition: Edition, sessions: list[Session]) -> EditionMaterials:
    """The materials the person may see on the edition's page, general ones and per session.

    `sessions` are the edition's sessions, already fetched by the page; a fixed number of
    queries whatever the number of materials.
    """
    manager = may_manage_materials(user, edition)
    if not manager and not _is_confirmed(user, edition):
        return EditionMaterials([], [SessionMaterials(s) for s in sessions])
    now = timezone.now()
    first = min((s.starts_at for s in sessions), default=None)
    last = max((s.ends_at for s in sessions), default=None)
    per_session = {s.pk: SessionMaterials(s) for s in sessions}
    general: list[Material] = []
    for material in materials_of(edition):
        session = per_session.get(material.session_id) if material.session_id else None
        if session is not None:
            rule_open = is_open(
                material.visibility, session.session.starts_at, session.session.ends_at, now
            )
        else:
            rule_open = is_open(material.visibility, first, last, now)
        if not (manager or rule_open):
            continue
        (session.materials if session is not None else general).append(material)
    return EditionMaterials(general, list(per_session.values()))


def _editions_of(material: Material) -> QuerySet[Edition]:
    if material.session_id:
        return Edition.objects.filter(sessions=material.session_id)
    if material.edition_id:
        return Edition.objects.filter(pk=material.edition_id)
    return Edition.objects.filter(course=material.course)


def material_for(user: User, pk: int) -> Material | None:
    """The material if the person may open it now, else None (the view answers 404)."""
    material = Material.objects.select_related("session").filter(pk=pk).first()
    if material is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_association_staff:
        return material
    editions = _editions_of(material).exclude(status=Edition.Status.CANCELLED)
    if editions.filter(sessions__trainer=user).exists():
        return material
    now = timezone.now()
    session = material.session
    if session is not None:
        spans = [(session.starts_at, session.ends_at)] if _confirmed_in(user, editions) else []
    else:
        spans = list(
            editions.filter(enrolments__person=user, enrolments__status=Enrolment.Status.CONFIRMED)
            .annotate(first=Min("sessions__starts_at"), last=Max("sessions__ends_at"))
            .values_list("first", "last")
        )
    if any(is_open(material.visibility, starts, ends, now) for starts, ends in spans):
        return material
    return None


def _confirmed_in(user: User, editions: QuerySet[Edition]) -> bool:
    return Enrolment.objects.filter(
        edition__in=editions, person=user, status=Enrolment.Status.CONFIRMED
    ).exists()


def sessions_with_cards(edition: Edition) -> QuerySet[Session]:
    """The edition's sessions with their method cards, for the page and its management."""
    return edition.sessions.select_related("venue", "trainer").prefetch_related(
        Prefetch("techniques", queryset=Technique.objects.order_by("name_nl"))
    )
