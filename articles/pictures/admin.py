"""The picture library in the admin: /admin/articles/picture/.

Thumbnails are small renditions, never the original. Reporters see the public
pictures, their own uploads and their articles' pictures, and change only their
own uploads while no reader sees them (``articles.pictures.access``).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Picture
from articles.pictures import access, services
from articles.pictures.forms import PictureForm
from articles.wording.admin import WordedAdminMixin

THUMBNAIL_WIDTH = 80
PICKER_LIMIT = 60
# The body keeps this width's address; pages show every width (srcset) anyway.
BODY_WIDTH = 1024


def thumbnail(picture, width=THUMBNAIL_WIDTH, alt=""):
    """An <img> of the smallest rendition at least ``width`` wide (WebP), or a dash.

    ``alt`` when the picture is all a link holds: the link needs a name.
    """
    rendition = picture.fitting(width, "WEBP") if picture else None
    if rendition is None:
        return "—"
    height = round(width * rendition["height"] / rendition["width"])
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy" class="picture-thumbnail">',
        picture.rendition_url(rendition),
        alt,
        width,
        height,
    )


@admin.register(Picture)
class PictureAdmin(WordedAdminMixin, admin.ModelAdmin):
    form = PictureForm
    list_display = ["list_thumbnail", "title", "caption", "credit", "size", "uploaded_by"]
    list_display += ["uploaded_at"]
    list_display_links = ["list_thumbnail", "title"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "caption", "credit"]
    date_hierarchy = "uploaded_at"

    class Media:
        css = {"all": ["articles/css/pictures.css"]}

    readonly_fields = ["preview", "size", "used_by", "uploaded_by", "uploaded_at"]
    fieldsets = [
        (None, {"fields": ["preview", "file", "alt_text", "caption", "credit", "copyright"]}),
        (_("Library"), {"fields": ["title", "used_by", "size", "uploaded_by", "uploaded_at"]}),
        (
            _("Crops"),
            {
                "fields": ["focal_x", "focal_y"],
                "description": _(
                    "The point the 16:9, 4:3 and square crops keep in view, as fractions "
                    "of the width and height: 0.5, 0.5 is the centre."
                ),
            },
        ),
    ]

    def get_urls(self):
        picker = path(
            "picker/",
            self.admin_site.admin_view(self.picker_view),
            name="articles_picture_picker",
        )
        return [picker, *super().get_urls()]

    def picker_view(self, request):
        """The body editor's "Browse…" window: the pictures this user may use."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "").strip()[:100]
        queryset = self.get_queryset(request)
        if query:
            queryset, _duplicates = self.get_search_results(request, queryset, query)
        items = []
        for picture in queryset[:PICKER_LIMIT]:
            rendition = picture.fitting(BODY_WIDTH, "JPEG")
            if rendition is not None:
                url = picture.rendition_url(rendition)
                items.append({"picture": picture, "url": url, "thumbnail": thumbnail(picture, 176)})
        context = {
            **self.admin_site.each_context(request),
            "title": _("Insert a picture from the library"),
            "opts": self.model._meta,
            "pictures": items,
            "query": query,
            "func_num": request.GET.get("CKEditorFuncNum", "")[:10],
            "is_popup": True,
        }
        return TemplateResponse(request, "admin/articles/picture/picker.html", context)

    # Who sees and changes what.

    def get_queryset(self, request):
        return access.visible_to(request.user, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or access.can_change(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or access.can_change(request.user, obj))

    # Saving and deleting go through the services: files are written once, checked.

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("file") if "file" in form.changed_data else None
        if obj.pk is None:
            obj.uploaded_by = request.user
        services.save_picture(picture=obj, file=upload, cleaned=form.cleaned_picture)

    def delete_model(self, request, obj):
        services.delete_picture(picture=obj)

    def delete_queryset(self, request, queryset):
        kept = 0
        for picture in queryset:
            if any(services.uses(picture).values()):
                kept += 1
                continue
            services.delete_picture(picture=picture)
        if kept:
            self.message_user(
                request,
                ngettext(
                    "%(count)d picture is in use and was kept.",
                    "%(count)d pictures are in use and were kept.",
                    kept,
                )
                % {"count": kept},
                messages.WARNING,
            )

    def get_deleted_objects(self, objs, request):
        # An article's body is no protection in the database: say it here.
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for picture in objs:
            for article in picture.in_bodies.all():
                protected.append(_("In the body of “%(article)s”") % {"article": article.title})
        return deleted, model_count, perms_needed, protected

    # Columns and read-only fields.

    @admin.display(description=_("picture"))
    def list_thumbnail(self, obj):
        return thumbnail(obj, alt=obj.alt_text or obj.title)

    @admin.display(description=_("picture"))
    def preview(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return thumbnail(obj, width=480)

    @admin.display(description=_("size"))
    def size(self, obj):
        if not (obj and obj.width and obj.height):
            return "—"
        return f"{obj.width} × {obj.height}"

    @admin.display(description=_("used by"))
    def used_by(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        articles = {a.pk: a for a in [*obj.lead_of.all(), *obj.in_bodies.all()]}
        rows = [
            (reverse("admin:articles_article_change", args=[a.pk]), a.title)
            for a in articles.values()
        ]
        rows += [
            (reverse("admin:articles_leader_change", args=[leader.pk]), leader.name)
            for leader in obj.portrait_of.all()
        ]
        return format_html_join(", ", '<a href="{}">{}</a>', rows) or "—"
