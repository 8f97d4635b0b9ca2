"""Host functions for fs, dns, crypto and zlib: NodeAPI operations on the model's pool.

Each async function takes the id of a registered JS continuation and returns
at once; the model's completion callback enters it with a JSON payload
`{"err": {...}}` or `{"ok": ...}` (bytes as hex). The model decides when (which
worker, which poll phase); the data is real: files are read (read-only, never
more than the model said was read), hashes come from hashlib, gzip from zlib.
Writes never reach the disk: writeFile/appendFile/mkdir go to an in-memory
overlay that later reads of the same path see.
"""

from __future__ import annotations

import errno as _errno
import hashlib
import json
import os
import stat as st
import uuid
import zlib
from typing import Callable

from tui.core.errors import NodeError
from tui.core.ops import is_ip
from tui.core.pool import FAST_IO
from tui.core.script.errors import NodeJSError

READ_LIMIT = 64 * 1024 * 1024   # bytes a script may read from one file


def node_error(err: NodeError) -> dict:
    """A libuv/c-ares error as node builds it in C++: message 'CODE: text, syscall 'path'', errno, code…"""
    code, msg = err.code, err.message
    # property order as node's uvException/dnsException: errno, code, syscall, path/hostname
    d = {"name": "Error", "message": msg, "bare": True, "props": {}}
    if code == "ENOTFOUND":
        syscall, _, host = msg.partition(" ENOTFOUND ")
        d["props"] = {"errno": -3008, "code": code, "syscall": syscall, "hostname": host}
        return d
    num = getattr(_errno, code, None)
    if num is not None:
        d["props"]["errno"] = -num
    d["props"]["code"] = code
    if ", " in msg:
        syscall, _, path = msg.split(", ", 1)[1].partition(" ")
        d["props"]["syscall"] = syscall
        if path.startswith("'") and path.endswith("'"):
            d["props"]["path"] = path[1:-1]
    return d


def _os_error(e: OSError, syscall: str, path: str) -> NodeJSError:
    code = _errno.errorcode.get(e.errno or 0, "EIO")
    text = os.strerror(e.errno or 0).lower() if e.errno else "i/o error"
    if code == "ENOENT":
        text = "no such file or directory"
    return NodeJSError("Error", f"{code}: {text}, {syscall} '{path}'", None,
                       {"errno": -(e.errno or 5), "code": code, "syscall": syscall, "path": path}, bare=False)


def _results(task, op: str) -> list:
    return [j.result for j in task.jobs if j.op == op and j.error is None]


def _size(r) -> int:
    return r if isinstance(r, int) else len(r)


def functions(host) -> dict[str, Callable]:
    api = host.api
    overlay: dict[str, bytes] = {}   # writes, in memory only
    dirs: set[str] = set()

    def start():
        # node's own JS for the call (argument checks, the request object): the model's "main_op"
        host.pending_ms += host.rt.work.cost("main_op")
        host.flush()
        host.ensure_pool_size()

    def path_arg(p_json: str) -> str:
        p = json.loads(p_json)
        if "\0" in p:
            raise NodeJSError("TypeError", "The argument 'path' must be a string without null bytes",
                              "ERR_INVALID_ARG_VALUE")
        # relative to process.cwd(), which is the script's directory
        return os.path.normpath(os.path.join(os.path.dirname(host.filename), p))

    def finish(js_id, err, ok=None):
        host.enter(js_id, {"err": node_error(err)} if err is not None else {"ok": ok})

    # -- fs -------------------------------------------------------------------------------------------

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

    # -- dns ------------------------------------------------------------------------------------------

    def dns_lookup(h_json, js_id):
        name = json.loads(h_json)
        start()

        def done(err, _shown):
            if err is not None:
                return finish(js_id, err)
            literal = is_ip(name)
            addr = name if literal else _results(cell["task"], "dns.lookup")[0]
            finish(js_id, None, [addr, literal or is_ip(addr) or 4])

        cell = {"task": api.lookup(name, done)}
        return cell["task"].id

    def dns_resolve(h_json, js_id):
        name = json.loads(h_json)
        host.flush()

        def done(err, shown):
            if err is not None:
                return finish(js_id, err)
            finish(js_id, None, [x.strip() for x in str(shown).strip("[]").split(",") if x.strip()])

        return api.resolve(name, done).id

    # -- crypto ---------------------------------------------------------------------------------------

    def pbkdf2(pw_hex, salt_hex, iterations, keylen, digest_json, js_id):
        digest = json.loads(digest_json).lower()
        if digest not in hashlib.algorithms_available:
            raise NodeJSError("TypeError", f"Invalid digest: {digest}", "ERR_CRYPTO_INVALID_DIGEST")
        n, k = int(iterations), int(keylen)
        pw, salt = bytes.fromhex(pw_hex), bytes.fromhex(salt_hex)
        start()
        return api.pbkdf2(n, lambda e, r: finish(js_id, e) if e is not None else
                          finish(js_id, None, hashlib.pbkdf2_hmac(digest, pw, salt, n, k).hex())).id

    def pbkdf2_sync(pw_hex, salt_hex, iterations, keylen, digest_json):
        """crypto.pbkdf2Sync: the loop thread does the work itself, as long as a pool job would take."""
        digest = json.loads(digest_json).lower()
        if digest not in hashlib.algorithms_available:
            raise NodeJSError("TypeError", f"Invalid digest: {digest}", "ERR_CRYPTO_INVALID_DIGEST")
        n, k = int(iterations), int(keylen)
        host.flush()
        host.rt.consume(n * host.rt.work.cost("crypto.pbkdf2_per_iteration"))
        return hashlib.pbkdf2_hmac(digest, bytes.fromhex(pw_hex), bytes.fromhex(salt_hex), n, k).hex()

    def random_bytes(n, js_id):
        data = bytes(host.rng.getrandbits(8) for _ in range(int(n)))
        if js_id is None or js_id == 0:
            return data.hex()
        start()
        # uv_random on the pool: one CPU job, modelled with one pbkdf2 iteration's cost
        return api.pbkdf2(1, lambda e, r: finish(js_id, None, data.hex())).id

    def hash_hex(alg_json, data_hex):
        alg = json.loads(alg_json).lower().replace("-", "")
        try:
            h = hashlib.new(alg)
        except ValueError:
            raise NodeJSError("Error", "Digest method not supported", "ERR_CRYPTO_INVALID_DIGEST") from None
        h.update(bytes.fromhex(data_hex))
        host.flush()
        return h.hexdigest()

    def hmac_hex(alg_json, key_hex, data_hex):
        import hmac

        return hmac.new(bytes.fromhex(key_hex), bytes.fromhex(data_hex), json.loads(alg_json).lower()).hexdigest()

    def random_uuid():
        return str(uuid.UUID(int=host.rng.getrandbits(128), version=4))

    def scrypt(pw_hex, salt_hex, keylen, js_id, params_json):
        k = int(keylen)
        n, r, p = (int(x) for x in json.loads(params_json))
        pw, salt = bytes.fromhex(pw_hex), bytes.fromhex(salt_hex)
        try:
            key = hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, dklen=k, maxmem=64 * 1024 * 1024).hex()
        except ValueError:
            raise NodeJSError("RangeError", "Invalid scrypt params: memory limit exceeded",
                              "ERR_CRYPTO_INVALID_SCRYPT_PARAMS") from None
        if not js_id:
            return key
        start()
        # one CPU job on the pool, charged as pbkdf2 iterations of similar work (N·r·p block mixes)
        return api.pbkdf2(n * r * p // 8 or 1, lambda e, _r: finish(js_id, None, key)).id

    # -- zlib -----------------------------------------------------------------------------------------

    def gzip(data_hex, js_id, unzip):
        data = bytes.fromhex(data_hex)
        try:
            if unzip:
                out = zlib.decompress(data, 47)
            else:
                c = zlib.compressobj(-1, zlib.DEFLATED, 31)
                out = c.compress(data) + c.flush()
            payload = {"ok": out.hex()}
        except zlib.error:
            payload = {"err": {"name": "Error", "message": "incorrect header check", "code": "Z_DATA_ERROR",
                               "props": {"errno": -3}}}
            out = b""
        start()
        return api.gzip_bytes(len(data), len(out), lambda e, r: host.enter(js_id, payload)).id

    def gzip_sync(data_hex, unzip):
        data = bytes.fromhex(data_hex)
        host.flush()
        try:
            if unzip:
                return zlib.decompress(data, 47).hex()
            c = zlib.compressobj(-1, zlib.DEFLATED, 31)
            return (c.compress(data) + c.flush()).hex()
        except zlib.error:
            raise NodeJSError("Error", "incorrect header check", "Z_DATA_ERROR", {"errno": -3}) from None

    return {"fs_open": fs_open, "fs_read_fd": fs_read_fd, "fs_close_fd": fs_close_fd, "fs_fstat_fd": fs_fstat_fd,
            "fs_read_file": fs_read_file, "fs_stat": fs_stat, "fs_sync": fs_sync, "fs_async_sync": fs_async_sync,
            "dns_lookup": dns_lookup, "dns_resolve": dns_resolve, "pbkdf2": pbkdf2, "pbkdf2_sync": pbkdf2_sync, "random_bytes": random_bytes,
            "hash_hex": hash_hex, "hmac_hex": hmac_hex, "random_uuid": random_uuid, "scrypt": scrypt,
            "gzip": gzip, "gzip_sync": gzip_sync}
