"""The public search page: `path("", include("partnerships.search.urls"))`."""

from django.urls import path

from .views import search_page

urlpatterns = [path("search/", search_page, name="partnerships_search")]
