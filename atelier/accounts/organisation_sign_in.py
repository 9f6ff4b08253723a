"""Sign-in with the organisation's own account: the e-mail domain picks the OpenID Connect
provider (allauth's `openid_connect` social applications, one per organisation).

allauth links a provider's account to an existing person only through an address the
provider says it verified (SOCIALACCOUNT_EMAIL_AUTHENTICATION in the settings); staff
still pass their second factor after it.
"""

from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from atelier.lib.forms import Form

from .models import OrganisationSignIn


def provider_for(email: str) -> str | None:
    """The provider ID for an e-mail address's domain, or None."""
    domain = email.rpartition("@")[2].strip().lower()
    found = OrganisationSignIn.objects.filter(domain=domain).values_list("provider_id", flat=True)
    return found.first()


class OrganisationSignInForm(Form):
    email = forms.EmailField(label=_("Your work e-mail address"))

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if provider_for(email) is None:
            raise forms.ValidationError(
                _("Your organisation has no sign-in of its own in Atelier: use your password.")
            )
        return email


@require_http_methods(["GET", "POST"])
def organisation_sign_in(request: HttpRequest) -> HttpResponse:
    form = OrganisationSignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        provider_id = provider_for(form.cleaned_data["email"])
        url = reverse("openid_connect_login", kwargs={"provider_id": provider_id})
        query = {"process": "login", "next": request.GET.get("next") or reverse("home")}
        return redirect(f"{url}?{urlencode(query)}")
    return render(request, "accounts/organisation_sign_in.html", {"form": form})
