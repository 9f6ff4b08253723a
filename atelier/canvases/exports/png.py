"""A canvas as one PNG image: laid out on a single page as wide as its steps, then rasterised."""

import io
import math
from typing import Any

import pypdfium2
from weasyprint import HTML

from atelier.canvases import kinds
from atelier.lib.pdf import BASE_URL, StaticFilesFetcher

from .page import Layout, canvas_html

MARGIN_MM = 8
LANE_MM = 34
STEP_MM = 46
SECTIONS_WIDTH_MM = 297
# The page is laid out this tall and cut to the content; taller content is cut off here.
PAGE_HEIGHT_MM = 5000
SCALE = 1.5  # 108 dpi
MAX_SIDE_PX = 12_000
MAX_PIXELS = 40_000_000
PX_PER_PT = 4 / 3  # WeasyPrint measures in CSS pixels, PDF in points


def _layout(data: dict[str, Any]) -> tuple[Layout, float]:
    if data["kind"] in kinds.GRID_KINDS:
        steps = sum(len(stage["steps"]) for stage in data.get("stages") or [])
        width = 2 * MARGIN_MM + LANE_MM + STEP_MM * max(steps, 1) + 1
    else:
        width = SECTIONS_WIDTH_MM
    css = f"@page {{ size: {width}mm {PAGE_HEIGHT_MM}mm; margin: {MARGIN_MM}mm; }}"
    return Layout(css, LANE_MM, STEP_MM, None, running_header=False), width


def _scale(width_pt: float, height_pt: float) -> float:
    """1.5 unless the image would grow past the caps."""
    return min(
        SCALE,
        MAX_SIDE_PX / width_pt,
        MAX_SIDE_PX / height_pt,
        math.sqrt(MAX_PIXELS / (width_pt * height_pt)),
    )


def canvas_png(data: dict[str, Any], *, project_title: str = "") -> bytes:
    """The whole canvas on one image, cut just below its content."""
    layout, _width = _layout(data)
    html = canvas_html(data, project_title=project_title, layout=layout)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher()).render()
    page = document.pages[0]
    end_y = page.anchors.get("canvas-end", (0, page.height))[1]
    content_pt = min(end_y + MARGIN_MM * 96 / 25.4, page.height) / PX_PER_PT
    pdf = pypdfium2.PdfDocument(document.copy(pages=[page]).write_pdf())
    try:
        pdf_page = pdf[0]
        width_pt, height_pt = pdf_page.get_size()
        scale = _scale(width_pt, content_pt)
        bitmap = pdf_page.render(scale=scale, crop=(0, height_pt - content_pt, 0, 0))
        buffer = io.BytesIO()
        bitmap.to_pil().save(buffer, format="PNG")
    finally:
        pdf.close()
    return buffer.getvalue()
