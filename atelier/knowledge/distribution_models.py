"""Distribution of knowledge: who follows which topic, what their digest sent, print orders.

Imported at the end of `models.py`, so that Django registers these models with the app.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.members.models import Organisation

from .models import KnowledgeItem, Topic


class TopicFollow(models.Model):
    """A person follows a topic: its new items come in their weekly digest."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="topic_follows"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        ordering = ["topic__position", "topic__name_nl"]
        verbose_name = _("followed topic")
        verbose_name_plural = _("followed topics")
        constraints = [
            models.UniqueConstraint(fields=["person", "topic"], name="knowledge_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.topic}"


class DigestRecipient(models.Model):
    """A person's digest: when the last one went out, and whether they unsubscribed."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="knowledge_digest"
    )
    last_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("digest recipient")
        verbose_name_plural = _("digest recipients")

    def __str__(self) -> str:
        return str(self.person)


class DigestEntry(models.Model):
    """One item in one person's digest: an item is never sent to the same person twice."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(KnowledgeItem, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        verbose_name = _("digest entry")
        verbose_name_plural = _("digest entries")
        constraints = [
            models.UniqueConstraint(fields=["person", "item"], name="knowledge_digest_item_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.item}"


class PriceKind(models.TextChoices):
    MEMBER = "member", _("member price")
    NON_MEMBER = "non_member", _("non-member price")


class PrintOrder(models.Model):
    """Printed copies of a book or magazine issue an organisation ordered; one charge each."""

    item = models.ForeignKey(
        KnowledgeItem, on_delete=models.PROTECT, related_name="print_orders", verbose_name=_("item")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="print_orders",
        verbose_name=_("organisation"),
    )
    quantity = models.PositiveIntegerField(_("copies"))
    unit_price = models.DecimalField(_("price per copy (€)"), max_digits=8, decimal_places=2)
    price_kind = models.CharField(_("price"), max_length=10, choices=PriceKind)
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ordered by"),
    )
    ordered_at = models.DateTimeField(_("ordered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["-ordered_at", "-pk"]
        verbose_name = _("print order")
        verbose_name_plural = _("print orders")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gte=1) & Q(quantity__lte=1000),
                name="knowledge_print_order_quantity",
            ),
            models.CheckConstraint(
                condition=Q(unit_price__gte=0), name="knowledge_print_order_price_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.quantity} × {self.item}"

    @property
    def total(self):  # type: ignore[no-untyped-def]
        return self.unit_price * self.quantity
