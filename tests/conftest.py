"""Fixtures that many test modules share, and the check that the real corpus is there when CI needs it."""

import os
from pathlib import Path

import pytest

# The tests check reportlint's words in English, whatever the developer's locale (LANG=zh_CN.UTF-8
# would make them Chinese): set before reportlint is imported, and inherited by the commands the
# tests start. Tests of the language choice set or clear it themselves (tests/test_i18n.py).
os.environ["REPORTLINT_LANG"] = "en"

from hypothesis import settings  # noqa: E402

# The property tests draw the same examples on every run (CI must be reproducible: a red run
# is a bug to fix, not noise); REPORTLINT_HYPOTHESIS=explore draws new ones, to look for more.
settings.register_profile("reproducible", derandomize=True, deadline=None)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("REPORTLINT_HYPOTHESIS", "reproducible"))

from reportlint import config as config_module  # noqa: E402
from reportlint import registry as registry_module  # noqa: E402

# Config lookups (per folder) and the registry (per set of packs) are cached for the
# life of the process: a test that writes configs, packs or plugins must not see another's.
CACHES = (config_module._find_in, config_module._config_in, registry_module.build_registry,
          registry_module.plugin_rules)


def clear_caches() -> None:
    for cached in CACHES:
        cached.cache_clear()


@pytest.fixture
def fresh_caches():
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def in_fresh_folder(tmp_path, monkeypatch, fresh_caches):
    """The test runs in its own empty folder (config lookups start from the working
    folder), without the caller's NO_COLOR."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)


CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def pytest_sessionstart(session):
    """The tests on real documents skip themselves when ../shared/corpus is not beside the clone
    (a contributor's checkout); CI sets REPORTLINT_REQUIRE_CORPUS=1 so that a missing corpus fails
    the run instead of silently skipping them."""
    if os.environ.get("REPORTLINT_REQUIRE_CORPUS") == "1" and not (CORPUS / "gov-reports").is_dir():
        pytest.exit(f"REPORTLINT_REQUIRE_CORPUS=1 but the real corpus is not at {CORPUS}", returncode=1)
