"""Loads every ISO 3166-1 country, named from CLDR through Babel."""

from babel import Locale
from django.db import migrations
from django.utils.text import slugify

# CLDR territories with two letters that are not ISO 3166-1 countries: reserved
# codes (AC, CP, DG, EA, IC, TA), groupings (EU, EZ, UN, QO), private use (XA, XB,
# XK) and the unknown region ZZ. CQ (Sark) is CLDR-only too.
NOT_ISO_COUNTRIES = {
    "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ",
}  # fmt: skip


def iso_countries():
    french = Locale.parse("fr").territories
    english = Locale.parse("en").territories
    for code in sorted(french):
        if len(code) == 2 and code.isalpha() and code not in NOT_ISO_COUNTRIES:
            yield code, french[code], slugify(english[code])


def load(apps, schema_editor):
    Country = apps.get_model("articles", "Country")
    existing = set(Country.objects.values_list("code", flat=True))
    Country.objects.bulk_create(
        Country(code=code, name=name, slug=slug)
        for code, name, slug in iso_countries()
        if code not in existing
    )


def unload(apps, schema_editor):
    apps.get_model("articles", "Country").objects.filter(articles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
