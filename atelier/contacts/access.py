"""Who may keep which contacts: association staff all, a coordinator their own organisation's."""

from django.http import Http404

from atelier.accounts.models import Role, User
from atelier.members.models import Organisation

from .models import Contact


def may_keep_contacts_of(user: User | None, organisation: Organisation) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_association_staff:
        return True
    return user.role == Role.COORDINATOR and user.organisation_id == organisation.pk


def get_organisation_for_contacts(user: User | None, pk: int) -> Organisation:
    """The organisation whose contacts are asked for, or 404 for everyone else."""
    organisation = Organisation.objects.filter(pk=pk).first()
    if organisation is None or not may_keep_contacts_of(user, organisation):
        raise Http404
    return organisation


def get_contact_for_user(user: User | None, pk: int) -> Contact:
    """A contact (not erased) its keepers may see and change, or 404 for everyone else."""
    contact = (
        Contact.objects.select_related("organisation").filter(pk=pk, erased_at__isnull=True).first()
    )
    if contact is None or not may_keep_contacts_of(user, contact.organisation):
        raise Http404
    return contact
