"""Following topics, the digest's unsubscribe link, Atom feeds and print orders.

Included under `knowledge/` next to the knowledge pages.
"""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from .distribution import feeds, order_views, views

app_name = "distribution"

urlpatterns = [
    path("topics/following/", views.following, name="following"),
    path("topics/<slug:slug>/follow/", views.follow, name="follow"),
    # Mail clients may unsubscribe in one click (RFC 8058): a POST without a CSRF cookie;
    # the signed token is the proof.
    path("unsubscribe/<str:token>/", csrf_exempt(views.unsubscribe), name="unsubscribe"),
    path("feeds/topics/<slug:slug>/", feeds.TopicFeed(), name="topic_feed"),
    path("feeds/kinds/<str:kind>/", feeds.KindFeed(), name="kind_feed"),
    path("orders/", order_views.order_list, name="orders"),
    path("orders/<int:pk>/cancel/", order_views.order_cancel, name="order_cancel"),
]
