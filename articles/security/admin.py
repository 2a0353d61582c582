"""The admin under the Content-Security-Policy."""

from js_asset import Media


class NonceMediaMixin:
    """The form's media carry the response's CSP nonce.

    The prose editor loads its modules through an inline import map, which the
    policy runs only with the nonce; django-js-asset's Media puts it on every tag.
    """

    def render_change_form(self, request, context, *args, **kwargs):
        media = context.get("media")
        nonce = getattr(request, "csp_nonce", None)
        if media is not None and nonce is not None:
            context["media"] = Media.from_media(media, nonce=nonce)
        return super().render_change_form(request, context, *args, **kwargs)
