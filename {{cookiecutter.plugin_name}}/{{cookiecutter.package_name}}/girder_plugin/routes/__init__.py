"""One module per example, each with the list of its routes: ``ROUTES = [(method, path, handler)]``."""
