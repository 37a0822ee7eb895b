"""Reading the public pages the way a reader sees them."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def listed_cards(response):
    """(title, "Publish Date: …" line, excerpt) for each card in “Most Recently Added”."""
    cards = soup(response).select(".recent-items .card")
    return [
        (
            text(card.select_one(".card-title")),
            text(card.select_one(".card-meta")),
            text(card.select_one(".card-excerpt")) if card.select_one(".card-excerpt") else "",
        )
        for card in cards
    ]
