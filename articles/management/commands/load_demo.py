import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.html import escape

from articles import services
from articles.demo import content as demo
from articles.demo import photos
from articles.models import Article, Country, Leader
from articles.pictures import services as pictures
from articles.workflow import moves


class Command(BaseCommand):
    help = "Load the demo leaders and articles (safe to run again: it updates, never duplicates)."

    @transaction.atomic
    def handle(self, *args, **options):
        countries = {c.code: c for c in Country.objects.all()}
        if not countries:
            self.stderr.write("No countries: run `manage.py migrate` first.")
            return
        leaders = {spec["slug"]: self._leader(spec, countries) for spec in demo.LEADERS}
        authors = {spec["username"]: self._author(spec) for spec in demo.AUTHORS}
        desk = self._desk()
        for spec in demo.ARTICLES:
            self._article(spec, countries, leaders, authors, publisher=desk)
        self._article(demo.DRAFT, countries, leaders, authors, publisher=None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {len(leaders)} leaders, {len(demo.ARTICLES)} published "
                "articles and 1 draft."
            )
        )

    def _leader(self, spec, countries):
        fields = {k: v for k, v in spec.items() if k not in {"slug", "country", "colour"}}
        leader, created = Leader.objects.get_or_create(
            slug=spec["slug"], defaults={**fields, "country": countries[spec["country"]]}
        )
        # The knowledge base (load_leaders) or an editor owns an existing leader's facts;
        # the demo only adds the bio and portrait they lack.
        if not created and not leader.bio:
            leader.bio = spec["bio"]
            leader.save(update_fields=["bio"])
        if leader.portrait_id is None:
            leader.portrait = self._portrait(spec, leader)
            leader.full_clean()
            leader.save()
        return leader

    def _portrait(self, spec, leader):
        if spec["slug"] in photos.PORTRAITS:
            image, caption, credit, alt = photos.portrait_for(spec["slug"])
            data = _jpeg(image)
        else:
            data = demo.draw_picture("portrait", size=(400, 400), colour=spec["colour"])
            caption, credit = "", "Illustration Newsroom"
            alt = f"Silhouette dessinée tenant lieu de portrait de {leader.name}"
        return pictures.create_picture(
            file=ContentFile(data, name=f"{spec['slug']}.jpg"),
            title=f"Portrait : {leader.name}",
            alt_text=alt,
            caption=caption,
            credit=credit,
            # Faces sit in the upper part of a portrait: the square crop keeps them.
            focal_y=0.4,
        )

    def _author(self, spec):
        user, created = get_user_model().objects.get_or_create(
            username=spec["username"],
            defaults={"first_name": spec["first_name"], "last_name": spec["last_name"]},
        )
        if created:
            user.set_unusable_password()
            user.save()
        return user

    def _desk(self):
        """The demo's editor: its stories are published through the workflow, like any other."""
        user, created = get_user_model().objects.get_or_create(
            username=demo.DESK["username"],
            defaults={"first_name": demo.DESK["first_name"], "last_name": demo.DESK["last_name"]},
        )
        if created:
            user.set_unusable_password()
            user.save()
        user.groups.add(Group.objects.get(name="Editor"))
        return user

    def _article(self, spec, countries, leaders, authors, *, publisher):
        body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in spec["body"])
        article = Article.objects.filter(slug=spec["slug"]).first() or Article(slug=spec["slug"])
        for field in ("title", "standfirst", "language", "dateline"):
            setattr(article, field, spec[field])
        article.body = body
        article.credit = spec.get("credit", "")
        if article.lead_picture_id is None and spec["slug"] in photos.CATALOGUE:
            image, caption, credit, alt = photos.picture_for(spec["slug"])
            article.lead_picture = pictures.create_picture(
                file=ContentFile(_jpeg(image), name=f"{spec['slug'][:60]}.jpg"),
                alt_text=alt,
                caption=caption,
                credit=credit,
            )
        if article.pk is None:
            article.save()
        article.authors.set([authors[name] for name in spec["authors"]])
        article.countries.set([countries[code] for code in spec["countries"]])
        article.leaders.set([leaders[slug] for slug in spec["leaders"]])
        services.set_tags(article=article, names=spec["tags"])
        if publisher is not None and article.is_published:
            # Loaded before: keep it published, take the demo's current text.
            article.full_clean()
            article.save()
        elif publisher is not None:
            article.full_clean()
            article.save()
            moves.publish(article=article, user=publisher, at=spec["published_at"], backdate=True)
        else:
            article.status = Article.Status.DRAFT
            article.full_clean()
            article.save()


def _jpeg(image):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()
