"""Course materials: the access-checked download, and their management on an edition."""

import os

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from atelier.academy.models import Edition, MaterialKind, Visibility
from atelier.academy.selectors import catalogue as catalogue_selectors
from atelier.academy.selectors import materials as selectors
from atelier.academy.services.materials import add_material, remove_material, set_session_cards
from atelier.accounts.access import user_of
from atelier.knowledge.models import KnowledgeItem, Status
from atelier.lib.forms import Form
from atelier.lib.uploads import check_upload_size
from atelier.method.models import Technique

EXTENSIONS = [
    "pdf",
    "pptx",
    "ppt",
    "odp",
    "docx",
    "odt",
    "xlsx",
    "ods",
    "png",
    "jpg",
    "jpeg",
    "zip",
]


class MaterialForm(Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=MaterialKind.choices)
    place = forms.ChoiceField(label=gettext_lazy("For"))
    visibility = forms.ChoiceField(
        label=gettext_lazy("Participants see it"),
        choices=Visibility.choices,
        initial=Visibility.ALWAYS,
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        required=False,
        validators=[FileExtensionValidator(EXTENSIONS)],
        help_text=gettext_lazy("PDF, slides, documents, spreadsheets or images; at most 20 MB."),
    )
    url = forms.URLField(
        label=gettext_lazy("Or a link"),
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("A Service Design Toolkit worksheet, a recording, …"),
    )
    knowledge_item = forms.ModelChoiceField(
        label=gettext_lazy("Or a knowledge item"),
        queryset=KnowledgeItem.objects.none(),
        required=False,
    )

    def __init__(self, *args, edition: Edition, sessions: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.sessions = {str(s.pk): s for s in sessions}
        self.fields["place"].choices = [  # type: ignore[attr-defined]
            ("edition", _("This edition")),
            ("course", _("Every edition of the course")),
        ] + [
            (pk, _("Session of %(day)s") % {"day": s.starts_at.date().isoformat()})
            for pk, s in self.sessions.items()
        ]
        self.fields["knowledge_item"].queryset = KnowledgeItem.objects.filter(  # type: ignore[attr-defined]
            status=Status.PUBLISHED
        ).order_by("title")

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data.get("file")
        return check_upload_size(upload, "academy:materials") if upload else None

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean() or {}
        given = [bool(data.get("file")), bool(data.get("url")), bool(data.get("knowledge_item"))]
        if sum(given) != 1:
            raise ValidationError(_("Give one file, one link or one knowledge item."))
        return data

    def place_object(self):  # type: ignore[no-untyped-def]
        place = self.cleaned_data["place"]
        if place == "course":
            return self.edition.course
        if place == "edition":
            return self.edition
        return self.sessions[place]


class SessionCardsForm(Form):
    techniques = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Method cards used in this session"),
        queryset=Technique.objects.filter(is_published=True).order_by("name_nl"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _managed_edition(request: HttpRequest, pk: int) -> Edition:
    edition = catalogue_selectors.edition_for(request.user, pk)  # type: ignore[arg-type]
    if edition is None or not selectors.may_manage_materials(user_of(request), edition):
        raise Http404
    return edition


@login_required
@require_http_methods(["GET", "POST"])
def materials(request: HttpRequest, pk: int) -> HttpResponse:
    edition = _managed_edition(request, pk)
    sessions = list(selectors.sessions_with_cards(edition))
    form = MaterialForm(
        request.POST or None, request.FILES or None, edition=edition, sessions=sessions
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        add_material(
            place=form.place_object(),
            title=data["title"],
            kind=data["kind"],
            visibility=data["visibility"],
            file=data["file"],
            url=data["url"],
            knowledge_item=data["knowledge_item"],
            by=user_of(request),
        )
        messages.success(request, _("The material was added."))
        return redirect("academy:materials", pk=edition.pk)
    context = {
        "edition": edition,
        "form": form,
        "shown": selectors.edition_materials(user_of(request), edition, sessions),
        "card_forms": [
            (s, SessionCardsForm(initial={"techniques": s.techniques.all()}, prefix=f"s{s.pk}"))
            for s in sessions
        ],
    }
    return render(request, "academy/materials/manage.html", context)


@login_required
@require_POST
def material_delete(request: HttpRequest, pk: int, material_pk: int) -> HttpResponse:
    edition = _managed_edition(request, pk)
    material = get_object_or_404(selectors.materials_of(edition), pk=material_pk)
    remove_material(material=material, by=user_of(request))
    messages.success(request, _("The material was removed."))
    return redirect("academy:materials", pk=edition.pk)


@login_required
@require_POST
def session_cards(request: HttpRequest, pk: int, session_pk: int) -> HttpResponse:
    edition = _managed_edition(request, pk)
    session = get_object_or_404(edition.sessions, pk=session_pk)
    form = SessionCardsForm(request.POST, prefix=f"s{session.pk}")
    if form.is_valid():
        set_session_cards(
            session=session, techniques=form.cleaned_data["techniques"], by=user_of(request)
        )
        messages.success(request, _("The session's method cards were saved."))
    return redirect("academy:materials", pk=edition.pk)


@login_required
@require_GET
def material_download(request: HttpRequest, pk: int) -> FileResponse:
    material = selectors.material_for(user_of(request), pk)
    if material is None or not material.file:
        raise Http404
    return FileResponse(
        material.file.open("rb"),
        as_attachment=True,
        filename=os.path.basename(material.file.name),
    )
