"""The lead picture in the article form: pick one from the library, or upload one in place.

Like WordPress's media window without the window: the form shows the current
picture, an autocomplete over the library, and fields for a new file with its alt
text, caption and credit; a newly chosen file is previewed in the browser before
saving (static/articles/js/picture-preview.js). The new picture is created in the
same save as the article, only once the whole form is valid.
"""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.html import body_picture_ids, sanitize_html
from articles.pictures import access, services
from articles.pictures.admin import thumbnail
from articles.pictures.forms import ACCEPT, cleaned_upload

NEW_PICTURE_FIELDS = ["new_picture", "new_picture_alt", "new_picture_caption"]
NEW_PICTURE_FIELDS += ["new_picture_credit"]


class LeadPictureFormMixin(forms.Form):
    new_picture = forms.FileField(
        label=gettext_lazy("Upload a new picture"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT, "data-picture-preview": ""}),
        help_text=gettext_lazy(
            "JPEG, PNG, WebP or GIF. It joins the library and becomes the lead picture; "
            "location and camera data are removed."
        ),
    )
    new_picture_alt = forms.CharField(
        label=gettext_lazy("Alt text of the new picture"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("What the picture shows, for readers who cannot see it."),
    )
    new_picture_caption = forms.CharField(
        label=gettext_lazy("Caption of the new picture"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("Left empty, the file's own caption is used if it has one."),
    )
    new_picture_credit = forms.CharField(
        label=gettext_lazy("Credit of the new picture"), required=False, max_length=200
    )

    class Media:
        css = {"all": ["articles/css/pictures.css"]}
        js = ["articles/js/picture-preview.js"]

    # Set by the admin's get_form: who is filling the form in.
    user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cleaned_new_picture = None
        if "lead_picture" in self.fields and self.user is not None:
            # The autocomplete offers only these; a hand-made POST gets no more.
            field = self.fields["lead_picture"]
            field.queryset = access.visible_to(self.user, field.queryset)

    def clean_new_picture(self):
        upload = self.cleaned_data.get("new_picture")
        if upload:
            self.cleaned_new_picture = cleaned_upload(upload)
        return upload

    def clean_body(self):
        body = self.cleaned_data.get("body", "")
        ids = body_picture_ids(sanitize_html(body))
        if ids and self.user is not None:
            allowed = set(
                access.visible_to(self.user).filter(pk__in=ids).values_list("pk", flat=True)
            )
            refused = [pk for pk in ids if pk not in allowed]
            if refused:
                raise forms.ValidationError(
                    _("The body shows pictures you cannot use here: %(ids)s.")
                    % {"ids": ", ".join(f"#{pk}" for pk in refused)},
                    code="picture_not_allowed",
                )
        return body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_picture") and not " ".join(
            (cleaned.get("new_picture_alt") or "").split()
        ):
            self.add_error(
                "new_picture_alt", _("Describe the new picture for readers who cannot see it.")
            )
        return cleaned


class LeadPictureAdminMixin:
    """For ArticleAdmin: creates the uploaded picture with the article, shows the current one."""

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "current_lead_picture"]

    @admin.display(description=gettext_lazy("current lead picture"))
    def current_lead_picture(self, obj):
        picture = getattr(obj, "lead_picture", None) if obj else None
        return thumbnail(picture, width=320) if picture else "—"

    def save_model(self, request, obj, form, change):
        clean = getattr(form, "cleaned_new_picture", None)
        if clean is None:
            return super().save_model(request, obj, form, change)
        picture = services.create_picture(
            file=form.cleaned_data["new_picture"],
            cleaned=clean,
            alt_text=form.cleaned_data["new_picture_alt"],
            caption=form.cleaned_data.get("new_picture_caption", ""),
            credit=form.cleaned_data.get("new_picture_credit", ""),
            uploaded_by=request.user,
        )
        obj.lead_picture = picture
        if "lead_picture" not in form.changed_data:
            form.changed_data.append("lead_picture")
        shared = services.shares_renditions(picture)
        try:
            return super().save_model(request, obj, form, change)
        except Exception:
            # The picture's row goes with the transaction; its files would stay behind.
            services.discard_files(picture, keep_renditions=shared)
            raise
