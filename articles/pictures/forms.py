"""Forms that take picture uploads: refusals name the reason, and nothing is written
until the whole form is valid."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from articles.models import Picture
from articles.pictures.cleaning import clean_upload

ACCEPT = "image/jpeg,image/png,image/webp,image/gif"


def cleaned_upload(upload):
    """The ``CleanPicture`` of a form's upload, or a form error with the reason."""
    try:
        return clean_upload(upload)
    except ValidationError as refusal:
        raise forms.ValidationError(refusal.messages, code=refusal.code) from None


class PictureForm(forms.ModelForm):
    """The library's form. The upload is cleaned here; the services store it."""

    class Meta:
        model = Picture
        fields = ["file", "title", "alt_text", "caption", "credit", "copyright", "focal_x"]
        fields += ["focal_y"]
        widgets = {
            "file": forms.ClearableFileInput(attrs={"accept": ACCEPT}),
            "caption": forms.Textarea(attrs={"rows": 2, "cols": 60}),
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cleaned_picture = None
        self.fields["file"].label = _("Picture file")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or upload is False:
            raise forms.ValidationError(_("Choose a picture file."), code="required")
        if "file" in self.changed_data:
            self.cleaned_picture = cleaned_upload(upload)
        return upload

    def _post_clean(self):
        # The upload is not put on the instance: the services store the cleaned bytes
        # under a new name. The typed fields are checked here, so that an error names
        # its field and nothing is written for a form sent back.
        self.instance = construct_instance(self, self.instance, exclude=["file"])
        try:
            self.instance.full_clean(exclude=["file", "sha256"], validate_unique=False)
        except ValidationError as error:
            self._update_errors(error)
