"""Third-party validators for the conformance tests: the sitemaps.org schemas
(through lxml, always installed) and the Nu HTML Checker (a Java program from
npm, which a laptop may lack).

A validator that is missing skips its test with the reason, except on CI (env
``CI`` set), where .ci/run installs it and a skip would hide invalid output.
"""

import functools
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree

DATA = Path(__file__).parent / "data"
SITEMAP_SCHEMAS = DATA / "sitemaps"
NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


def missing_tool(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: conformance tests must run here)")
    pytest.skip(reason)


@functools.cache
def sitemap_schema(name):
    """``sitemap``, ``siteindex`` or ``sitemap-news`` (which includes ``sitemap``)."""
    return etree.XMLSchema(etree.parse(str(SITEMAP_SCHEMAS / f"{name}.xsd")))


def assert_valid_xml(content, schema_name):
    """Parse ``content`` as XML and validate it; returns the root element."""
    root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
    schema = sitemap_schema(schema_name)
    if not schema.validate(root):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)
        pytest.fail(f"Not valid against {schema_name}.xsd:\n{errors}")
    return root


def vnu_errors(files):
    """The Nu HTML Checker's errors on ``files``, one run of the JVM for all of them:
    [{"url": ..., "message": ..., "extract": ...}]."""
    java = shutil.which("java")
    if java is None:
        missing_tool("java not found: apt-get install default-jre-headless")
    if not VNU_JAR.exists():
        missing_tool(f"{VNU_JAR} not found: npm ci")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # vnu exits 1 when it found errors; its report goes to stderr either way.
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu did not answer JSON (exit {result.returncode}):\n{result.stderr}")
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
