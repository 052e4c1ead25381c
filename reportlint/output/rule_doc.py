"""A rule's documentation page: what ``reportlint rule CODE`` prints and what the language server
links each diagnostic to. Its text is Markdown (a ``#`` title, the rule's ``##`` sections)."""

from __future__ import annotations

from ..i18n import N_, localize, t
from ..model import RuleMeta

#: A rule's "fixable" as its metadata (and `rules --format json`) says it; in Chinese in Chinese.
_FIXABLE = (N_("never"), N_("sometimes"), N_("always"))


def fixable_word(value: str) -> str:
    """How often a rule fixes, in the language shown ("sometimes", "部分")."""
    return localize(value) if value in _FIXABLE else value


def rule_documentation(meta: RuleMeta) -> str:
    """The rule's page: code and name, summary, severity and fixes, documentation, option defaults."""
    lines = [f"# {meta.code} {meta.name}", "", meta.summary, "",
             t("Default severity: {severity}. Fixable: {fixable}. Source: {source}.", severity=meta.severity.value,
               fixable=fixable_word(meta.fixable), source=meta.source)]
    if "safe" in meta.fix_kinds:
        lines.append(t("Plain --fix applies its safe fixes, which change no word."))
    if "unsafe" in meta.fix_kinds:
        lines.append(t("Its unsafe fixes may change words: they need --fix --unsafe-fixes (review them with --diff)."))
    lines += ["", meta.doc]
    defaults = meta.option_defaults()
    if defaults:
        import json  # here: a plain check never shows a page

        lines += ["", t("Defaults:")]
        for key, value in defaults.items():
            lines.append(f"  {key} = {json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


__all__ = ["fixable_word", "rule_documentation"]
