"""Read-only links to one canvas for people without an account: create, revoke, open."""

import datetime
import secrets

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, ShareLink


@transaction.atomic
def create_share_link(
    *,
    canvas: Canvas,
    label: str,
    expires_at: datetime.datetime | None,
    password: str,
    by: User | None,
) -> ShareLink:
    """A new secret link to the canvas, optionally expiring and behind a password."""
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError(_("Choose an expiry date in the future."))
    return ShareLink.objects.create(
        canvas=canvas,
        token=secrets.token_urlsafe(24),
        label=(label or "").strip()[:200],
        password=make_password(password) if password else "",
        expires_at=expires_at,
        created_by=by,
    )


@transaction.atomic
def revoke_share_link(*, link: ShareLink, by: User | None) -> ShareLink:
    """Close the link for good (revoking twice keeps the first moment)."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def open_share_link(token: str) -> ShareLink | None:
    """The link behind a token, or None when it is unknown, revoked or expired."""
    link = (
        ShareLink.objects.select_related("canvas")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    if link is None or is_expired(link):
        return None
    return link


def is_expired(link: ShareLink) -> bool:
    return link.expires_at is not None and link.expires_at <= timezone.now()


def check_share_password(*, link: ShareLink, password: str) -> bool:
    """Whether `password` opens the link (a link without a password opens with anything)."""
    if not link.password:
        return True
    return check_password(password, link.password)


def count_view(link: ShareLink) -> None:
    """Count one more view of the shared canvas, safe against concurrent views."""
    ShareLink.objects.filter(pk=link.pk).update(view_count=F("view_count") + 1)
