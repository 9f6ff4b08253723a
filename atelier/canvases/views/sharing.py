"""Read-only links to a canvas: the team manages them; anyone with the link reads the canvas."""

import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from atelier.accounts.access import user_of
from atelier.canvases import share_tries
from atelier.canvases.access import get_canvas_for_user
from atelier.canvases.exports.page import coverage_asked, without_coverage
from atelier.canvases.models import ShareLink
from atelier.canvases.serialize import serialize_canvas
from atelier.canvases.services.sharing import (
    check_share_password,
    count_view,
    create_share_link,
    is_expired,
    open_share_link,
    revoke_share_link,
)
from atelier.lib.forms import DateInput, Form

from .board import board_context


class ShareLinkForm(Form):
    label = forms.CharField(
        label=gettext_lazy("For whom (only the team sees this)"), max_length=200, required=False
    )
    expires_on = forms.DateField(
        label=gettext_lazy("Works until and including (optional)"),
        required=False,
        widget=DateInput(),
    )
    password = forms.CharField(
        label=gettext_lazy("Password (optional)"),
        required=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def expires_at(self) -> datetime.datetime | None:
        """The end of the chosen day, in the site's time zone."""
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        midnight = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min)
        return timezone.make_aware(midnight)


class SharePasswordForm(Form):
    password = forms.CharField(
        label=gettext_lazy("Password"),
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


def _state(link: ShareLink) -> tuple[str, str]:
    """The link's state as a key (for styling) and in words."""
    if link.revoked_at:
        return "revoked", _("revoked")
    return ("expired", _("expired")) if is_expired(link) else ("active", _("active"))


@login_required
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    form = ShareLinkForm(request.POST or None, auto_id="share-%s")
    if request.method == "POST" and form.is_valid():
        try:
            create_share_link(
                canvas=canvas,
                label=form.cleaned_data["label"],
                expires_at=form.expires_at(),
                password=form.cleaned_data["password"],
                by=user_of(request),
            )
        except ValidationError as error:
            form.add_error("expires_on", error)
        else:
            messages.success(request, _("The link is made. Copy it from the list below."))
            return redirect("canvases:share", pk=canvas.pk)
    links = [
        (link, *_state(link), request.build_absolute_uri(reverse("shared:view", args=[link.token])))
        for link in ShareLink.objects.filter(canvas=canvas)
    ]
    context = {"canvas": canvas, "project": canvas.project, "form": form, "links": links}
    return render(request, "canvases/sharing/links.html", context)


@login_required
def share_revoke(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    canvas = get_canvas_for_user(user_of(request), pk, write=True)
    if request.method != "POST":  # asked after the access check: others get 404 on any method
        return HttpResponseNotAllowed(["POST"])
    link = ShareLink.objects.filter(canvas=canvas, pk=link_pk).first()
    if link is None:
        raise Http404
    revoke_share_link(link=link, by=user_of(request))
    messages.success(request, _("The link no longer works."))
    return redirect("canvases:share", pk=canvas.pk)


def _session_key(link: ShareLink) -> str:
    return f"shared-link-{link.pk}"


def _try_password(request: HttpRequest, link: ShareLink, form: SharePasswordForm) -> bool:
    """Check the password, counting wrong tries; True when the link is now open."""
    if not form.is_valid():
        return False
    refusal = share_tries.refusal(request, link)
    if refusal:
        form.add_error(None, refusal)
        return False
    if check_share_password(link=link, password=form.cleaned_data["password"]):
        request.session[_session_key(link)] = True
        return True
    share_tries.count_wrong_try(link)
    form.add_error("password", _("That is not the password of this link."))
    return False


def _private(response: HttpResponse) -> HttpResponse:
    """Keep a shared canvas out of search engines and its address out of Referer headers."""
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def shared_view(request: HttpRequest, token: str) -> HttpResponse:
    """The canvas behind a shared link, read-only; a password link asks for its password first.

    HEAD answers as GET does (the server leaves out the body) but is not counted as a view.
    """
    link = open_share_link(token)
    if link is None:
        raise Http404
    if link.password and not request.session.get(_session_key(link)):
        form = SharePasswordForm(request.POST or None, auto_id="shared-%s")
        if request.method != "POST" or not _try_password(request, link, form):
            return _private(render(request, "canvases/sharing/password.html", {"form": form}))
        return _private(redirect("shared:view", token=token))
    if request.method != "HEAD" and not request.headers.get("HX-Request"):
        count_view(link)  # a live update refetching the board is no new view
    canvas = link.canvas
    coverage = coverage_asked(request.GET)
    data = serialize_canvas(canvas)
    context: dict[str, Any] = board_context(
        data if coverage else without_coverage(data), canvas=canvas, editable=False
    )
    context |= {"canvas": canvas, "coverage": coverage, "share_query": f"?share={token}"}
    return _private(render(request, "canvases/sharing/shared.html", context))
