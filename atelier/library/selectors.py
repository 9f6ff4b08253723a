"""Reads for the library catalogue and the loan lists."""

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from atelier.accounts.models import User
from atelier.knowledge.access import items_visible_to
from atelier.knowledge.models import Kind, KnowledgeItem

from .models import Loan


def catalogue(user: User | None, query: str = "") -> QuerySet[KnowledgeItem]:
    """Library records the person may read, matching title or shelf mark; `is_lent` on each."""
    open_loans = Loan.objects.filter(item=OuterRef("pk"), returned_on__isnull=True)
    records = items_visible_to(user).filter(kind=Kind.LIBRARY_RECORD)
    query = query.strip()
    if query:
        records = records.filter(
            Q(title__icontains=query)
            | Q(shelf_mark__icontains=query)
            | Q(author_name__icontains=query)
        )
    records = records.annotate(is_lent=Exists(open_loans)).prefetch_related("topics")
    return records.order_by("shelf_mark", "title", "pk")


def lendable_items() -> QuerySet[KnowledgeItem]:
    """Printed items one can borrow: library records, and books and magazines in print."""
    return KnowledgeItem.objects.filter(Q(kind=Kind.LIBRARY_RECORD) | Q(is_printed=True)).order_by(
        "title"
    )


def open_loans(loans: QuerySet[Loan]) -> QuerySet[Loan]:
    return loans.filter(returned_on__isnull=True).order_by("due_on", "pk")


def overdue_loans(loans: QuerySet[Loan], today: datetime.date | None = None) -> QuerySet[Loan]:
    today = today or timezone.localdate()
    return open_loans(loans).filter(due_on__lt=today)
