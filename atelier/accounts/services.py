"""State changes for people: invitations, API tokens, personal data export and erasure."""

import datetime
import secrets
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.members.models import Organisation

from .access import organisations_user_may_invite_for, roles_user_may_invite
from .models import (
    ORGANISATION_ROLES,
    ApiToken,
    ErasureRequest,
    Invitation,
    Role,
    User,
    hash_token,
)
from .second_factor import has_totp, second_factor_required

INVITATION_VALIDITY = datetime.timedelta(days=14)


@transaction.atomic
def invite(
    *,
    email: str,
    role: str,
    organisation: Organisation | None,
    by: User,
    base_url: str,
) -> Invitation:
    """Create an invitation and send it by e-mail."""
    email = email.strip().lower()
    if role not in roles_user_may_invite(by):
        raise PermissionDenied
    if role in ORGANISATION_ROLES:
        if organisation is None:
            raise ValidationError(_("Choose the organisation this person belongs to."))
        if not organisations_user_may_invite_for(by).filter(pk=organisation.pk).exists():
            raise PermissionDenied
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("This person already has an account."))
    if Invitation.objects.filter(
        email__iexact=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).exists():
        raise ValidationError(
            _("This address has an open invitation already; withdraw it to send a new one.")
        )
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        organisation=organisation if role in ORGANISATION_ROLES else None,
        invited_by=by,
        expires_at=timezone.now() + INVITATION_VALIDITY,
    )
    # Only an invitation that was saved gets mailed.
    transaction.on_commit(lambda: _send_invitation(invitation, base_url=base_url))
    return invitation


def _send_invitation(invitation: Invitation, *, base_url: str) -> None:
    link = base_url + reverse("accounts:accept_invitation", args=[invitation.token])
    context = {"invitation": invitation, "link": link, "validity_days": INVITATION_VALIDITY.days}
    subject = _("You are invited to Atelier")
    body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


@transaction.atomic
def withdraw_invitation(*, invitation: Invitation, by: User) -> Invitation:
    """Withdraw an open invitation so that its link no longer works."""
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


@transaction.atomic
def accept_invitation(*, token: str, first_name: str, last_name: str, password: str) -> User:
    """Create the invited person's account, with the invited address already verified."""
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if invitation is None or not invitation.is_open:
        raise ValidationError(_("This invitation is no longer valid."))
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("An account with this e-mail address exists already."))
    user = User.objects.create_user(
        invitation.email,
        password,
        first_name=first_name,
        last_name=last_name,
        role=invitation.role,
        organisation=invitation.organisation,
        # Association administrators also manage reference data in the Django admin.
        is_staff=invitation.role == Role.ADMINISTRATOR,
        is_superuser=invitation.role == Role.ADMINISTRATOR,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    # An expert invited to a project joins it now (the membership waited for the account).
    invitation.project_memberships.update(user=user)
    return user


def create_api_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is never shown again."""
    raw = "atl_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip() or _("API token"), prefix=raw[4:12], key_hash=hash_token(raw)
    )
    return token, raw


def revoke_api_token(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke a token so that it no longer authenticates."""
    if token.user_id != by.pk and not by.is_administrator:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def user_for_api_token(raw: str) -> User | None:
    """The active user a bearer token belongs to, or None; records when it was last used.

    Staff who must use a second factor and have not set one up get None.
    """
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    if second_factor_required(token.user) and not has_totp(token.user):
        # Staff data stays behind a second factor: without TOTP set up, the token waits.
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def export_personal_data(*, user: User) -> dict[str, Any]:
    """Everything Atelier holds about a person, as JSON-ready data."""
    organisation = user.organisation
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "job_title": user.job_title,
            "role": user.role,
            "organisation": organisation.name if organisation else None,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "second_factors": [a.type for a in Authenticator.objects.filter(user=user)],
        "api_tokens": [
            {
                "name": t.name,
                "created_at": t.created_at.isoformat(),
                "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                "revoked": t.revoked_at is not None,
            }
            for t in user.api_tokens.all()
        ],
        "invitations_sent": [
            {"email": i.email, "role": i.role, "sent_at": i.created_at.isoformat()}
            for i in user.invitations_sent.all()
        ],
        "erasure_requests": [
            {"requested_at": r.requested_at.isoformat(), "processed": r.processed_at is not None}
            for r in user.erasure_requests.all()
        ],
        "changes_made": [
            {
                "at": e.timestamp.isoformat(),
                "object": e.object_repr,
                "action": e.get_action_display(),
            }
            for e in LogEntry.objects.filter(actor=user).order_by("timestamp")
        ],
    }


@transaction.atomic
def request_erasure(*, user: User, reason: str = "") -> ErasureRequest:
    """Record a person's request for erasure; staff carry it out (the open one is reused)."""
    existing = ErasureRequest.objects.filter(user=user, processed_at__isnull=True).first()
    if existing is not None:
        return existing
    return ErasureRequest.objects.create(user=user, reason=reason)


@transaction.atomic
def erase_person(*, erasure_request: ErasureRequest, by: User) -> User:
    """Anonymise the person: no name, no address, no way to sign in; records stay countable."""
    if not by.is_administrator:
        raise PermissionDenied
    user = erasure_request.user
    if erasure_request.processed_at is not None:
        return user
    old_email = user.email
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.api_tokens.all().delete()
    _end_sessions_of(user)
    user.email = f"erased-{user.pk}@invalid.example"
    user.first_name = ""
    user.last_name = ""
    user.job_title = ""
    user.is_active = False
    user.set_unusable_password()
    with disable_auditlog():
        user.save()
    _forget_in_audit_trail(user, old_email=old_email)
    erasure_request.processed_at = timezone.now()
    erasure_request.processed_by = by
    erasure_request.reason = ""
    erasure_request.save(update_fields=["processed_at", "processed_by", "reason"])
    return user


def _forget_in_audit_trail(user: User, *, old_email: str) -> None:
    # The changes the person made stay in the trail, without their address; the trails of
    # their own record, their erasure requests and the invitations addressed to them hold
    # their old name and address, so they go, and those invitations get the erased address.
    LogEntry.objects.filter(actor=user).update(actor_email=None)
    invitations = Invitation.objects.filter(email__iexact=old_email)
    about_the_person = [
        (User, [user.pk]),
        (ErasureRequest, list(user.erasure_requests.values_list("pk", flat=True))),
        (Invitation, list(invitations.values_list("pk", flat=True))),
    ]
    for model, pks in about_the_person:
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_pk__in=[str(pk) for pk in pks],
        ).delete()
    invitations.update(email=user.email)


def _end_sessions_of(user: User) -> None:
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
