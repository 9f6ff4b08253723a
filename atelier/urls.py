from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from atelier import views
from atelier.api.api import api

# One sign-in door: the admin's login form would skip allauth's throttle and second factor,
# so it sends people to allauth's sign-in and back (`next`).
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("", include("atelier.accounts.urls")),
    path("members/", include("atelier.members.urls")),
    path("companies/", include("atelier.companies.urls")),
    path("contacts/", include("atelier.contacts.urls")),
    path("mailings/", include("atelier.mailings.urls")),
    path("governance/", include("atelier.governance.urls")),
    path("fees/", include("atelier.fees.urls")),
    path("academy/", include("atelier.academy.urls")),
    path("method/", include("atelier.method.urls")),
    # Following, feeds and orders first: the knowledge pages have a topics/<slug>/ route.
    path("knowledge/", include("atelier.knowledge.urls_distribution")),
    path("knowledge/", include("atelier.knowledge.urls")),
    path("projects/", include("atelier.projects.urls")),
    path("canvases/", include("atelier.canvases.urls")),
    path("shared/", include("atelier.canvases.urls_shared")),
    path("guidance/", include("atelier.guidance.urls")),
    path("advice/", include("atelier.advice.urls")),
    path("notifications/", include("atelier.notifications.urls")),
    path("library/", include("atelier.library.urls")),
    path("home/", include("atelier.home.urls")),
    path("search/", include("atelier.search.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
