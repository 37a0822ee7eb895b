from .article import ArticlePage, ArticlePageAuthor
from .content_version import ContentVersion
from .listable import ListablePage, ListablePageTag, as_kinds, listable_page_models
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
    "as_kinds",
    "listable_page_models",
]
