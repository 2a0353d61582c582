import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x7#kq2!vn9@t4$ws8^zr3&yu6*pb1(oe5)ma0-lc_id+fh=gjQ8w!Lr2#Zt5%Yp",
    "DJANGO_ALLOWED_HOSTS": "news.example.org",
}


def run_manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_silent_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "no issues" in result.stdout


def test_secret_key_is_required_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_database_url_and_redis_url_are_read():
    code = (
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE']);"
        "print(settings.CACHES['default']['BACKEND'])"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        env={
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/example",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
    )
    assert "django.db.backends.postgresql" in result.stdout, result.stderr
    assert "RedisCache" in result.stdout


def test_defaults_need_nothing_installed():
    code = (
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE']);"
        "print(settings.CACHES['default']['BACKEND'])"
    )
    env = {"DATABASE_URL": "", "REDIS_URL": ""}
    result = run_manage("shell", "-c", code, env=env)
    assert "sqlite3" in result.stdout, result.stderr
    assert "LocMemCache" in result.stdout


def test_production_serves_hashed_compressed_static_files(tmp_path):
    env = {
        **PRODUCTION,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    for command in (["collectstatic", "--noinput"], ["migrate", "--noinput"]):
        result = run_manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    code = (
        "import re; from django.test import Client; c = Client();"
        "html = c.get('/').content.decode();"
        'href = re.search(r\'href="(/static/css/site[^"]+)"\', html).group(1);'
        "r = c.get(href, HTTP_ACCEPT_ENCODING='gzip');"
        "print(href, r.status_code, r.headers.get('Content-Encoding'), r.headers['Cache-Control'])"
    )
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    href, status, encoding, cache = result.stdout.strip().splitlines()[-1].split(maxsplit=3)
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", href)
    assert (status, encoding) == ("200", "gzip")
    assert "immutable" in cache


def test_static_files_collected_with_debug_on_serve_with_debug_off(tmp_path):
    # collectstatic run in a debug shell used to leave no manifest: every
    # debug-off page then failed on {% static %}.
    static_root = str(tmp_path / "static")
    collected = run_manage(
        "collectstatic", "--no-input", env={"DJANGO_DEBUG": "1", "STATIC_ROOT": static_root}
    )
    assert collected.returncode == 0, collected.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    code = "from django.templatetags.static import static;print(static('css/site.css'))"
    served = run_manage("shell", "-c", code, env={**PRODUCTION, "STATIC_ROOT": static_root})
    assert served.returncode == 0, served.stderr
    assert re.search(r"^/static/css/site\.[0-9a-f]{12}\.css$", served.stdout, re.M), served.stdout
