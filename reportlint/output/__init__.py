"""Renderers: each turns a run's results into the text of one output format,
``render(run_result, options) -> str``; none reads a file or applies a fix."""

from __future__ import annotations

from . import concise_format, github_format, json_format, sarif_format, text_format
from .hints import fix_hint
from .options import RenderOptions
from .rule_doc import fixable_word, rule_documentation
from .text_format import summary, width


def _html(results, options=None):
    """The HTML review report, its module imported only when one is rendered (start-up time)."""
    from . import html_format

    return html_format.render(results, options or RenderOptions())


FORMATS = {
    "text": text_format.render,
    "concise": concise_format.render,
    "json": json_format.render,
    "sarif": sarif_format.render,
    "github": github_format.render,
    "html": _html,
}

#: formats that can be written piece by piece as they are rendered (a big run's report need not
#: be held whole): the pieces joined are the format's render
STREAMED = {
    "json": json_format.chunks,
}


__all__ = ["FORMATS", "STREAMED", "RenderOptions", "fix_hint", "fixable_word", "rule_documentation", "summary", "width"]
