"""Browser tests: a real headless Chromium (Debian's package, never a download)
driven by Playwright against pytest-django's live server.

`browser_page` is a fresh page on a shared browser; `live_server` runs the app in
another thread, so tests using it get `transactional_db` semantics: each test's rows
are flushed afterwards, reference data from the migrations included, so the
`reference_data` fixture (used by `browser_page`) loads the bodies, focus areas and
corridors again. The Editors/Viewers groups are not reloaded.
"""

import importlib
import os
import shutil
from pathlib import Path

import pytest
from django.apps import apps

# CPEC_CHROMIUM points elsewhere (a test of the skip message points it at nothing).
CHROMIUM = os.environ.get("CPEC_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to
# run inside one unless told it is safe (the test owns the thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CPEC_E2E_REQUIRED") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def reference_data(transactional_db):
    """The data migrations' bodies, focus areas, corridors and mapping (idempotent)."""
    for module in (
        "meetings.migrations.0002_reference_data",
        "agreements.migrations.0003_reference_data",
    ):
        importlib.import_module(module).load(apps, None)


@pytest.fixture
def browser_page(browser, live_server, reference_data):
    """A new page in a fresh context; `page.base_url` is the live server's address."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
