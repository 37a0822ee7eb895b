"""The sitemap and robots.txt of the request's Site.

path("", include("partnerships.seo.urls")),
"""

from django.urls import path

from .robots import robots_txt
from .sitemap import sitemap_xml

urlpatterns = [
    path("sitemap.xml", sitemap_xml, name="partnerships_sitemap"),
    path("robots.txt", robots_txt, name="partnerships_robots"),
]
