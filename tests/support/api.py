"""Calling the API as another program would."""


def get_json(client, url, params=None, status=200, **headers):
    response = client.get(url, params or {}, HTTP_ACCEPT="application/json", **headers)
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def walk_pages(client, url, params):
    """Follow meta.next from the first page to the last; yield each page's items."""
    data = get_json(client, url, params)
    pages = [data]
    while data["meta"]["next"]:
        data = get_json(client, data["meta"]["next"])
        pages.append(data)
    return pages
