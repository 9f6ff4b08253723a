"""Settings of the server that `make bench` measures: the product's, plus the bare views."""

from atelier.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
