"""The OpenAPI 3.1 document of `/api/v2/`, built from the models' `api_fields`.

A kind a host site adds (a subclass of `ListablePage`) is documented with no
change here: its schema comes from its fields. The response schemas are in
schema_components.py, the query parameters and their bounds in
schema_parameters.py.
"""

from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, get_page_models
from wagtail_headless_preview.models import HeadlessPreviewMixin

from ..models import listable_page_models
from .items import ItemsAPIViewSet
from .schema_components import ERROR, component_schemas
from .schema_parameters import (
    PAGE_ID,
    items_parameters,
    pages_filter_parameters,
    preview_parameters,
    query_parameter,
    rich_text_parameter,
    wagtail_listing_parameters,
)


def field_names(viewset, model, detail=False):
    """The names `fields=` accepts on `viewset`'s listing (or detail) of `model`."""
    names = viewset.get_body_fields_names(model) + viewset.get_meta_fields_names(model)
    return {name for name in names if detail or name not in viewset.detail_only_fields}


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error_responses():
    """What any operation can answer besides its own statuses."""
    return {
        "304": {"description": "Not modified since the ETag or date you sent."},
        "400": json_response("A parameter is malformed; `message` says which.", ERROR),
        "405": json_response("Only GET and HEAD are allowed; `Allow` lists them.", ERROR),
        "406": json_response("The `Accept` header allows neither JSON nor HTML.", ERROR),
    }


def operation(summary, parameters, responses):
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


def listing_path(summary, parameters):
    listing = json_response("A page of results.", {"$ref": "#/components/schemas/Listing"})
    return operation(summary, parameters, {"200": listing, **error_responses()})


def detail_path(summary, fields, schema):
    id_parameter = {"name": "id", "in": "path", "required": True, "schema": PAGE_ID}
    parameters = [id_parameter, *wagtail_listing_parameters(fields)[:1], rich_text_parameter()]
    responses = {
        "200": json_response("The object.", schema),
        **error_responses(),
        "404": NOT_FOUND,
    }
    return operation(summary, parameters, responses)


# A path Django's URL patterns do not match (`/pages/abc/`) is Django's own 404 page.
NOT_FOUND = {
    "description": "No such object, or not public.",
    "content": {"application/json": {"schema": ERROR}, "text/html": {"schema": {"type": "string"}}},
}


def openapi_document(base_url):
    listable = listable_page_models()
    page_models = [model for model in get_page_models() if model is not Page]
    previewable = [model for model in page_models if issubclass(model, HeadlessPreviewMixin)]
    page_detail = {"anyOf": [{"$ref": f"#/components/schemas/{m.__name__}"} for m in page_models]}
    preview_detail = {
        "anyOf": [{"$ref": f"#/components/schemas/{m.__name__}"} for m in previewable]
    }
    item_fields = set().union(
        *(field_names(ItemsAPIViewSet, model) - {"kind"} for model in listable)
    )
    page_fields = field_names(PagesAPIViewSet, Page)
    image_fields = field_names(ImagesAPIViewSet, get_image_model())
    document_fields = field_names(DocumentsAPIViewSet, get_document_model())
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Topics, news and webinars",
            "version": "2",
            "description": "Wagtail's API v2 plus `/items/`: every news item and webinar "
            "in one listing, each with its own kind's fields. Anonymous responses are "
            "public and cacheable; revalidate with If-None-Match or If-Modified-Since.",
        },
        "servers": [{"url": base_url}],
        "paths": {
            "/items/": operation(
                "News and webinars of every kind, newest first",
                items_parameters(item_fields),
                {
                    "200": json_response(
                        "A page of items.", {"$ref": "#/components/schemas/ItemsListing"}
                    ),
                    **error_responses(),
                },
            ),
            "/pages/": listing_path(
                "Pages (Wagtail's listing)",
                [*wagtail_listing_parameters(page_fields), *pages_filter_parameters(page_models)],
            ),
            "/pages/{id}/": detail_path(
                "One page with all its fields",
                field_names(PagesAPIViewSet, Page, detail=True),
                page_detail,
            ),
            "/pages/find/": operation(
                "Find a page by path and redirect to its detail",
                [query_parameter("html_path", "The page's path on the site.")],
                {
                    "302": {"description": "Redirect to the page's detail URL."},
                    **error_responses(),
                    "404": NOT_FOUND,
                },
            ),
            "/page_preview/": operation(
                "The draft an editor previews, for a headless front end (never cached)",
                preview_parameters(
                    sorted(f"{m._meta.app_label}.{m._meta.model_name}" for m in previewable)
                ),
                {
                    "200": json_response("The draft, as a page detail.", preview_detail),
                    **{k: v for k, v in error_responses().items() if k != "304"},
                    "404": json_response("The token is unknown or has expired.", ERROR),
                },
            ),
            "/images/": listing_path(
                "Images in public collections", wagtail_listing_parameters(image_fields)
            ),
            "/images/{id}/": detail_path("One image", image_fields, {"type": "object"}),
            "/documents/": listing_path(
                "Documents in public collections", wagtail_listing_parameters(document_fields)
            ),
            "/documents/{id}/": detail_path("One document", document_fields, {"type": "object"}),
        },
        "components": {"schemas": component_schemas(listable, page_models)},
    }
