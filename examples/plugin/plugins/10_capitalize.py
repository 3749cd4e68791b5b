"""Capitalises every word."""
import host_api


def capitalize(doc):
    return " ".join(w.capitalize() for w in doc.words())


def setup(api):
    api.register_filter("capitalize", capitalize)
    api.log(f"capitalize ready (host {host_api.VERSION})")
