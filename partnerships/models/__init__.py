from .article import ArticlePage, ArticlePageAuthor
from .freshness import ContentVersion
from .listing import ListablePage, ListablePageTag, as_kinds, listable_page_models
from .people import Person
from .topic import TopicIndexPage, TopicRelatedTopic
from .webinar import WebinarPage, WebinarPagePresenter

__all__ = [
    "ArticlePage",
    "ArticlePageAuthor",
    "ContentVersion",
    "ListablePage",
    "ListablePageTag",
    "Person",
    "TopicIndexPage",
    "TopicRelatedTopic",
    "WebinarPage",
    "WebinarPagePresenter",
    "as_kinds",
    "listable_page_models",
]
