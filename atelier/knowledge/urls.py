from django.urls import path

from .views import editing, pages, topics

app_name = "knowledge"
urlpatterns = [
    path("", pages.item_list, name="list"),
    path("new/", editing.item_create, name="item_create"),
    path("preview/", editing.preview, name="preview"),
    path("topics/", topics.topic_list, name="topics"),
    path("topics/<slug:slug>/", topics.topic_edit, name="topic_edit"),
    path("topics/<slug:slug>/move/", topics.topic_move, name="topic_move"),
    path("<int:pk>/", pages.item_detail, name="item"),
    path("<int:pk>/edit/", editing.item_edit, name="item_edit"),
    path("<int:pk>/status/", editing.item_status, name="item_status"),
    path("<int:pk>/versions/", pages.versions, name="versions"),
    path("<int:pk>/versions/<int:number>/", pages.version_detail, name="version"),
    path("<int:pk>/attachments/", editing.attachment_add, name="attachment_add"),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/",
        pages.attachment_download,
        name="attachment",
    ),
    path(
        "<int:pk>/attachments/<int:attachment_pk>/remove/",
        editing.attachment_remove,
        name="attachment_remove",
    ),
]
