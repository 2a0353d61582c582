"""The picture library in the admin: /admin/articles/picture/."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles.models import Picture
from articles.pictures import services
from articles.pictures.forms import PictureForm


@admin.register(Picture)
class PictureAdmin(admin.ModelAdmin):
    form = PictureForm
    list_display = ["title", "caption", "credit", "uploaded_at"]
    search_fields = ["title", "caption", "credit"]
    readonly_fields = ["width", "height", "uploaded_by", "uploaded_at"]
    fieldsets = [
        (None, {"fields": ["file", "alt_text", "caption", "credit", "copyright", "title"]}),
        (
            _("Crops"),
            {"fields": ["focal_x", "focal_y"]},
        ),
        (_("File"), {"fields": ["width", "height", "uploaded_by", "uploaded_at"]}),
    ]

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("file") if "file" in form.changed_data else None
        if obj.pk is None:
            obj.uploaded_by = request.user
        services.save_picture(picture=obj, file=upload, cleaned=form.cleaned_picture)
