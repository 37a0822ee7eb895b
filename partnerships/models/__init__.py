"""The plugin's models: the page kinds, the topic, people and partners, and the content version.

`kinds` finds every kind of listable page (a host's too), `visibility`
holds the rules every reader surface applies and `querysets` the listing
query built on them.
"""

from .article import ArticlePage, ArticlePageAuthor
from .content_version import ContentVersion
from .kinds import listable_page_models
from .listable import ListablePage, ListablePageTag
from .partners import ListablePagePartner, Partner
from .people import Person
from .topic import TopicIndexPage, TopicRelatedTopic
from .webinar import WebinarPage, WebinarPagePresenter

__all__ = [
    "ArticlePage",
    "ArticlePageAuthor",
    "ContentVersion",
    "ListablePage",
    "ListablePagePartner",
    "ListablePageTag",
    "Partner",
    "Person",
    "TopicIndexPage",
    "TopicRelatedTopic",
    "WebinarPage",
    "WebinarPagePresenter",
    "listable_page_models",
]
