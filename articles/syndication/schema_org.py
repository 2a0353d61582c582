"""schema.org JSON-LD, one builder per page kind, from the page's one metadata dictionary.

``structured_data`` gathers the facts; this module only says them in schema.org's words.
"""

from django.utils import timezone


def iso(value):
    """A datetime with its time zone, in the site's zone: 2019-04-25T09:30:00+02:00."""
    return timezone.localtime(value).isoformat() if value else None


def _thing(entry):
    thing = {
        "@type": "Person" if entry["kind"] == "person" else "Country",
        "name": entry["name"],
        "url": entry["url"],
    }
    if entry.get("wikidata"):
        thing["sameAs"] = entry["wikidata"]
    if entry.get("code"):
        thing["identifier"] = entry["code"]
    return thing


def _publisher(site):
    return {"@type": "NewsMediaOrganization", "name": site["name"], "url": site["url"]}


def _item_list(meta):
    return {
        "@type": "ItemList",
        "url": meta["url"],
        "numberOfItems": len(meta["items"]),
        "itemListElement": [
            {"@type": "ListItem", "position": i["position"], "url": i["url"], "name": i["name"]}
            for i in meta["items"]
        ],
    }


def _article(meta):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta["url"]},
        "url": meta["url"],
        "headline": meta["title"],
        "description": meta["description"],
        "inLanguage": meta["language"],
        "datePublished": iso(meta["published"]),
        "dateModified": iso(meta["modified"]),
        "author": [
            {"@type": "Person", "name": a["name"], **({"url": a["url"]} if a["url"] else {})}
            for a in meta["authors"]
        ],
        "publisher": _publisher(meta["site"]),
        "wordCount": meta["word_count"],
        "isAccessibleForFree": True,
    }
    if meta["images"]:
        data["image"] = [
            {"@type": "ImageObject", "url": i["url"], "width": i["width"], "height": i["height"]}
            for i in meta["images"]
        ]
    if meta["dateline"]:
        data["dateline"] = meta["dateline"]
    if meta["section"]:
        data["articleSection"] = meta["section"]
    if meta["keywords"]:
        data["keywords"] = meta["keywords"]
    if meta["about"]:
        data["about"] = [_thing(e) for e in meta["about"]]
    if meta["mentions"]:
        data["mentions"] = [_thing(e) for e in meta["mentions"]]
    if meta["corrections"]:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c["text"], "datePublished": iso(c["date"])}
            for c in meta["corrections"]
        ]
    return data


def _graph(*entities, meta):
    """A listing page: what it is about, then the list of its articles."""
    return {"@context": "https://schema.org", "@graph": [*entities, _item_list(meta)]}


def _leader(meta):
    person = meta["person"]
    entity = _thing(person)
    details = {
        "jobTitle": person["job_title"],
        "nationality": person["nationality"] and _thing(person["nationality"]),
        "alternateName": person["aliases"],
        "image": person["image"],
        "description": person["bio"],
    }
    entity.update({key: value for key, value in details.items() if value})
    return _graph(entity, meta=meta)


def _author(meta):
    return _graph(_thing(meta["person"]), meta=meta)


def _country(meta):
    entity = _thing(meta["place"])
    if meta["place"]["description"]:
        entity["description"] = meta["place"]["description"]
    return _graph(entity, meta=meta)


def _listing(meta):
    return _graph(meta=meta)


# One builder per page kind: a new kind of page adds its own, never a branch in another's.
BUILDERS = {
    "article": _article,
    "leader": _leader,
    "author": _author,
    "country": _country,
    "listing": _listing,
}


def json_ld(meta):
    """The schema.org JSON-LD of a page, from its one dictionary."""
    return BUILDERS[meta["kind"]](meta)
