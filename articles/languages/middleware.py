from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation


class ReaderLocaleMiddleware(LocaleMiddleware):
    """The reader's pages speak the language of their address; the admin its editor's.

    Django's middleware gives every address without a language prefix the default
    language once the default language has no prefix: right for the reader's site
    (French at the root, whatever Accept-Language says), wrong for the admin, which
    has no prefix and follows the browser.
    """

    def process_request(self, request):
        if request.path_info.startswith(reverse("admin:index")):
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)
