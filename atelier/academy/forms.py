"""Forms of the academy that several views share."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from atelier.academy.models import CaseSlide, WorkshopCase
from atelier.academy.selectors.workshop import canvases_for_slides
from atelier.academy.services.enrolment import BillingDetails
from atelier.academy.slide_image import slide_image_from_upload
from atelier.canvases.models import Canvas
from atelier.lib.company_number import normalise_company_number, validate_company_number
from atelier.lib.forms import Form


class BillingForm(Form):
    """A non-member's billing details, asked before a paying enrolment is confirmed."""

    billing_name = forms.CharField(
        label=_("Invoice to (name of the person or organisation)"), max_length=200
    )
    billing_address = forms.CharField(
        label=_("Invoice address"), widget=forms.Textarea(attrs={"rows": 3}), max_length=500
    )
    billing_company_number = forms.CharField(
        label=_("Company number (KBO/BCE), if an organisation pays"),
        max_length=14,
        required=False,
    )
    billing_email = forms.EmailField(label=_("E-mail address for the invoice"), required=False)
    billing_reference = forms.CharField(
        label=_("Your reference or order number"), max_length=100, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", None)
        super().__init__(*args, **kwargs)
        self.fields["billing_address"].widget.attrs["autocomplete"] = "street-address"
        self.fields["billing_email"].widget.attrs["autocomplete"] = "email"

    def clean_billing_company_number(self) -> str:
        value = normalise_company_number(self.cleaned_data["billing_company_number"])
        validate_company_number(value)
        return value

    def billing_details(self) -> BillingDetails:
        data = self.cleaned_data
        return BillingDetails(
            name=data["billing_name"],
            address=data["billing_address"],
            company_number=data["billing_company_number"],
            email=data["billing_email"],
            reference=data["billing_reference"],
        )


class WorkshopCaseForm(forms.ModelForm):
    """A workshop case's titles, authority, short name and whether it is published."""

    class Meta:
        model = WorkshopCase
        fields = ["title_nl", "title_en", "authority", "slug", "is_published"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CanvasChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Canvas) -> str:  # type: ignore[override]
        return f"{obj.project.title} — {obj.title}"


class CaseSlideForm(forms.ModelForm):
    """A slide, with its image uploaded here and made small before it is stored.

    Shared by the slide editor and the admin's case page (which adds the position).
    """

    image_file = forms.FileField(
        label=_("New image"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
        help_text=_("JPEG, PNG, GIF or WebP; it is fitted in 1600 × 1600 pixels."),
    )
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)

    class Meta:
        model = CaseSlide
        fields = [
            "stage",
            "heading_nl",
            "heading_en",
            "body_nl",
            "body_en",
            "notes_nl",
            "notes_en",
            "canvas",
            "exercise_minutes",
            "image_file",
            "remove_image",
            "image_alt_nl",
            "image_alt_en",
        ]
        field_classes = {"canvas": CanvasChoiceField}
        widgets = {
            "body_nl": forms.Textarea(attrs={"rows": 5}),
            "body_en": forms.Textarea(attrs={"rows": 5}),
            "notes_nl": forms.Textarea(attrs={"rows": 3}),
            "notes_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        canvas = self.fields["canvas"]
        canvas.queryset = canvases_for_slides(keep=self.instance.canvas_id)  # type: ignore[attr-defined]
        canvas.empty_label = _("No canvas")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or self.cleaned_data
        upload = cleaned.get("image_file")
        if upload:
            try:
                self.instance.image = slide_image_from_upload(upload, upload.size or 0)
            except forms.ValidationError as error:
                self.add_error("image_file", error)
        elif cleaned.get("remove_image"):
            self.instance.image = ""
        return cleaned
