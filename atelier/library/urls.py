from django.urls import path

from . import views

app_name = "library"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("loans/", views.loans, name="loans"),
    path("loans/overdue/", views.overdue, name="overdue"),
    path("loans/mine/", views.my_loans, name="my_loans"),
    path("loans/<int:pk>/", views.loan_detail, name="loan"),
    path("loans/<int:pk>/return/", views.loan_return, name="loan_return"),
]
