"""Serving a page in fewer queries than Wagtail's routing and privacy check take.

To serve `/topic/item/`, Wagtail finds each child's base row, then queries
its type's own table, and before serving reads the page's ancestors (to
resolve aliases) and then their view restrictions: four queries for the
last step alone. Pages that know their children's types do it in one.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.http import Http404
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from ..internals import remember_parent


class SpecificChildRouting:
    """Fetch the child a URL names as its own type, and whether privacy may apply to it.

    A child of a type `children_as_own_types()` does not cover is still found
    the Wagtail way.
    """

    def children_as_own_types(self):
        """A queryset of this page's children that yields them as their own types."""
        raise NotImplementedError

    def as_own_type(self, row):
        return row

    def route(self, request, path_components):
        if path_components and not self.shows_children():
            # Wagtail would serve a live child of a page that is not live; a
            # topic that is unpublished or expired hides everything under it.
            raise Http404
        if path_components:
            child = self.specific_child(path_components[0])
            if child is not None:
                remember_parent(child, self)  # as Wagtail does: no query for get_parent()
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def shows_children(self):
        return self.live and not (self.expire_at and self.expire_at <= timezone.now())

    def specific_child(self, slug):
        row = (
            self.children_as_own_types()
            .filter(slug=slug)
            .annotate(privacy_may_apply=self.privacy_may_apply_to_child())
            .first()
        )
        if row is None:
            return None
        child = self.as_own_type(row)
        child.privacy_may_apply = row.privacy_may_apply
        return child

    def privacy_may_apply_to_child(self):
        """Whether a view restriction or an alias touches the child or any of its ancestors.

        When neither does, Wagtail's `get_view_restrictions()` is certain to
        find nothing. (With an alias in the way, restrictions come from the
        alias's source, so Wagtail's own check runs.)
        """
        lineage = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        restricted = PageViewRestriction.objects.filter(
            Q(page__path__in=lineage) | Q(page=OuterRef("pk"))
        )
        aliased = Page.objects.filter(path__in=lineage, alias_of__isnull=False)
        return ExpressionWrapper(
            Q(Exists(restricted)) | Q(Exists(aliased)) | Q(alias_of__isnull=False),
            output_field=BooleanField(),
        )


class PrivacyCheckedWhileRouting:
    """A page that routing showed no privacy can apply to skips Wagtail's two queries for it."""

    def get_view_restrictions(self):
        if getattr(self, "privacy_may_apply", True):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
