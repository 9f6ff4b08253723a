from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StartHereDismissal(models.Model):
    """The person has put away the "start here" steps on their home page."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="start_here_dismissal",
        verbose_name=_("person"),
    )
    dismissed_at = models.DateTimeField(_("dismissed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed start steps")
        verbose_name_plural = _("dismissed start steps")

    def __str__(self) -> str:
        return str(self.person)
