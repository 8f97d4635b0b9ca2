"""Host functions for crypto and zlib: CPU jobs on the model's pool, real bytes from hashlib and zlib.

Random bytes come from the run's seeded generator, so a replay (step back) repeats them.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zlib
from typing import Callable

from tui.core.script.errors import NodeJSError
from tui.core.script.host_io import operations


def functions(host) -> dict[str, Callable]:
    api, start, finish = operations(host)

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

    return {"pbkdf2": pbkdf2, "pbkdf2_sync": pbkdf2_sync, "random_bytes": random_bytes, "hash_hex": hash_hex, "hmac_hex": hmac_hex, "random_uuid": random_uuid, "scrypt": scrypt, "gzip": gzip, "gzip_sync": gzip_sync}
