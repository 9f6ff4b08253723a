"""Writing, for association staff: the editor with its preview, the workflow, attachments."""

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.lib.uploads import UnreadableFile, check_upload_size

from .. import services
from ..access import get_item_for_user
from ..forms import AttachmentForm, ItemForm, PreviewForm, StatusForm
from ..html import render_text
from ..models import Attachment, KnowledgeItem, Status

GET_AND_POST = ["GET", "POST"]
ATTACHMENT_VIEW = "knowledge:attachment_add"
STATUS_MESSAGES = {
    Status.DRAFT: gettext_lazy("The item is a draft again."),
    Status.IN_REVIEW: gettext_lazy("The item is sent for review."),
    Status.PUBLISHED: gettext_lazy("The item is published."),
    Status.ARCHIVED: gettext_lazy("The item is archived."),
}


def _second_try(form: ItemForm, current: KnowledgeItem) -> ItemForm:
    """The person's input again, now against the current revision, so a second save wins."""
    data = cast(QueryDict, form.data).copy()
    data["revision"] = str(current.revision)
    # A form writes what it cleans into its instance: it gets a copy of its own.
    second = ItemForm(data, instance=KnowledgeItem.objects.get(pk=current.pk))
    second.is_valid()
    return second


def _edit(request: HttpRequest, item: KnowledgeItem | None) -> HttpResponse:
    form = ItemForm(request.POST or None, instance=item)
    current: KnowledgeItem | None = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_item(
                item=item,
                data=form.data_fields(),
                topics=form.cleaned_data["topics"],
                related=form.cleaned_data["related"],
                revision=form.cleaned_data["revision"] or 0,
                by=user_of(request),
            )
        except services.StaleItem as refusal:
            assert item is not None  # noqa: S101 (a new item cannot be stale)
            current = KnowledgeItem.objects.get(pk=item.pk)
            form = _second_try(form, current)
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The item is saved."))
            return redirect("knowledge:item", pk=saved.pk)
    context: dict[str, Any] = {"form": form, "item": item, "current": current}
    if current is not None:
        context["current_body"] = render_text(current.body)
    return render(request, "knowledge/item_form.html", context)


@staff_required
@require_http_methods(GET_AND_POST)
def item_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@staff_required
@require_http_methods(GET_AND_POST)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_item_for_user(user_of(request), pk))


@staff_required
@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The editor's text as readers will see it (an htmx fragment)."""
    form = PreviewForm(request.POST)
    body = form.cleaned_data["body"] if form.is_valid() else ""
    return render(request, "knowledge/item_form.html#preview", {"preview": render_text(body)})


@staff_required
@require_POST
def item_status(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(user_of(request), pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("knowledge:item", pk=item.pk)
    status = form.cleaned_data["status"]
    try:
        services.change_status(item=item, status=status, by=user_of(request))
    except services.KnowledgeRefusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, STATUS_MESSAGES[Status(status)])
    return redirect("knowledge:item", pk=item.pk)


@staff_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_for_user(user_of(request), pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_upload_size(upload, ATTACHMENT_VIEW)
            services.add_attachment(
                item=item, name=upload.name or "", content=upload.read(), by=user_of(request)
            )
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        except UnreadableFile as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("The file is attached."))
    else:
        messages.error(request, _("Choose a PDF, DOCX or XLSX file to attach."))
    return redirect("knowledge:item", pk=item.pk)


@staff_required
@require_POST
def attachment_remove(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    item = get_item_for_user(user_of(request), pk)
    attachment = get_object_or_404(Attachment, item=item, pk=attachment_pk)
    services.remove_attachment(attachment=attachment, by=user_of(request))
    messages.success(request, _("The attachment is removed."))
    return redirect("knowledge:item", pk=item.pk)
