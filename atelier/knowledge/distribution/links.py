"""Absolute addresses for mails and feeds, and the signed unsubscribe token."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from atelier.accounts.models import User
from atelier.knowledge.models import KnowledgeItem

UNSUBSCRIBE_SALT = "atelier.knowledge.digest.unsubscribe"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def item_path(item: KnowledgeItem) -> str:
    return reverse("knowledge:item", args=[item.pk])


def unsubscribe_token(person: User) -> str:
    """A token that never expires: an old digest's link must keep working."""
    return signing.dumps(person.pk, salt=UNSUBSCRIBE_SALT)


def person_of_token(token: str) -> User | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk).first() if isinstance(pk, int) else None


def unsubscribe_url(person: User) -> str:
    return absolute(reverse("distribution:unsubscribe", args=[unsubscribe_token(person)]))
