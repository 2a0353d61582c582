"""Which of the names an article gives are its subjects, once it has been read whole."""

import re
from collections import defaultdict

from articles.suggest.forms import COUNTRY, LEADER, Hit, Suggestion


def add_leaders_countries(index, by_kind):
    """A subject leader makes their country a subject (Modi → India)."""
    countries = {item.target.key: item for item in by_kind[COUNTRY]}
    for leader in by_kind[LEADER]:
        code = leader.target.country
        if not (leader.subject and code) or code not in index.countries:
            continue
        item = countries.get(code)
        if item is None:
            item = countries[code] = Suggestion(target=index.countries[code])
            by_kind[COUNTRY].append(item)
        item.subject = True


def read_as_a_whole(fields):
    """Which hits stand once the whole article, headline and text, has been read.

    A capital that says nothing ("Turkey" first in a sentence) counts unless the
    article uses the common noun ("the turkey") and never the name mid-sentence.
    A form with two meanings ("Georgia") is dropped when the article has more cues
    for the other meaning (Atlanta, North Carolina) than for the country (Tbilisi).
    """
    hits = [(form, state) for *_field, scanned in fields for *_span, form, state in scanned]
    nouns = {form.key for form, state in hits if state == Hit.NOUN}
    names = {form.key for form, state in hits if state == Hit.SURE and form.common_noun}
    doubtful = nouns - names
    senses = defaultdict(set)
    for form, state in hits:
        if form.sense is not None and state not in (Hit.NOUN, Hit.NAME):
            senses[form.sense].update(form.targets)
    other_meaning = set()
    # "Jim Jordan" once in an article makes the person of every "Jordan" whose place
    # says nothing (headline, first word of a sentence), unless the article names the
    # country otherwise too ("Amman", "Jordanian"); "toured Chad" stays the country.
    person_names = {form.key: set(form.targets) for form, state in hits if state == Hit.NAME}
    for key, targets in person_names.items():
        supported = any(
            state == Hit.SURE and not form.ambiguous and targets & set(form.targets)
            for form, state in hits
        )
        if not supported:
            other_meaning.add(key)
    for sense, targets in senses.items():
        own = _count_cues(sense.own, fields) + sum(
            1
            for form, state in hits
            if state == Hit.SURE and not form.ambiguous and targets & set(form.targets)
        )
        if _count_cues(sense.other, fields) > own:
            other_meaning.add(sense)

    def stands(form, state):
        if state in (Hit.NOUN, Hit.NAME) or (state == Hit.UNSURE and form.key in doubtful):
            return False
        if form.ambiguous and state == Hit.UNSURE and form.key in other_meaning:
            return False
        return form.sense not in other_meaning

    return stands


def _count_cues(pattern, fields):
    """Cues are proper nouns: "Colorado" counts, the Spanish adjective "colorado" not."""
    if pattern is None:
        return 0
    return sum(
        1
        for _name, text, (folded, positions), _scanned in fields
        for match in pattern.finditer(folded)
        if text[positions[match.start()]].isupper()
    )


def longest_first(hits):
    """Drop hits inside a longer one of the same kind ("Corée du Sud" over "Corée").

    Several targets on the very same span all stay ("les deux Corées").
    """
    kept, reach, chosen = [], -1, None
    for start, end, target in sorted(hits, key=lambda h: (h[0], h[0] - h[1], h[2].id)):
        if (start, end) == chosen:
            kept.append((start, end, target))
        elif start >= reach:
            kept.append((start, end, target))
            chosen, reach = (start, end), end
    return kept


def mark_subjects(items, *, headline_named=False):
    """A subject is named in the headline or first sentence, or named again and again.

    Passing mentions (once, or far less than the main subjects) are left for
    the editor to pick. With ``headline_named``, what the first sentence names
    only once is scenery ("arrived in Dakar, first stop of a tour that will take
    him to Ghana"), not a subject.
    """
    top = max(item.score for item in items)
    for item in items:
        prominent = item.in_title or (item.prominent and (not headline_named or item.count >= 2))
        item.subject = prominent or (item.count >= 2 and 2 * item.score >= top)


# A country named to be set aside or compared with is scenery, even in the first
# sentence: "Washington is not the only power courting...", "Unlike Brazil, ...".
_ASIDE_AFTER = re.compile(
    r"\W{0,3}(?:\w+\W+){0,2}?(?:is not|isn't|was not|wasn't|n'est pas|n'était pas|no es|"
    r"no era|ist nicht|war nicht)\s+(?:the only|le seul|la seule|el único|la única|"
    r"der einzige|die einzige|das einzige|not alone|pas seul)",
    re.IGNORECASE,
)
_ASIDE_BEFORE = re.compile(
    r"(?:unlike|contrairement (?:à|au|aux)|à la différence (?:de|du|des)|a diferencia de(?:l)?|"
    r"al contrario que|anders als|im Gegensatz zu(?:m|r)?|not only|pas seulement|"
    r"non seulement|no solo|nicht nur)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def aside(text, start, end, language):
    """True when the first sentence names a country only to set it aside."""
    return bool(
        _ASIDE_AFTER.match(text, end, end + 60)
        or _ASIDE_BEFORE.search(text[max(0, start - 40) : start])
    )
