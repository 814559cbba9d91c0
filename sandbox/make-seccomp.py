#!/usr/bin/env python3
"""Write sandbox/seccomp.json: an allowlist of system calls for sandbox containers.

Like Docker's default profile, unknown and new system calls are refused (EPERM), and the calls
that a container without capabilities has no business making (mount, namespaces, kernel
modules, keyrings, bpf, perf, ptrace, io_uring, clock setting, ...) are left out. Tightened
beyond the default, where it costs nothing for judged programs:
  - System V IPC and POSIX message queues: their objects outlive the process that made them,
    so a program could leave state behind for the next submission in a reused container;
  - ptrace and process_vm_*: a user program never needs to inspect another process;
  - personality beyond the harmless query/set values;
  - clone with namespace flags; clone3 answers ENOSYS so that libc falls back to clone.
Loosened: Landlock's three calls are allowed (Docker 20.10 refuses them): a process can only
ever restrict itself with them, and sandbox/launch.c confines every user program that way.
The names come from this machine's kernel headers (x86_64 and the generic table used by arm64),
so the profile covers both architectures. Run: python3 sandbox/make-seccomp.py
"""

import json
import re
from pathlib import Path

HEADERS = [
    Path("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"),
    Path("/usr/include/asm-generic/unistd.h"),
]

DENIED = {
    # privileged or host-wide operations (denied by Docker's default profile too)
    "acct",
    "add_key",
    "bpf",
    "clock_adjtime",
    "clock_settime",
    "create_module",
    "delete_module",
    "finit_module",
    "get_kernel_syms",
    "get_mempolicy",
    "init_module",
    "ioperm",
    "iopl",
    "kcmp",
    "kexec_file_load",
    "kexec_load",
    "keyctl",
    "lookup_dcookie",
    "mbind",
    "mount",
    "move_pages",
    "name_to_handle_at",
    "nfsservctl",
    "open_by_handle_at",
    "perf_event_open",
    "pivot_root",
    "query_module",
    "quotactl",
    "quotactl_fd",
    "reboot",
    "request_key",
    "set_mempolicy",
    "set_mempolicy_home_node",
    "setns",
    "settimeofday",
    "swapon",
    "swapoff",
    "sysfs",
    "_sysctl",
    "umount2",
    "unshare",
    "uselib",
    "userfaultfd",
    "ustat",
    "vm86",
    "vm86old",
    "fanotify_init",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "move_mount",
    "open_tree",
    "mount_setattr",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "syslog",
    "vhangup",
    "pidfd_getfd",
    "afs_syscall",
    "tuxcall",
    "security",
    "putpmsg",
    "getpmsg",
    "lsm_set_self_attr",
    "modify_ldt",
    # tightened for CodeArena
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "process_madvise",
    "msgget",
    "msgsnd",
    "msgrcv",
    "msgctl",
    "semget",
    "semop",
    "semtimedop",
    "semctl",
    "shmget",
    "shmat",
    "shmdt",
    "shmctl",
    "mq_open",
    "mq_unlink",
    "mq_timedsend",
    "mq_timedreceive",
    "mq_notify",
    "mq_getsetattr",
    # handled by the argument rules below
    "clone",
    "clone3",
    "personality",
}

NAMESPACE_FLAGS = 0x7E020000  # CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET


def syscall_names() -> set[str]:
    names: set[str] = set()
    for header in HEADERS:
        text = header.read_text()
        names.update(re.findall(r"#define __NR(?:3264)?_([a-z0-9_]+)\s", text))
    names.discard("syscalls")
    return names


def profile() -> dict:
    allowed = sorted(syscall_names() - DENIED)
    return {
        "defaultAction": "SCMP_ACT_ERRNO",
        "defaultErrnoRet": 1,
        "archMap": [
            {"architecture": "SCMP_ARCH_X86_64", "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
            {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]},
        ],
        "syscalls": [
            {"names": allowed, "action": "SCMP_ACT_ALLOW"},
            {
                "names": ["clone"],
                "action": "SCMP_ACT_ALLOW",
                "args": [{"index": 0, "value": NAMESPACE_FLAGS, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}],
                "comment": "threads and processes, but no new namespaces (x86_64, arm64: flags are arg 0)",
            },
            {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38},
        ]
        + [
            {
                "names": ["personality"],
                "action": "SCMP_ACT_ALLOW",
                "args": [{"index": 0, "value": value, "op": "SCMP_CMP_EQ"}],
            }
            for value in (0x0, 0x0008, 0x20000, 0x20008, 0xFFFFFFFF)
        ],
    }


if __name__ == "__main__":
    out = Path(__file__).with_name("seccomp.json")
    out.write_text(json.dumps(profile(), indent=1) + "\n")
    print(f"wrote {out}")
