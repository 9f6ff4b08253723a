import pytest

from atelier.knowledge.demo import load_demo_knowledge
from atelier.knowledge.html import render_text
from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic
from atelier.knowledge.selectors import is_out_of_date

pytestmark = pytest.mark.django_db


def test_the_demo_has_80_items_of_every_kind_and_audience_and_runs_twice():
    load_demo_knowledge()
    load_demo_knowledge()
    items = KnowledgeItem.objects.all()
    assert items.count() == 80
    assert set(items.values_list("kind", flat=True)) == set(Kind.values)
    assert set(items.values_list("audience", flat=True)) == set(Audience.values)
    assert {Status.DRAFT, Status.IN_REVIEW, Status.ARCHIVED} <= set(
        items.values_list("status", flat=True)
    )
    assert Topic.objects.filter(items__isnull=False).distinct().count() >= 12


def test_the_demo_has_magazines_books_out_of_date_notes_and_the_leefloon_faq():
    load_demo_knowledge()
    issues = KnowledgeItem.objects.filter(kind=Kind.MAGAZINE_ISSUE)
    assert issues.count() == 4
    assert all(3 <= issue.articles.count() <= 5 for issue in issues)
    books = KnowledgeItem.objects.filter(kind=Kind.BOOK)
    assert books.count() == 3
    assert all(len(book.isbn) == 13 and book.member_price < book.non_member_price for book in books)
    notes = KnowledgeItem.objects.filter(kind=Kind.LEGAL_NOTE)
    assert notes.filter(replaced_by__isnull=False).count() == 1
    assert sum(is_out_of_date(note) for note in notes) == 2
    faq = KnowledgeItem.objects.get(kind=Kind.FAQ, title__icontains="leefloon")
    assert faq.audience == Audience.PUBLIC and faq.status == Status.PUBLISHED
    assert "<h2>" in render_text(faq.body) and faq.related.exists()
