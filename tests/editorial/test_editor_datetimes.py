"""Date-time fields say how to type them, read what editors type, and never replace it."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from partnerships.models import WebinarPage
from tests.support.admin_forms import add_url, edit_url, form_values
from tests.support.factories import WebinarFactory
from tests.support.html import soup, text

pytestmark = pytest.mark.django_db
NEW_YORK = ZoneInfo("America/New_York")
WEBINAR = {
    "title": "Libraries and public health",
    "slug": "libraries-and-public-health",
    "starts_at": "2027-03-02 15:00",
    "ends_at": "2027-03-02 16:00",
}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def post_webinar(client, topic, **changes):
    """Save a new webinar as a draft with WEBINAR and `changes`."""
    values = form_values(client.get(add_url(WebinarPage, topic)))
    values.update(WEBINAR, **changes)
    return client.post(add_url(WebinarPage, topic), values)


def field_wrapper(response, name):
    return soup(response).find(attrs={"name": name}).find_parent(attrs={"data-field-wrapper": True})


def error_for(response, name):
    return text(field_wrapper(response, name).select_one(".error-message"))


def saved():
    return WebinarPage.objects.filter(slug=WEBINAR["slug"]).first()


def test_help_text_states_the_format_the_time_zone_and_an_example(editor_client, topic):
    response = editor_client.get(add_url(WebinarPage, topic))

    for name in ("starts_at", "ends_at"):
        help_text = text(field_wrapper(response, name).select_one(".help, [id$=helptext]"))
        assert "YYYY-MM-DD HH:MM" in help_text
        assert "America/New_York" in help_text and ("EST" in help_text or "EDT" in help_text)
        assert "for example 20" in help_text  # "for example 2026-12-08 14:00"


def test_the_picker_is_told_to_leave_typed_text_alone(editor_client, topic):
    response = editor_client.get(add_url(WebinarPage, topic))

    script = field_wrapper(response, "starts_at").find("script").string
    config = json.loads(script.split(",", 1)[1].rsplit(")", 1)[0])
    assert config["validateOnBlur"] is False
    assert config["format"] == "Y-m-d H:i"


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("2026-12-10 14:00", datetime.datetime(2026, 12, 10, 14, tzinfo=NEW_YORK)),  # the picker
        ("12/10/2026 2:00 PM", datetime.datetime(2026, 12, 10, 14, tzinfo=NEW_YORK)),  # en-us
        ("12/10/2026 14:00", datetime.datetime(2026, 12, 10, 14, tzinfo=NEW_YORK)),
    ],
)
def test_what_editors_type_is_read_as_they_meant_it(editor_client, topic, typed, expected):
    ends = (expected + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = post_webinar(editor_client, topic, starts_at=typed, ends_at=ends)

    assert response.status_code == 302, error_for(response, "starts_at")
    assert saved().starts_at == expected
    assert saved().ends_at - saved().starts_at == datetime.timedelta(hours=1)


@pytest.mark.parametrize("typed", ["next Tuesday", "2026-13-45 10:00", "10 o'clock"])
def test_what_cannot_be_read_is_refused_and_kept(editor_client, topic, typed):
    response = post_webinar(editor_client, topic, starts_at=typed)

    assert response.status_code == 200
    assert saved() is None
    assert form_values(response)["starts_at"] == typed  # nothing replaced
    assert "Type it as YYYY-MM-DD HH:MM, for example" in error_for(response, "starts_at")


def test_a_new_webinar_starting_as_it_is_saved_asks_for_confirmation(editor_client, topic):
    now = timezone.localtime(timezone.now(), NEW_YORK)
    as_the_picker_writes = now.strftime("%Y-%m-%d %H:%M")
    in_an_hour = (now + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")

    response = post_webinar(
        editor_client, topic, starts_at=as_the_picker_writes, ends_at=in_an_hour
    )

    assert response.status_code == 200 and saved() is None
    assert "date picker may have replaced it" in error_for(response, "starts_at")
    assert soup(response).find(attrs={"name": "confirm_times"})  # shown only now

    confirmed = post_webinar(
        editor_client,
        topic,
        starts_at=as_the_picker_writes,
        ends_at=in_an_hour,
        confirm_times="on",
    )
    assert confirmed.status_code == 302
    assert saved() is not None


def test_a_webinar_lasting_more_than_a_day_asks_for_confirmation(editor_client, topic):
    response = post_webinar(
        editor_client, topic, starts_at="2027-03-02 15:00", ends_at="2027-03-11 16:00"
    )

    assert response.status_code == 200 and saved() is None
    assert "would last 9.0 days" in error_for(response, "ends_at")

    confirmed = post_webinar(
        editor_client,
        topic,
        starts_at="2027-03-02 15:00",
        ends_at="2027-03-11 16:00",
        confirm_times="on",
    )
    assert confirmed.status_code == 302


def test_the_confirmation_stays_out_of_the_way_of_ordinary_webinars(editor_client, topic):
    webinar = WebinarFactory(parent=topic)
    form = soup(editor_client.get(edit_url(webinar)))

    assert form.find(attrs={"name": "confirm_times"}) is None
    assert post_webinar(editor_client, topic).status_code == 302
