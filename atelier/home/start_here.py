"""Three first steps per role, each a link to where it is done."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from atelier.accounts.models import Role, User


@dataclass(frozen=True)
class Step:
    text: Promise
    url_name: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


STEPS = {
    Role.PARTICIPANT: [
        Step(_("Open your team's project, or start one"), "projects:list"),
        Step(_("Enrol in a training of the programme"), "academy:catalogue"),
        Step(_("Choose which notifications reach you by mail"), "notifications:preferences"),
    ],
    Role.COORDINATOR: [
        Step(_("Invite your colleagues"), "accounts:invitations"),
        Step(_("Open a project for your organisation"), "projects:list"),
        Step(_("Check your organisation's invoices"), "fees:member_invoices"),
    ],
    Role.TRAINER: [
        Step(_("Look over your editions and their participants"), "academy:staff_editions"),
        Step(_("Follow your cohorts on the learning path"), "academy:cohorts"),
        Step(_("Prepare a workshop case for the introduction"), "academy:workshop_cases"),
    ],
    Role.ADMINISTRATOR: [
        Step(_("Import this year's population figures"), "members:import"),
        Step(_("Prepare the tariff and the fee run"), "fees:index"),
        Step(_("Invite the coordinators of the members"), "accounts:invitations"),
    ],
    Role.EXPERT: [
        Step(_("Open the project you were invited to"), "projects:list"),
        Step(_("Read the method cards of the library"), "method:library"),
        Step(_("Choose which notifications reach you by mail"), "notifications:preferences"),
    ],
}


def role_of(person: User) -> str:
    return Role.ADMINISTRATOR if person.is_superuser else person.role


def steps_for(person: User) -> list[Step]:
    return STEPS.get(Role(role_of(person)), STEPS[Role.PARTICIPANT])
