"""The library: catalogue search, loans, reminders before and after the due date (each
once), the overdue list for staff, and 404 for another organisation's loan."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from atelier.accounts.models import Role
from atelier.demo.people import load_demo_people
from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic
from atelier.library.demo import load_demo_library
from atelier.library.models import Loan
from atelier.library.services import lend, return_loan, send_loan_reminders
from conftest import make_person

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 7)


def record(title: str, shelf_mark: str, audience: str = Audience.MEMBERS) -> KnowledgeItem:
    item = KnowledgeItem.objects.create(
        kind=Kind.LIBRARY_RECORD,
        title=title,
        shelf_mark=shelf_mark,
        audience=audience,
        status=Status.PUBLISHED,
        is_printed=True,
    )
    item.topics.add(Topic.objects.get(slug="finance"))
    return item


def signed_in(person) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(person)
    return client


def listed(client: Client, path: str) -> list:
    response = client.get(path)
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def lend_on(item, person, by, lent_on=TODAY, days=28) -> Loan:
    return lend(
        item=item,
        borrower=person,
        lent_on=lent_on,
        due_on=lent_on + datetime.timedelta(days=days),
        by=by,
    )


def test_catalogue_searches_title_and_shelf_mark(participant):
    record("Het meerjarenplan ontleed", "FIN 001")
    record("Gemeentefiscaliteit", "FIN 002")
    record("Leefloon en integratie", "SOC 004")
    client = signed_in(participant)
    assert [r.title for r in listed(client, "/library/?q=meerjarenplan")] == [
        "Het meerjarenplan ontleed"
    ]
    assert [r.shelf_mark for r in listed(client, "/library/?q=FIN")] == ["FIN 001", "FIN 002"]
    assert len(listed(client, "/library/")) == 3


def test_catalogue_shows_members_records_only_to_members(participant):
    record("Openbaar rapport", "BES 001", audience=Audience.PUBLIC)
    record("Ledenrapport", "BES 002")
    assert [r.title for r in listed(Client(), "/library/")] == ["Openbaar rapport"]
    assert len(listed(signed_in(participant), "/library/")) == 2


def test_catalogue_says_whether_a_record_is_lent_out(participant, trainer):
    item = record("Het meerjarenplan ontleed", "FIN 001")
    lend_on(item, participant, trainer)
    html = signed_in(participant).get("/library/").content.decode()
    assert "lent out" in html


def test_lend_and_return(participant, trainer):
    item = record("Het meerjarenplan ontleed", "FIN 001")
    loan = lend_on(item, participant, trainer)
    assert (loan.organisation, loan.due_on) == (
        participant.organisation,
        TODAY + datetime.timedelta(days=28),
    )
    with pytest.raises(ValidationError):
        lend_on(item, participant, trainer)  # one copy: lent out already
    return_loan(loan=loan, returned_on=TODAY + datetime.timedelta(days=3), by=trainer)
    loan.refresh_from_db()
    assert loan.returned_on == TODAY + datetime.timedelta(days=3)
    assert lend_on(item, participant, trainer).pk != loan.pk


def test_only_people_of_a_member_borrow(outsider, expert, trainer):
    item = record("Het meerjarenplan ontleed", "FIN 001")
    outsider.organisation.is_member = False
    outsider.organisation.save()
    for person in (outsider, expert):
        with pytest.raises(ValidationError):
            lend_on(item, person, trainer)


def test_staff_lend_and_record_the_return_on_the_pages(participant, trainer):
    item = record("Het meerjarenplan ontleed", "FIN 001")
    client = signed_in(trainer)
    response = client.post(
        "/library/loans/",
        {"item": item.pk, "borrower": participant.email.upper(), "due_on": "2027-01-15"},
    )
    assert response.status_code == 302
    loan = Loan.objects.get()
    assert (loan.borrower, loan.due_on) == (participant, datetime.date(2027, 1, 15))
    client.post(f"/library/loans/{loan.pk}/return/")
    loan.refresh_from_db()
    assert loan.returned_on == timezone.localdate()


def test_reminders_go_before_and_after_the_due_date_each_once(
    participant, trainer, mailoutbox, django_capture_on_commit_callbacks
):
    soon = lend_on(record("Binnenkort terug", "A 1"), participant, trainer, days=2)
    late = lend_on(
        record("Te laat", "A 2"), participant, trainer, lent_on=TODAY - datetime.timedelta(days=40)
    )
    lend_on(record("Nog lang", "A 3"), participant, trainer, days=20)
    returned = lend_on(
        record("Terug", "A 4"), participant, trainer, lent_on=TODAY - datetime.timedelta(days=40)
    )
    return_loan(loan=returned, returned_on=TODAY - datetime.timedelta(days=1), by=trainer)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_loan_reminders(today=TODAY) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert send_loan_reminders(today=TODAY) == 0

    subjects = sorted(mail.subject for mail in mailoutbox)
    assert len(subjects) == 2
    assert any("Binnenkort terug" in s for s in subjects)
    assert any("Te laat" in s for s in subjects)
    soon.refresh_from_db()
    late.refresh_from_db()
    assert soon.due_soon_reminded_at and not soon.overdue_reminded_at
    assert late.overdue_reminded_at

    # Once the due date of the first has passed, it gets its after-due reminder, once.
    later = TODAY + datetime.timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_loan_reminders(today=later) == 1
    assert len(mailoutbox) == 3


def test_reminder_command_runs(
    participant, trainer, mailoutbox, django_capture_on_commit_callbacks
):
    lend_on(
        record("Te laat", "A 2"),
        participant,
        trainer,
        lent_on=timezone.localdate() - datetime.timedelta(days=40),
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_loan_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mailoutbox) == 1 and participant.email in mailoutbox[0].to


def test_overdue_list_is_for_staff(participant, trainer):
    today = timezone.localdate()
    lend_on(
        record("Te laat", "A 2"), participant, trainer, lent_on=today - datetime.timedelta(days=40)
    )
    lend_on(record("Op tijd", "A 3"), participant, trainer, lent_on=today)
    assert [loan.item.title for loan in listed(signed_in(trainer), "/library/loans/overdue/")] == [
        "Te laat"
    ]
    assert len(listed(signed_in(trainer), "/library/loans/")) == 2
    assert signed_in(participant).get("/library/loans/overdue/").status_code == 403


def test_another_organisations_loan_answers_404(participant, outsider, coordinator, trainer):
    loan = lend_on(record("Het meerjarenplan ontleed", "FIN 001"), participant, trainer)
    assert signed_in(outsider).get(f"/library/loans/{loan.pk}/").status_code == 404
    lennik_coordinator = make_person(
        "coordinator@lennik.example.org", Role.COORDINATOR, outsider.organisation
    )
    assert signed_in(lennik_coordinator).get(f"/library/loans/{loan.pk}/").status_code == 404
    assert listed(signed_in(outsider), "/library/loans/mine/") == []
    assert signed_in(participant).get(f"/library/loans/{loan.pk}/").status_code == 200
    assert signed_in(coordinator).get(f"/library/loans/{loan.pk}/").status_code == 200
    assert signed_in(participant).post(f"/library/loans/{loan.pk}/return/").status_code == 403


@pytest.mark.parametrize(
    "path", ["/library/", "/library/loans/", "/library/loans/overdue/", "/library/loans/mine/"]
)
def test_list_pages_query_count_does_not_grow_with_rows(path, participant, trainer):
    client = signed_in(trainer)
    start = timezone.localdate() - datetime.timedelta(days=60)

    def add(count: int) -> None:
        for _ in range(count):
            number = KnowledgeItem.objects.count()
            item = record(f"Boek {number}", f"X {number:03d}")
            lend(item=item, borrower=participant, lent_on=start, due_on=start, by=trainer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    add(2)
    before = queries()
    add(10)
    assert queries() == before


def test_demo_has_forty_records_and_five_loans_one_overdue(registry):
    load_demo_people()
    summary = load_demo_library(today=timezone.localdate())
    assert (
        KnowledgeItem.objects.filter(kind=Kind.LIBRARY_RECORD).exclude(shelf_mark="").count() == 40
    )
    assert Loan.objects.count() == 5
    assert sum(loan.is_overdue for loan in Loan.objects.all()) == 1
    assert load_demo_library(today=timezone.localdate()) == summary


def test_my_loans_lists_only_the_person_s_own(participant, coordinator, trainer):
    lend_on(record("Eigen lening", "EIG 001"), participant, trainer)
    lend_on(record("Lening van de coördinator", "COO 001"), coordinator, trainer)
    mine = [loan.item.title for loan in listed(signed_in(coordinator), "/library/loans/mine/")]
    assert mine == ["Lening van de coördinator"]
    assert listed(signed_in(trainer), "/library/loans/mine/") == []
