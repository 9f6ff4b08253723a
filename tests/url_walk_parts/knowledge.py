"""The URL walk's table for knowledge, the advice desk, the library, search and their API."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from atelier.accounts.models import User
from atelier.advice import services as advice
from atelier.advice.models import ClosingDay, DeskSettings
from atelier.knowledge.distribution.links import unsubscribe_token
from atelier.knowledge.distribution.orders import place_print_order
from atelier.knowledge.models import (
    Audience,
    Kind,
    KnowledgeItem,
    KnowledgeItemVersion,
    Status,
    Topic,
)
from atelier.knowledge.services import add_attachment
from atelier.library.services import lend
from atelier.members.models import Organisation

from .common import (
    OK,
    PUBLIC,
    SIGNED_IN,
    SIGNED_IN_POST_ONLY,
    STAFF_ONLY,
    TO_LOGIN,
    Answer,
    answers,
)

STAFF_POST_ONLY = answers(TO_LOGIN, 403, 405)
# An item for members: people of a member organisation and staff read it; the visitor and the
# expert (of no organisation) are not told it exists.
MEMBERS_READ = answers(404, OK, OK, expert=404)
# The participant's (Geel's) question or loan: the asker, Geel's coordinator and staff see it.
GEELS_OWN = answers(TO_LOGIN, OK, OK, outsider=404, expert=404)

PAGES: dict[str, dict[str, Answer]] = {
    # Knowledge: everyone reads what their audience may (a members' item here), staff write.
    "knowledge:list": PUBLIC,  # lists only the items one may read
    "knowledge:item_create": STAFF_ONLY,
    "knowledge:preview": STAFF_POST_ONLY,
    "knowledge:topics": STAFF_ONLY,
    "knowledge:topic_edit": STAFF_ONLY,
    "knowledge:topic_move": STAFF_POST_ONLY,
    "knowledge:item": MEMBERS_READ,
    "knowledge:item_edit": STAFF_ONLY,
    "knowledge:item_status": STAFF_POST_ONLY,
    "knowledge:versions": MEMBERS_READ,
    "knowledge:version": MEMBERS_READ,
    "knowledge:attachment_add": STAFF_POST_ONLY,
    "knowledge:attachment": MEMBERS_READ,
    "knowledge:attachment_remove": STAFF_POST_ONLY,
    # Distribution: following topics, the digest's unsubscribe link, public feeds, print orders.
    "distribution:following": SIGNED_IN,
    "distribution:follow": SIGNED_IN_POST_ONLY,
    "distribution:unsubscribe": PUBLIC,  # the participant's signed token; asks, POST unsubscribes
    "distribution:topic_feed": PUBLIC,
    "distribution:kind_feed": PUBLIC,
    "distribution:orders": answers(TO_LOGIN, 403, OK, coordinator=OK),  # Geel's orders
    "distribution:order_cancel": SIGNED_IN_POST_ONLY,
    # The advice desk (the participant's question with a file): members ask, staff answer.
    "advice:list": SIGNED_IN,  # lists only the questions one may see
    "advice:ask": answers(TO_LOGIN, OK, 403, expert=403),  # people of a member organisation
    "advice:suggest": SIGNED_IN,
    "advice:queue": STAFF_ONLY,
    "advice:bulk": STAFF_POST_ONLY,
    "advice:report": STAFF_ONLY,
    "advice:question": GEELS_OWN,
    "advice:reply": SIGNED_IN_POST_ONLY,
    "advice:assign": STAFF_POST_ONLY,
    "advice:close": SIGNED_IN_POST_ONLY,
    "advice:reopen": SIGNED_IN_POST_ONLY,
    "advice:rate": SIGNED_IN_POST_ONLY,
    "advice:faq": STAFF_ONLY,
    "advice:attachment": GEELS_OWN,
    # The library (the participant's loan of a printed record).
    "library:catalogue": PUBLIC,
    "library:loans": STAFF_ONLY,
    "library:overdue": STAFF_ONLY,
    "library:my_loans": SIGNED_IN,
    "library:loan": GEELS_OWN,
    "library:loan_return": SIGNED_IN_POST_ONLY,
    # Search: everyone, each finds what they may see.
    "search:results": PUBLIC,
    "search:suggest": PUBLIC,
    # The API: questions for those who sign in (each their own), knowledge and search for all.
    "api-v1:list_questions": answers(401, OK, OK),  # each the questions they may see
    "api-v1:ask_question": answers(401, OK, OK),  # GET on the same path lists them
    "api-v1:get_question": answers(401, OK, OK, outsider=404, expert=404),
    "api-v1:list_knowledge": PUBLIC,  # each the items their audience may read
    "api-v1:get_knowledge_item": answers(404, OK, OK, expert=404),  # a members' item
    "api-v1:search_everything": PUBLIC,
}


def values(
    people: dict[str, User], geel: Organisation, lennik: Organisation
) -> dict[tuple[str, str], Any]:
    participant, coordinator = people["participant"], people["coordinator"]
    trainer = people["trainer"]
    topic = Topic.objects.get(slug="social-policy")
    item = KnowledgeItem.objects.create(
        kind=Kind.MODEL_DOCUMENT,
        title="Modelreglement leefloon",
        body="De tekst.",
        audience=Audience.MEMBERS,
        status=Status.PUBLISHED,
        published_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    )
    item.topics.set([topic])
    version = KnowledgeItemVersion.objects.create(
        item=item, number=1, title=item.title, body="De eerste tekst.", saved_by=trainer
    )
    attachment = add_attachment(item=item, name="reglement.docx", content=_docx(), by=trainer)
    book = KnowledgeItem.objects.create(
        kind=Kind.BOOK,
        title="Handboek lokaal sociaal beleid",
        audience=Audience.MEMBERS,
        status=Status.PUBLISHED,
        published_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
        is_printed=True,
        member_price=Decimal("25.00"),
        non_member_price=Decimal("40.00"),
        shelf_mark="SOC 1",
    )
    book.topics.set([topic])
    order = place_print_order(item=book, organisation=geel, quantity=2, by=coordinator)
    loan = lend(item=book, borrower=participant, by=trainer)
    question = advice.ask(
        asker=participant,
        topic=topic,
        subject="Leefloon voor studenten",
        text="Mag het OCMW een leefloon toekennen aan een student van 19?",
        files=[SimpleUploadedFile("vraag.pdf", b"%PDF-1.4 x", content_type="application/pdf")],
    )
    DeskSettings.objects.create(answer_within_days=5)  # the admin's one row
    ClosingDay.objects.create(day=datetime.date(2026, 12, 25), reason="Kerstmis")
    knowledge_pk = {
        (f"knowledge:{name}", "pk"): item.pk
        for name in (
            "item",
            "item_edit",
            "item_status",
            "versions",
            "version",
            "attachment_add",
            "attachment",
            "attachment_remove",
        )
    }
    advice_pk = {
        (f"advice:{name}", "pk"): question.pk
        for name in ("question", "reply", "assign", "close", "reopen", "rate", "faq", "attachment")
    }
    return {
        **knowledge_pk,
        **advice_pk,
        ("knowledge:topic_edit", "slug"): topic.slug,
        ("knowledge:topic_move", "slug"): topic.slug,
        ("knowledge:version", "number"): version.number,
        ("knowledge:attachment", "attachment_pk"): attachment.pk,
        ("knowledge:attachment_remove", "attachment_pk"): attachment.pk,
        ("distribution:follow", "slug"): topic.slug,
        ("distribution:unsubscribe", "token"): unsubscribe_token(participant),
        ("distribution:topic_feed", "slug"): topic.slug,
        ("distribution:kind_feed", "kind"): Kind.MODEL_DOCUMENT.value,
        ("distribution:order_cancel", "pk"): order.pk,
        ("advice:attachment", "attachment_pk"): question.attachments.get().pk,
        ("library:loan", "pk"): loan.pk,
        ("library:loan_return", "pk"): loan.pk,
        ("api-v1:get_question", "question_id"): question.pk,
        ("api-v1:get_knowledge_item", "item_id"): item.pk,
    }


def _docx() -> bytes:
    from atelier.knowledge.tests.factories import docx_bytes

    return docx_bytes("Het OCMW kent het leefloon toe.")
