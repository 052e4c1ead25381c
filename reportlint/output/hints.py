"""The line that says what --fix would fix: after a report's summary, and after a --fix run."""

from __future__ import annotations

from ..i18n import t
from ..results import FixableCounts


def fix_hint(counts: FixableCounts, unsafe: bool = False, more: bool = False) -> str:
    """"12 fixable with --fix; 5 more with --fix --unsafe-fixes." (or "" when nothing is);
    *unsafe*: the run already has --unsafe-fixes; *more*: some were just fixed."""
    safe, unsafe_only = counts.safe, counts.unsafe
    if unsafe and safe + unsafe_only:
        safe, unsafe_only = 0, safe + unsafe_only
    if safe and unsafe_only:
        return t("{safe} more fixable with --fix; {unsafe} more with --fix --unsafe-fixes." if more
                 else "{safe} fixable with --fix; {unsafe} more with --fix --unsafe-fixes.", safe=safe, unsafe=unsafe_only)
    if safe:
        return t("{count} more fixable with --fix." if more else "{count} fixable with --fix.", count=safe)
    if unsafe_only:
        return t("{count} more fixable with --fix --unsafe-fixes." if more else "{count} fixable with --fix --unsafe-fixes.",
                 count=unsafe_only)
    return ""
