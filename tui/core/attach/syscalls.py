"""System call numbers → names, for the calls a Node thread is usually found in.

Only a subset: a number missing here is shown as `syscall N`, which is still
honest. The numbers come from the kernel's uapi headers (x86_64:
asm/unistd_64.h; aarch64 uses the generic table, asm-generic/unistd.h, where
fstat/newfstatat/lseek/... are the __NR3264_* entries); a test cross-checks
them against the headers when those are installed.
"""

from __future__ import annotations

import platform

X86_64: dict[int, str] = {
    0: "read", 1: "write", 2: "open", 3: "close", 4: "stat", 5: "fstat", 6: "lstat",
    7: "poll", 8: "lseek", 9: "mmap", 10: "mprotect", 11: "munmap", 12: "brk",
    13: "rt_sigaction", 14: "rt_sigprocmask", 16: "ioctl", 17: "pread64",
    18: "pwrite64", 19: "readv", 20: "writev", 21: "access", 22: "pipe",
    23: "select", 24: "sched_yield", 25: "mremap", 26: "msync", 28: "madvise",
    32: "dup", 33: "dup2", 34: "pause", 35: "nanosleep", 39: "getpid",
    40: "sendfile", 41: "socket", 42: "connect", 43: "accept", 44: "sendto",
    45: "recvfrom", 46: "sendmsg", 47: "recvmsg", 48: "shutdown", 49: "bind",
    50: "listen", 54: "setsockopt", 55: "getsockopt", 56: "clone", 57: "fork",
    58: "vfork", 59: "execve", 60: "exit", 61: "wait4", 62: "kill", 72: "fcntl",
    73: "flock", 74: "fsync", 75: "fdatasync", 76: "truncate", 77: "ftruncate",
    78: "getdents", 82: "rename", 83: "mkdir", 84: "rmdir", 87: "unlink",
    89: "readlink", 90: "chmod", 91: "fchmod", 92: "chown", 93: "fchown",
    128: "rt_sigtimedwait", 130: "rt_sigsuspend", 137: "statfs", 138: "fstatfs",
    157: "prctl", 186: "gettid", 202: "futex", 217: "getdents64",
    230: "clock_nanosleep", 231: "exit_group", 232: "epoll_wait", 233: "epoll_ctl",
    234: "tgkill", 247: "waitid", 254: "inotify_add_watch", 257: "openat",
    258: "mkdirat", 260: "fchownat", 262: "newfstatat", 263: "unlinkat",
    264: "renameat", 267: "readlinkat", 268: "fchmodat", 269: "faccessat",
    270: "pselect6", 271: "ppoll", 275: "splice", 277: "sync_file_range",
    280: "utimensat", 281: "epoll_pwait", 285: "fallocate", 286: "timerfd_settime",
    288: "accept4", 290: "eventfd2", 291: "epoll_create1", 292: "dup3",
    293: "pipe2", 295: "preadv", 296: "pwritev", 299: "recvmmsg", 307: "sendmmsg",
    316: "renameat2", 318: "getrandom", 326: "copy_file_range", 327: "preadv2",
    328: "pwritev2", 332: "statx", 425: "io_uring_setup", 426: "io_uring_enter",
    435: "clone3", 437: "openat2", 439: "faccessat2", 441: "epoll_pwait2",
    449: "futex_waitv",
}

AARCH64: dict[int, str] = {
    17: "getcwd", 19: "eventfd2", 20: "epoll_create1", 21: "epoll_ctl",
    22: "epoll_pwait", 23: "dup", 24: "dup3", 25: "fcntl", 27: "inotify_add_watch",
    29: "ioctl", 32: "flock", 34: "mkdirat", 35: "unlinkat", 38: "renameat",
    43: "statfs", 44: "fstatfs", 45: "truncate", 46: "ftruncate", 47: "fallocate",
    48: "faccessat", 52: "fchmod", 53: "fchmodat", 54: "fchownat", 55: "fchown",
    56: "openat", 57: "close", 59: "pipe2", 61: "getdents64", 62: "lseek",
    63: "read", 64: "write", 65: "readv", 66: "writev", 67: "pread64",
    68: "pwrite64", 69: "preadv", 70: "pwritev", 71: "sendfile", 72: "pselect6",
    73: "ppoll", 76: "splice", 78: "readlinkat", 79: "newfstatat", 80: "fstat",
    82: "fsync", 83: "fdatasync", 84: "sync_file_range", 86: "timerfd_settime",
    88: "utimensat", 93: "exit", 94: "exit_group", 95: "waitid", 98: "futex",
    101: "nanosleep", 115: "clock_nanosleep", 124: "sched_yield", 129: "kill",
    131: "tgkill", 133: "rt_sigsuspend", 134: "rt_sigaction",
    135: "rt_sigprocmask", 137: "rt_sigtimedwait", 167: "prctl", 172: "getpid",
    178: "gettid", 198: "socket", 200: "bind", 201: "listen", 202: "accept",
    203: "connect", 206: "sendto", 207: "recvfrom", 208: "setsockopt",
    209: "getsockopt", 210: "shutdown", 211: "sendmsg", 212: "recvmsg",
    214: "brk", 215: "munmap", 216: "mremap", 220: "clone", 221: "execve",
    222: "mmap", 226: "mprotect", 227: "msync", 233: "madvise", 242: "accept4",
    243: "recvmmsg", 260: "wait4", 269: "sendmmsg", 276: "renameat2",
    278: "getrandom", 285: "copy_file_range", 286: "preadv2", 287: "pwritev2",
    291: "statx", 425: "io_uring_setup", 426: "io_uring_enter", 435: "clone3",
    437: "openat2", 439: "faccessat2", 441: "epoll_pwait2", 449: "futex_waitv",
}

_TABLES = {"x86_64": X86_64, "amd64": X86_64, "aarch64": AARCH64, "arm64": AARCH64}


def table_for(machine: str | None = None) -> dict[int, str]:
    """The table for this machine; empty (every call shown by number) if unknown."""
    return _TABLES.get((machine or platform.machine()).lower(), {})


def syscall_name(nr: int, table: dict[int, str] | None = None) -> str:
    name = (table if table is not None else table_for()).get(nr)
    return name if name is not None else f"syscall {nr}"
