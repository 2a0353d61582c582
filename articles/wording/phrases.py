"""Admin sentences about one kind of object, agreed in gender and elided."""

from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext


@dataclass(frozen=True)
class Noun:
    """A model's noun as sentences need it: "an article"/"the article" ("une image"/"l’image")."""

    indefinite: str
    definite: str


# Translated lazily: the French catalogue gives each noun its gender and elision.
NOUNS = {
    "articles.article": Noun(gettext_lazy("an article"), gettext_lazy("the article")),
    "articles.country": Noun(gettext_lazy("a country"), gettext_lazy("the country")),
    "articles.leader": Noun(gettext_lazy("a leader"), gettext_lazy("the leader")),
    "articles.tag": Noun(gettext_lazy("a tag"), gettext_lazy("the tag")),
    "articles.picture": Noun(gettext_lazy("a picture"), gettext_lazy("the picture")),
    "articles.authorprofile": Noun(
        gettext_lazy("an author profile"), gettext_lazy("the author profile")
    ),
    # Beside a profile's user field.
    "auth.user": Noun(gettext_lazy("a user"), gettext_lazy("the user")),
}


class Phrases:
    """The sentences the admin says about ``opts``'s objects, in the active language."""

    def __init__(self, opts):
        noun = NOUNS[opts.label_lower]
        self.a = str(noun.indefinite)
        self.the = str(noun.definite)
        self.noun = str(opts.verbose_name)
        self.plural = str(opts.verbose_name_plural)
        # French agrees participles with the noun: "une image … ajoutée".
        self.gender = "feminine" if self.a.split()[0] in {"une"} else "masculine"

    def _agreed(self, text, **values):
        return pgettext(self.gender, text) % values

    @property
    def add(self):
        return _("Add %(a)s") % {"a": self.a}

    @property
    def change(self):
        return _("Change %(the)s") % {"the": self.the}

    @property
    def view(self):
        return _("View %(the)s") % {"the": self.the}

    @property
    def delete(self):
        return _("Delete %(the)s") % {"the": self.the}

    @property
    def select(self):
        return _("Select %(a)s") % {"a": self.a}

    @property
    def select_to_change(self):
        return _("Select %(the)s to change") % {"the": self.the}

    @property
    def select_to_view(self):
        return _("Select %(the)s to view") % {"the": self.the}

    @property
    def delete_selected(self):
        return self._agreed("Delete selected %(plural)s", plural=self.plural)

    # The messages after a save or a delete: "{obj}" is filled in by format_html.
    def added(self):
        return self._agreed("%(The)s “{obj}” was added.", The=capfirst(self.the))

    def changed(self):
        return self._agreed("%(The)s “{obj}” was changed.", The=capfirst(self.the))

    def deleted(self):
        return self._agreed("%(The)s “{obj}” was deleted.", The=capfirst(self.the))

    def add_another(self):
        return self._agreed("You may add another %(noun)s below.", noun=self.noun)

    @staticmethod
    def edit_again():
        return _("You may edit it again below.")

    def delete_question(self, obj):
        return _(
            "Are you sure you want to delete %(the)s “%(obj)s”? All of the following related "
            "items will be deleted:"
        ) % {"the": self.the, "obj": obj}

    def delete_protected(self, obj):
        return _(
            "Deleting %(the)s “%(obj)s” would require deleting the following protected related "
            "objects:"
        ) % {"the": self.the, "obj": obj}

    def delete_forbidden(self, obj):
        return _(
            "Deleting %(the)s “%(obj)s” would delete related objects your account may not delete:"
        ) % {"the": self.the, "obj": obj}

    def delete_selected_question(self):
        return self._agreed(
            "Are you sure you want to delete the selected %(plural)s? All of the following "
            "objects and their related items will be deleted:",
            plural=self.plural,
        )

    def delete_selected_protected(self):
        return self._agreed(
            "Deleting the selected %(plural)s would require deleting the following protected "
            "related objects:",
            plural=self.plural,
        )

    def delete_selected_forbidden(self):
        return self._agreed(
            "Deleting the selected %(plural)s would delete related objects your account may "
            "not delete:",
            plural=self.plural,
        )


def phrases_for(opts):
    """``Phrases`` for a model's ``_meta``, or None for a model without its noun (Django's
    own wording stays)."""
    return Phrases(opts) if opts.label_lower in NOUNS else None
