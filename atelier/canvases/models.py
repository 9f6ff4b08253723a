"""Canvases: a team's artefacts as structured data, never as loose drawings.

Every canvas is made of cards. A journey map or blueprint places its cards on a grid of
steps (grouped in stages) and lanes; the other kinds (brief, persona, stakeholder map,
insight board, ideas, test plan) place them in named sections that `kinds.py` defines.
Each card carries its own version, so two people editing different cards never collide
and a stale edit of the same card is refused. Stable `uid`s let snapshots, diffs, JSON
exports and evidence links refer to the same card across copies.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.method.models import ArtefactKind


class CanvasState(models.TextChoices):
    AS_IS = "as_is", _("as is")
    TO_BE = "to_be", _("to be")


class Canvas(models.Model):
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="canvases",
        verbose_name=_("project"),
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=ArtefactKind.choices)
    title = models.CharField(_("title"), max_length=200)
    state = models.CharField(
        _("as is or to be"), max_length=5, choices=CanvasState.choices, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    # A persona's photo or drawn portrait: a small JPEG as a data URI, so that versions,
    # exports, copies and shared links carry it through the one JSON form (portrait.py).
    portrait = models.TextField(_("portrait"), blank=True)
    # Bumped by every change to the canvas or its content: the basis for live co-editing.
    revision = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("canvas")
        verbose_name_plural = _("canvases")

    def __str__(self) -> str:
        return self.title

    @property
    def is_grid(self) -> bool:
        return self.kind in (ArtefactKind.JOURNEY, ArtefactKind.BLUEPRINT)


class Part(models.Model):
    """What stages, steps, lanes and cards share: a canvas, a stable uid, a place, a version."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="+")
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class Stage(Part):
    """A column group of a journey or blueprint: before, during, after, …"""

    title = models.CharField(_("stage"), max_length=200)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["canvas", "uid"], name="stage_uid")]

    def __str__(self) -> str:
        return self.title


class Step(Part):
    """A column of a journey or blueprint, inside a stage."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("step"), max_length=200)

    class Meta:
        ordering = ["stage__position", "position"]
        constraints = [models.UniqueConstraint(fields=["canvas", "uid"], name="step_uid")]

    def __str__(self) -> str:
        return self.title


class LaneKind(models.TextChoices):
    TEXT = "text", _("text, one per step")
    CARDS = "cards", _("cards")
    CHANNELS = "channels", _("channels and touchpoints")
    EMOTION = "emotion", _("emotion curve")
    PERSONA = "persona", _("persona")
    EVIDENCE = "evidence", _("research evidence")
    LINE_OF_INTERACTION = "line_interaction", _("line of interaction")
    LINE_OF_VISIBILITY = "line_visibility", _("line of visibility")
    LINE_OF_INTERNAL_INTERACTION = "line_internal", _("line of internal interaction")


class Lane(Part):
    """A row of a journey or blueprint; its kind says what its cells hold."""

    kind = models.CharField(_("kind"), max_length=20, choices=LaneKind.choices)
    title = models.CharField(_("lane"), max_length=200)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["canvas", "uid"], name="lane_uid")]

    def __str__(self) -> str:
        return self.title


class Card(Part):
    """One piece of content: in a lane at a step (grid canvases) or in a section."""

    lane = models.ForeignKey(
        Lane, on_delete=models.CASCADE, null=True, blank=True, related_name="cards"
    )
    step = models.ForeignKey(
        Step, on_delete=models.CASCADE, null=True, blank=True, related_name="cards"
    )
    section = models.CharField(max_length=40, blank=True)
    text = models.TextField(_("text"), blank=True)
    # The kind's own attributes (an emotion score, a ring, impact and effort, …): see kinds.py.
    fields = models.JSONField(default=dict, blank=True)
    # A photo or sketch (a touchpoint, a prototype): a small JPEG data URI, like a portrait.
    image = models.TextField(_("image"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["canvas", "uid"], name="card_uid"),
            models.CheckConstraint(
                condition=(Q(lane__isnull=False, step__isnull=False, section=""))
                | (Q(lane__isnull=True, step__isnull=True) & ~Q(section="")),
                name="card_in_a_cell_or_a_section",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class LinkKind(models.TextChoices):
    EVIDENCE = "evidence", _("backed by")
    RELATION = "relation", _("relation")


class RelationKind(models.TextChoices):
    FORMAL = "formal", _("formal")
    INFORMAL = "informal", _("informal")
    MONEY = "money", _("money")
    INFORMATION = "information", _("information")


class Link(models.Model):
    """A card's evidence (an insight or quote of the same project) or a stakeholder relation."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=10, choices=LinkKind.choices)
    source = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Card, on_delete=models.CASCADE, related_name="links_in")
    relation = models.CharField(
        _("relation"), max_length=12, choices=RelationKind.choices, blank=True
    )
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="one_link_of_a_kind"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="link_not_to_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.source_id} → {self.target_id}"


class Snapshot(models.Model):
    """A named version of a canvas: its whole content as the JSON export holds it."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="snapshots", verbose_name=_("canvas")
    )
    name = models.CharField(_("name"), max_length=200)
    data = models.JSONField()
    revision = models.PositiveIntegerField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self) -> str:
        return self.name


class ShareLink(models.Model):
    """A read-only link to one canvas for people without an account."""

    canvas = models.ForeignKey(
        Canvas, on_delete=models.CASCADE, related_name="share_links", verbose_name=_("canvas")
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    label = models.CharField(_("for whom"), max_length=200, blank=True)
    password = models.CharField(max_length=128, blank=True)  # a Django password hash
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    view_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self) -> str:
        return self.label or self.token[:8]


class ChangeAction(models.TextChoices):
    ADDED = "added", _("added")
    EDITED = "edited", _("edited")
    MOVED = "moved", _("moved")
    DELETED = "deleted", _("deleted")
    RESTORED = "restored", _("restored")
    COMMENTED = "commented", _("commented")


class ChangeOrigin(models.TextChoices):
    DO = "do", _("change")
    UNDO = "undo", _("undo")
    REDO = "redo", _("redo")


class CanvasChange(models.Model):
    """One change of a canvas at one revision: what live editors catch up on and undo reverts.

    `before` and `after` hold the changed part as `services.common.card_state` or
    `part_state` writes it (None when the part did not exist before, or no longer after); a
    deleted stage, step or lane comes with what it held (`services.structure.held_state`).
    """

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="changes")
    revision = models.PositiveIntegerField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=10, choices=ChangeAction.choices)
    part_type = models.CharField(max_length=10)  # card, stage, step, lane, link, canvas, comment
    part_id = models.PositiveIntegerField(null=True)
    before = models.JSONField(null=True)
    after = models.JSONField(null=True)
    origin = models.CharField(max_length=4, choices=ChangeOrigin.choices, default=ChangeOrigin.DO)
    # Set when an undo (or a redo) took this change back: it leaves the person's undo stack.
    undone = models.BooleanField(default=False)
    reverts = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["revision"]
        constraints = [
            models.UniqueConstraint(fields=["canvas", "revision"], name="one_change_per_revision")
        ]
        indexes = [models.Index(fields=["canvas", "actor", "-revision"], name="change_by_actor")]

    def __str__(self) -> str:
        return f"{self.canvas_id}@{self.revision} {self.action} {self.part_type} {self.part_id}"


class Comment(models.Model):
    """A remark in the thread of a canvas, or of one card of it (`card` set)."""

    canvas = models.ForeignKey(Canvas, on_delete=models.CASCADE, related_name="comments")
    card = models.ForeignKey(
        Card, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"))
    mentioned = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]
