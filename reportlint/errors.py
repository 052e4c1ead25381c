"""The errors reportlint reports to its user: each carries a one-line message, never a traceback.

They live here, below every module that raises them, so that a module can raise another's error
without importing it (the rule packs raise registry errors) and a caller of the API can catch
them all as `ReportlintError`.
"""

from __future__ import annotations


class ReportlintError(Exception):
    """Something reportlint cannot do; the message is one line meant for the user."""


class InputError(ReportlintError):
    """A file that cannot be linted: missing, a folder, binary, undecodable, too large."""


class ConfigError(ReportlintError):
    """A configuration that cannot be used."""


class RegistryError(ReportlintError):
    """A rule that cannot be registered or a selector that names no rule."""


class BaselineError(ReportlintError, ValueError):
    """The baseline file is missing, unreadable or malformed."""


class WriteError(ReportlintError):
    """A fixed file that is not written."""


class NotWritable(WriteError):
    """A format reportlint reads but never writes back (Word files)."""
