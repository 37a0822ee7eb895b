"""The kinds of listable page: news, webinars and any kind a host site adds.

A kind is a concrete subclass of `ListablePage` in an installed app; it
carries its own knowledge (`kind`, labels, card template, `schedule_fields`,
`credits_relation`, `import_fields`, `structured_data()`), so nothing here
names one. The base class is looked up in Django's app registry rather than
imported, so the querysets and the parsers of query strings can use this
module without importing the models.
"""

from django.apps import apps


def listable_base():
    return apps.get_model("partnerships", "ListablePage")


def listable_page_models():
    """Every concrete kind of listable page, including kinds a host site adds.

    Found among the installed apps' models, so a kind is enabled by installing the
    app that defines it; topics accept exactly these as children.
    """
    base = listable_base()
    return [model for model in apps.get_models() if issubclass(model, base) and model is not base]


def kinds_by_name():
    """{"news": ArticlePage, "webinar": WebinarPage, …}"""
    return {model.kind: model for model in listable_page_models()}


def direct_kinds(base=None):
    """(link name, model) of each kind whose table links straight to `base`'s."""
    base = base or listable_base()
    return [
        (relation.get_accessor_name(), relation.related_model)
        for relation in base._meta.related_objects
        if relation.one_to_one and relation.parent_link
    ]


def kind_accessors():
    """Names of the one-to-one links from the shared table to each kind's own table."""
    return [accessor for accessor, _ in direct_kinds()]


def scheduled_kinds(base=None):
    """(link name, start field, end field) of each kind of `base` that happens at a time."""
    return [
        (accessor, *model.schedule_fields)
        for accessor, model in direct_kinds(base)
        if getattr(model, "schedule_fields", None)
    ]
