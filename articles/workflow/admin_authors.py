"""Choosing an article's authors without seeing anyone's account.

Django's autocomplete would ask the user admin, which needs ``auth.view_user`` and
answers with login names. Here whoever may write articles is offered the active staff
by the name bylines print (``author_name``), searched by that name only.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.urls import path

from articles.models import author_name, with_profiles

PAGE_SIZE = 20


def author_candidates(term):
    """Active staff whose byline name holds every word of ``term``."""
    users = with_profiles(get_user_model().objects.filter(is_active=True, is_staff=True))
    # Without a profile or a full name the byline is the username: only then is it searched.
    nameless = Q(first_name="", last_name="", author_profile__isnull=True)
    for word in term.split():
        users = users.filter(
            Q(author_profile__display_name__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | (nameless & Q(username__icontains=word))
        )
    return users.order_by(
        Coalesce("author_profile__display_name", "first_name"), "last_name", "username", "pk"
    )


class AuthorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return author_name(obj)


class AuthorsWidget(AutocompleteSelectMultiple):
    url_name = "%s:articles_article_authors"


class AuthorsAdminMixin:
    def get_urls(self):
        view = self.admin_site.admin_view(self.authors_view)
        return [path("authors/", view, name="articles_article_authors"), *super().get_urls()]

    def authors_view(self, request):
        """Select2's format: {"results": [{"id", "text"}], "pagination": {"more"}}."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        raw_page = request.GET.get("page", "1")
        page_number = int(raw_page) if raw_page.isascii() and raw_page.isdigit() else 1
        paginator = Paginator(author_candidates(request.GET.get("term", "")[:100]), PAGE_SIZE)
        page = paginator.get_page(page_number)
        return JsonResponse(
            {
                "results": [{"id": str(user.pk), "text": author_name(user)} for user in page],
                "pagination": {"more": page.has_next()},
            }
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "authors":
            kwargs.setdefault("widget", AuthorsWidget(db_field, self.admin_site))
            kwargs.setdefault("form_class", AuthorChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
