"""Reads of canvases that take more than one query: comment threads and counts."""

from typing import Any

from django.db.models import Count

from atelier.canvases.models import Canvas, Comment


def comment_threads(canvas: Canvas) -> list[dict[str, Any]]:
    """The canvas's own thread first, then one per card with comments, oldest comment first."""
    threads: dict[int | None, dict[str, Any]] = {None: {"card": None, "comments": []}}
    comments = (
        Comment.objects.filter(canvas=canvas)
        .select_related("author", "card", "resolved_by")
        .order_by("created_at", "pk")
    )
    for comment in comments:
        thread = threads.setdefault(comment.card_id, {"card": comment.card, "comments": []})
        thread["comments"].append(comment)
    for thread in threads.values():
        thread["open"] = sum(1 for c in thread["comments"] if c.resolved_at is None)
    return list(threads.values())


def open_comment_counts(canvas_id: int) -> dict[int, int]:
    """How many unresolved comments each card of the canvas has (cards without none left out)."""
    rows = (
        Comment.objects.filter(canvas_id=canvas_id, card__isnull=False, resolved_at__isnull=True)
        .values("card_id")
        .annotate(count=Count("pk"))
    )
    return {row["card_id"]: row["count"] for row in rows}


def comments_for_export(canvas: Canvas) -> list[dict[str, Any]]:
    """Every comment of the canvas as an export lists it, oldest first."""
    comments = Comment.objects.filter(canvas=canvas).select_related("author", "card").order_by("pk")
    return [
        {
            "author": str(comment.author or ""),
            "card": comment.card.text if comment.card else "",
            "body": comment.body,
            "resolved": comment.resolved_at is not None,
        }
        for comment in comments
    ]
