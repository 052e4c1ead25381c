"""reportlint: a linter for Chinese official documents."""

__version__ = "0.1.0"

from .api import lint_paths, lint_text  # noqa: E402
from .model import Finding  # noqa: E402

__all__ = ["Finding", "__version__", "lint_paths", "lint_text"]
