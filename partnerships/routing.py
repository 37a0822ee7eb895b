"""Routing to a child page in one query, where Wagtail's `Page.route` takes two."""


class SpecificChildRouting:
    """Fetch the child a URL names as its own type at once.

    Wagtail finds the child's base row, then queries its type's own table. A
    page that knows what types its children are can query those directly;
    a child of any other type is still found the Wagtail way.
    """

    def specific_child(self, slug):
        """The child with this slug as its own type, or None to let Wagtail look."""
        raise NotImplementedError

    def route(self, request, path_components):
        if path_components:
            child = self.specific_child(path_components[0])
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail does: no query for get_parent()
                return child.route(request, path_components[1:])
        return super().route(request, path_components)
