"""Who may see what: the one place the interface and the API ask."""

from typing import cast

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from atelier.members.models import Organisation

from .models import Invitation, Role, User


def can_see_people_of(user: User | None, organisation: Organisation) -> bool:
    """Association staff see everyone; members see the people of their own organisation."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_association_staff:
        return True
    return user.organisation_id is not None and user.organisation_id == organisation.pk


def people_of(user: User | None, organisation: Organisation) -> QuerySet[User]:
    """The active people of an organisation that this user may see (none when not allowed)."""
    if not can_see_people_of(user, organisation):
        return User.objects.none()
    return organisation.people.filter(is_active=True).order_by("last_name", "first_name")


def get_organisation_people_for_user(user: User | None, pk: int) -> Organisation:
    """The organisation whose people list is asked for, or 404 for those who may not see it."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if not can_see_people_of(user, organisation):
        raise Http404
    return organisation


def organisations_user_may_invite_for(user: User) -> QuerySet[Organisation]:
    if user.is_association_staff:
        return Organisation.objects.current()
    if user.role == Role.COORDINATOR and user.organisation_id:
        return Organisation.objects.filter(pk=user.organisation_id)
    return Organisation.objects.none()


def roles_user_may_invite(user: User) -> list[str]:
    if user.is_administrator:
        return list(Role.values)
    if user.is_association_staff:
        return [Role.COORDINATOR, Role.PARTICIPANT, Role.EXPERT]
    if user.role == Role.COORDINATOR:
        return [Role.COORDINATOR, Role.PARTICIPANT]
    return []


def invitations_visible_to(user: User) -> QuerySet[Invitation]:
    """Staff see every invitation; a coordinator those of their own organisation."""
    if user.is_association_staff:
        return Invitation.objects.all()
    if not roles_user_may_invite(user) or user.organisation_id is None:
        return Invitation.objects.none()
    return Invitation.objects.filter(organisation_id=user.organisation_id)


def user_of(request: HttpRequest) -> User:
    """The signed-in person of a view behind login_required (or an API authenticator)."""
    return cast(User, request.user)
