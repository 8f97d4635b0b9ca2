"""A minimal DNS A query and answer parser: what c-ares sends for dns.resolve4.

Only what a resolve4 needs: one question, recursion desired, A records out of
the answer section (names may be compressed). Errors map to Node's codes
(lib/internal/errors.js DNSException; dns.NOTFOUND, NODATA, SERVFAIL…).
"""

from __future__ import annotations

import struct

_RCODES = {1: "EFORMERR", 2: "ESERVFAIL", 3: "ENOTFOUND", 4: "ENOTIMP", 5: "EREFUSED"}


class DnsAnswerError(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def build_query(qid: int, host: str) -> bytes:
    name = b"".join(bytes([len(p)]) + p for p in host.rstrip(".").encode("idna").split(b".") if p) + b"\0"
    return struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0) + name + struct.pack(">HH", 1, 1)


def _skip_name(msg: bytes, i: int) -> int:
    while True:
        n = msg[i]
        if n == 0:
            return i + 1
        if n & 0xC0 == 0xC0:  # compression pointer: two bytes, then the name ends
            return i + 2
        i += 1 + n


def parse_answer(msg: bytes, qid: int) -> list[str] | None:
    """The A addresses; None if `msg` is not the answer to `qid`; DnsAnswerError for a DNS error."""
    if len(msg) < 12:
        return None
    rid, flags, qd, an, _, _ = struct.unpack(">HHHHHH", msg[:12])
    if rid != qid or not flags & 0x8000:
        return None
    rcode = flags & 0xF
    if rcode:
        raise DnsAnswerError(_RCODES.get(rcode, "EBADRESP"))
    try:
        i = 12
        for _ in range(qd):
            i = _skip_name(msg, i) + 4
        out = []
        for _ in range(an):
            i = _skip_name(msg, i)
            rtype, _, _, rdlen = struct.unpack(">HHIH", msg[i:i + 10])
            i += 10
            if rtype == 1 and rdlen == 4:
                out.append(".".join(str(b) for b in msg[i:i + 4]))
            i += rdlen
    except (IndexError, struct.error):
        raise DnsAnswerError("EBADRESP") from None
    if not out:
        raise DnsAnswerError("ENODATA")
    return out


def nameservers(resolv_conf: str = "/etc/resolv.conf") -> list[str]:
    try:
        with open(resolv_conf, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "nameserver":
            out.append(parts[1].split("%")[0])
    return out
