from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from partnerships.models import (
    ArticlePage,
    ListablePage,
    TopicIndexPage,
    WebinarPage,
    listable_page_models,
)


class PageTypeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_topics_can_be_created_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, TopicIndexPage)

    def test_news_and_webinars_cannot_be_created_outside_a_topic(self):
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, WebinarPage)

    def test_topics_do_not_nest(self):
        self.assertCanNotCreateAt(TopicIndexPage, TopicIndexPage)

    def test_topic_accepts_news_webinars_and_other_listable_kinds_only(self):
        # The test settings add a kind of their own (tests/podcasts/), as a host site may.
        allowed = set(TopicIndexPage.allowed_subpage_models())
        self.assertLessEqual({ArticlePage, WebinarPage}, allowed)
        self.assertEqual(allowed, set(listable_page_models()))
        self.assertTrue(all(issubclass(model, ListablePage) for model in allowed))

    def test_news_and_webinars_live_only_under_topics(self):
        self.assertAllowedParentPageTypes(ArticlePage, {TopicIndexPage})
        self.assertAllowedParentPageTypes(WebinarPage, {TopicIndexPage})

    def test_news_and_webinars_have_no_children(self):
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertAllowedSubpageTypes(WebinarPage, set())

    def test_the_shared_base_is_not_offered_to_editors(self):
        self.assertFalse(ListablePage.is_creatable)
        self.assertNotIn(ListablePage, TopicIndexPage.creatable_subpage_models())

    def test_each_kind_declares_its_label_and_card(self):
        self.assertEqual((ArticlePage.kind, ArticlePage.kind_label), ("news", "News"))
        self.assertEqual((WebinarPage.kind, WebinarPage.kind_label), ("webinar", "Webinar"))
        self.assertNotEqual(ArticlePage.listing_card_template, WebinarPage.listing_card_template)
