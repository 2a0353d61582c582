"""Author pages: what a byline links to, and the ``url`` of the author Person in JSON-LD.

Only people with at least one published article have a page. It is addressed by the
profile's slug (/authors/anne-dupont/); the old address by id (/authors/12/) redirects
there for good, and still shows the page of an author who has no profile yet. The
username is a login name and stays private.
"""

from django.contrib.auth import get_user_model
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404

from articles.models import Article, author_url, profile_of, storable_id, with_profiles
from articles.public import stamps
from articles.public.views import SubjectArticlesView, with_query

__all__ = ["AuthorByIdView", "AuthorView", "author_url"]


def published_authors():
    users = get_user_model().objects.filter(pk__in=Article.objects.published().values("authors"))
    return with_profiles(users)


class AuthorView(SubjectArticlesView):
    subject_kind = stamps.Kind.AUTHOR
    subject_context_name = "author"
    article_filter = "authors"
    template_name = "articles/author.html"

    def find_subject(self):
        return get_object_or_404(published_authors(), author_profile__slug=self.kwargs["slug"])

    def subject_url(self, subject):
        return author_url(subject)

    def page_stamps(self):
        # Addressed by the profile's slug (or the old id): the author first, then the stamp.
        self.subject_id = self.get_subject().pk
        return stamps.read_keys({(self.subject_kind, self.subject_id)})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["profile"] = profile_of(self.subject)
        return context


class AuthorByIdView(AuthorView):
    """/authors/<id>/, the address bylines linked to before profiles: a 301 to the slug."""

    def find_subject(self):
        pk = self.kwargs["pk"] if storable_id(self.kwargs["pk"]) else 0
        return get_object_or_404(published_authors(), pk=pk)

    def dispatch(self, request, *args, **kwargs):
        author = self.get_subject()
        if profile_of(author) is not None:
            return HttpResponsePermanentRedirect(with_query(author_url(author), request))
        return super().dispatch(request, *args, **kwargs)
