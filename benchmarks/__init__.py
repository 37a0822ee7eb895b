"""`make bench` and `make load`: the listing's speed at 1k, 10k and 100k items.

Not part of `make test`.
"""
