"""The demo's named people and intermunicipal companies (all fictitious contact data)."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from atelier.accounts.models import Role, User
from atelier.lib.company_number import company_number_check_digits
from atelier.members.models import Organisation, OrganisationType, Province

DEMO_PASSWORD = "atelier-demo-2026"  # noqa: S105 (published in the README on purpose)


@dataclass(frozen=True)
class DemoPerson:
    email: str
    first_name: str
    last_name: str
    role: str
    organisation_nis: str | None
    job_title: str  # in Dutch, like the rest of the demo's content


DEMO_PEOPLE = [
    DemoPerson(
        "admin@atelier.example",
        "Ilse",
        "Verbeke",
        Role.ADMINISTRATOR,
        None,
        "beheerder ledenregister",
    ),
    DemoPerson(
        "trainer@atelier.example",
        "Tom",
        "Claes",
        Role.TRAINER,
        None,
        "trainer en coach servicedesign",
    ),
    DemoPerson(
        "coordinator.geel@atelier.example",
        "Sara",
        "Peeters",
        Role.COORDINATOR,
        "13008",
        "coördinator sociaal huis",
    ),
    DemoPerson(
        "participant.geel@atelier.example",
        "Jonas",
        "Wouters",
        Role.PARTICIPANT,
        "13008",
        "onthaalmedewerker",
    ),
    DemoPerson(
        "participant.lennik@atelier.example",
        "Lotte",
        "Maes",
        Role.PARTICIPANT,
        "23104",
        "diensthoofd burgerzaken",
    ),
    DemoPerson(
        "coordinator.izegem@atelier.example",
        "Bert",
        "Vandamme",
        Role.COORDINATOR,
        "36008",
        "diensthoofd burgerzaken",
    ),
    DemoPerson(
        "expert@atelier.example",
        "Noor",
        "De Smet",
        Role.EXPERT,
        None,
        "zelfstandig servicedesigner",
    ),
]

# Real intermunicipal companies; their company numbers here are made up for the demo
# (eight digits plus a valid mod-97 check), not their real KBO numbers.
DEMO_INTERMUNICIPALS = [
    ("IOK", "10000", "02050001"),
    ("Interleuven", "20001", "02050002"),
    ("Leiedal", "30000", "02050003"),
    ("Veneco", "40000", "02050004"),
    ("Limburg.net", "70000", "02050005"),
]


@transaction.atomic
def load_demo_intermunicipals() -> int:
    for name, province_nis, base in DEMO_INTERMUNICIPALS:
        Organisation.objects.update_or_create(
            type=OrganisationType.INTERMUNICIPAL,
            name_nl=name,
            defaults={
                "company_number": base + company_number_check_digits(base),
                "province": Province.objects.get(nis_code=province_nis),
            },
        )
    return len(DEMO_INTERMUNICIPALS)


@transaction.atomic
def load_demo_people() -> list[DemoPerson]:
    for person in DEMO_PEOPLE:
        organisation = (
            Organisation.objects.filter(nis_code=person.organisation_nis).first()
            if person.organisation_nis
            else None
        )
        if person.organisation_nis and organisation is None:
            continue  # tests that load only Geel and Lennik leave out the others' people
        user, created = User.objects.update_or_create(
            email=person.email,
            defaults={
                "first_name": person.first_name,
                "last_name": person.last_name,
                "role": person.role,
                "organisation": organisation,
                "job_title": person.job_title,
                "is_staff": person.role == Role.ADMINISTRATOR,
                "is_superuser": person.role == Role.ADMINISTRATOR,
                "is_active": True,
            },
        )
        if created or not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=person.email, defaults={"verified": True, "primary": True}
        )
    return DEMO_PEOPLE
