from django import template

from atelier.notifications.models import Notification
from atelier.notifications.texts import text_of

register = template.Library()


@register.simple_tag
def notification_text(notification: Notification) -> str:
    """The notification's sentence in the page's language (escaped by the template)."""
    return text_of(notification.kind, notification.params)
