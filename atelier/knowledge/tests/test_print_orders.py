"""Print orders: a coordinator orders printed copies; the charges run invoices them with
the training charges, at the member or non-member price."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from atelier.academy.models import Charge
from atelier.accounts.models import Role
from atelier.fees.charges import run_charges, uninvoiced_charges
from atelier.fees.models import Invoice
from atelier.fees.tests.charge_factories import MEMBER_PRICE, enrol_paying
from atelier.fees.ubl import ubl_lines
from atelier.knowledge.distribution.orders import cancel_print_order, place_print_order
from atelier.knowledge.models import Kind, KnowledgeItem, PrintOrder, Status
from conftest import make_person

pytestmark = pytest.mark.django_db
ISSUED_ON = datetime.date(2026, 12, 7)


@pytest.fixture
def book(db) -> KnowledgeItem:
    return KnowledgeItem.objects.create(
        kind=Kind.BOOK,
        title="Handboek lokaal bestuur",
        isbn="978-90-0000-000-1",
        member_price=Decimal("25.00"),
        non_member_price=Decimal("40.00"),
        is_printed=True,
        status=Status.PUBLISHED,
    )


@pytest.fixture
def lennik_coordinator(outsider):
    return make_person("coordinator@lennik.example.org", Role.COORDINATOR, outsider.organisation)


def signed_in(person) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(person)
    return client


def test_an_order_becomes_a_line_on_the_invoice_with_the_training_charges(
    coordinator, participant, book, administrator
):
    enrol_paying(participant)
    order = place_print_order(
        item=book, organisation=coordinator.organisation, quantity=3, by=coordinator
    )
    assert order.charge.amount == Decimal("75.00")

    run = run_charges(issued_on=ISSUED_ON, by=administrator)

    assert run.invoice_count == 1
    invoice = Invoice.objects.get(organisation=coordinator.organisation)
    assert invoice.amount == MEMBER_PRICE + Decimal("75.00")
    lines = list(invoice.lines.order_by("position"))
    assert [line.amount for line in lines] == [MEMBER_PRICE, Decimal("75.00")]
    assert "Handboek lokaal bestuur" in lines[1].description and "3" in lines[1].description
    assert lines[1].participant == coordinator.get_full_name()
    assert lines[1].price_kind == "member"
    assert "Handboek lokaal bestuur" in ubl_lines(invoice)[1].name


def test_a_non_member_pays_the_non_member_price(lennik_coordinator, book, administrator):
    organisation = lennik_coordinator.organisation
    organisation.is_member = False
    organisation.save()
    order = place_print_order(
        item=book, organisation=organisation, quantity=2, by=lennik_coordinator
    )
    assert (order.price_kind, order.unit_price, order.charge.amount) == (
        "non_member",
        Decimal("40.00"),
        Decimal("80.00"),
    )
    run_charges(issued_on=ISSUED_ON, by=administrator)
    line = Invoice.objects.get(organisation=organisation).lines.get()
    assert (line.amount, line.price_kind) == (Decimal("80.00"), "non_member")


def test_cancelling_before_invoicing_cancels_the_charge(coordinator, book, administrator):
    order = place_print_order(
        item=book, organisation=coordinator.organisation, quantity=1, by=coordinator
    )
    cancel_print_order(order=order, by=coordinator)

    charge = Charge.objects.get(order=order)
    assert charge.cancelled_at is not None and charge.billable_amount == 0
    assert not uninvoiced_charges().exists()
    assert run_charges(issued_on=ISSUED_ON, by=administrator).invoice_count == 0


def test_an_invoiced_order_cannot_be_cancelled(coordinator, book, administrator):
    order = place_print_order(
        item=book, organisation=coordinator.organisation, quantity=1, by=coordinator
    )
    run_charges(issued_on=ISSUED_ON, by=administrator)
    with pytest.raises(ValidationError):
        cancel_print_order(order=order, by=coordinator)
    assert PrintOrder.objects.get(pk=order.pk).cancelled_at is None


def test_only_a_coordinator_orders_and_only_printed_items(coordinator, participant, book):
    with pytest.raises(ValidationError):
        place_print_order(
            item=book, organisation=participant.organisation, quantity=1, by=participant
        )
    book.is_printed = False
    book.save()
    with pytest.raises(ValidationError):
        place_print_order(
            item=book, organisation=coordinator.organisation, quantity=1, by=coordinator
        )


def test_coordinator_orders_on_the_page(coordinator, book):
    client = signed_in(coordinator)
    response = client.post("/knowledge/orders/", {"item": book.pk, "quantity": 4})
    assert response.status_code == 302
    order = PrintOrder.objects.get()
    assert (order.quantity, order.organisation) == (4, coordinator.organisation)
    assert "Handboek lokaal bestuur" in client.get("/knowledge/orders/").content.decode()


def test_another_organisations_order_answers_404(coordinator, lennik_coordinator, book):
    order = place_print_order(
        item=book, organisation=coordinator.organisation, quantity=1, by=coordinator
    )
    response = signed_in(lennik_coordinator).post(f"/knowledge/orders/{order.pk}/cancel/")
    assert response.status_code == 404
    listed = signed_in(lennik_coordinator).get("/knowledge/orders/").context["page"]
    assert list(listed.object_list) == []
    assert PrintOrder.objects.get(pk=order.pk).cancelled_at is None
    signed_in(coordinator).post(f"/knowledge/orders/{order.pk}/cancel/")
    assert PrintOrder.objects.get(pk=order.pk).cancelled_at is not None


def test_a_participant_may_not_order(participant):
    assert signed_in(participant).get("/knowledge/orders/").status_code == 403


def test_charges_api_and_page_show_print_orders(coordinator, book, administrator):
    place_print_order(item=book, organisation=coordinator.organisation, quantity=2, by=coordinator)
    items = signed_in(coordinator).get("/api/v1/charges").json()["items"]
    assert items[0]["course_title"] == "Handboek lokaal bestuur"
    assert (items[0]["print_order_id"], items[0]["edition_id"]) == (
        PrintOrder.objects.get().pk,
        None,
    )
    page = signed_in(administrator).get("/fees/charges/").content.decode()
    assert "Handboek lokaal bestuur (2 printed copies)" in page


def test_orders_page_query_count_does_not_grow_with_orders(coordinator, book):
    client = signed_in(coordinator)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/knowledge/orders/").status_code == 200
        return len(captured)

    place_print_order(item=book, organisation=coordinator.organisation, quantity=1, by=coordinator)
    before = queries()
    for _ in range(10):
        place_print_order(
            item=book, organisation=coordinator.organisation, quantity=1, by=coordinator
        )
    assert queries() == before
