import pytest

from atelier.knowledge import services
from atelier.knowledge.models import Kind, KnowledgeItem, Status, Topic

from .factories import make_item

pytestmark = pytest.mark.django_db


def _data(item: KnowledgeItem, **changes) -> dict:
    fields = ["kind", "title", "summary", "body", "language", "audience"]
    return {name: getattr(item, name) for name in fields} | changes


def test_staff_create_a_draft_with_topics(trainer):
    item = services.save_item(
        item=None,
        data={"kind": Kind.NEWS, "title": "Nieuw", "body": "## Kop", "audience": "members"},
        topics=Topic.objects.filter(slug="finance"),
        by=trainer,
    )
    assert item.status == Status.DRAFT and item.author == trainer and item.revision == 1
    assert [t.slug for t in item.topics.all()] == ["finance"]


def test_editing_a_published_item_keeps_the_earlier_text_as_a_version(trainer):
    item = make_item(body="De oude tekst.", summary="Oud")
    services.save_item(
        item=item, data=_data(item, body="De nieuwe tekst."), topics=[], revision=1, by=trainer
    )
    item.refresh_from_db()
    version = item.versions.get()
    assert (version.number, version.body, version.summary) == (1, "De oude tekst.", "Oud")
    assert version.saved_by == trainer
    assert item.body == "De nieuwe tekst." and item.revision == 2
    services.save_item(
        item=item, data=_data(item, title="Derde"), topics=[], revision=2, by=trainer
    )
    assert list(item.versions.values_list("number", "body")) == [
        (2, "De nieuwe tekst."),
        (1, "De oude tekst."),
    ]


def test_editing_a_draft_or_only_its_topics_keeps_no_version(trainer):
    draft = make_item(status=Status.DRAFT, body="Ontwerp")
    services.save_item(
        item=draft, data=_data(draft, body="Beter"), topics=[], revision=1, by=trainer
    )
    published = make_item(body="Vast")
    topics = Topic.objects.filter(slug="finance")
    services.save_item(item=published, data=_data(published), topics=topics, revision=1, by=trainer)
    assert not draft.versions.exists() and not published.versions.exists()


def test_a_stale_save_is_refused_and_changes_nothing(trainer, administrator):
    item = make_item(body="Origineel")
    services.save_item(item=item, data=_data(item, body="Eerst"), topics=[], revision=1, by=trainer)
    with pytest.raises(services.StaleItem):
        services.save_item(
            item=item, data=_data(item, body="Te laat"), topics=[], revision=1, by=administrator
        )
    item.refresh_from_db()
    assert item.body == "Eerst" and item.revision == 2 and item.versions.count() == 1


def test_publishing_dates_the_item_once(trainer):
    item = make_item(status=Status.DRAFT)
    services.change_status(item=item, status=Status.IN_REVIEW, by=trainer)
    published = services.change_status(item=item, status=Status.PUBLISHED, by=trainer)
    first = published.published_at
    assert first is not None
    services.change_status(item=item, status=Status.ARCHIVED, by=trainer)
    again = services.change_status(item=item, status=Status.PUBLISHED, by=trainer)
    assert again.published_at == first


def test_an_archived_item_cannot_jump_to_review(trainer):
    item = make_item(status=Status.ARCHIVED)
    with pytest.raises(services.KnowledgeRefusal):
        services.change_status(item=item, status=Status.IN_REVIEW, by=trainer)


def test_an_article_cannot_point_to_an_issue_that_is_not_a_magazine(trainer):
    news = make_item(kind=Kind.NEWS)
    article = make_item(kind=Kind.ARTICLE)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.save_item(
            item=article,
            data=_data(article, magazine_issue=news),
            topics=[],
            revision=1,
            by=trainer,
        )


def test_topics_are_added_renamed_moved_and_put_out_of_use(trainer, expert):
    topic = services.add_topic(name_nl="Dierenwelzijn", name_en="Animal welfare", by=trainer)
    assert topic.slug == "animal-welfare" and Topic.objects.last() == topic
    with pytest.raises(services.KnowledgeRefusal):
        services.add_topic(name_nl="dierenwelzijn", by=trainer)
    services.update_topic(
        topic=topic, name_nl="Dieren", name_en="Animals", is_active=False, expert=expert
    )
    topic.refresh_from_db()
    assert (topic.name_nl, topic.is_active, topic.expert, topic.slug) == (
        "Dieren",
        False,
        expert,
        "animal-welfare",
    )
    before = list(Topic.objects.values_list("slug", flat=True))
    services.move_topic(topic=topic, direction="up", by=trainer)
    after = list(Topic.objects.values_list("slug", flat=True))
    assert after == [*before[:-2], "animal-welfare", before[-2]]


def test_an_attachment_keeps_its_file_and_text(trainer):
    from .factories import pdf_bytes

    item = make_item()
    attachment = services.add_attachment(
        item=item, name="nota.pdf", content=pdf_bytes("Zin in de bijlage."), by=trainer
    )
    assert "Zin in de bijlage." in attachment.extracted_text
    assert attachment.size > 0 and attachment.file.name.endswith(".pdf")
