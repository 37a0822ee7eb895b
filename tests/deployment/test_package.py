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

from partnerships.checks import REQUIRED_APPS
from tests.support.html import listed_cards
from tests.support.paths import READ_BACK_SCRIPT, REPOSITORY
from tests.support.readme import readme_install_steps

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
SURFACE_TYPES = {
    "topic": "text/html",
    "article": "text/html",
    "webinar": "text/html",
    "sitemap": "application/xml",
    "robots": "text/plain",
    "site feed (RSS)": "application/rss+xml",
    "site feed (Atom)": "application/atom+xml",
    "site feed (JSON)": "application/feed+json",
    "topic feed": "application/rss+xml",
    "site calendar": "text/calendar",
    "webinar calendar": "text/calendar",
    "items API": "application/json",
    "pages API": "application/json",
}


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


def add_to_top_of_installed_apps(settings_file, apps, settings_lines):
    text = settings_file.read_text()
    assert text.count("INSTALLED_APPS = [\n") == 1
    lines = "".join(f'    "{app}",\n' for app in apps)
    text = text.replace("INSTALLED_APPS = [\n", "INSTALLED_APPS = [\n" + lines)
    settings_file.write_text(text + "\n" + "\n".join(settings_lines) + "\n")


def include_after_documents(urls_file, line):
    text = urls_file.read_text()
    documents = '    path("documents/", include(wagtaildocs_urls)),\n'
    assert text.count(documents) == 1
    urls_file.write_text(text.replace(documents, f"{documents}    {line},\n"))


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


def test_the_readme_lists_exactly_the_apps_the_system_check_requires():
    steps = readme_install_steps()
    wagtail_start_has = {"taggit", "modelcluster"}

    assert steps.installed_apps[0] == "partnerships"
    assert set(steps.installed_apps[1:]) == set(REQUIRED_APPS) - wagtail_start_has


def test_a_fresh_wagtail_site_has_everything_after_the_readmes_install_steps(dists, tmp_path):
    _, wheel = dists
    steps = readme_install_steps()
    # Step 1: install the package (here the wheel just built, under the name it declares).
    assert steps.pip_install == "pip install wagtail-partnerships"
    python = fresh_venv_with_the_wheel(tmp_path, wheel)
    plugin = run(
        [str(python), "-c", "import partnerships; print(partnerships.__file__)"], cwd=tmp_path
    )
    assert Path(plugin.strip()).is_relative_to(tmp_path / "venv")

    run([str(python), "-m", "wagtail.bin.wagtail", "start", "mysite"], cwd=tmp_path)
    site = tmp_path / "mysite"
    base_html = (site / "mysite" / "templates" / "base.html").read_text()
    # Step 2: the apps at the top of INSTALLED_APPS, and the settings after them.
    add_to_top_of_installed_apps(
        site / "mysite" / "settings" / "base.py", steps.installed_apps, steps.settings
    )
    # Step 3: the plugin's URLs just after the documents' line.
    include_after_documents(site / "mysite" / "urls.py", steps.url_line)

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env["DJANGO_SETTINGS_MODULE"] = "mysite.settings.dev"
    checked = run([str(python), "manage.py", "check"], cwd=site, env=env)
    assert "System check identified no issues" in checked
    # Steps 4 and 5: migrate, the editorial roles, scheduled publishing.
    for command in steps.commands:
        program, *arguments = command.split()
        assert program == "python"
        run([str(python), *arguments], cwd=site, env=env)

    output = run(
        [str(python), "manage.py", "shell", "--no-imports"],
        cwd=site,
        env=env,
        input=READ_BACK_SCRIPT.read_text(),
    )
    read_back = json.loads(output.strip().splitlines()[-1])

    # The host's base.html is as `wagtail start` wrote it.
    assert (site / "mysite" / "templates" / "base.html").read_text() == base_html
    not_served = {
        name: answer for name, answer in read_back["surfaces"].items() if answer["status"] != 200
    }
    assert not_served == {}
    kinds = {name: answer["type"].split(";")[0] for name, answer in read_back["surfaces"].items()}
    assert kinds == SURFACE_TYPES
    topic_page = SimpleNamespace(content=read_back["page_html"])
    assert [(title, meta) for title, meta, _ in listed_cards(topic_page)] == [
        ("Outreach webinar", "Publish Date: Webinar / 20 November 2021"),
        ("Library news", "Publish Date: News / 11 November 2021"),
    ]
    head = read_back["page_head"]
    assert 'rel="alternate" type="application/rss+xml"' in head
    assert 'rel="canonical"' in head
    assert 'property="og:title"' in head
    assert "application/ld+json" in head
    assert "partnerships/css/partnerships.css" in head
    assert "Search news and webinars" in read_back["search_html"]
    assert "Outreach webinar" in read_back["search_html"]
    assert read_back["api_items"] == [
        ["Outreach webinar", "webinar"],
        ["Library news", "news"],
    ]

    # Every admin section the plugin adds opens for an administrator.
    failing = {name: page for name, page in read_back["admin"].items() if page["status"] != 200}
    assert failing == {}
    assert read_back["admin"]["people"]["title"].startswith("People")
    assert read_back["admin"]["partners"]["title"].startswith("Partners")
    assert read_back["admin"]["webinars"]["title"].startswith("Webinars")
    assert read_back["dashboard_has_upcoming_webinars"]
    # The roles are the plugin's own groups, beside the host's, which work for the editor.
    assert read_back["editor"] == {"edit the article": 200, "people": 200}
    assert set(read_back["groups"]) >= {
        "Editors",
        "Moderators",
        "Partnership editors",
        "Partnership moderators",
    }
