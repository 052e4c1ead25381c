"""reportlint's language server: diagnostics, quick fixes and hovers for editors, over LSP on
standard input and output (``reportlint server``). Built on pygls, an optional dependency
(``pip install 'reportlint[lsp]'``): importing this package without it raises ImportError.

One module a job: session (the protocol handlers), scheduler (when documents are linted),
documents (which documents, as which file, with which config), positions (offsets to LSP
positions), diagnostics, actions and hover (findings as LSP types), rule_pages (the rule
documentation that diagnostics link to).
"""

from __future__ import annotations

import sys

from .session import build_server


def serve() -> None:
    """Serve one editor on standard input and output until it says exit."""
    server = build_server()
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    # Standard output carries the protocol: anything printed by mistake goes to standard error.
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)


__all__ = ["build_server", "serve"]
