from atelier.fees.tests.conftest import (  # noqa: F401
    adopted_tariff,
    draft_tariff,
    fee_registry,
    geel_invoice,
    issued_run,
)
