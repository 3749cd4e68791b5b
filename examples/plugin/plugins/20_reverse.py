"""Reverses the order of the words."""


def setup(api):
    api.register_filter("reverse", lambda doc: " ".join(reversed(doc.words())))
