"""Write fixed text back to a file: atomically, in the file's own encoding, and
never over a file that changed on disk after it was read.

A file is written through a temporary file in its own folder (so os.replace is
a rename within one file system, atomic on POSIX and Windows): a crash or a
full disk leaves either the old file or the new one, never half of each. The
new bytes keep the file's encoding (a GB18030 file stays GB18030), its BOM, its
line endings (the fixed text carries them; nothing here touches them) and its
permission bits.

What is refused rather than risked: a file that changed since it was read (its
bytes are compared, then its size, mtime and inode once more just before the
rename, which leaves a window of microseconds: no portable rename compares and
swaps), a read-only file (as an editor asks before overwriting one), and a file
with other hard links (a rename would split them). A temporary file is removed
on SIGTERM; one left behind by a kill is named ``.NAME.*.reportlint-tmp`` and
removed by the next write to that file once it is a minute old.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import signal
import stat
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import NotWritable, WriteError
from .i18n import Message, reason_of

TEMPORARY_SUFFIX = ".reportlint-tmp"
STALE_AFTER = 60.0  # seconds: a temporary file this old was left by a run that was killed

#: Formats reportlint may read some day (issue 7) but never writes back as text.
BINARY_SUFFIXES = frozenset({".docx", ".doc", ".odt", ".rtf", ".pdf", ".wps", ".pages", ".xlsx", ".pptx"})


@dataclass(frozen=True)
class Encoding:
    """How a file's text became its bytes: the codec and the BOM in front."""

    codec: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        try:
            return self.bom + text.encode(self.codec)
        except UnicodeEncodeError as error:
            raise WriteError(Message("the fixed text has {char}, which {codec} cannot encode",
                                     char=repr(error.object[error.start]), codec=self.codec)) from None


def encoding_of(raw: bytes, text: str, name: str) -> Encoding:
    """The Encoding that turns *text* (decoded from *raw* as *name*, BOM removed)
    back into exactly *raw*; WriteError when no such round trip exists (then a
    rewrite would change bytes no fix asked to change)."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise NotWritable(Message("files read as {encoding} are not written", encoding=name)) from None
    if codec == "utf-8-sig":
        encoding = Encoding("utf-8", codecs.BOM_UTF8)
    elif codec in ("utf-16", "utf-32"):
        # the generic codecs write the machine's byte order: keep the file's instead
        boms = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"} if codec == "utf-16" else \
            {codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be"}
        bom = next((b for b in boms if raw.startswith(b)), b"")
        encoding = Encoding(boms[bom], bom) if bom else Encoding(codec)
    else:
        # A BOM that decoding dropped (UTF-8 read with --encoding utf-8, GB18030's 84 31 95 33).
        try:
            marker = "\ufeff".encode(codec)
        except UnicodeEncodeError:
            marker = b""
        bom = marker if marker and raw.startswith(marker) and not text.startswith("\ufeff") else b""
        encoding = Encoding(codec, bom)
    try:
        same = encoding.encode(text) == raw
    except WriteError:
        same = False
    if not same:
        raise WriteError(Message("its bytes do not round-trip through {encoding}; not rewritten so that only the fixes "
                                 "change", encoding=name))
    return encoding


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_writable(path: Path) -> None:
    """Refuse formats that are not plain text before any fixing work is done."""
    if path.suffix.lower() in BINARY_SUFFIXES:
        raise NotWritable(Message("{suffix} files are not written: only plain text and Markdown are fixed",
                                  suffix=path.suffix.lower()))


def write_atomic(path: Path, data: bytes, expected_digest: str) -> None:
    """Replace *path*'s content with *data* if the file still holds the bytes
    whose sha256 is *expected_digest*; WriteError otherwise."""
    check_writable(path)
    # Write through a symbolic link, not over it.
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except OSError as error:
        raise WriteError(Message("cannot write: {reason}", reason=reason_of(error))) from None
    _refuse_unsafe_targets(info)
    _remove_stale_temporaries(target)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX,
                                                 dir=target.parent)
    except OSError as error:
        raise WriteError(Message("cannot write: {reason}", reason=reason_of(error))) from None
    try:
        with _removed_on_sigterm(temporary):
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
            _keep_owner(target, temporary)
            # The last moment before the replace: a file edited since it was read
            # (an editor saved it while we linted) is not overwritten.
            before = _identity(target)
            try:
                current = target.read_bytes()
            except OSError as error:
                raise WriteError(Message("cannot read it again before writing: {reason}", reason=reason_of(error))) from None
            if digest(current) != expected_digest or _identity(target) != before:
                raise WriteError(Message("changed on disk since it was read; not overwritten (run again to fix the new text)"))
            os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise WriteError(Message("cannot write: {reason}", reason=reason_of(error))) from None
    except BaseException:
        _remove(temporary)
        raise


def _refuse_unsafe_targets(info: os.stat_result) -> None:
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise WriteError(Message("read-only file; not overwritten (make it writable to fix it)"))
    if info.st_nlink > 1:
        raise WriteError(Message("has {count} hard links; not overwritten, since replacing it would split them "
                                 "(use --diff and apply the patch)", count=info.st_nlink))


def _identity(target: Path) -> tuple[int, int, int]:
    """What an editor's save changes even when it writes the same number of bytes."""
    try:
        info = target.stat()
    except OSError as error:
        raise WriteError(Message("cannot read it again before writing: {reason}", reason=reason_of(error))) from None
    return info.st_size, info.st_mtime_ns, info.st_ino


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary files of earlier writes to *target* that a kill left behind."""
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(f".{target.name}.") and entry.name.endswith(TEMPORARY_SUFFIX):
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                    os.unlink(entry.path)
            except OSError:
                pass


class _removed_on_sigterm:
    """While the temporary file exists, SIGTERM removes it before the process ends
    (SIGKILL cannot be caught: the next write removes what it leaves)."""

    def __init__(self, temporary: str) -> None:
        self.temporary = temporary
        self.installed = False
        self.previous = signal.SIG_DFL

    def __enter__(self):
        # Only the main thread may set handlers (a library caller's worker thread just goes without).
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, self._terminate) or signal.SIG_DFL
            self.installed = True
        return self

    def __exit__(self, *exc) -> None:
        if self.installed:
            signal.signal(signal.SIGTERM, self.previous)

    def _terminate(self, signum, frame) -> None:
        _remove(self.temporary)
        signal.signal(signal.SIGTERM, self.previous)
        os.kill(os.getpid(), signal.SIGTERM)  # end as the signal would have, with its exit status


def _keep_owner(target: Path, temporary: str) -> None:
    """Keep the group (and, as root, the owner) of the file being replaced."""
    if not hasattr(os, "chown"):
        return
    info = target.stat()
    try:
        os.chown(temporary, info.st_uid, info.st_gid)
    except OSError:
        try:
            os.chown(temporary, -1, info.st_gid)
        except OSError:
            pass  # not a member of the group: the new file keeps ours


def _remove(temporary: str) -> None:
    try:
        os.unlink(temporary)
    except OSError:
        pass
