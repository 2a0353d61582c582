"""The generated demo photographs: reproducible, described, and a different one per story."""

import itertools

import pytest
from PIL import Image, ImageChops, ImageStat

from articles.demo import content, photos

ARTICLE_SLUGS = [spec["slug"] for spec in content.ARTICLES]
LEADER_SLUGS = [spec["slug"] for spec in content.LEADERS]


def thumbnail(image):
    return image.convert("L").resize((64, 36), Image.Resampling.BOX)


def difference(a, b):
    """Mean absolute difference of two grey thumbnails, 0 (same) to 255."""
    return ImageStat.Stat(ImageChops.difference(thumbnail(a), thumbnail(b))).mean[0]


@pytest.fixture(scope="module")
def pictures():
    return {slug: photos.picture_for(slug) for slug in ARTICLE_SLUGS}


@pytest.fixture(scope="module")
def portraits():
    return {slug: photos.portrait_for(slug) for slug in LEADER_SLUGS}


def test_same_seed_gives_the_same_bytes_and_another_seed_another_picture():
    first = photos.photograph("harbour", seed=4, size=(400, 225))
    again = photos.photograph("harbour", seed=4, size=(400, 225))
    other = photos.photograph("harbour", seed=5, size=(400, 225))
    assert first.tobytes() == again.tobytes()
    assert difference(first, other) > 4


def test_a_portrait_seed_gives_the_same_bytes_and_another_seed_another_face():
    first = photos.portrait("a", size=(200, 250))
    assert first.tobytes() == photos.portrait("a", size=(200, 250)).tobytes()
    assert difference(first, photos.portrait("b", size=(200, 250))) > 4


def test_an_unknown_scene_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="harbour"):
        photos.photograph("unicorn", seed=1)


def test_every_published_demo_article_has_a_described_picture_of_the_asked_size(pictures):
    assert set(photos.CATALOGUE) == set(ARTICLE_SLUGS)
    for spec in content.ARTICLES:
        image, caption, credit, alt = pictures[spec["slug"]]
        assert image.size == (1600, 900) and image.mode == "RGB"
        assert caption.strip() and credit.strip() and len(alt) > 40
        assert photos.CATALOGUE[spec["slug"]]["language"] == spec["language"]
        # Honest credit: the reader is told the picture is generated.
        assert "générée" in credit if spec["language"] == "fr" else "generated" in credit


def test_no_two_stories_share_a_drawing(pictures):
    for (a, pa), (b, pb) in itertools.combinations(pictures.items(), 2):
        assert difference(pa[0], pb[0]) > 12, (a, b)


def test_pictures_are_not_flat_drawings(pictures):
    for slug, (image, *_) in pictures.items():
        assert min(ImageStat.Stat(image).stddev) > 18, slug
        colours = image.getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 15_000, slug


def test_picture_for_returns_a_copy_the_caller_may_change():
    image, *_ = photos.picture_for(ARTICLE_SLUGS[0])
    image.paste((0, 0, 0), (0, 0, 1600, 900))
    again, *_ = photos.picture_for(ARTICLE_SLUGS[0])
    assert again.getextrema()[0][1] > 0


def test_every_demo_leader_has_a_described_portrait_of_the_asked_size(portraits):
    assert set(photos.PORTRAITS) == set(LEADER_SLUGS)
    for slug, (image, caption, credit, alt) in portraits.items():
        assert image.size == (800, 1000) and image.mode == "RGB", slug
        assert caption.strip() and "générée" in credit and len(alt) > 40, slug


def test_no_two_leaders_share_a_portrait(portraits):
    for (a, pa), (b, pb) in itertools.combinations(portraits.items(), 2):
        assert difference(pa[0], pb[0]) > 5, (a, b)


def test_portraits_are_not_flat(portraits):
    for slug, (image, *_) in portraits.items():
        assert min(ImageStat.Stat(image).stddev) > 15, slug
        colours = image.getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 10_000, slug


def test_the_requested_size_is_honoured():
    assert photos.photograph("train", seed=2, size=(640, 360)).size == (640, 360)
    assert photos.portrait(3, size=(300, 375)).size == (300, 375)
    image, *_ = photos.picture_for(ARTICLE_SLUGS[1], size=(800, 450))
    assert image.size == (800, 450)
