import pytest

from partnerships.content.excerpts import make_excerpt
from partnerships.models import ArticlePage, WebinarPage

EXCERPT_LENGTH = 250

LONG_TEXT = (
    "Like many libraries across the nation, the Free Library of Philadelphia is undergoing "
    "a paradigm shift. Increasingly, our focus is not only on extensive collections but on "
    "how we are engaging with our communities. To address this shift, the Free Library of "
    "Philadelphia built a curriculum."
)


def test_text_that_fits_is_returned_whole():
    assert make_excerpt("A short summary.") == "A short summary."


def test_long_text_is_cut_at_a_word_boundary_with_an_ellipsis():
    excerpt = make_excerpt(LONG_TEXT)
    assert excerpt.endswith("...")
    body = excerpt.removesuffix("...")
    assert len(body) <= EXCERPT_LENGTH
    assert LONG_TEXT.startswith(body)
    assert LONG_TEXT[len(body)] == " ", "the cut falls between words"
    assert body == LONG_TEXT[:250].rsplit(" ", 1)[0]


def test_cut_drops_dangling_punctuation_before_the_ellipsis():
    text = "word " * 49 + "end, and more words follow here"
    assert make_excerpt(text, length=len("word " * 49 + "end,")) == ("word " * 49 + "end...")


def test_a_single_overlong_word_is_cut_inside_the_word():
    assert make_excerpt("x" * 300) == "x" * 250 + "..."


def test_whitespace_and_line_breaks_collapse_to_single_spaces():
    assert make_excerpt("one\n\n  two\tthree") == "one two three"


@pytest.mark.parametrize("length", [1, 10, 100, 250])
def test_excerpt_never_exceeds_the_length_before_its_ellipsis(length):
    assert len(make_excerpt(LONG_TEXT, length=length).removesuffix("...")) <= length


@pytest.mark.django_db
def test_summary_wins_over_the_body():
    page = ArticlePage(
        title="t", summary="Editor's summary.", body=[("paragraph", f"<p>{LONG_TEXT}</p>")]
    )
    assert page.make_excerpt() == "Editor's summary."


@pytest.mark.django_db
def test_body_excerpt_is_plain_text_from_every_text_block():
    page = ArticlePage(
        title="t",
        body=[
            ("heading", "Why it matters"),
            ("paragraph", "<p>Libraries <b>partner</b> with <a href='/x'>health</a> teams.</p>"),
            ("quote", {"text": "Start with strengths.", "attribution": "A director"}),
        ],
    )
    assert page.make_excerpt() == (
        "Why it matters Libraries partner with health teams. Start with strengths. A director"
    )


@pytest.mark.django_db
def test_webinar_without_summary_or_body_has_an_empty_excerpt():
    assert WebinarPage(title="t").make_excerpt() == ""


def test_excerpt_length_follows_the_partnerships_setting(settings):
    settings.PARTNERSHIPS = {"EXCERPT_LENGTH": 20}
    assert make_excerpt(LONG_TEXT) == "Like many libraries..."


def test_an_unknown_partnerships_setting_is_reported(settings):
    settings.PARTNERSHIPS = {"EXCERPT_LENGHT": 20}
    with pytest.raises(KeyError, match="EXCERPT_LENGHT"):
        make_excerpt(LONG_TEXT)
