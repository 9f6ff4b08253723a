"""People, their roles, invitations, API tokens and erasure requests."""

import hashlib
import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("association administrator")
    TRAINER = "trainer", _("association trainer or coach")
    COORDINATOR = "coordinator", _("member coordinator")
    PARTICIPANT = "participant", _("participant")
    EXPERT = "expert", _("external expert")


STAFF_ROLES = frozenset({Role.ADMINISTRATOR, Role.TRAINER})
ORGANISATION_ROLES = frozenset({Role.COORDINATOR, Role.PARTICIPANT})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", Role.ADMINISTRATOR)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in; the e-mail address is the login."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="coordinator") | Q(organisation__isnull=False),
                name="coordinator_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def is_association_staff(self) -> bool:
        return self.is_active and (self.role in STAFF_ROLES or self.is_superuser)

    @property
    def is_administrator(self) -> bool:
        return self.is_active and (self.role == Role.ADMINISTRATOR or self.is_superuser)


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An e-mail invitation to join an organisation (or the association) with a role."""

    email = models.EmailField(_("e-mail address"))
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token; only its hash is stored, the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class ErasureRequest(models.Model):
    """A person's request to erase the personal data held about them (GDPR art. 17)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="erasure_requests",
        verbose_name=_("person"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    processed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("processed by"),
    )

    class Meta:
        ordering = ["processed_at", "-requested_at"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(processed_at__isnull=True),
                name="one_open_erasure_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.requested_at:%Y-%m-%d})"


class OrganisationSignIn(models.Model):
    """People whose e-mail address ends in `domain` sign in through their organisation's
    OpenID Connect provider: the allauth social application with `provider_id`."""

    domain = models.CharField(
        _("e-mail domain"),
        max_length=253,
        unique=True,
        help_text=_("The part after the @, for example geel.be."),
    )
    provider_id = models.CharField(
        _("provider ID"),
        max_length=200,
        help_text=_(
            "The provider ID of the OpenID Connect social application (Microsoft Entra ID, "
            "the Flemish government's ACM/IDM or any standard provider)."
        ),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sign_in_domains",
        verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["domain"]
        verbose_name = _("organisation sign-in")
        verbose_name_plural = _("organisation sign-ins")

    def __str__(self) -> str:
        return f"{self.domain} → {self.provider_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)
