"""Demo knowledge: 80 items over the policy domains, generated from one line each.

Every kind and audience appears, a few drafts and items in review, two legal notes out of
date (one replaced by a newer note, one past its "valid until"), four magazine issues
with their articles and three books. Dates are fixed, so the demo is the same every time;
running it again adds nothing.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction

from atelier.accounts.models import Role, User

from .demo_data import BOOKS, ITEMS, MAGAZINE, RELATED
from .models import Audience, Kind, KnowledgeItem, Status, Topic

BRUSSELS = ZoneInfo("Europe/Brussels")
FIRST_PUBLICATION = datetime.datetime(2025, 1, 6, 9, 0, tzinfo=BRUSSELS)
AUDIENCES = {"p": Audience.PUBLIC, "m": Audience.MEMBERS, "s": Audience.STAFF}
STATUSES = {"P": Status.PUBLISHED, "D": Status.DRAFT, "R": Status.IN_REVIEW, "A": Status.ARCHIVED}

BODY_SECTIONS = {
    Kind.FAQ: ("Kort antwoord", "Meer weten"),
    Kind.LEGAL_NOTE: ("Samenvatting", "Rechtsgronden"),
    Kind.MODEL_DOCUMENT: ("Waarvoor dient dit model?", "Zo gebruikt u het"),
    Kind.POSITION_PAPER: ("Ons standpunt", "Wat wij vragen"),
}


def _isbn(first_twelve: str) -> str:
    total = sum(int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(first_twelve))
    return first_twelve + str((10 - total % 10) % 10)


def _body(kind: str, summary: str) -> str:
    """A few paragraphs with a heading, a list and, for models and notes, a table."""
    intro, more = BODY_SECTIONS.get(Kind(kind), ("In het kort", "Praktisch"))
    lines = [f"## {intro}", "", summary, "", f"## {more}", ""]
    lines += [
        "- Bespreek dit eerst met de algemeen directeur en de betrokken diensten.",
        "- Leg de afspraken vast in een besluit van het bevoegde orgaan.",
        "- Met vragen kunt u terecht bij de [adviesdienst](https://www.example.org/advies).",
        "",
    ]
    if kind in {Kind.LEGAL_NOTE, Kind.MODEL_DOCUMENT}:
        lines += [
            "| Onderdeel | Bevoegd orgaan | Termijn |",
            "| --- | --- | --- |",
            "| Principebeslissing | gemeenteraad | vóór de begrotingswijziging |",
            "| Uitvoering | college van burgemeester en schepenen | doorlopend |",
            "",
        ]
    return "\n".join(lines)


def _author() -> User | None:
    return User.objects.filter(role=Role.TRAINER).order_by("pk").first()


def _publication(index: int, status: str) -> datetime.datetime | None:
    if status in {Status.DRAFT, Status.IN_REVIEW}:
        return None
    return FIRST_PUBLICATION + datetime.timedelta(days=7 * index)


def _make(
    index: int,
    *,
    kind: str,
    title: str,
    summary: str,
    topics: str,
    audience: str = "p",
    status: str = "P",
    **fields: object,
) -> KnowledgeItem:
    existing = KnowledgeItem.objects.filter(title=title).first()
    if existing is not None:
        return existing
    item = KnowledgeItem.objects.create(
        kind=kind,
        title=title,
        summary=summary,
        body=_body(kind, summary),
        audience=AUDIENCES[audience],
        status=STATUSES[status],
        published_at=_publication(index, STATUSES[status]),
        author=_author(),
        **fields,
    )
    item.topics.set(Topic.objects.filter(slug__in=topics.split()))
    return item


@transaction.atomic
def load_demo_knowledge() -> str:
    """Creates the demo items that are missing; returns a line for the demo's report."""
    made: dict[str, KnowledgeItem] = {}
    index = 0
    for key, kind, audience, status, topics, title, summary in ITEMS:
        made[key] = _make(index, kind=kind, title=title, summary=summary, topics=topics,
                          audience=audience, status=status)  # fmt: skip
        index += 1
    for key, title, summary, isbn, member, non_member in BOOKS:
        made[key] = _make(index, kind=Kind.BOOK, title=title, summary=summary,
                          topics="democracy social-policy digital", isbn=_isbn(isbn),
                          member_price=Decimal(member), non_member_price=Decimal(non_member),
                          is_printed=True, author_name="Redactie Lokaal")  # fmt: skip
        index += 1
    for title, summary, articles in MAGAZINE:
        issue = _make(index, kind=Kind.MAGAZINE_ISSUE, title=title, summary=summary,
                      topics="democracy", is_printed=True, member_price=Decimal("7.50"),
                      non_member_price=Decimal("12.00"))  # fmt: skip
        index += 1
        for article_title, article_summary, topics in articles:
            _make(index, kind=Kind.ARTICLE, title=article_title, summary=article_summary,
                  topics=topics, audience="m", magazine_issue=issue)  # fmt: skip
            index += 1
    _link_legal_notes(made)
    for one, other in RELATED:
        made[one].related.add(made[other])
    return f"{KnowledgeItem.objects.count()} knowledge items."


def _link_legal_notes(made: dict[str, KnowledgeItem]) -> None:
    """The 2019 note is replaced by the 2025 one; the election note expired after the vote."""
    KnowledgeItem.objects.filter(pk=made["legal-bcsd-2019"].pk).update(
        replaced_by=made["legal-bcsd-2025"], valid_until=datetime.date(2024, 12, 31)
    )
    KnowledgeItem.objects.filter(pk=made["legal-elections-2024"].pk).update(
        valid_until=datetime.date(2024, 10, 13)
    )
