import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from atelier.knowledge.access import get_item_for_user, items_visible_to
from atelier.knowledge.models import Audience, Kind, KnowledgeItem, Status, Topic


def make_item(audience: str, status: str = Status.PUBLISHED) -> KnowledgeItem:
    return KnowledgeItem.objects.create(
        kind=Kind.NEWS, title=f"{audience} {status}", audience=audience, status=status
    )


@pytest.fixture
def items(db) -> dict[tuple[str, str], KnowledgeItem]:
    return {
        (audience, status): make_item(audience, status)
        for audience in Audience.values
        for status in Status.values
    }


def visible(user) -> set[tuple[str, str]]:
    return {(item.audience, item.status) for item in items_visible_to(user)}


def test_default_topics_are_the_policy_domains(db):
    assert Topic.objects.count() == 18
    assert Topic.objects.filter(slug="social-policy", name_nl="Sociaal beleid en OCMW").exists()


def test_anonymous_reads_only_published_public_items(items):
    assert visible(AnonymousUser()) == {("public", "published"), ("public", "archived")}


def test_member_people_read_members_items_but_never_staff_items(items, participant, coordinator):
    expected = {(a, s) for a in ("public", "members") for s in ("published", "archived")}
    assert visible(participant) == expected
    assert visible(coordinator) == expected


def test_people_of_a_non_member_read_public_items_only(items, participant):
    participant.organisation.is_member = False
    participant.organisation.save()
    assert {a for a, _ in visible(participant)} == {"public"}


def test_staff_read_everything_including_drafts(items, trainer):
    assert visible(trainer) == set(items)


def test_a_staff_only_item_answers_404_to_a_member(items, participant):
    with pytest.raises(Http404):
        get_item_for_user(participant, items[("staff", "published")].pk)
    with pytest.raises(Http404):
        get_item_for_user(participant, items[("members", "draft")].pk)
