from django.urls import path

from . import views
from .organisation_sign_in import organisation_sign_in

app_name = "accounts"
urlpatterns = [
    path("account/", views.profile, name="profile"),
    path("account/tokens/", views.api_token_create, name="api_token_create"),
    path("account/tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
    path("account/my-data.json", views.personal_data_download, name="personal_data"),
    path("account/erasure/", views.erasure_request_create, name="erasure_request"),
    path("account/invitations/", views.invitation_list, name="invitations"),
    path(
        "account/invitations/<int:pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("invitation/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("sign-in/organisation/", organisation_sign_in, name="organisation_sign_in"),
    path("staff/audit/", views.audit_trail, name="audit"),
    path("staff/erasure-requests/", views.erasure_request_list, name="erasure_requests"),
    path(
        "staff/erasure-requests/<int:pk>/erase/",
        views.erasure_request_execute,
        name="erasure_execute",
    ),
]
