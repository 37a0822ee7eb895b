"""Pages of a topic's listing, numbered, without counting the listing.

Django's Paginator counts every item to know the number of pages; on a
topic with 100,000 items that COUNT costs more than the page itself, and
grows with the topic. Fetching one row more than a page holds tells
whether an older page follows, at the same cost on page 1 and page 500.
"""


class ListingPage:
    """What templates use of Django's `Page`, minus the total (there is no `paginator`)."""

    def __init__(self, queryset, number, per_page):
        offset = (number - 1) * per_page
        rows = list(queryset[offset : offset + per_page + 1])
        self.object_list = rows[:per_page]
        self.number = number
        self._more = len(rows) > per_page

    def has_next(self):
        return self._more

    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1
