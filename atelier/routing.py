from django.urls import path

from atelier.canvases.live.consumer import CanvasConsumer
from atelier.consumers import PingConsumer

websocket_urlpatterns = [
    path("ws/ping/", PingConsumer.as_asgi()),
    path("ws/canvases/<int:pk>/", CanvasConsumer.as_asgi()),
]
