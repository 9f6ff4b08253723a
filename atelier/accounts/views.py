import json

from allauth.account.utils import perform_login
from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import audit
from .access import invitations_visible_to, roles_user_may_invite
from .decorators import administrator_required, staff_required
from .forms import AcceptInvitationForm, ApiTokenForm, ErasureRequestForm, InvitationForm
from .models import ApiToken, ErasureRequest, Invitation, User
from .services import (
    accept_invitation as accept_invitation_service,
)
from .services import (
    create_api_token,
    erase_person,
    export_personal_data,
    invite,
    request_erasure,
    revoke_api_token,
    withdraw_invitation,
)

AUDITED_APPS = ("members", "accounts", "fees", "governance")
PAGE_SIZE = 50


@login_required
@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    context = {
        "tokens": user.api_tokens.filter(revoked_at__isnull=True),
        "token_form": ApiTokenForm(),
        "erasure_form": ErasureRequestForm(),
        "open_erasure": user.erasure_requests.filter(processed_at__isnull=True).first(),
        "may_invite": bool(roles_user_may_invite(user)),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def api_token_create(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the token a name."))
        return redirect("accounts:profile")
    token, secret = create_api_token(user=request.user, name=form.cleaned_data["name"])  # type: ignore[arg-type]
    return render(request, "accounts/api_token_created.html", {"token": token, "secret": secret})


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    revoke_api_token(token=token, by=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:profile")


@login_required
@require_GET
def personal_data_download(request: HttpRequest) -> HttpResponse:
    data = export_personal_data(user=request.user)  # type: ignore[arg-type]
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="atelier-my-data.json"'
    return response


@login_required
@require_POST
def erasure_request_create(request: HttpRequest) -> HttpResponse:
    form = ErasureRequestForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    request_erasure(user=request.user, reason=reason)  # type: ignore[arg-type]
    messages.success(
        request, _("Your request was recorded. The association will erase your data and confirm.")
    )
    return redirect("accounts:profile")


@login_required
@require_http_methods(["GET", "POST"])
def invitation_list(request: HttpRequest) -> HttpResponse:
    inviter: User = request.user  # type: ignore[assignment]
    if not roles_user_may_invite(inviter):
        raise PermissionDenied
    form = InvitationForm(request.POST or None, inviter=inviter)
    if request.method == "POST" and form.is_valid():
        try:
            invite(
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                organisation=form.cleaned_data["organisation"],
                by=inviter,
                base_url=request.build_absolute_uri("/")[:-1],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The invitation was sent."))
            return redirect("accounts:invitations")
    invitations = invitations_visible_to(inviter).select_related("organisation", "invited_by")
    return render(
        request, "accounts/invitations.html", {"form": form, "invitations": invitations[:100]}
    )


@login_required
@require_POST
def invitation_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not roles_user_may_invite(user):
        raise Http404
    invitation = get_object_or_404(invitations_visible_to(user), pk=pk)
    withdraw_invitation(invitation=invitation, by=user)
    messages.success(request, _("The invitation was withdrawn."))
    return redirect("accounts:invitations")


@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.filter(token=token).select_related("organisation").first()
    if invitation is None or not invitation.is_open:
        return render(request, "accounts/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = accept_invitation_service(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Welcome to Atelier."))
            # Through allauth's sign-in, so its stages (second factor, records) apply here too.
            return perform_login(request, user, email=user.email, redirect_url=reverse("home"))
    return render(
        request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation}
    )


@staff_required
@require_GET
def audit_trail(request: HttpRequest) -> HttpResponse:
    content_types = ContentType.objects.filter(app_label__in=AUDITED_APPS).order_by("model")
    entries = LogEntry.objects.filter(content_type__in=content_types).select_related(
        "actor", "content_type"
    )
    chosen = request.GET.get("model", "")
    if chosen.isdigit():
        entries = entries.filter(content_type_id=int(chosen))
    search = request.GET.get("q", "").strip()
    if search:
        entries = entries.filter(object_repr__icontains=search)
    page = Paginator(entries.order_by("-timestamp", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    rows = [(entry, audit.action_label(entry), audit.changes_of(entry)) for entry in page]
    context = {
        "page": page,
        "rows": rows,
        "content_types": content_types,
        "chosen": chosen,
        "search": search,
        "query": query.urlencode(),
    }
    return render(request, "accounts/audit_trail.html", context)


@administrator_required
@require_GET
def erasure_request_list(request: HttpRequest) -> HttpResponse:
    requests = ErasureRequest.objects.select_related("user", "processed_by")[:200]
    return render(request, "accounts/erasure_requests.html", {"requests": requests})


@administrator_required
@require_POST
def erasure_request_execute(request: HttpRequest, pk: int) -> HttpResponse:
    erasure_request = get_object_or_404(ErasureRequest, pk=pk)
    erase_person(erasure_request=erasure_request, by=request.user)  # type: ignore[arg-type]
    messages.success(request, _("The person's data was erased."))
    return redirect("accounts:erasure_requests")
