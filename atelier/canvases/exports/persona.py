"""A persona as a one-page poster: portrait, name, quote and facts, then one box per section.

The text sets its own length, so the poster is laid out at full size first and at smaller
type until it fits one page; a persona too long for the smallest type keeps that size and
runs on.
"""

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from atelier.canvases.board import build_board
from atelier.lib.pdf import BASE_URL, StaticFilesFetcher

from .display import card_texts, field_value, kind_label, state_label

PROFILE, QUOTE = "profile", "quote"
# Type sizes tried, largest first: a short persona fills the poster, a long one still fits.
TYPE_SCALES = (1.7, 1.45, 1.25, 1.08, 0.94, 0.82, 0.72, 0.62, 0.55)
# Paper: the @page size and the height inside the 10 mm margins, a hair short of the page.
PAPERS = {"A3": ("A3 landscape", 276), "A4": ("A4 landscape", 189)}


def _facts(card: dict[str, Any] | None, fields: tuple, texts: dict[str, str]) -> list[tuple]:
    values = (card or {}).get("fields") or {}
    # The quote has its own place on the poster, set large.
    shown = [
        (str(f.label), field_value(f, values.get(f.name), texts)) for f in fields if f.name != QUOTE
    ]
    return [(label, value) for label, value in shown if value]


def poster_context(data: dict[str, Any], *, project_title: str) -> dict[str, Any]:
    """What the poster shows: the profile up front, the other sections as boxes."""
    board = build_board(data)
    texts = card_texts(data)
    profile = next((view for view in board.sections if view.section.key == PROFILE), None)
    card = profile.cards[0] if profile and profile.cards else None
    boxes = [
        {
            "title": str(view.section.label),
            "items": [
                {
                    "text": item.get("text") or "",
                    "tags": [
                        value
                        for f in view.section.fields
                        if (value := field_value(f, (item.get("fields") or {}).get(f.name), texts))
                    ],
                }
                for item in view.cards
            ],
        }
        for view in board.sections
        if view.section.key != PROFILE
    ]
    return {
        "data": data,
        "name": (card or {}).get("text") or data["title"],
        "quote": ((card or {}).get("fields") or {}).get("quote") or "",
        "facts": _facts(card, profile.section.fields if profile else (), texts),
        "boxes": boxes,
        "kind_label": kind_label(data),
        "state_label": state_label(data),
        "project_title": project_title,
        "today": timezone.localdate(),
    }


def persona_pdf(data: dict[str, Any], *, paper: str = "A3", project_title: str = "") -> bytes:
    """The persona on one landscape page, at the largest type that fits."""
    # The portrait's and avatar's sizes follow the type: the page keeps its balance.
    size, height_mm = PAPERS[paper]
    context = poster_context(data, project_title=project_title)
    context |= {"size": size, "height_mm": height_mm}
    document = None
    for scale in TYPE_SCALES:
        sizes = {"font_pt": 10 * scale, "portrait_mm": 30 * scale}
        html = render_to_string("canvases/export/persona.html", context | sizes)
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).render()
        if len(document.pages) == 1:
            break
    assert document is not None  # noqa: S101 - TYPE_SCALES is never empty
    return document.write_pdf()  # type: ignore[no-any-return]
