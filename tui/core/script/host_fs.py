"""Host functions for fs: reads are real and read-only, through the model's pool jobs.

Files are read from disk only as far as the model says a read went (never more than
READ_LIMIT); writeFile/appendFile/mkdir go to an in-memory overlay that later reads of the
same path see, and never reach the disk. Paths are relative to process.cwd(), the script's
directory.
"""

from __future__ import annotations

import errno as _errno
import json
import os
import stat as st
from typing import Callable

from tui.core.pool import FAST_IO
from tui.core.script.errors import NodeJSError
from tui.core.script.host_io import _os_error, _results, _size, operations

READ_LIMIT = 64 * 1024 * 1024   # bytes a script may read from one file


def functions(host) -> dict[str, Callable]:
    api, start_op, finish = operations(host)

    def start():
        host.first_use("fs")  # node loads fs's request machinery on the first call
        start_op()
    overlay: dict[str, bytes] = {}   # writes, in memory only
    dirs: set[str] = set()

    def path_arg(p_json: str) -> str:
        p = json.loads(p_json)
        if "\0" in p:
            raise NodeJSError("TypeError", "The argument 'path' must be a string without null bytes",
                              "ERR_INVALID_ARG_VALUE")
        # relative to process.cwd(), which is the script's directory
        return os.path.normpath(os.path.join(os.path.dirname(host.filename), p))

    # -- whole files -------------------------------------------------------------------------------------------

    def read_bytes(full: str, n: int | None = None) -> bytes:
        if full in overlay:
            return overlay[full][:n]
        with open(full, "rb") as f:
            return f.read(min(READ_LIMIT, n if n is not None else READ_LIMIT))

    def fs_read_file(p_json, js_id):
        full = path_arg(p_json)
        start()
        if full in overlay:
            task = api.stat("/dev/null", lambda e, r: finish(js_id, None, overlay[full].hex()))
            return task.id

        def done(err, _shown):
            if err is not None:
                return finish(js_id, err)
            nbytes = sum(_size(r) for r in _results(cell["task"], "fs.read"))
            try:
                data = read_bytes(full, nbytes)
            except OSError:
                data = b""
            finish(js_id, None, data.hex())

        cell = {"task": api.read_file(full, done)}
        return cell["task"].id

    def stats(full: str, lstat: bool = False) -> dict:
        if full in overlay:
            return {"size": len(overlay[full]), "mode": 0o100644, "file": True, "dir": False, "link": False,
                    "mtimeMs": 0, "ino": 0, "dev": 0, "nlink": 1, "uid": 0, "gid": 0}
        s = os.lstat(full) if lstat else os.stat(full)
        return {"size": s.st_size, "mode": s.st_mode, "file": st.S_ISREG(s.st_mode), "dir": st.S_ISDIR(s.st_mode),
                "link": st.S_ISLNK(s.st_mode), "mtimeMs": s.st_mtime * 1000, "ino": s.st_ino, "dev": s.st_dev,
                "nlink": s.st_nlink, "uid": s.st_uid, "gid": s.st_gid, "atimeMs": s.st_atime * 1000,
                "ctimeMs": s.st_ctime * 1000, "birthtimeMs": s.st_ctime * 1000, "blksize": s.st_blksize,
                "blocks": s.st_blocks, "rdev": s.st_rdev}

    def fs_stat(p_json, js_id, lstat):
        full = path_arg(p_json)
        start()

        def done(err, _shown):
            if err is not None:
                return finish(js_id, err)
            try:
                finish(js_id, None, stats(full, bool(lstat)))
            except OSError as e:
                host.enter(js_id, {"err": _os_error(e, "lstat" if lstat else "stat", full).as_dict()})

        return api.stat(full, done).id

    def fs_sync(op: str, p_json: str, arg_json: str = "null", charge: bool = True):
        """The *Sync forms: node blocks the loop thread; charged as a pool job's duration would be."""
        full = path_arg(p_json)
        arg = json.loads(arg_json)
        if charge:
            host.flush()
            host.rt.consume(host.rt.work.cost("fs.stat"))
        try:
            if op == "readFile":
                return read_bytes(full).hex()
            if op in ("stat", "lstat"):
                return json.dumps(stats(full, op == "lstat"))
            if op == "readdir":
                names = sorted(set(os.listdir(full)) | {os.path.basename(p) for p in overlay
                                                         if os.path.dirname(p) == full})
                return json.dumps(names)
            if op == "exists":
                return full in overlay or full in dirs or os.path.exists(full)
            if op == "access":
                if not (full in overlay or os.path.exists(full)):
                    raise FileNotFoundError(_errno.ENOENT, "no such file", full)
                return None
            if op in ("writeFile", "appendFile"):
                data = bytes.fromhex(arg)
                if not os.path.isdir(os.path.dirname(full)) and os.path.dirname(full) not in dirs:
                    raise FileNotFoundError(_errno.ENOENT, "no such file", full)
                old = b""
                if op == "appendFile":
                    try:
                        old = read_bytes(full)
                    except OSError:
                        old = b""
                overlay[full] = old + data
                return None
            if op == "mkdir":
                dirs.add(full)
                return None
        except OSError as e:
            syscall = {"readFile": "open", "readdir": "scandir", "writeFile": "open", "appendFile": "open"}.get(op, op)
            raise _os_error(e, syscall, full) from None
        raise NodeJSError("Error", f"fs.{op} is not supported", "ERR_PTVIEW_UNSUPPORTED")

    def fs_async_sync(op, p_json, arg_json, js_id):
        """readdir/access/writeFile…: one pool job (an fs.stat's cost), done when the job completes,
        so a later *Sync call sees the file as node's would; delivered in the poll phase."""
        path_arg(p_json)  # a bad path throws now, as node's argument checks do

        def done(_e, _r):
            try:
                payload = {"ok": fs_sync(op, p_json, arg_json, charge=False)}
            except NodeJSError as e:
                payload = {"err": e.as_dict()}
            host.enter(js_id, payload)

        start()
        return api.stat("/", done).id

    # -- file descriptors: fs.open/read/close and FileHandle, one pool job each --------------------------

    fds: dict[int, dict] = {}
    next_fd = [18]  # node 20's first fd in a fresh process (its own epoll, eventfd, pipes come first)
    rt = host.rt

    def fs_open(p_json, flags_json, js_id):
        full = path_arg(p_json)
        flags = json.loads(flags_json)
        if flags not in ("r", "rs", "sr", "r+") or flags == "r+":
            return f"fs.open with flags {flags!r} is not supported: scripts read files; writes stay in memory"
        start()
        name = os.path.basename(full) or full
        task = rt.new_task("fs.open", f"fs.open {full}", full)

        def after(job):
            if job.error is not None:
                return rt.finish_task(task, None, job.error, lambda e, r: finish(js_id, e))
            fd = next_fd[0]
            next_fd[0] += 1
            fds[fd] = {"path": full, "file": job.result, "pos": 0, "name": name}
            rt.finish_task(task, f"fd {fd}", None, lambda e, r: finish(js_id, None, fd))

        rt.submit_job(task, "fs.open", FAST_IO, {"path": full}, f"fs.open {name}", after)
        return ""

    def _fd(fd) -> dict:
        f = fds.get(fd)
        if f is None:
            raise NodeJSError("Error", "EBADF: bad file descriptor, read", None,
                              {"errno": -_errno.EBADF, "code": "EBADF", "syscall": "read"})
        return f

    def fs_read_fd(fd, length, position, js_id):
        f = _fd(fd)
        start()
        pos = f["pos"] if position is None or position < 0 else int(position)
        length = max(0, min(int(length), READ_LIMIT))
        task = rt.new_task("fs.read", f"fs.read {length} bytes of {f['name']}", fd)

        def after(job):
            if job.error is not None:
                return rt.finish_task(task, None, job.error, lambda e, r: finish(js_id, e))
            n = job.result
            try:
                with open(f["path"], "rb") as fh:
                    fh.seek(pos)
                    data = fh.read(n)
            except OSError:
                data = b""
            if position is None or position < 0:
                f["pos"] = pos + len(data)
            rt.finish_task(task, f"{len(data)} bytes", None, lambda e, r: finish(js_id, None, data.hex()))

        rt.submit_job(task, "fs.read", FAST_IO, {"file": f["file"], "pos": pos, "length": length},
                      f"fs.read {length} bytes of {f['name']}", after)
        return None

    def fs_close_fd(fd, js_id):
        f = _fd(fd)
        del fds[fd]
        start()
        task = rt.new_task("fs.close", f"fs.close fd {fd}", fd)
        rt.submit_job(task, "fs.close", FAST_IO, {"file": f["file"]}, f"fs.close {f['name']}",
                      lambda job: rt.finish_task(task, None, job.error, lambda e, r: finish(js_id, e)))
        return None

    def fs_fstat_fd(fd, js_id):
        f = _fd(fd)
        start()

        def done(err, _shown):
            if err is not None:
                return finish(js_id, err)
            finish(js_id, None, stats(f["path"]))

        return api.stat(f["path"], done).id

    return {"fs_open": fs_open, "fs_read_fd": fs_read_fd, "fs_close_fd": fs_close_fd, "fs_fstat_fd": fs_fstat_fd, "fs_read_file": fs_read_file, "fs_stat": fs_stat, "fs_sync": fs_sync, "fs_async_sync": fs_async_sync}
