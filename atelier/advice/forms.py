"""The desk's forms: asking, the thread, rating, assigning, the queue's filters and the FAQ."""

from pathlib import PurePath
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from atelier.knowledge.models import KnowledgeItem, Topic
from atelier.lib.forms import Form
from atelier.lib.uploads import check_upload_size

from .models import QuestionStatus

ACCEPTED_FILES = {".pdf", ".docx", ".xlsx", ".odt", ".ods", ".png", ".jpg", ".jpeg", ".txt"}


def _checked_file(upload: UploadedFile | None, view_name: str) -> UploadedFile | None:
    if not upload:
        return None
    check_upload_size(upload, view_name)
    if PurePath(upload.name or "").suffix.lower() not in ACCEPTED_FILES:
        raise ValidationError(_("Send a PDF, Word, Excel, OpenDocument, image or text file."))
    return upload


class AskForm(Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.filter(is_active=True), empty_label=None
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(label=_("Your question"), max_length=10_000, widget=forms.Textarea)
    is_research_request = forms.BooleanField(
        label=_("This is a research request for the documentation service"), required=False
    )
    file = forms.FileField(label=_("Attachment (optional)"), required=False)

    def clean_file(self) -> UploadedFile | None:
        return _checked_file(self.cleaned_data.get("file"), "advice:ask")


class ReplyForm(Form):
    body = forms.CharField(label=_("Your message"), max_length=20_000, widget=forms.Textarea)
    file = forms.FileField(label=_("Attachment (optional)"), required=False)

    def clean_file(self) -> UploadedFile | None:
        return _checked_file(self.cleaned_data.get("file"), "advice:reply")


class StaffReplyForm(ReplyForm):
    KINDS = [
        ("answer", _("Answer to the member")),
        ("wait", _("Ask the member for more information")),
        ("note", _("Internal note (staff only, never sent to the member)")),
    ]
    kind = forms.ChoiceField(label=_("Kind of message"), choices=KINDS, initial="answer")
    sources = forms.ModelMultipleChoiceField(
        label=_("Sources (for a research request)"),
        queryset=KnowledgeItem.objects.none(),
        required=False,
    )

    def __init__(self, *args: Any, sources: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if sources is not None:
            self.fields["sources"].queryset = sources  # type: ignore[attr-defined]
        else:
            del self.fields["sources"]


class RatingForm(Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was the answer?"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), max_length=2000, required=False, widget=forms.Textarea
    )


class AssignForm(Form):
    assignee: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("nobody (free)")
    )

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = staff  # type: ignore[attr-defined]


class QueueFilterForm(Form):
    STATUSES = [("", _("open")), ("all", _("all")), *QuestionStatus.choices]
    status = forms.ChoiceField(label=_("Status"), choices=STATUSES, required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("all")
    )
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [
            ("", _("anyone")),
            ("me", _("me")),
            ("nobody", _("nobody")),
        ]
        choices += [(str(person.pk), str(person)) for person in staff]
        self.fields["assignee"].choices = choices  # type: ignore[attr-defined]


class FaqForm(Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    question_text = forms.CharField(label=_("Question"), widget=forms.Textarea)
    answer_text = forms.CharField(label=_("Answer"), widget=forms.Textarea)
    keep_names = forms.BooleanField(
        label=_("Keep the names of the person and the organisation"),
        required=False,
        help_text=_("Unticked, they are replaced by [name] and [organisation]."),
    )
    publish = forms.BooleanField(
        label=_("Publish at once (otherwise saved as a draft)"), required=False
    )
