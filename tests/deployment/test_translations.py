"""Every string readers and editors see goes through gettext, and the English catalogue holds it."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.support.paths import REPOSITORY

PLUGIN = REPOSITORY / "partnerships"
CATALOGUE = PLUGIN / "locale" / "en" / "LC_MESSAGES" / "django.po"


# File and standard names, the same in every language.
NOT_WORDS = {"schema.json", "(OpenAPI )"}


def message_ids(po_text):
    return set(re.findall(r'^msgid "(.+)"$', po_text, re.M))


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_the_english_catalogue_holds_every_translatable_string(tmp_path):
    """`makemessages` on today's code finds nothing the committed catalogue lacks."""
    copy = tmp_path / "partnerships"
    shutil.copytree(PLUGIN, copy, ignore=shutil.ignore_patterns("__pycache__", "*.po", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-obsolete"],
        cwd=copy,
        env={
            "PATH": os.environ["PATH"],  # for GNU gettext's xgettext
            "PYTHONPATH": str(REPOSITORY),
            "DJANGO_SETTINGS_MODULE": "demosite.settings.test",
        },
        check=True,
        capture_output=True,
    )
    fresh = message_ids((copy / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text())

    missing = fresh - message_ids(CATALOGUE.read_text())
    assert not missing, f"run make messages: {sorted(missing)[:10]}"
    assert len(fresh) > 200


def test_templates_translate_their_words():
    """No template of the plugin writes words of its own outside {% translate %}."""
    untranslated = []  # (template, words)
    for template in (PLUGIN / "templates").rglob("*.html"):
        text = template.read_text()
        for done in (
            r"{% blocktranslate.*?{% endblocktranslate %}",
            r"{% block body_class %}.*?{% endblock %}",
        ):
            text = re.sub(done, "", text, flags=re.S)
        text = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", "", text, flags=re.S)
        text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.S)
        words = [w for w in re.findall(r">([^<]+)<", text) if re.search(r"[A-Za-z]{2,}", w)]
        words = [w for w in words if w.strip() not in NOT_WORDS]
        untranslated += [(template.name, word.strip()) for word in words]
    assert untranslated == [], untranslated
