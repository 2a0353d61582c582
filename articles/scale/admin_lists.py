"""Admin list parts whose cost does not grow with the number of articles.

Django's ``date_hierarchy`` truncates every row's date to find the years and
months to offer (on SQLite, a Python function per row), ``RelatedOnlyFieldListFilter``
reads every article's subjects to offer only the used ones, and the change list
counts every row twice. These do the same jobs with index lookups.
"""

import datetime
import json

from django.contrib import admin
from django.contrib.admin.utils import lookup_spawns_duplicates
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Exists, Max, Min, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from articles.scale.paging import by_subject


def _local_start(year, month=1):
    return timezone.make_aware(datetime.datetime(year, month, 1))


def _period(value):
    """(start, end) of "2025" or "2025-03" in the site's time zone, or None."""
    try:
        if len(value) == 4:
            year = int(value)
            return _local_start(year), _local_start(year + 1)
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:])
            end = _local_start(year + 1) if month == 12 else _local_start(year, month + 1)
            return _local_start(year, month), end
    except (ValueError, OverflowError):
        return None
    return None


def _which_exist(queryset, field, periods):
    """The keys of ``periods`` ({key: (start, end)}) in which ``queryset`` has a row.

    One query: an EXISTS per period, each a seek on the date index that stops at
    the first row, whatever the number of articles.
    """
    if not periods:
        return []
    base = queryset.order_by().values("pk")
    checks = {
        f"p{n}": Exists(base.filter(**{f"{field}__gte": start, f"{field}__lt": end}))
        for n, (start, end) in enumerate(periods.values())
    }
    # Any one row carries the answers; the caller knows there is one.
    found = list(queryset.model._default_manager.order_by().annotate(**checks).values(*checks)[:1])
    if not found:
        return []
    flags = found[0]
    return [key for n, key in enumerate(periods) if flags[f"p{n}"]]


class PublicationDateFilter(admin.SimpleListFilter):
    """Years, then the months of the chosen year: what ``date_hierarchy`` offered.

    The years between the first and the last publication (two index lookups)
    that have articles, checked in one query of EXISTS; a year's months alike.
    """

    title = _("publication date")
    parameter_name = "published"
    field_name = "published_at"
    # A mistyped date far in the past must not list centuries of empty years.
    MAX_YEARS = 50

    def lookups(self, request, model_admin):
        queryset = model_admin.get_queryset(request)
        # One aggregate per query: SQLite reads MIN or MAX alone off the index.
        first = queryset.order_by().aggregate(v=Min(self.field_name))["v"]
        last = queryset.order_by().aggregate(v=Max(self.field_name))["v"]
        if first is None:
            return []
        first, last = timezone.localtime(first).year, timezone.localtime(last).year
        years = range(last, max(first, last - self.MAX_YEARS) - 1, -1)
        periods = {str(year): (_local_start(year), _local_start(year + 1)) for year in years}
        chosen = (self.value() or "")[:4]
        if chosen.isdigit() and len(chosen) == 4 and _period(chosen):
            year = int(chosen)
            for month in range(12, 0, -1):
                key = f"{year:04d}-{month:02d}"
                periods[key] = _period(key)
        choices = []
        for key in _which_exist(queryset, self.field_name, periods):
            if len(key) == 4:
                choices.append((key, key))
            else:
                label = date_format(_local_start(int(key[:4]), int(key[5:])), "F Y")
                choices.append((key, f"— {label}"))
        # Months under their year.
        return sorted(choices, key=lambda c: (c[0][:4], len(c[0]) == 4, c[0]), reverse=True)

    def queryset(self, request, queryset):
        period = _period(self.value() or "")
        if period is None:
            return queryset
        start, end = period
        return queryset.filter(**{f"{self.field_name}__gte": start, f"{self.field_name}__lt": end})


class UsedSubjectFilter(admin.RelatedFieldListFilter):
    """Only the countries, leaders or tags some article in the list has.

    Each candidate is checked by an EXISTS on the link table's index, which stops
    at the first article, instead of reading every article's links.
    """

    def field_choices(self, field, request, model_admin):
        articles = model_admin.get_queryset(request).order_by().values("pk")
        used = Exists(articles.filter(**{field.name: OuterRef("pk")}))
        ordering = self.field_admin_ordering(field, request, model_admin)
        return field.get_choices(include_blank=False, limit_choices_to=Q(used), ordering=ordering)

    def queryset(self, request, queryset):
        # One subject chosen: a busy one is read off the article index (by_subject).
        values = self.lookup_val or []
        if len(values) == 1 and not self.lookup_val_isnull and "__" not in self.field_path:
            try:
                subject = int(values[0])
            except (TypeError, ValueError):
                subject = None
            if subject is not None:
                return by_subject(queryset, self.field_path, subject)
        return super().queryset(request, queryset)


class FlatChangeList(ChangeList):
    """No DISTINCT for one country, leader or tag chosen in the filters.

    Django's change list adds DISTINCT whenever a filter crosses a many-to-many
    relation, and then counts by comparing every column of every row. A link
    table with one row per (article, subject) cannot repeat an article for one
    subject; several chosen at once (or other lookups) still get DISTINCT.
    """

    def get_filters(self, request):
        specs, has_filters, remaining, may_have_duplicates, active = super().get_filters(request)
        if may_have_duplicates:
            single = all(
                len(spec.lookup_val or []) <= 1
                for spec in specs
                if isinstance(spec, admin.RelatedFieldListFilter)
            )
            others = any(lookup_spawns_duplicates(self.lookup_opts, key) for key in remaining)
            unknown = any(
                isinstance(spec, admin.FieldListFilter)
                and spec.field.many_to_many
                and not isinstance(spec, UsedSubjectFilter)
                for spec in specs
            )
            may_have_duplicates = not single or others or unknown
        return specs, has_filters, remaining, may_have_duplicates, active


# The planner's estimate stands in for a count above this many rows.
ESTIMATE_ABOVE = 10_000


class EstimatedCountPaginator(Paginator):
    """On PostgreSQL, a large list is counted by the planner's estimate, not COUNT(*).

    COUNT(*) reads every matching row; the estimate (EXPLAIN) costs a plan. Small
    counts, and every count on other databases, stay exact. The last pages of a
    list counted by estimate may be short or empty.
    """

    estimate_above = ESTIMATE_ABOVE

    @cached_property
    def count(self):
        queryset = self.object_list
        if isinstance(queryset, QuerySet):
            connection = connections[queryset.db]
            if connection.vendor == "postgresql":
                estimate = planner_estimate(queryset)
                if estimate > self.estimate_above:
                    return estimate
        return super().count


def planner_estimate(queryset):
    """How many rows PostgreSQL expects ``queryset`` to return."""
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])
