"""A member's key people, with or without an account, and the functions they hold, when."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.knowledge.models import Topic
from atelier.members.models import Organisation


class FunctionKind(models.TextChoices):
    MAYOR = "mayor", _("mayor")
    ALDERMAN = "alderman", _("alderman")
    COUNCIL_CHAIR = "council_chair", _("council chair")
    COUNCILLOR = "councillor", _("councillor")
    SOCIAL_COMMITTEE_CHAIR = "social_chair", _("chair of the special committee for social affairs")
    GENERAL_DIRECTOR = "general_director", _("general director")
    FINANCIAL_DIRECTOR = "financial_director", _("financial director")
    CONTACT_POINT = "contact_point", _("staff contact point")


# Elected functions end with the council's term; the others run on across terms.
ELECTED_FUNCTIONS = frozenset(
    {
        FunctionKind.MAYOR,
        FunctionKind.ALDERMAN,
        FunctionKind.COUNCIL_CHAIR,
        FunctionKind.COUNCILLOR,
        FunctionKind.SOCIAL_COMMITTEE_CHAIR,
    }
)


class LawfulBasis(models.TextChoices):
    """Why the association may process the contact's data (GDPR art. 6)."""

    PUBLIC_TASK = "public_task", _("public task: a public office held at a member")
    LEGITIMATE_INTEREST = "legitimate_interest", _("legitimate interest: a work contact")
    CONSENT = "consent", _("consent given by the person")


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class Contact(models.Model):
    """A person the association writes to on behalf of one member organisation."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("account"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    lawful_basis = models.CharField(_("lawful basis"), max_length=20, choices=LawfulBasis.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["organisation", "erased_at"])]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Function(models.Model):
    """One function a contact holds at their organisation over a term (open-ended when current)."""

    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="functions", verbose_name=_("contact")
    )
    kind = models.CharField(_("function"), max_length=20, choices=FunctionKind.choices)
    topics = models.ManyToManyField(
        Topic,
        blank=True,
        related_name="+",
        verbose_name=_("portfolios or policy domains"),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["contact", "-starts_on", "kind"]
        verbose_name = _("function")
        verbose_name_plural = _("functions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="function_term_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contact}: {self.get_kind_display()}"

    @property
    def is_current(self) -> bool:
        return self.ends_on is None
