"""Author pages: what a byline links to, and the ``url`` of the author Person in JSON-LD.

Only people with at least one published article have a page; it is addressed by
id rather than username, which is a login name and stays private.
"""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse

from articles.models import Article, storable_id
from articles.public import stamps
from articles.public.views import SubjectArticlesView


def author_url(user):
    return reverse("articles:author", kwargs={"pk": user.pk})


class AuthorView(SubjectArticlesView):
    subject_kind = stamps.Kind.AUTHOR
    subject_context_name = "author"
    article_filter = "authors"
    template_name = "articles/author.html"

    def page_stamps(self):
        if not storable_id(self.kwargs["pk"]):
            raise Http404
        self.subject_id = self.kwargs["pk"]
        return stamps.read_keys({(self.subject_kind, self.subject_id)})

    def get_subject(self):
        if not hasattr(self, "subject"):
            if not storable_id(self.kwargs["pk"]):
                self.kwargs["pk"] = 0
            authors = get_user_model().objects.filter(
                pk__in=Article.objects.published().values("authors")
            )
            self.subject = get_object_or_404(authors, pk=self.kwargs["pk"])
        return self.subject
