"""How the admin names things: "Ajouter un article", "L’image « … » a été modifiée".

Django composes its admin sentences around ``verbose_name`` ("Ajout de article",
"L’objet article « … »"): French needs the article's gender and elision. Each model
gives its noun with its determiners (``nouns.NOUNS``); ``phrases`` builds the
sentences, which the admin mixin and templates use in place of Django's.
"""
