"""The one place where outputs are written: files atomically, standard output
in one piece, and nothing but regular files ever replaced.

* A file output goes to a temporary file beside the target, named
  ``.<target>.policy-lint.<pid>.<random>.tmp``, which is then renamed over
  the target: readers (CI uploaders, editors) see the old file or the new one,
  never a partial one.
* Only a regular file (or nothing) is replaced. A symbolic link, device node,
  FIFO or socket in the target's place is refused: renaming over it would
  replace ``/dev/null`` or a link a repository planted (``report.html ->
  ~/.bashrc``) when run as root.
* SIGTERM, SIGINT and SIGHUP during a write remove the temporary file before
  the process ends; a temporary file left by a run that was killed outright
  (SIGKILL) is removed by the next write of the same target once its process
  is gone (and, being hidden, it is never read as policy).
* A closed or full standard output is an :class:`OutputError` (exit code 2),
  not a traceback, and nothing more is written to it.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

import click

from linter.inputs import POLICY_SUFFIXES
from linter.inputs import locate_record as locate_record  # where the run's record files are found
from linter.printable import display_name

#: what every temporary file of policy-lint has in its name, with its process id
TEMPORARY_MARK = ".policy-lint."
_STALE = re.compile(r"\.(?P<name>.+)\.policy-lint\.(?P<pid>[0-9]+)\.[^.]+\.tmp")


class OutputError(OSError):
    """An output that cannot be written; a one-line message, exit code 2. An
    :class:`OSError`, so that whoever handles a failed write handles it."""


def _not_regular(mode: int) -> str | None:
    """Why an existing entry of this mode must not be replaced, or None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "is a symbolic link: policy-lint replaces only regular files (name the file it points to)"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    kinds = {stat.S_ISFIFO: "a FIFO", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device", stat.S_ISBLK: "a device"}
    kind = next((name for test, name in kinds.items() if test(mode)), "not a regular file")
    return f"is {kind}: policy-lint replaces only regular files"


def _replaceable(target: Path) -> int | None:
    """The permission bits of the regular file at ``target`` (None: nothing is
    there); OutputError for anything else."""
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return None
    problem = _not_regular(found.st_mode)
    if problem:
        raise OutputError(f"{display_name(target)}: {problem}")
    return found.st_mode & 0o777


def write_atomic(path: str | os.PathLike[str], text: str | Iterable[str], durable: bool = True) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over
    ``path``: readers (CI uploaders, editors) see the old file or the new one,
    never a partial one (``text`` may come in pieces). Raises
    :class:`OutputError` if ``path`` is not a regular file and :class:`OSError`
    if the folder is unwritable or full. ``durable=False`` skips forcing the
    data to disk before the rename (for a cache, which a crash may lose but
    never corrupt: a torn file is a miss)."""
    import tempfile  # only when writing a file: it costs start-up time

    target = Path(path)
    folder = target.parent
    _replaceable(target)
    remove_stale(folder, target.name)
    with _removed_on_signals() as temporaries:
        descriptor, temporary = tempfile.mkstemp(
            dir=folder, prefix=f".{target.name}{TEMPORARY_MARK}{os.getpid()}.", suffix=".tmp"
        )
        temporaries.append(temporary)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
                if isinstance(text, str):
                    stream.write(text)
                else:
                    stream.writelines(text)
                stream.flush()
                if durable:
                    os.fsync(stream.fileno())
            mode = _replaceable(target)  # again: it may have changed while we wrote
            os.chmod(temporary, mode if mode is not None else 0o666 & ~_umask())
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def remove_stale(folder: Path, name: str) -> None:
    """Remove temporary files for ``name`` in ``folder`` left by policy-lint
    runs whose process no longer exists (killed before they could tidy up)."""
    try:
        entries = [entry.name for entry in os.scandir(folder) if entry.name.startswith(f".{name}{TEMPORARY_MARK}")]
    except OSError:
        return  # the write itself will report an unusable folder
    for entry in entries:
        match = _STALE.fullmatch(entry)
        if match is None or match["name"] != name or _alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            stale = folder / entry
            if stat.S_ISREG(os.lstat(stale).st_mode):
                os.unlink(stale)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or a number we cannot judge: leave its file alone
    return True


class _Stopped(BaseException):
    """A termination signal arrived while an output was being written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _removed_on_signals() -> Iterator[list[str]]:
    """While writing, turn SIGTERM, SIGINT and SIGHUP into an exception so that
    the temporary files listed are removed; then end as the signal asked (exit
    code 128 + its number, or KeyboardInterrupt for SIGINT)."""
    temporaries: list[str] = []
    if threading.current_thread() is not threading.main_thread():
        yield temporaries  # only the main thread may handle signals
        return
    wanted = [signal.SIGTERM, signal.SIGINT, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in wanted}
    try:
        yield temporaries
    except _Stopped as stopped:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if stopped.signum == signal.SIGINT:
            raise KeyboardInterrupt from None
        raise SystemExit(128 + stopped.signum) from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_stdout(text: str, colour: bool = False) -> None:
    """Write an output to standard output in one piece; OutputError when it is
    closed or full (after which nothing more is written to it)."""
    try:
        click.echo(text, nl=False, color=colour)
        sys.stdout.flush()
    except OSError as error:
        silence_stdout()
        raise OutputError(f"cannot write to standard output: {error.strerror or error}") from None


def silence_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit of
    what could not be written raises nothing more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def _is_one_of(target: Path, exists: bool, files: Iterable[str | os.PathLike[str]]) -> bool:
    """Whether ``target`` is one of ``files`` (or a hard link to one). A file that
    is there is compared by device and inode, one that is not by its resolved
    name with the files of the same name: a stat each, where resolving every
    path reads every folder on its way, and a large policy has thousands."""
    if exists:
        wanted = os.stat(target)
        for file in files:
            with contextlib.suppress(OSError, ValueError):
                found = os.stat(file)
                if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
                    return True
        return False
    resolved: Path | None = None
    for file in files:
        if os.path.basename(os.fspath(file)) == target.name:
            resolved = resolved or target.resolve()
            if Path(file).resolve() == resolved:
                return True
    return False


def output_problem(target: str | os.PathLike[str], read: Iterable[str | os.PathLike[str]]) -> str | None:
    """Why ``target`` cannot take an output, or None when it can. An output
    never replaces a file the run reads or anything but a regular file, nor
    takes a name that a later run would read as policy."""
    path = Path(target)
    shown = display_name(path)
    try:
        try:
            problem = _not_regular(os.lstat(path).st_mode)
            exists = True
        except FileNotFoundError:
            problem, exists = None, False
        if problem:
            return f"{shown}: {problem}"
        if not path.parent.is_dir():
            return f"{shown}: folder '{display_name(path.parent)}' does not exist"
        if path.suffix.lower() in POLICY_SUFFIXES:
            return f"{shown}: policy-lint reads {'/'.join(POLICY_SUFFIXES)} files as policy; choose another name"
        if _is_one_of(path, exists, read):
            return f"{shown}: is one of the files this run reads; choose another output file"
    except (OSError, RuntimeError, ValueError) as error:  # a name too long, a NUL character
        return f"{shown}: cannot use this path: {getattr(error, 'strerror', None) or error}"
    return None
