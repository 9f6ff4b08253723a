"""Reading: the knowledge list, an item, its earlier versions and its attachments."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from atelier.accounts.models import User
from atelier.api.auth import accepts_api_token

from .. import selectors
from ..access import get_item_for_user, may_edit_knowledge
from ..extraction import CONTENT_TYPES
from ..forms import KnowledgeFilterForm
from ..html import render_text
from ..models import Attachment, KnowledgeItem, Status, Topic
from ..services import NEXT_STATUSES

PAGE_SIZE = 20
# What the workflow buttons say, in the order they are shown.
STATUS_ACTIONS = {
    Status.IN_REVIEW: _("Send for review"),
    Status.PUBLISHED: _("Publish"),
    Status.ARCHIVED: _("Archive"),
    Status.DRAFT: _("Back to draft"),
}


def next_statuses(item: KnowledgeItem) -> list[tuple[str, str]]:
    allowed = NEXT_STATUSES[Status(item.status)]
    return [(status, str(label)) for status, label in STATUS_ACTIONS.items() if status in allowed]


def reader(request: HttpRequest) -> User | None:
    """The signed-in reader, or None for a visitor (public items are open to all)."""
    return request.user if request.user.is_authenticated else None  # type: ignore[return-value]


@require_GET
def item_list(request: HttpRequest) -> HttpResponse:
    user = reader(request)
    staff = may_edit_knowledge(user)
    form = KnowledgeFilterForm(
        request.GET,
        topics=list(Topic.objects.filter(is_active=True)),
        years=selectors.publication_years(user),
        staff=staff,
    )
    filters = selectors.KnowledgeFilter(
        topic=form.value("topic") or "",
        kind=form.value("kind") or "",
        year=form.value("year"),
        status=(form.value("status") or "") if staff else "",
    )
    page = Paginator(selectors.item_list(user, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "may_edit": staff}
    return render(request, "knowledge/list.html", context)


@require_GET
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = reader(request)
    item = get_item_for_user(user, pk)
    context = {
        "item": item,
        "body": render_text(item.body),
        "out_of_date": selectors.is_out_of_date(item),
        "may_edit": may_edit_knowledge(user),
        "next_statuses": next_statuses(item) if may_edit_knowledge(user) else [],
        **selectors.item_page(user, item),
    }
    return render(request, "knowledge/item.html", context)


@require_GET
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(reader(request), pk)
    context = {"item": item, "versions": selectors.versions_of(item)}
    return render(request, "knowledge/versions.html", context)


@require_GET
def version_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    item = get_item_for_user(reader(request), pk)
    version = get_object_or_404(item.versions, number=number)
    context = {"item": item, "version": version, "body": render_text(version.body)}
    return render(request, "knowledge/version.html", context)


@require_GET
@accepts_api_token
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    item = get_item_for_user(reader(request), pk)
    try:
        attachment = selectors.attachment_for_item(item, attachment_pk)
    except Attachment.DoesNotExist:
        raise Http404 from None
    extension = attachment.name.rsplit(".", 1)[-1].lower()
    with attachment.file.open("rb") as file:  # at most the upload limit (20 MB)
        content = file.read()
    response = HttpResponse(
        content, content_type=CONTENT_TYPES.get(extension, "application/octet-stream")
    )
    disposition = content_disposition_header(as_attachment=True, filename=attachment.name)
    response["Content-Disposition"] = disposition or "attachment"
    return response
