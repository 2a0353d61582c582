"""Fold the slugs saved before slugs were ASCII ("reçoit" → "recoit", "путин" → "putin").

The public views redirect the old addresses (301): a slug that folds to a stored one
leads there, so no published URL breaks. A folded slug already taken gets "-2", "-3"…
"""

from django.db import migrations
from django.utils import timezone

from articles.text import folded_slug


def _free(slug, taken):
    candidate, n = slug, 2
    while taken(candidate):
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def fold_slugs(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for pk, slug, published_at in Article.objects.values_list("pk", "slug", "published_at"):
        new = folded_slug(slug) or "article"
        if new == slug:
            continue
        same_day = Article.objects.exclude(pk=pk)
        if published_at is not None:
            same_day = same_day.filter(published_at__date=timezone.localtime(published_at).date())
        else:
            same_day = same_day.none()
        new = _free(new, lambda s, qs=same_day: qs.filter(slug=s).exists())
        Article.objects.filter(pk=pk).update(slug=new)

    for name, fallback in [("Country", "country"), ("Leader", "leader"), ("Tag", "tag")]:
        model = apps.get_model("articles", name)
        for pk, slug in model.objects.values_list("pk", "slug"):
            new = folded_slug(slug) or fallback
            if new == slug:
                continue
            others = model.objects.exclude(pk=pk)
            new = _free(new, lambda s, qs=others: qs.filter(slug=s).exists())
            model.objects.filter(pk=pk).update(slug=new)


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_author_profile")]

    operations = [migrations.RunPython(fold_slugs, migrations.RunPython.noop, elidable=True)]
