"""Links from the desk to knowledge items, whose pages live in the knowledge app."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def knowledge_item_url(item_pk: int) -> str:
    """The item's page in the knowledge app."""
    return reverse("knowledge:item", kwargs={"pk": item_pk})
