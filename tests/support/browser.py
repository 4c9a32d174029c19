"""The browser and the build tools that the baked browser tests (marked browser) need.

GW_TEST_BROWSER names a Chromium (Debian's: /usr/bin/chromium); the baked tests drive it
through pytest-playwright, and build the web client with npm.
"""

import os
import shutil

from support import parts


def problem():
    """Why the baked browser tests cannot run here, or None when they can."""
    browser = os.environ.get("GW_TEST_BROWSER")
    if not browser:
        return "set GW_TEST_BROWSER to a Chromium (Debian: apt-get install chromium)"
    if not os.access(browser, os.X_OK):
        return f"GW_TEST_BROWSER={browser} is not a program here"
    if shutil.which("npm") is None:
        return "the web client builds with npm: install Node.js and npm"
    try:
        import pytest_playwright  # noqa: F401
    except ImportError:
        return "pytest-playwright is not installed: pip install -r requirements-test.txt"
    return None


def require(case):
    parts.require(case, "the baked tests marked browser", problem(), "GW_TEST_REQUIRE_BROWSER")
