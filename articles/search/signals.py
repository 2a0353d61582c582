"""Keep the index in step with articles, in the same transaction as the change.

Saves, deletes and changes to an article's countries, leaders and tags (which
feed the index as subject tokens) reindex it. Bulk ``update()`` and raw SQL bypass
signals: run ``manage.py rebuild_search_index`` after those.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from articles.models import Article, TaggedArticle
from articles.search.index import index_articles, remove_articles


@receiver(post_save, sender=Article, dispatch_uid="search_index_article_saved")
def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_articles([instance.pk])


@receiver(post_delete, sender=Article, dispatch_uid="search_index_article_deleted")
def article_deleted(sender, instance, **kwargs):
    remove_articles([instance.pk])


def subjects_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse:
        # country.articles.add(...): pk_set holds articles; on clear, remember them first.
        if action == "pre_clear":
            instance._search_cleared_articles = list(instance.articles.values_list("pk", flat=True))
        elif action == "post_clear":
            index_articles(getattr(instance, "_search_cleared_articles", []))
        elif action in {"post_add", "post_remove"}:
            index_articles(pk_set or [])
    elif action in {"post_add", "post_remove", "post_clear"}:
        index_articles([instance.pk])


for through in (Article.countries.through, Article.leaders.through):
    m2m_changed.connect(
        subjects_changed, sender=through, dispatch_uid=f"search_index_{through.__name__}"
    )


@receiver(post_save, sender=TaggedArticle, dispatch_uid="search_summary_tagged")
@receiver(post_delete, sender=TaggedArticle, dispatch_uid="search_summary_untagged")
def tags_changed(sender, instance, raw=False, **kwargs):
    # A tag filter is answered by the index: the article's tokens change.
    if not raw:
        index_articles([instance.content_object_id])
