"""Who is at the other end of a canvas socket, asked again on every message."""

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from django.http import Http404

from atelier.accounts.models import User
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.models import CanvasChange
from atelier.canvases.services.sharing import open_share_link
from atelier.projects.access import can_edit

from .events import event_of

CATCH_UP_LIMIT = 200  # more missed changes than this: the editor reloads the board instead


@dataclass(frozen=True)
class Viewer:
    """A team member (user_id set) or a share-link reader (read only, anonymous)."""

    user_id: int | None
    name: str
    writable: bool
    share_token: str = ""

    @property
    def initials(self) -> str:
        words = self.name.replace("@", " ").split()
        return "".join(word[0] for word in words[:2]).upper() or "?"


def viewer_of(scope: dict[str, Any], canvas_id: int, user_id: int | None = None) -> Viewer | None:
    """The viewer allowed on this canvas, or None (then the socket closes without a word).

    `user_id` re-reads the person from the database, so that a deactivated account or a lost
    team place ends the socket at its next message.
    """
    user = scope.get("user")
    if user_id is not None:
        user = User.objects.filter(pk=user_id).first()
    if user is not None and user.is_authenticated:
        try:
            canvas = get_canvas_for_user(user, canvas_id)
        except Http404:
            return None
        return Viewer(user.pk, str(user), can_edit(user, canvas.project))
    return _share_viewer(scope, canvas_id)


def _share_viewer(scope: dict[str, Any], canvas_id: int) -> Viewer | None:
    query = parse_qs(scope.get("query_string", b"").decode("ascii", "replace"))
    token = (query.get("share") or [""])[0]
    link = open_share_link(token) if token else None
    if link is None or link.canvas_id != canvas_id:
        return None
    session = scope.get("session")
    if link.password and not (session is not None and session.get(f"shared-link-{link.pk}")):
        return None
    return Viewer(None, "", writable=False, share_token=token)


def changes_since(canvas_id: int, since: int, viewer: Viewer) -> list[dict[str, Any]] | None:
    """The events after revision `since`, oldest first; None when too many to replay."""
    changes = list(
        CanvasChange.objects.filter(canvas_id=canvas_id, revision__gt=since)
        .select_related("actor")
        .order_by("revision")[: CATCH_UP_LIMIT + 1]
    )
    if len(changes) > CATCH_UP_LIMIT:
        return None
    events = [event_of(change, str(change.actor or "")) for change in changes]
    return [shown for event in events if (shown := for_viewer(event, viewer)) is not None]


def for_viewer(event: dict[str, Any], viewer: Viewer) -> dict[str, Any] | None:
    """A share-link reader sees the canvas change, not who changed it nor the comments."""
    if viewer.user_id is not None:
        return event
    if event["part"]["type"] == "comment":
        return None
    return event | {"actor": {"id": None, "name": ""}, "url": ""}
