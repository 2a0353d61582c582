"""The reader's language: interface languages in the address, alternates, the switcher.

French is at the root and English under ``/en/`` (``i18n_patterns`` without a prefix for
the default language). The interface (navigation, labels, dates) follows the address,
never the article: an English story read from the French site keeps French chrome around
its English text, which carries its own ``lang``.
"""
