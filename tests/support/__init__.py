"""Helpers of the template's test suite, one module per concern."""
