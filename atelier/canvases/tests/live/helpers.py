"""Small helpers of the live editing tests."""

from django.test import Client

from atelier.accounts.models import User
from atelier.canvases.models import Canvas, Lane, LaneKind, Step


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def cards_lane(canvas: Canvas) -> Lane:
    return Lane.objects.filter(canvas=canvas, kind=LaneKind.CARDS).order_by("position")[0]


def first_steps(canvas: Canvas) -> list[Step]:
    return list(Step.objects.filter(canvas=canvas).order_by("stage__position", "position"))
