"""The headless API: Wagtail's API v2 plus `/api/v2/items/`, in Wagtail's own dialect."""
