"""Fixtures that many test modules share."""

import pytest

from reportlint import config as config_module
from reportlint import registry as registry_module

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
