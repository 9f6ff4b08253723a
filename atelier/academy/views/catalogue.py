"""The public catalogue, an edition's page, its calendar files and the staff overview."""

import datetime

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from atelier.academy.models import Course, CourseKind, Edition, Enrolment, Level, SeminarAudience
from atelier.academy.selectors import catalogue as selectors
from atelier.academy.selectors import materials as material_selectors
from atelier.academy.services.calendar import (
    calendar_feed_of,
    reset_calendar_feed,
    sessions_calendar,
)
from atelier.accounts.access import user_of
from atelier.accounts.decorators import staff_required
from atelier.api.auth import accepts_api_token
from atelier.knowledge.models import Topic
from atelier.lib.forms import Form
from atelier.lib.htmx import HtmxHttpRequest
from atelier.members.models import Province

PAGE_SIZE = 50


class CatalogueFilterForm(Form):
    level = forms.TypedChoiceField(label=gettext_lazy("Level"), required=False, coerce=int)
    province = forms.ChoiceField(label=gettext_lazy("Province"), required=False)
    month = forms.RegexField(
        label=gettext_lazy("Month"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-09"}),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        choices=[("", gettext_lazy("All languages")), *settings.LANGUAGES],
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[("", gettext_lazy("Training and seminars")), *CourseKind.choices],
    )
    audience = forms.ChoiceField(
        label=gettext_lazy("For"),
        required=False,
        choices=[
            ("", gettext_lazy("Everyone")),
            (SeminarAudience.COUNCILLORS, SeminarAudience.COUNCILLORS.label),
            (SeminarAudience.STAFF, SeminarAudience.STAFF.label),
        ],
    )
    topic = forms.ChoiceField(label=gettext_lazy("Topic"), required=False)
    course = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["level"].choices = [("", _("All levels"))] + [  # type: ignore[attr-defined]
            (level.number, str(level)) for level in Level.objects.all()
        ]
        self.fields["province"].choices = [("", _("All provinces"))] + [  # type: ignore[attr-defined]
            (p.nis_code, p.name) for p in Province.objects.all()
        ]
        self.fields["topic"].choices = [("", _("All topics"))] + [  # type: ignore[attr-defined]
            (t.slug, t.name) for t in Topic.objects.filter(is_active=True)
        ]

    def to_filter(self) -> selectors.CatalogueFilter:
        if not self.is_valid():
            return selectors.CatalogueFilter()
        data = self.cleaned_data
        month = None
        if data["month"]:
            year, number = data["month"].split("-")
            month = datetime.date(int(year), int(number), 1)
        return selectors.CatalogueFilter(
            level=data["level"] or None,
            province=data["province"],
            month=month,
            language=data["language"],
            kind=data["kind"],
            audience=data["audience"],
            topic=data["topic"],
            course=data["course"],
        )


def _chosen_course(form: CatalogueFilterForm) -> Course | None:
    """The one course whose editions are shown, when a link (from search) asked for it."""
    pk = form.cleaned_data.get("course") if form.is_valid() else None
    return Course.objects.filter(pk=pk).first() if pk else None


@require_GET
def catalogue(request: HtmxHttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET)
    page = Paginator(selectors.catalogue(form.to_filter()), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "course": _chosen_course(form),
    }
    template = "academy/catalogue/catalogue.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    return render(request, template, context)


def _edition_or_404(request: HttpRequest, pk: int) -> Edition:
    edition = selectors.edition_for(request.user, pk)  # type: ignore[arg-type]
    if edition is None:
        raise Http404
    return edition


@require_GET
def edition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    edition = _edition_or_404(request, pk)
    sessions = list(material_selectors.sessions_with_cards(edition))
    user = request.user
    confirmed = (
        user.is_authenticated
        and edition.enrolments.filter(person=user, status=Enrolment.Status.CONFIRMED).exists()
    )
    now = timezone.now()
    context = {
        "edition": edition,
        "sessions": sessions,
        "feedback_sessions": [s for s in sessions if s.starts_at <= now] if confirmed else [],
        "may_manage": user.is_authenticated and user.is_association_staff,  # type: ignore[union-attr]
        "may_manage_materials": material_selectors.may_manage_materials(user, edition),  # type: ignore[arg-type]
        "shown": material_selectors.edition_materials(user, edition, sessions),  # type: ignore[arg-type]
    }
    return render(request, "academy/catalogue/edition_detail.html", context)


def _calendar_response(content: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def _edition_url(request: HttpRequest):  # type: ignore[no-untyped-def]
    def url_of(edition: Edition) -> str:
        return request.build_absolute_uri(reverse("academy:edition", args=[edition.pk]))

    return url_of


@accepts_api_token
@require_GET
def edition_ical(request: HttpRequest, pk: int) -> HttpResponse:
    edition = _edition_or_404(request, pk)
    content = sessions_calendar(
        edition.sessions.all(), name=edition.course.title, url_of=_edition_url(request)
    )
    return _calendar_response(content, f"edition-{edition.pk}.ics")


@login_required
@require_GET
def calendar_feed(request: HttpRequest) -> HttpResponse:
    feed = calendar_feed_of(person=user_of(request))
    feed_url = request.build_absolute_uri(reverse("academy:calendar_feed_ics", args=[feed.token]))
    sessions = selectors.confirmed_sessions(user_of(request))
    context = {"feed_url": feed_url, "sessions": sessions}
    return render(request, "academy/catalogue/calendar_feed.html", context)


@login_required
@require_POST
def calendar_feed_reset(request: HttpRequest) -> HttpResponse:
    reset_calendar_feed(person=user_of(request))
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("academy:calendar_feed")


@require_GET
def calendar_feed_ics(request: HttpRequest, token: str) -> HttpResponse:
    feed = selectors.feed_for_token(token)
    if feed is None:
        raise Http404
    content = sessions_calendar(
        selectors.confirmed_sessions(feed.person),
        name=_("My training sessions"),
        url_of=_edition_url(request),
    )
    return _calendar_response(content, "academy.ics")


@staff_required
@require_GET
def staff_editions(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.staff_editions(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "academy/catalogue/staff_editions.html", {"page": page})
