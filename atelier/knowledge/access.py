"""Who may read which knowledge item: the one place pages, search and the API ask."""

from django.db.models import Q, QuerySet
from django.http import Http404

from atelier.accounts.models import User

from .models import Audience, KnowledgeItem, Status


def audiences_for(user: User | None) -> list[str]:
    """The audiences a person may read: staff all, people of a member the members' too."""
    if user is None or not user.is_authenticated or not user.is_active:
        return [Audience.PUBLIC]
    if user.is_association_staff:
        return [Audience.PUBLIC, Audience.MEMBERS, Audience.STAFF]
    organisation = user.organisation
    if organisation is not None and organisation.is_member:
        return [Audience.PUBLIC, Audience.MEMBERS]
    return [Audience.PUBLIC]


def items_visible_to(user: User | None) -> QuerySet[KnowledgeItem]:
    """Published items of the person's audiences; staff also see drafts and archived items."""
    items = KnowledgeItem.objects.filter(audience__in=audiences_for(user))
    if user is not None and user.is_authenticated and user.is_association_staff:
        return items
    return items.filter(Q(status=Status.PUBLISHED) | Q(status=Status.ARCHIVED))


def get_item_for_user(user: User | None, pk: int) -> KnowledgeItem:
    """The item, or 404 for those who may not read it."""
    try:
        return items_visible_to(user).get(pk=pk)
    except KnowledgeItem.DoesNotExist:
        raise Http404 from None


def may_edit_knowledge(user: User | None) -> bool:
    return user is not None and user.is_authenticated and user.is_association_staff
