"""Content that staff write in Dutch and, where they can, English."""

from typing import overload

from django.db import models
from django.utils.translation import get_language


class Bilingual(models.Model):
    """A model with `<field>_nl` and `<field>_en` columns; English falls back to Dutch."""

    class Meta:
        abstract = True

    def in_language(self, field: str) -> str:
        english = getattr(self, f"{field}_en", "")
        return english if get_language() == "en" and english else getattr(self, f"{field}_nl")


class Localized:
    """A read-only attribute of a Bilingual model: `<name>_en` or `<name>_nl` by language."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.field = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> "Localized": ...

    @overload
    def __get__(self, instance: Bilingual, owner: type | None = None) -> str: ...

    def __get__(self, instance: Bilingual | None, owner: type | None = None) -> "str | Localized":
        if instance is None:
            return self
        return instance.in_language(self.field)
