#!/usr/bin/env python3
"""How fast the language server answers, as an editor sees it.

Starts ``python -m reportlint server`` as an editor does (a subprocess on stdio, through pygls's
client), and times:

- start-up: from starting the process to the answer to ``initialize`` (interpreter, imports,
  pygls), median of --starts starts;
- didOpen → publishDiagnostics on the sample report (seeds/000_ad65c542b7148e02.txt, copied to a
  temporary folder: this repository's config excludes seeds/), each time as a new document, so
  that every run lints: median, min and max of --runs runs after one untimed warm-up (the first
  lint loads the word lexicon);
- didChange → publishDiagnostics on the same text with one character changed, which includes
  the debounce (0.3 s) by design.

    .venv/bin/python bench/bench_server.py [--runs 9] [--starts 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"
COMMAND = [sys.executable, "-m", "reportlint", "server"]


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("bench", "1")
        self.arrived: dict[tuple[str, int | None], float] = {}

        @self.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def publish(params: types.PublishDiagnosticsParams) -> None:
            self.arrived[params.uri, params.version] = time.perf_counter()


async def start(folder: Path) -> tuple[Client, float]:
    client = Client()
    began = time.perf_counter()
    # the rule pages go to a cache folder of the bench's own, not the user's
    await client.start_io(*COMMAND, env={**os.environ, "XDG_CACHE_HOME": str(folder / "cache")})
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=folder.as_uri(), process_id=None))
    took = time.perf_counter() - began
    client.initialized(types.InitializedParams())
    return client, took


async def stop(client: Client) -> None:
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


async def wait_for(client: Client, uri: str, version: int) -> float:
    while (uri, version) not in client.arrived:
        await asyncio.sleep(0.001)
    return client.arrived[uri, version]


async def open_times(client: Client, folder: Path, text: str, runs: int) -> list[float]:
    times = []
    for run in range(runs + 1):
        uri = (folder / f"report-{run}.txt").as_uri()
        began = time.perf_counter()
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
        times.append(await wait_for(client, uri, 1) - began)
        client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    return times[1:]  # the first loads the lexicon


async def change_times(client: Client, folder: Path, text: str, runs: int) -> list[float]:
    uri = (folder / "edited.txt").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await wait_for(client, uri, 1)
    times = []
    for version in range(2, runs + 2):
        began = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text + "。" * version)]))
        times.append(await wait_for(client, uri, version) - began)
    return times


def summary(name: str, times: list[float]) -> str:
    return (f"{name}: median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms ({len(times)} runs)")


async def main(runs: int, starts: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    try:
        shutil.copyfile(SAMPLE, folder / SAMPLE.name)
        text = SAMPLE.read_text(encoding="utf-8")
        start_times = []
        for _ in range(starts):
            client, took = await start(folder)
            start_times.append(took)
            await stop(client)
        print(summary("start-up (spawn to initialize answered)", start_times))
        client, _ = await start(folder)
        print(summary(f"didOpen to diagnostics, {SAMPLE.name} ({len(text)} characters)",
                      await open_times(client, folder, text, runs)))
        print(summary("didChange to diagnostics (0.3 s debounce included)",
                      await change_times(client, folder, text, runs)))
        await stop(client)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--starts", type=int, default=5)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.runs, arguments.starts))
