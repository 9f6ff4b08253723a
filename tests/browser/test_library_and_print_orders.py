"""Staff lend a library record and see the overdue list; a coordinator orders printed copies.
Every page passes axe."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status
from atelier.library.models import Loan
from atelier.library.services import lend

from .browsing import Visit


def item(title: str, kind: str = Kind.LIBRARY_RECORD, **fields) -> KnowledgeItem:
    return KnowledgeItem.objects.create(
        kind=kind,
        title=title,
        audience=Audience.MEMBERS,
        status=Status.PUBLISHED,
        is_printed=True,
        **fields,
    )


@pytest.mark.browser
def test_coordinator_orders_printed_copies(visit: Visit, coordinator):
    book = item(
        "Handboek lokaal bestuur",
        kind=Kind.BOOK,
        member_price=Decimal("25.00"),
        non_member_price=Decimal("40.00"),
    )
    visit.sign_in(coordinator)
    page = visit.open("/knowledge/orders/")
    page.get_by_label("Boek of tijdschriftnummer").select_option(str(book.pk))
    page.get_by_label("Aantal exemplaren").fill("3")
    visit.follow(page.locator("#order-form button[type=submit]"))
    expect(page.locator("#orders tbody tr")).to_have_count(1)
    expect(page.locator("#orders")).to_contain_text("Handboek lokaal bestuur")
    expect(page.locator("#orders")).to_contain_text("75,00")


@pytest.mark.browser
def test_staff_lend_a_record_and_see_the_overdue_loans(visit: Visit, trainer, participant):
    record = item("Het meerjarenplan ontleed", shelf_mark="FIN 001")
    late = item("Gemeentefiscaliteit", shelf_mark="FIN 002")
    long_ago = timezone.localdate() - datetime.timedelta(days=60)
    lend(item=late, borrower=participant, lent_on=long_ago, due_on=long_ago, by=trainer)
    visit.sign_in(trainer)

    page = visit.open("/library/?q=FIN")
    expect(page.locator("#records tbody tr")).to_have_count(2)

    page = visit.open("/library/loans/")
    page.locator("#id_item").select_option(str(record.pk))
    page.get_by_label("E-mailadres van de ontlener").fill(participant.email)
    visit.follow(page.locator("#lend-form button[type=submit]"))
    expect(page.locator("#loans tbody tr")).to_have_count(2)
    assert Loan.objects.filter(item=record, borrower=participant).exists()

    page = visit.open("/library/loans/overdue/")
    expect(page.locator("#loans tbody tr")).to_have_count(1)
    expect(page.locator("#loans")).to_contain_text("Gemeentefiscaliteit")
