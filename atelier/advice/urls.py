from django.urls import path

from . import views

app_name = "advice"

urlpatterns = [
    path("", views.question_list, name="list"),
    path("ask/", views.ask, name="ask"),
    path("ask/suggestions/", views.suggest, name="suggest"),
    path("queue/", views.staff_queue, name="queue"),
    path("queue/bulk/", views.bulk, name="bulk"),
    path("report/", views.report, name="report"),
    path("<int:pk>/", views.question_detail, name="question"),
    path("<int:pk>/reply/", views.reply, name="reply"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("<int:pk>/rate/", views.rate, name="rate"),
    path("<int:pk>/faq/", views.publish_faq, name="faq"),
    path("<int:pk>/files/<int:attachment_pk>/", views.attachment, name="attachment"),
]
