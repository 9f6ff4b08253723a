# The fee fixtures (a small registry, an issued 2026 run) serve the overdue-invoice tests.
from atelier.fees.tests.conftest import (  # noqa: F401
    adopted_tariff,
    draft_tariff,
    fee_registry,
    geel_invoice,
    issued_run,
)
