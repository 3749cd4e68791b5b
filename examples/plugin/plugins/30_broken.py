"""A plugin whose filter raises: the host reports it and keeps the other filters' work."""


def fail(doc):
    raise RuntimeError(f"cannot handle {len(doc.words())} words")


def setup(api):
    api.register_filter("broken", fail)
