"""Renderers: each turns a run's results into the text of one output format."""

from __future__ import annotations

from . import json_format, text_format

FORMATS = {"text": text_format.render, "json": json_format.render}
