"""Author profiles in the admin.

Editors manage every profile; anyone on the staff fills in their own at
"My byline" (``mine``), which the admin offers after the first sign-in.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from articles.models import AuthorProfile, profile_of, unique_author_slug
from articles.wording.admin import WordedAdminMixin

MINE_FIELDS = ["display_name", "role", "bio", "photo"]


class MyProfileForm(forms.ModelForm):
    """One's own profile: the slug is made from the display name once, then kept."""

    class Meta:
        model = AuthorProfile
        fields = MINE_FIELDS

    def save(self, commit=True):
        profile = super().save(commit=False)
        if not profile.slug:
            profile.slug = unique_author_slug(profile.display_name)
        if commit:
            profile.save()
        return profile


@admin.register(AuthorProfile)
class AuthorProfileAdmin(WordedAdminMixin, admin.ModelAdmin):
    list_display = ["display_name", "role", "slug"]
    search_fields = ["display_name", "role"]
    autocomplete_fields = ["photo"]
    prepopulated_fields = {"slug": ["display_name"]}
    fields = ["user", "display_name", "slug", "role", "bio", "photo"]
    list_select_related = ["user"]

    def get_urls(self):
        mine = path(
            "mine/", self.admin_site.admin_view(self.mine_view), name="articles_authorprofile_mine"
        )
        return [mine, *super().get_urls()]

    def get_readonly_fields(self, request, obj=None):
        # A profile stays with its person, who may have left the staff (or, like the
        # demo's authors, never signed in): its other fields remain editable.
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "user"] if obj is not None else readonly

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            # Staff only: people who can write; the login names stay in the user admin.
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def mine_view(self, request):
        """The signed-in person's own profile, created on first save."""
        user = request.user
        profile = profile_of(user) or AuthorProfile(user=user)
        next_url = request.POST.get("next") or request.GET.get("next") or ""
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.admin_site.name)
        initial = {} if profile.pk else {"display_name": user.get_full_name()}
        form = MyProfileForm(request.POST or None, instance=profile, initial=initial)
        photo = form.fields["photo"]
        photo.widget = AutocompleteSelect(AuthorProfile._meta.get_field("photo"), self.admin_site)
        photo.queryset = photo.queryset  # hands the choices to the new widget
        if request.method == "POST" and form.is_valid():
            form.save()
            self.message_user(
                request,
                _("Your byline now reads “%(name)s”.") % {"name": form.instance.display_name},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(next_url)
        admin_form = helpers.AdminForm(
            form, [(None, {"fields": MINE_FIELDS})], {}, model_admin=self
        )
        context = {
            **self.admin_site.each_context(request),
            "title": _("My byline"),
            "opts": self.opts,
            "adminform": admin_form,
            "errors": helpers.AdminErrorList(form, []),
            "media": self.media + admin_form.media,
            "next": next_url,
            "first_time": profile.pk is None,
        }
        return TemplateResponse(request, "admin/articles/authorprofile/mine.html", context)
