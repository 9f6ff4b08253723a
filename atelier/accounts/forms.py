from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from atelier.lib.forms import Form
from atelier.members.models import Organisation

from .access import organisations_user_may_invite_for, roles_user_may_invite
from .models import Role, User


class InvitationForm(Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"))
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args: object, inviter: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        allowed = roles_user_may_invite(inviter)
        self.fields["role"].choices = [  # type: ignore[attr-defined]
            (value, label) for value, label in Role.choices if value in allowed
        ]
        organisations = organisations_user_may_invite_for(inviter)
        field = self.fields["organisation"]
        field.queryset = organisations  # type: ignore[attr-defined]
        if inviter.role == Role.COORDINATOR:
            field.initial = inviter.organisation
            field.required = True
        self.fields["role"].initial = Role.PARTICIPANT


class AcceptInvitationForm(Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        elif data.get("password1"):
            try:
                password_validation.validate_password(str(data["password1"]))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class ApiTokenForm(Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        help_text=_("What the token is for, for example 'reporting script'."),
    )


class ErasureRequestForm(Form):
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
