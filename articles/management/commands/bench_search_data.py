"""Fill the database with synthetic published articles for the search benchmark.

Never run this on a real database: it is meant for a throwaway one named by
DATABASE_URL (see bench/search_bench.py).
"""

import datetime
import random

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import Article, Country, Leader
from articles.search.index import rebuild

# Per language: a few real words, and syllables for made-up words (with accents,
# so folding is exercised). Word frequencies follow a Zipf law, as in real text.
LANGUAGES = {
    "fr": (
        "le la les de des du et un une dans pour sur avec sommet dirigeant coréen "
        "président accord visite pékin séoul gouvernement élection économie",
        ["pré", "sé", "ment", "tion", "ré", "con", "dé", "ver", "lan", "gè", "ou", "ain"],
    ),
    "en": (
        "the of and to in a for on with summit leader korean president deal visit "
        "beijing seoul government election economy talks",
        ["pre", "con", "tion", "ment", "der", "ing", "ver", "lan", "ter", "ous", "al", "er"],
    ),
    "es": (
        "el la los de del y un una en para con cumbre líder coreano presidente acuerdo "
        "visita pekín seúl gobierno elección economía",
        ["pre", "ción", "mien", "to", "cor", "ñor", "ía", "ver", "lan", "ter", "al", "es"],
    ),
    "de": (
        "der die das und ein eine in für mit auf gipfel führer koreanisch präsident "
        "abkommen besuch peking seoul regierung wahl wirtschaft",
        ["ver", "ung", "keit", "ge", "schaft", "über", "ä", "ß", "lan", "ter", "ein", "ich"],
    ),
}
COMMON_WORD = "pyongyang"  # in about 30 % of articles, every language
COMMON_SHARE = 0.30
RARE_WORD = "vladivostok"  # in about 2 articles per 10,000
RARE_SHARE = 0.0002
COUNTRY_CODES = ["KP", "KR", "CN", "RU", "US", "JP", "FR", "DE", "ES", "GB", "IN", "UA"]
COUNTRY_WEIGHTS = [25, 15, 12, 12, 10, 6, 5, 4, 3, 3, 3, 2]
VOCABULARY_SIZE = 4000


def vocabulary(rng, language):
    real, syllables = LANGUAGES[language]
    made_up = {
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        for _ in range(VOCABULARY_SIZE * 2)
    }
    return real.split() + sorted(made_up)[:VOCABULARY_SIZE]


class Command(BaseCommand):
    help = "Create N synthetic published articles in four languages, then rebuild the index."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--body-words", type=int, default=150, help="Average length.")

    def handle(self, *args, count, seed, batch_size, body_words, **options):
        if Article.objects.exists():
            raise CommandError("This database already has articles; use an empty one.")
        rng = random.Random(seed)
        vocabularies = {language: vocabulary(rng, language) for language in LANGUAGES}
        cumulative = {}
        for language, words in vocabularies.items():
            total = 0.0
            cumulative[language] = []
            for rank in range(len(words)):
                total += 1 / (rank + 1)
                cumulative[language].append(total)
        countries = dict(Country.objects.filter(code__in=COUNTRY_CODES).values_list("code", "pk"))
        leaders = list(Leader.objects.values_list("pk", flat=True))
        now = timezone.now()
        through_countries = Article.countries.through
        through_leaders = Article.leaders.through
        made = 0
        while made < count:
            size = min(batch_size, count - made)
            articles, subjects = [], []
            for i in range(made, made + size):
                language = rng.choice(list(LANGUAGES))
                words, cum = vocabularies[language], cumulative[language]

                def text(n, words=words, cum=cum):
                    return " ".join(rng.choices(words, cum_weights=cum, k=n))

                # Briefs to long reads, as in a real paper.
                body = text(rng.randint(body_words // 3, body_words * 3))
                if rng.random() < COMMON_SHARE:
                    body += f" {COMMON_WORD.capitalize()} {text(10)}"
                if rng.random() < RARE_SHARE:
                    body += f" {RARE_WORD.capitalize()} {text(10)}"
                articles.append(
                    Article(
                        title=text(8).capitalize(),
                        slug=f"bench-{i}",
                        standfirst=text(25).capitalize() + ".",
                        body=f"<p>{body}.</p>",
                        language=language,
                        status=Article.Status.PUBLISHED,
                        published_at=now - datetime.timedelta(minutes=37 * i + 1),
                    )
                )
                codes = set(rng.choices(COUNTRY_CODES, COUNTRY_WEIGHTS, k=rng.randint(1, 3)))
                people = set(rng.sample(leaders, k=min(len(leaders), rng.randint(0, 2))))
                subjects.append((codes, people))
            Article.objects.bulk_create(articles)
            through_countries.objects.bulk_create(
                through_countries(article_id=article.pk, country_id=countries[code])
                for article, (codes, _) in zip(articles, subjects, strict=True)
                for code in codes
                if code in countries
            )
            through_leaders.objects.bulk_create(
                through_leaders(article_id=article.pk, leader_id=leader)
                for article, (_, people) in zip(articles, subjects, strict=True)
                for leader in people
            )
            made += size
            self.stdout.write(f"{made} articles")
        total = rebuild(progress=lambda n: n % 20_000 == 0 and self.stdout.write(f"indexed {n}"))
        self.stdout.write(self.style.SUCCESS(f"{count} articles created, {total} indexed."))
