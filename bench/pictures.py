"""What pictures cost: rendering at save, the reader's path, a phone's download.

    .venv/bin/python bench/pictures.py [--size 4000x3000] [--views 20]

1. Renditions per second for a photograph of --size (a generated 4000 × 3000 JPEG),
   cleaned and rendered as a save does (16 widths and 6 crops).
2. An article page with a new picture: the first view against the mean of later
   views (nothing is rendered in a request, so the ratio should stay near 1).
3. Peak memory (RSS) of 24 concurrent first requests to a new picture's renditions
   against one such request, each measured in a fresh process.
4. The bytes a 390 px wide phone at DPR 3 downloads for the lead picture (the
   srcset candidate it picks) against the original upload, which was served before.

Uses a throw-away SQLite database and media folder in a temporary directory.
"""

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(tmp):
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{tmp}/media"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
    import django

    django.setup()


def photograph(size):
    from articles.demo import photos

    image = photos.photograph("harbour", seed=11, size=size)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=92)
    return buffer.getvalue()


def create(data, name="camera.jpg"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from articles.pictures import services

    return services.create_picture(
        file=SimpleUploadedFile(name, data, content_type="image/jpeg"),
        alt_text="Le port au crépuscule",
        caption="Le port (image générée pour la mesure).",
    )


def article_with(picture, n):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from articles.models import Article

    author, _ = get_user_model().objects.get_or_create(username="bench")
    article = Article.objects.create(
        title=f"Mesure {n}",
        slug=f"mesure-{n}",
        body="<p>Un texte.</p>",
        status="published",
        published_at=timezone.now() - timezone.timedelta(minutes=n),
        lead_picture=picture,
    )
    article.authors.add(author)
    return article


def rss_kib():
    """Peak RSS of this process (VmHWM); getrusage's would include the parent's."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(tmp, picture_pk, concurrent):
    """Run in a fresh process: peak RSS added by ``concurrent`` first requests."""
    setup(tmp)
    from django.test import Client

    from articles.models import Picture

    picture = Picture.objects.get(pk=picture_pk)
    warm = Picture.objects.exclude(pk=picture_pk).first()
    client = Client()
    b"".join(client.get(warm.rendition_url(warm.renditions[0])).streaming_content)
    before = rss_kib()
    urls = [picture.rendition_url(r) for r in picture.renditions]
    urls = (urls * (concurrent // len(urls) + 1))[:concurrent]
    statuses = []

    def fetch(url):
        response = Client().get(url)
        statuses.append((response.status_code, len(b"".join(response.streaming_content))))

    threads = [threading.Thread(target=fetch, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(status == 200 for status, _size in statuses), statuses
    print(json.dumps({"peak_kib": rss_kib(), "added_kib": rss_kib() - before}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="4000x3000")
    parser.add_argument("--views", type=int, default=20)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        tmp, pk, concurrent = args.child
        return child(tmp, int(pk), int(concurrent))

    size = tuple(int(n) for n in args.size.split("x"))
    tmp = tempfile.mkdtemp(prefix="newsroom-pictures-")
    setup(tmp)
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    data = photograph(size)

    # 1. Renditions per second, as a save renders them.
    from articles.pictures import rendering
    from articles.pictures.cleaning import clean_upload

    started = time.perf_counter()
    picture = create(data)
    saved = time.perf_counter() - started
    clean_started = time.perf_counter()
    from django.core.files.uploadedfile import SimpleUploadedFile

    clean_upload(SimpleUploadedFile("x.jpg", data))
    cleaning = time.perf_counter() - clean_started
    count = len(picture.renditions)
    print(f"picture {size[0]}×{size[1]}, upload {len(data) / 1e6:.2f} MB")
    print(
        f"1. save: {saved:.2f} s for {count} renditions (cleaning ≈ {cleaning:.2f} s): "
        f"{count / max(saved - cleaning, 1e-9):.1f} renditions/s"
    )

    # 2. First view of pages with a new picture against later views of the same pages.
    client = Client()
    client.get(article_with(create(photograph((1600, 900)), "warm.jpg"), 0).get_absolute_url())
    # The pictures are saved first (by an editor), then each page is read: rendering right
    # before a request would only measure the caches it evicted.
    fresh = [create(photograph((2400, 1600)), f"fresh-{n}.jpg") for n in range(1, 6)]
    urls = [article_with(p, n).get_absolute_url() for n, p in enumerate(fresh, start=1)]
    client.get(article_with(None, 9).get_absolute_url())
    firsts, later = [], []
    for url in urls:
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        firsts.append(time.perf_counter() - started)
        for _ in range(args.views):
            started = time.perf_counter()
            client.get(url)
            later.append(time.perf_counter() - started)
    first, mean = statistics.median(firsts), statistics.median(later)
    print(
        f"2. article page with a new picture: first view {first * 1000:.1f} ms (median of 5 "
        f"pages), later views {mean * 1000:.1f} ms (median of {len(later)}): "
        f"ratio {first / mean:.2f}"
    )

    # 3. Memory: one first request, then 24 at once, each in a fresh process.
    peaks = {}
    for concurrent in (1, 24):
        target = create(photograph((3000, 2000)), f"memory-{concurrent}.jpg")
        article_with(target, 10 + concurrent)
        result = subprocess.run(
            [sys.executable, __file__, "--child", tmp, str(target.pk), str(concurrent)],
            capture_output=True,
            text=True,
            check=True,
        )
        peaks[concurrent] = json.loads(result.stdout.strip().splitlines()[-1])
    one, many = peaks[1], peaks[24]
    print(
        f"3. peak RSS of the serving process: 1 first request {one['peak_kib'] / 1024:.1f} MiB "
        f"(+{one['added_kib'] / 1024:.1f}), 24 concurrent {many['peak_kib'] / 1024:.1f} MiB "
        f"(+{many['added_kib'] / 1024:.1f}): ratio {many['peak_kib'] / one['peak_kib']:.2f}"
    )

    # 4. A phone 390 CSS px wide at DPR 3 picks the first candidate ≥ 1170 px.
    needed = 390 * 3
    for fmt in ("WEBP", "JPEG"):
        chosen = picture.fitting(needed, fmt)
        print(
            f"4. phone (390 px, DPR 3) gets {fmt} {chosen['width']} px: "
            f"{chosen['bytes'] / 1024:.0f} KiB against the original's {len(data) / 1024:.0f} KiB "
            f"({100 * chosen['bytes'] / len(data):.1f} %)"
        )
    print(f"   renditions: {sorted(rendering.WIDTHS)} px, WebP and JPEG, crops 16:9 4:3 1:1")


if __name__ == "__main__":
    main()
