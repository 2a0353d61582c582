"""The reader's search page: /search/?q=…"""

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView

from articles.models import ARTICLE_LANGUAGES, Country, Leader, Tag
from articles.search.engine import Filters, decorate, search
from articles.search.query import MAX_QUERY_LENGTH, clean_query


class SearchForm(forms.Form):
    # Longer queries are cut, not refused: a pasted paragraph still searches.
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    country = forms.RegexField(regex=r"^[A-Za-z]{2}$", required=False)
    leader = forms.SlugField(allow_unicode=True, required=False, max_length=200)
    tag = forms.SlugField(allow_unicode=True, required=False, max_length=100)
    lang = forms.ChoiceField(choices=[("", ""), *ARTICLE_LANGUAGES], required=False)
    start = forms.DateField(required=False, label=pgettext_lazy("date range", "From"))
    end = forms.DateField(required=False, label=pgettext_lazy("date range", "to"))

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])

    def clean_country(self):
        return self.cleaned_data["country"].upper()


class SearchView(TemplateView):
    template_name = "articles/search.html"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_form(self):
        # Strip NUL and other control characters before any field sees them.
        data = self.request.GET.copy()
        for key in list(data):
            data.setlist(key, [clean_query(value) for value in data.getlist(key)])
        form = SearchForm(data)
        form.is_valid()
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.get_form()
        data = form.cleaned_data  # invalid fields are simply left out
        filters = Filters(
            country=data.get("country", ""),
            leader=data.get("leader", ""),
            tag=data.get("tag", ""),
            language=data.get("lang", ""),
            date_from=data.get("start"),
            date_to=data.get("end"),
        )
        query = data.get("q", "")
        found = search(query, filters)
        context.update(
            form=form,
            query=query,
            truncated=len(self.request.GET.get("q", "")) > MAX_QUERY_LENGTH,
            search=found,
            filters=filters,
            invalid_filters=sorted(set(form.errors) - {"q"}),
            articles=[],
            facet_list=[],
        )
        if found:
            # Facets first: they rank the best thousand matches, which the page reuses.
            facets = found.facets()
            paginator = Paginator(found.results, self.paginate_by)
            page = paginator.get_page(self.request.GET.get("page"))
            articles = decorate(list(page.object_list), found.highlight_terms)
            context.update(
                page_obj=page,
                paginator=paginator,
                articles=articles,
                facet_list=facet_list(self.request, facets, filters) if articles else [],
                facet_sample=facets.get("sample"),
                more_results=found.results.capped,
            )
        return context


def _url(request, **changes):
    params = request.GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        params.pop(key, None)
        if value:
            params[key] = value
    return "?" + params.urlencode()


# Facets are cached for every reader: names are put in the reader's language here.
def country_label(row):
    return Country(code=row["country__code"], name=row["country__name"]).local_name


def leader_label(row):
    return Leader(name=row["leader__name"], name_fr=row.get("leader__name_fr") or "").local_name


def tag_label(row):
    return Tag(name=row["tag__name"], name_en=row.get("tag__name_en") or "").local_name


def facet_list(request, facets, filters):
    """Facets as the template shows them: label, count, link to add or remove the filter."""
    languages = dict(ARTICLE_LANGUAGES)

    def items(rows, param, key, label, current):
        out = []
        for row in rows:
            value = str(row[key])
            active = value.lower() == str(current or "").lower()
            out.append(
                {
                    "label": label(row),
                    "count": row["count"],
                    "active": active,
                    "url": _url(request, **{param: "" if active else value}),
                }
            )
        return out

    year_items = []
    for row in facets.get("years", []):
        year = row["year"]
        active = bool(
            filters.date_from
            and filters.date_to
            and (filters.date_from.isoformat(), filters.date_to.isoformat())
            == (f"{year:04d}-01-01", f"{year:04d}-12-31")
        )
        year_items.append(
            {
                "label": str(year),
                "count": row["count"],
                "active": active,
                "url": _url(request, start="", end="")
                if active
                else _url(request, start=f"{year:04d}-01-01", end=f"{year:04d}-12-31"),
            }
        )
    # (parameter, title, facet, value column, label, current filter)
    kinds = [
        ("country", _("Countries"), "countries", "country__code", country_label,
         filters.country),
        ("leader", _("Leaders"), "leaders", "leader__slug", leader_label, filters.leader),
        ("tag", _("Topics"), "tags", "tag__slug", tag_label, filters.tag),
        ("lang", _("Language"), "languages", "language",
         lambda r: languages.get(r["language"], r["language"]), filters.language),
    ]  # fmt: skip
    return [
        {
            "param": param,
            "title": title,
            "items": items(facets.get(facet, []), param, value, label, current),
        }
        for param, title, facet, value, label, current in kinds
    ] + [{"param": "year", "title": _("Year"), "items": year_items}]
