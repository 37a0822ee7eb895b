"""The PARTNERSHIPS settings dictionary, as a host site uses it."""

import ast
import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from partnerships.conf import DEFAULTS, partnerships_setting
from partnerships.models import TopicIndexPage
from tests.support.paths import REPOSITORY

README = REPOSITORY / "README.md"


def test_the_readme_documents_every_setting_with_its_default():
    block = re.search(r"^PARTNERSHIPS = (\{.*?^\})", README.read_text(), re.S | re.M)

    assert ast.literal_eval(block.group(1)) == DEFAULTS


@override_settings(PARTNERSHIPS={})  # the demo's settings set some
def test_every_setting_has_a_default():
    assert {name: partnerships_setting(name) for name in DEFAULTS} == DEFAULTS


@override_settings(PARTNERSHIPS={"EXCERPT_LENGTH": 120})
def test_a_host_overrides_one_setting_and_keeps_the_other_defaults():
    assert partnerships_setting("EXCERPT_LENGTH") == 120
    assert partnerships_setting("FEED_SIZE") == DEFAULTS["FEED_SIZE"]


@override_settings(PARTNERSHIPS={"EXCERPT_LENGHT": 120})
def test_a_misspelt_setting_is_an_error_not_silently_ignored():
    with pytest.raises(KeyError, match="EXCERPT_LENGHT"):
        partnerships_setting("EXCERPT_LENGTH")


@pytest.mark.django_db
@override_settings(PARTNERSHIPS={"ITEMS_PER_PAGE": 20})
def test_a_hosts_page_size_applies_to_new_topics_without_a_migration_for_the_plugin():
    assert TopicIndexPage(title="New").items_per_page == 20

    # Exits non-zero (SystemExit) if the setting leaked into the plugin's migrations.
    call_command("makemigrations", "partnerships", check=True, dry_run=True, stdout=io.StringIO())
