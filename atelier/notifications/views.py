"""The person's notifications: the list, marking read, and the mail preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.accounts.access import user_of

from . import selectors, services
from .forms import CHOSEN_KINDS, PreferencesForm
from .models import Preference
from .texts import text_of

PAGE_SIZE = 30


@login_required
@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    page = Paginator(selectors.notifications_of(person), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [
        (notification, text_of(notification.kind, notification.params)) for notification in page
    ]
    return render(request, "notifications/list.html", {"page": page, "rows": rows})


def _safe(request: HttpRequest, url: str) -> str:
    allowed = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})
    return url if allowed else "/"


@login_required
@require_GET
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks the notification read and goes where it points (a plain link, no script)."""
    notification = selectors.get_notification_for_user(user_of(request), pk)
    services.mark_read(notification=notification, by=user_of(request))
    return redirect(_safe(request, notification.url))


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = selectors.get_notification_for_user(user_of(request), pk)
    services.mark_read(notification=notification, by=user_of(request))
    return redirect("notifications:list")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(person=user_of(request))
    messages.success(request, _("%(count)s notifications marked read.") % {"count": count})
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    person = user_of(request)
    saved = dict(Preference.objects.filter(person=person).values_list("kind", "delivery"))
    current = {
        kind.value: saved.get(kind.value) or services.DEFAULT_DELIVERY[kind]
        for kind in CHOSEN_KINDS
    }
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.set_preferences(person=person, deliveries=form.cleaned_data)
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
