"""Renderers: each turns a run's results into the text of one output format,
``render(run_result, options) -> str``; none reads a file or applies a fix."""

from __future__ import annotations

from importlib import import_module

from . import text_format
from .hints import fix_hint
from .options import RenderOptions
from .rule_doc import fixable_word, rule_documentation
from .text_format import summary, width


def _on_first_use(module: str, function: str = "render"):
    """A format's function, its module imported only when a report in it is made (start-up time:
    the JSON and SARIF formats bring json and hashlib, the HTML report its page's assets, which
    the text report never needs)."""
    def call(*args, **kwargs):
        return getattr(import_module(f"{__name__}.{module}"), function)(*args, **kwargs)

    call.__name__ = call.__qualname__ = f"{module}.{function}"
    return call


FORMATS = {
    "text": text_format.render,
    "concise": _on_first_use("concise_format"),
    "json": _on_first_use("json_format"),
    "sarif": _on_first_use("sarif_format"),
    "github": _on_first_use("github_format"),
    "html": _on_first_use("html_format"),
}

#: formats that can be written piece by piece as they are rendered (a big run's report need not
#: be held whole): the pieces joined are the format's render
STREAMED = {
    "json": _on_first_use("json_format", "chunks"),
}


__all__ = ["FORMATS", "STREAMED", "RenderOptions", "fix_hint", "fixable_word", "rule_documentation", "summary", "width"]
