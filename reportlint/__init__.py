"""reportlint: a linter for Chinese official documents.

The API is imported on first use (PEP 562), so that ``import reportlint`` costs
nothing and the command line can catch a Ctrl-C while its modules load.
"""

from .version import __version__

__all__ = ["Finding", "__version__", "lint_paths", "lint_text"]


def __getattr__(name: str):
    if name in ("lint_paths", "lint_text"):
        from . import api

        return getattr(api, name)
    if name == "Finding":
        from .model import Finding

        return Finding
    raise AttributeError(f"module 'reportlint' has no attribute {name!r}")
