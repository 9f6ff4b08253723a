"""Forms of the knowledge pages: the list filter, the item editor, attachments and topics."""

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atelier.accounts.models import User
from atelier.lib.forms import DateInput, Form

from .models import Kind, KnowledgeItem, Status, Topic

ITEM_FIELDS = [
    "kind",
    "title",
    "summary",
    "body",
    "language",
    "audience",
    "author_name",
    "magazine_issue",
    "valid_until",
    "replaced_by",
    "isbn",
    "member_price",
    "non_member_price",
    "is_printed",
    "shelf_mark",
]


class KnowledgeFilterForm(Form):
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Kind.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Status.choices]
    )

    def __init__(
        self, *args: Any, topics: list[Topic], years: list[int], staff: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics"))] + [  # type: ignore[attr-defined]
            (topic.slug, topic.name) for topic in topics
        ]
        self.fields["year"].choices = [("", _("All years"))] + [  # type: ignore[attr-defined]
            (year, str(year)) for year in years
        ]
        if not staff:
            del self.fields["status"]

    def value(self, name: str) -> Any:
        return self.cleaned_data.get(name) if self.is_valid() else None


class ItemForm(forms.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    related = forms.ModelMultipleChoiceField(
        label=_("Related items"),
        queryset=KnowledgeItem.objects.none(),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )

    class Meta:
        model = KnowledgeItem
        fields = ITEM_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 18, "class": "knowledge-editor__text"}),
            "valid_until": DateInput(),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        item = self.instance
        in_use = (
            Q(is_active=True) | Q(pk__in=item.topics.values("pk")) if item.pk else Q(is_active=True)
        )
        self.fields["topics"].queryset = Topic.objects.filter(in_use)  # type: ignore[attr-defined]
        others = KnowledgeItem.objects.exclude(pk=item.pk).order_by("title")
        self.fields["related"].queryset = others  # type: ignore[attr-defined]
        self.fields["magazine_issue"].queryset = others.filter(kind=Kind.MAGAZINE_ISSUE)  # type: ignore[attr-defined]
        self.fields["replaced_by"].queryset = others.filter(kind=Kind.LEGAL_NOTE)  # type: ignore[attr-defined]
        self.fields["body"].help_text = _(
            "Formatted with Markdown: # heading, - list item, [text](https://…) for a link, "
            "| cell | cell | for a table. Use the buttons above the text."
        )
        if item.pk and not self.is_bound:
            self.initial["revision"] = item.revision
            self.initial["topics"] = list(item.topics.all())
            self.initial["related"] = list(item.related.all())

    def data_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ITEM_FIELDS}

    def main(self) -> list[forms.BoundField]:
        return [self[name] for name in ("kind", "title", "summary", "language", "audience")]

    def details(self) -> list[forms.BoundField]:
        names = ("author_name", "magazine_issue", "related", "valid_until", "replaced_by")
        return [self[name] for name in names]

    def print_fields(self) -> list[forms.BoundField]:
        names = ("isbn", "member_price", "non_member_price", "is_printed", "shelf_mark")
        return [self[name] for name in names]


class PreviewForm(Form):
    body = forms.CharField(required=False, max_length=200_000)


class StatusForm(Form):
    status = forms.ChoiceField(choices=Status.choices)


class AttachmentForm(Form):
    file = forms.FileField(label=_("File (PDF, DOCX or XLSX)"))


class TopicNamesForm(Form):
    name_nl = forms.CharField(label=_("Name in Dutch"), max_length=120)
    name_en = forms.CharField(label=_("Name in English"), max_length=120, required=False)


class TopicForm(TopicNamesForm):
    is_active = forms.BooleanField(label=_("In use"), required=False)
    expert = forms.ModelChoiceField(
        label=_("Default expert"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args: Any, experts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts  # type: ignore[attr-defined]


class MoveTopicForm(Form):
    direction = forms.ChoiceField(choices=[("up", _("up")), ("down", _("down"))])
