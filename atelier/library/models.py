"""The documentation service's loans: printed items lent to a person of a member.

The catalogue itself is the knowledge items of kind library record (with shelf marks).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from atelier.knowledge.models import KnowledgeItem
from atelier.members.models import Organisation


class Loan(models.Model):
    """One printed item lent to one person of a member organisation until a due date."""

    item = models.ForeignKey(
        KnowledgeItem, on_delete=models.PROTECT, related_name="loans", verbose_name=_("item")
    )
    borrower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="loans",
        verbose_name=_("borrower"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="loans", verbose_name=_("organisation")
    )
    lent_on = models.DateField(_("lent on"))
    due_on = models.DateField(_("due on"))
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("lent by"),
    )
    # Each reminder goes out once: a few days before the due date, and once it has passed.
    due_soon_reminded_at = models.DateTimeField(_("reminded before due"), null=True, blank=True)
    overdue_reminded_at = models.DateTimeField(_("reminded after due"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        indexes = [models.Index(fields=["returned_on", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("lent_on")), name="loan_due_after_lent"
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=F("lent_on")),
                name="loan_returned_after_lent",
            ),
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(returned_on__isnull=True),
                name="loan_one_open_per_item",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item} → {self.borrower}"

    @property
    def is_open(self) -> bool:
        return self.returned_on is None

    @property
    def is_overdue(self) -> bool:
        return self.returned_on is None and self.due_on < timezone.localdate()
