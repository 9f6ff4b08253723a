"""State changes of contacts and their functions."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.knowledge.models import Topic
from atelier.lib.table_file import table_rows
from atelier.lib.uploads import UnreadableFile
from atelier.members.models import Organisation

from .contact_file import MAX_ROWS, ContactFileError, ContactRow, LineProblem, check_contact_rows
from .models import ELECTED_FUNCTIONS, Contact, Function


class ContactError(Exception):
    """A change the rules refuse; the message says why."""


@transaction.atomic
def save_contact(
    *,
    contact: Contact | None,
    organisation: Organisation,
    first_name: str,
    last_name: str,
    email: str,
    phone: str,
    language: str,
    lawful_basis: str,
    by: User,
) -> Contact:
    """Creates a contact of the organisation (when `contact` is None) or updates one."""
    contact = contact or Contact(organisation=organisation)
    contact.first_name, contact.last_name = first_name, last_name
    contact.email, contact.phone = email.strip().lower(), phone
    contact.language, contact.lawful_basis = language, lawful_basis
    contact.save()
    return contact


@transaction.atomic
def add_function(
    *,
    contact: Contact,
    kind: str,
    topics: list[Topic],
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    by: User,
) -> Function:
    """The contact takes up a function from that day (until `ends_on`, if known)."""
    if ends_on is not None and ends_on < starts_on:
        raise ContactError(_("A function cannot end before it starts."))
    function = Function.objects.create(
        contact=contact, kind=kind, starts_on=starts_on, ends_on=ends_on
    )
    function.topics.set(topics)
    return function


@transaction.atomic
def end_function(*, function: Function, ends_on: datetime.date, by: User) -> Function:
    """The function ends on that day; it stays in the contact's history."""
    function = Function.objects.select_for_update().get(pk=function.pk)
    if ends_on < function.starts_on:
        raise ContactError(_("A function cannot end before it starts."))
    function.ends_on = ends_on
    function.save(update_fields=["ends_on"])
    return function


@transaction.atomic
def start_new_term(
    *, organisation: Organisation, starts_on: datetime.date, carry_over: bool, by: User
) -> int:
    """Ends every current elected function the day before the new term; with `carry_over`,
    the same functions start again on `starts_on` for those to keep. Returns how many ended."""
    current = list(
        Function.objects.select_for_update()
        .filter(
            contact__organisation=organisation,
            contact__erased_at__isnull=True,
            kind__in=ELECTED_FUNCTIONS,
            ends_on__isnull=True,
            starts_on__lt=starts_on,
        )
        .prefetch_related("topics")
    )
    for function in current:
        function.ends_on = starts_on - datetime.timedelta(days=1)
        function.save(update_fields=["ends_on"])
        if carry_over:
            again = Function.objects.create(
                contact=function.contact, kind=function.kind, starts_on=starts_on
            )
            again.topics.set(function.topics.all())
    return len(current)


def export_contact(*, contact: Contact) -> dict[str, Any]:
    """Everything held about a contact, as JSON-ready data (GDPR art. 15 and 20)."""
    return {
        "exported_at": timezone.now().isoformat(),
        "contact": {
            "first_name": contact.first_name,
            "last_name": contact.last_name,
            "email": contact.email,
            "phone": contact.phone,
            "language": contact.language,
            "organisation": contact.organisation.name,
            "lawful_basis": contact.lawful_basis,
            "lawful_basis_text": contact.get_lawful_basis_display(),
            "has_account": contact.user_id is not None,
            "created_at": contact.created_at.isoformat(),
        },
        "functions": [
            {
                "function": f.kind,
                "function_text": f.get_kind_display(),
                "portfolios": [t.name for t in f.topics.all()],
                "from": f.starts_on.isoformat(),
                "until": f.ends_on.isoformat() if f.ends_on else None,
            }
            for f in contact.functions.prefetch_related("topics").order_by("starts_on", "pk")
        ],
    }


@transaction.atomic
def erase_contact(*, contact: Contact, by: User) -> Contact:
    """Forget the person: no name, address or phone; functions stay, anonymous, for counts."""
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    if contact.erased_at is not None:
        return contact
    contact.first_name, contact.last_name = "", ""
    contact.email, contact.phone = "", ""
    contact.user = None
    contact.erased_at = timezone.now()
    with disable_auditlog():
        contact.save()
    # The trails of the contact's record and functions hold the old name and address.
    about_the_person = [
        (Contact, [contact.pk]),
        (Function, list(contact.functions.values_list("pk", flat=True))),
    ]
    for model, pks in about_the_person:
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_pk__in=[str(pk) for pk in pks],
        ).delete()
    return contact


@dataclass
class ContactImport:
    """What an import did, or (when there are problems) why it did nothing."""

    problems: list[LineProblem] = field(default_factory=list)
    file_problem: str = ""
    contacts_created: int = 0
    functions_added: int = 0

    @property
    def applied(self) -> bool:
        return not self.problems and not self.file_problem


def import_contacts(
    *,
    organisation: Organisation,
    content: bytes,
    file_name: str,
    lawful_basis: str,
    by: User | None,
) -> ContactImport:
    """Check a member's list in full, then add all its contacts and functions or none."""
    try:
        checked = check_contact_rows(table_rows(content, file_name, max_rows=MAX_ROWS))
    except (UnreadableFile, ContactFileError) as exc:
        return ContactImport(file_problem=str(exc))
    if checked.problems:
        return ContactImport(problems=checked.problems)
    return _apply_import(organisation, checked.rows, lawful_basis)


def _person_key(first_name: str, last_name: str, email: str) -> tuple[str, str, str]:
    return (first_name.lower(), last_name.lower(), email.lower())


@transaction.atomic
def _apply_import(
    organisation: Organisation, rows: list[ContactRow], lawful_basis: str
) -> ContactImport:
    result = ContactImport()
    existing = Contact.objects.filter(organisation=organisation, erased_at__isnull=True)
    people = {_person_key(c.first_name, c.last_name, c.email): c for c in existing}
    for row in rows:
        key = _person_key(row.first_name, row.last_name, row.email)
        if key not in people:
            people[key] = Contact.objects.create(
                organisation=organisation,
                first_name=row.first_name,
                last_name=row.last_name,
                email=row.email,
                phone=row.phone,
                language=row.language,
                lawful_basis=lawful_basis,
            )
            result.contacts_created += 1
        function = Function.objects.create(
            contact=people[key], kind=row.kind, starts_on=row.starts_on, ends_on=row.ends_on
        )
        function.topics.set(row.topics)
        result.functions_added += 1
    return result
