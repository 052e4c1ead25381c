"""RL001 invalid-suppression and RL002 unused-suppression: the suppression comments themselves.

Both are decided by the engine (reportlint.engine), which alone knows the registry
and which findings a comment suppressed; these functions carry their documentation
and let them be selected, ignored and given a severity like any other rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import NoOptions, Violation, rule
from ..text.document import Document


@rule(code="RL001", name="invalid-suppression", severity="warning", summary="抑制注释无法识别",
      rationale="写错的抑制注释若悄悄关掉规则，会把文件后面所有问题都藏起来；若悄悄不起作用，又会让起草人以为问题已经处理。",
      options=NoOptions)
def invalid_suppression(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    Reports a suppression comment that cannot work: one that opens with
    `reportlint-` but names no known action (`reportlint-disable-nextline`,
    `reportlint-disabled`), and a rule in one that does not exist (`RL999`,
    `doubled-words`), with the closest valid spelling. Such a comment, or such
    a name, suppresses nothing: the rest of the comment still applies, and a
    comment whose every name is unknown does not fall back to "every rule".

    The actions are `disable`, `enable`, `disable-next-line` and
    `disable-line` (the comment's own line, the habit from ESLint).

    ## Why it matters
    A mistyped comment that silently switched a rule off would hide every
    later defect of the file; one that silently does nothing leaves the writer
    believing a finding was dealt with.

    ## Example
    Bad:
        <!-- reportlint-disable-nextline doubled-word -->
        新增新增装机容量。
    Good:
        <!-- reportlint-disable-next-line doubled-word -->
        新增新增装机容量。

    ## Options
    None.
    """
    return iter(())


@rule(code="RL002", name="unused-suppression", severity="warning", summary="抑制注释未抑制任何问题",
      rationale="抑制注释比它针对的文字活得久：段落改写之后，过时的 disable 会悄悄藏住这一范围内下一个真正的问题。",
      options=NoOptions)
def unused_suppression(doc: Document, opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    Reports a suppression comment, or one rule named in it, that suppressed no
    finding, as ruff's RUF100 reports an unused `noqa`. Only rules that ran on
    the file are judged: a comment for a rule left out by `--select` or the
    config is not called unused. `enable` comments are never reported.

    ## Why it matters
    Suppressions outlive the text they were written for: once the passage is
    rewritten, a stale `disable` would silently hide the next real defect in
    its range.

    ## Example
    Bad:
        <!-- reportlint-disable -->
        加快建设现代化产业体系。
    Good:
        加快建设现代化产业体系。

    ## Options
    None.
    """
    return iter(())
