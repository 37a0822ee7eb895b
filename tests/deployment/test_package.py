"""The plugin as other sites get it: the built sdist and wheel, installed into a fresh site.

These tests build the package and run a second Python, so they are marked `slow`;
`make test` runs them all the same.
"""

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from email.parser import HeaderParser
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

import django
import pytest
import wagtail
from packaging.requirements import Requirement

from tests.support.html import listed_cards
from tests.support.paths import READ_BACK_SCRIPT, REPOSITORY

pytestmark = pytest.mark.slow

ROOT = REPOSITORY

PLUGIN_FILES = {
    "partnerships/__init__.py",
    "partnerships/urls.py",
    "partnerships/migrations/0001_initial.py",
    "partnerships/templates/partnerships/topic_index_page.html",
    "partnerships/templates/partnerships/cards/listing_card.html",
    "partnerships/static/partnerships/css/partnerships.css",
    "partnerships/locale/en/LC_MESSAGES/django.po",
    "partnerships/locale/en/LC_MESSAGES/django.mo",
}
DEMO_AND_TESTS = ("demosite/", "home/", "tests/", "templates/")
# What step 2 of the README's install adds to a `wagtail start` site's INSTALLED_APPS.
README_INSTALLED_APPS = ["partnerships", "wagtail_headless_preview"]


def run(command, **kwargs):
    """Run a command; on failure, fail the test with everything it printed."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode:
        pytest.fail(f"{command} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@pytest.fixture(scope="session")
def dists(tmp_path_factory):
    """The sdist, and the wheel that `python -m build` makes from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)])
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def wheel_names(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def sdist_names(sdist):
    with tarfile.open(sdist) as archive:
        # Strip the leading "wagtail_partnerships-0.1.0/".
        return {name.partition("/")[2] for name in archive.getnames()}


def test_wheel_holds_the_plugin_with_templates_static_files_and_migrations(dists):
    _, wheel = dists
    names = wheel_names(wheel)

    assert names >= PLUGIN_FILES
    assert not [name for name in names if name.startswith(DEMO_AND_TESTS)]
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_sdist_holds_the_plugin_licence_and_readme_but_not_the_demo_or_tests(dists):
    sdist, _ = dists
    names = sdist_names(sdist)

    assert names >= PLUGIN_FILES | {"LICENSE", "README.md", "pyproject.toml"}
    assert not [name for name in names if name.startswith(DEMO_AND_TESTS)]


def test_wheel_declares_ranges_and_classifiers_that_cover_the_versions_under_test(dists):
    _, wheel = dists
    with zipfile.ZipFile(wheel) as archive:
        (metadata_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = HeaderParser().parsestr(archive.read(metadata_name).decode())
    requirements = {
        req.name.lower(): req
        for req in map(Requirement, metadata.get_all("Requires-Dist"))
        if req.marker is None
    }
    classifiers = metadata.get_all("Classifier")

    assert metadata["Name"] == "wagtail-partnerships"
    assert metadata["License-Expression"] == "BSD-3-Clause"
    for name in ("wagtail", "django", "django-taggit"):
        assert requirements[name].specifier.contains(version(name)), name
    assert f"Framework :: Wagtail :: {wagtail.VERSION[0]}" in classifiers
    assert "Framework :: Django :: {}.{}".format(*django.VERSION[:2]) in classifiers
    assert "Programming Language :: Python :: {}.{}".format(*sys.version_info[:2]) in classifiers


def add_to_installed_apps(settings_file, *apps):
    text = settings_file.read_text()
    assert text.count("INSTALLED_APPS = [\n") == 1
    lines = "".join(f'    "{app}",\n' for app in apps)
    settings_file.write_text(text.replace("INSTALLED_APPS = [\n", "INSTALLED_APPS = [\n" + lines))


def include_before_wagtail_pages(urls_file, line):
    text = urls_file.read_text()
    wagtail_pages = '    path("", include(wagtail_urls)),\n'
    assert text.count(wagtail_pages) == 1
    urls_file.write_text(text.replace(wagtail_pages, f"    {line},\n{wagtail_pages}"))


def fresh_venv_with_the_wheel(folder, wheel):
    """A new venv whose only package of its own is the plugin, installed from the wheel.

    Its dependencies are this test run's (a .pth file puts them on its path, like
    --system-site-packages would), so no download happens and every cell of the
    matrix installs into a site of its own Django and Wagtail. pip still checks
    the wheel's declared dependencies against them.
    """
    venv = folder / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    python = venv / "bin" / "python"
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    Path(purelib.strip(), "host-dependencies.pth").write_text(sysconfig.get_paths()["purelib"])
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-index", str(wheel)])
    return python


def test_a_fresh_wagtail_site_lists_a_topics_children_after_the_documented_install(dists, tmp_path):
    _, wheel = dists
    # Step 1 of the README: install the package.
    python = fresh_venv_with_the_wheel(tmp_path, wheel)
    plugin = run(
        [str(python), "-c", "import partnerships; print(partnerships.__file__)"], cwd=tmp_path
    )
    assert Path(plugin.strip()).is_relative_to(tmp_path / "venv")

    run([str(python), "-m", "wagtail.bin.wagtail", "start", "mysite"], cwd=tmp_path)
    site = tmp_path / "mysite"
    # Step 2: add the app.
    add_to_installed_apps(site / "mysite" / "settings" / "base.py", *README_INSTALLED_APPS)
    # Step 3: include the plugin's URLs before Wagtail's pages.
    include_before_wagtail_pages(
        site / "mysite" / "urls.py", 'path("", include("partnerships.urls"))'
    )

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env["DJANGO_SETTINGS_MODULE"] = "mysite.settings.dev"
    run([str(python), "manage.py", "migrate", "--no-input"], cwd=site, env=env)
    output = run(
        [str(python), "manage.py", "shell", "--no-imports"],
        cwd=site,
        env=env,
        input=READ_BACK_SCRIPT.read_text(),
    )
    read_back = json.loads(output.strip().splitlines()[-1])

    assert read_back["page_status"] == 200
    topic_page = SimpleNamespace(content=read_back["page_html"])
    assert [(title, meta) for title, meta, _ in listed_cards(topic_page)] == [
        ("Outreach webinar", "Publish Date: Webinar / 20 November 2021"),
        ("Library news", "Publish Date: News / 11 November 2021"),
    ]
    assert read_back["api_status"] == 200
    assert read_back["api_items"] == [
        ["Outreach webinar", "webinar"],
        ["Library news", "news"],
    ]
