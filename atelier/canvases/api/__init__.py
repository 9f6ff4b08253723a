"""Canvases in the REST API: the same access rules and services as the canvas editor."""

from . import canvases, cards, structure  # noqa: F401  (each registers its endpoints)
from .common import router

__all__ = ["router"]
