"""What an archive holds, in the order the import restores it, and the files
its rows name: every FileField of every model, so a new one comes along."""

from django.contrib.auth import get_user_model
from django.db.models import FileField
from reversion.models import Revision, Version

from articles.models import (
    ArticleNote,
    AuthorProfile,
    Country,
    Leader,
    Picture,
    Tag,
    TaggedArticle,
    Transition,
)

# Restored in this order, after groups and users and before the articles (all
# but the last four, which point at articles).
BEFORE_ARTICLES = [
    ("countries", Country),
    ("pictures", Picture),
    ("leaders", Leader),
    ("author_profiles", AuthorProfile),
    ("tags", Tag),
]
# Sections newer than some archives: an archive without one restores none of them.
OPTIONAL = {"author_profiles"}
AFTER_ARTICLES = [
    ("taggings", TaggedArticle),
    ("notes", ArticleNote),
    ("transitions", Transition),
    ("revisions", Revision),
    ("versions", Version),
]
# Accounts come back without password, superuser flag or own permissions (groups
# give them their role): the archive is content, not credentials.
USER_FIELDS = [
    "username",
    "first_name",
    "last_name",
    "email",
    "is_staff",
    "is_active",
    "date_joined",
]


def user_model():
    return get_user_model()


def file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, FileField)]


def stored_names(instance):
    """(field, storage name) of each file ``instance`` names."""
    for field in file_fields(type(instance)):
        name = getattr(instance, field.attname)
        if name:
            yield field, str(name)
