"""A qualitative tender for a service designer, its bids and the jury's scores."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .rules import RuleSet


class Tender(models.Model):
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="tenders",
        verbose_name=_("project"),
    )
    rules = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        "guidance.ExpertisePlan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tenders",
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language of the documents"), max_length=2, default="nl")
    estimated_value = models.DecimalField(
        _("estimated value excl. VAT"), max_digits=12, decimal_places=2, default=Decimal("0")
    )
    # The date the tender is published or sent out: it picks the thresholds in force.
    dated_on = models.DateField(_("date of the tender"), default=timezone.localdate)
    # Scope, deliverables per phase, timeline, clauses: what the document says, as edited.
    content = models.JSONField(default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tender")
        verbose_name_plural = _("tenders")

    def __str__(self) -> str:
        return self.title


class CriterionFamily(models.TextChoices):
    EXCLUSION = "exclusion", _("exclusion")
    SELECTION = "selection", _("selection")
    AWARD = "award", _("award")


class Criterion(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="criteria")
    family = models.CharField(_("family"), max_length=10, choices=CriterionFamily.choices)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what is asked and how it is judged"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=0)  # award criteria only
    is_price = models.BooleanField(_("price"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["family", "position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name


class Bid(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="bids")
    bidder = models.CharField(_("bidder"), max_length=200)
    price = models.DecimalField(_("price excl. VAT"), max_digits=12, decimal_places=2)
    received_on = models.DateField(_("received on"), null=True, blank=True)

    class Meta:
        ordering = ["bidder"]
        verbose_name = _("bid")
        verbose_name_plural = _("bids")
        constraints = [
            models.UniqueConstraint(fields=["tender", "bidder"], name="one_bid_per_bidder"),
            models.CheckConstraint(condition=models.Q(price__gt=0), name="bid_price_positive"),
        ]

    def __str__(self) -> str:
        return self.bidder


class TenderJuror(models.Model):
    """A member of the jury: a person with an account (client, design agency, association)."""

    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="jurors")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jury_seats"
    )
    role = models.CharField(_("on behalf of"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        constraints = [
            models.UniqueConstraint(fields=["tender", "person"], name="one_seat_per_juror"),
        ]

    def __str__(self) -> str:
        return str(self.person)


class Score(models.Model):
    """One juror's score of one bid on one award criterion (0–10), hidden until they submit."""

    juror = models.ForeignKey(TenderJuror, on_delete=models.CASCADE, related_name="scores")
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    note = models.TextField(_("why"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["juror", "bid", "criterion"], name="one_score_each"),
            models.CheckConstraint(condition=models.Q(value__lte=10), name="score_at_most_ten"),
        ]

    def __str__(self) -> str:
        return f"{self.juror} · {self.bid} · {self.criterion}: {self.value}"


class JurorSubmission(models.Model):
    """A juror's scores are final and the others' become visible to them."""

    juror = models.OneToOneField(TenderJuror, on_delete=models.CASCADE, related_name="submission")
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("submitted scores")
        verbose_name_plural = _("submitted scores")

    def __str__(self) -> str:
        return str(self.juror)
