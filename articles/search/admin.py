"""The admin's article search goes through the same index as the readers' one."""

from articles.search.engine import search


class IndexSearchMixin:
    """For a ModelAdmin of Article: search drafts and published alike, through the index."""

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        found = search(search_term, queryset=self.model.objects.all())
        if not found:
            return queryset.none(), False
        return queryset.filter(pk__in=found.matches.values("pk")), False
