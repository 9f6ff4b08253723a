"""Reads of a person's notifications."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from atelier.accounts.models import User

from .models import Notification


def notifications_of(person: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=person)


def unread_count(person: User) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).count()


def get_notification_for_user(user: User, pk: int) -> Notification:
    """One of the user's own notifications; anyone else's answers 404."""
    return get_object_or_404(Notification, pk=pk, recipient=user)
