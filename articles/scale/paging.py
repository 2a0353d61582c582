"""Reader lists whose cost does not grow with the archive.

A list page used to count every article of its list (the home page: every
published article) to print "page 3 of 4,200". ``BoundedPaginator`` counts at
most ``count_limit`` rows: a shorter list still shows its number of pages, a
longer one shows "page 3" and links to the next page when there is one (one row
more is read to know). ``by_subject`` lets a country, leader or tag with many
articles be read newest first off the article index, checking each article's
link, instead of sorting all its articles to show twenty.
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.functional import cached_property
from taggit.managers import TaggableManager

# Lists shorter than this are counted (and sorted) whole.
COUNT_LIMIT = 1000


class BoundedPage(Page):
    def __init__(self, object_list, number, paginator, *, more):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self):
        return self.more

    def end_index(self):
        return self.start_index() + len(self.object_list) - 1


class BoundedPaginator(Paginator):
    count_limit = COUNT_LIMIT

    @cached_property
    def count(self):
        """How many rows, or None when there are more than ``count_limit``."""
        counted = self.object_list[: self.count_limit + 1].count()
        return None if counted > self.count_limit else counted

    @cached_property
    def num_pages(self):
        return None if self.count is None else super().num_pages

    def validate_number(self, number):
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        if self.num_pages is not None and number > max(self.num_pages, 1):
            raise EmptyPage(self.error_messages["no_results"])
        bottom = (number - 1) * self.per_page
        rows = self.object_list[bottom : bottom + self.per_page + 1]
        if bottom and isinstance(self.object_list, QuerySet):
            # The rows skipped are read off the index alone (ids), and only the
            # page's rows whole: SQLite builds every row it skips for an OFFSET.
            window = self.object_list.values("pk")[bottom : bottom + self.per_page + 1]
            rows = self.object_list.filter(pk__in=window)
        rows = list(rows)
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return BoundedPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)


def subject_links(model, name):
    """(link model, its field to the article, its field to the subject) of ``name``."""
    field = model._meta.get_field(name)
    if isinstance(field, TaggableManager):
        through = field.through
        return through, "content_object", "tag"
    return field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()


def by_subject(queryset, name, subject):
    """``queryset`` narrowed to the articles linked to ``subject`` through ``name``.

    A subject with few links: joined, and its articles sorted (few). One with
    many: each article, newest first off the index, is checked for a link, and
    reading stops at the page's end, however many articles the subject has.
    """
    through, article_field, subject_field = subject_links(queryset.model, name)
    links = through.objects.filter(**{subject_field: subject})
    if links[:COUNT_LIMIT].count() < COUNT_LIMIT:
        return queryset.filter(**{name: subject})
    return queryset.filter(Exists(links.filter(**{article_field: OuterRef("pk")})))
