"""Topic pages that gather their newest news articles and webinars."""
