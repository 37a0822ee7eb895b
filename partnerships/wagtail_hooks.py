from django.http import Http404
from django.utils import timezone
from wagtail import hooks


@hooks.register("before_serve_page")
def hide_expired_pages(page, request, serve_args, serve_kwargs):
    """A page past its expiry time is gone at that moment, not when publish_scheduled next runs."""
    if page.expire_at and page.expire_at <= timezone.now():
        raise Http404("This page has expired.")
