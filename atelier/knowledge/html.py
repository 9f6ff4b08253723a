"""The one way an item's text becomes HTML: Markdown rendered, then sanitised.

Staff write Markdown (headings, lists, links, tables); raw HTML in it is shown as text,
and the rendered HTML passes nh3 with a short list of tags, so neither a `<script>`, an
event attribute, a `style` (the Content-Security-Policy refuses inline style) nor a
`javascript:` link reaches a page.
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_markdown = MarkdownIt("commonmark", {"html": False}).enable("table")


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        clean_content_tags={"script", "style"},
    )


def _no_second_title(html: str) -> str:
    """The page's own title is its one h1: a "# heading" in the text becomes an h2."""
    return html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


def render_text(markdown: str) -> SafeString:
    """The item's Markdown as sanitised HTML, ready for a template."""
    html = _no_second_title(_markdown.render(markdown or ""))
    return mark_safe(sanitise(html))  # noqa: S308 (sanitised just above)
