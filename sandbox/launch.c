/*
 * launch: start one untrusted program under an unprivileged uid, account for every process it
 * makes, and report how it ended.
 *
 *   launch REPORT_FD UID DIR CPU_S FSIZE_B NOFILE NPROC STACK_B DATA_B -- PROGRAM ARG...
 *
 * Run by the supervisor (container root holding only CAP_SETUID/CAP_SETGID). It writes to
 * REPORT_FD, one line each:
 *   "landlock ABI"          the Landlock ABI the program is confined with (0: none available)
 *   "pid PID"               the program started
 *   "exit STATUS UTIME_US STIME_US MAXRSS_KB"   the program's main process ended
 *   "done UTIME_US STIME_US MAXRSS_KB"          every process it made is gone and reaped:
 *                                               their CPU summed, their largest peak memory
 *
 * launch is the child subreaper of everything the program starts, so a grandchild orphaned
 * by its parent, or a daemon that setsid()s away, is reparented here and reaped here; the
 * supervisor kills the runner's processes once the main process has ended, and "done" comes
 * when the last of them is collected.
 *
 * The child drops to UID, applies the limits, and confines itself with Landlock when the
 * kernel has it: it may read and execute what its uid may, but write only beneath /code, /tmp
 * and /dev/shm (and to /dev/null and friends). So it cannot write /proc/self/oom_score_adj
 * (which an unprivileged process may otherwise lower back to its inherited minimum), nor
 * leave files in /dev/mqueue, nor signal processes outside its own Landlock domain.
 *
 * It is a small binary of its own because a process forked from the (Python) supervisor would
 * inherit the supervisor's peak RSS into its own ru_maxrss across exec.
 * DATA_B = 0 leaves RLIMIT_DATA unlimited (JVM and V8 reserve far more than they use).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Landlock's user API, spelled out so that the build does not depend on the headers' age. */
#ifndef __NR_landlock_create_ruleset
#define __NR_landlock_create_ruleset 444
#define __NR_landlock_add_rule 445
#define __NR_landlock_restrict_self 446
#endif
#define LL_CREATE_RULESET_VERSION (1U << 0)
#define LL_RULE_PATH_BENEATH 1
#define LL_FS_EXECUTE (1ULL << 0)
#define LL_FS_WRITE_FILE (1ULL << 1)
#define LL_FS_READ_FILE (1ULL << 2)
#define LL_FS_READ_DIR (1ULL << 3)
#define LL_FS_V1_ALL ((1ULL << 13) - 1) /* EXECUTE .. MAKE_SYM */
#define LL_FS_REFER (1ULL << 13)        /* ABI 2 */
#define LL_FS_TRUNCATE (1ULL << 14)     /* ABI 3 */
#define LL_FS_IOCTL_DEV (1ULL << 15)    /* ABI 5 */
#define LL_NET_BIND_TCP (1ULL << 0)     /* ABI 4 */
#define LL_NET_CONNECT_TCP (1ULL << 1)
#define LL_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0) /* ABI 6 */
#define LL_SCOPE_SIGNAL (1ULL << 1)

struct ll_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};

struct ll_path_beneath_attr {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));

static const char *const WRITABLE_DIRS[] = {"/code", "/tmp", "/dev/shm"};
static const char *const WRITABLE_DEVICES[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"};

static void fail(const char *what) {
    fprintf(stderr, "launch: %s: %s\n", what, strerror(errno));
    _exit(126);
}

static void limit(int resource, unsigned long long soft, unsigned long long hard) {
    struct rlimit rl = {soft, hard};
    if (setrlimit(resource, &rl) != 0) fail("setrlimit");
}

static int landlock_abi(void) {
    long abi = syscall(__NR_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);
    return abi < 0 ? 0 : (int)abi;
}

static void allow(int ruleset, const char *path, uint64_t access) {
    int fd = open(path, O_PATH | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return; /* a device or directory this image lacks */
        fail(path);
    }
    struct ll_path_beneath_attr rule = {.allowed_access = access, .parent_fd = fd};
    if (syscall(__NR_landlock_add_rule, ruleset, LL_RULE_PATH_BENEATH, &rule, 0) != 0) fail("landlock_add_rule");
    close(fd);
}

/* The ruleset for the program, made while still root (so every path can be opened), or -1. */
static int make_ruleset(int abi) {
    if (abi < 1) return -1;
    uint64_t fs = LL_FS_V1_ALL;
    if (abi >= 2) fs |= LL_FS_REFER;
    if (abi >= 3) fs |= LL_FS_TRUNCATE;
    if (abi >= 5) fs |= LL_FS_IOCTL_DEV;
    struct ll_ruleset_attr attr = {.handled_access_fs = fs};
    size_t size = sizeof(uint64_t);
    if (abi >= 4) {
        attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
        size = 2 * sizeof(uint64_t);
    }
    if (abi >= 6) {
        attr.scoped = LL_SCOPE_ABSTRACT_UNIX_SOCKET | LL_SCOPE_SIGNAL;
        size = sizeof(attr);
    }
    int ruleset = (int)syscall(__NR_landlock_create_ruleset, &attr, size, 0);
    if (ruleset < 0) fail("landlock_create_ruleset");
    allow(ruleset, "/", LL_FS_EXECUTE | LL_FS_READ_FILE | LL_FS_READ_DIR);
    for (size_t i = 0; i < sizeof(WRITABLE_DIRS) / sizeof(*WRITABLE_DIRS); i++) allow(ruleset, WRITABLE_DIRS[i], fs);
    uint64_t device = LL_FS_READ_FILE | LL_FS_WRITE_FILE | (fs & (LL_FS_TRUNCATE | LL_FS_IOCTL_DEV));
    for (size_t i = 0; i < sizeof(WRITABLE_DEVICES) / sizeof(*WRITABLE_DEVICES); i++)
        allow(ruleset, WRITABLE_DEVICES[i], device);
    return ruleset;
}

static long long micros(struct timeval tv) { return (long long)tv.tv_sec * 1000000 + tv.tv_usec; }

int main(int argc, char **argv) {
    if (argc < 12 || strcmp(argv[10], "--") != 0) {
        fprintf(stderr, "usage: launch REPORT_FD UID DIR CPU_S FSIZE_B NOFILE NPROC STACK_B DATA_B -- PROGRAM ARG...\n");
        return 2;
    }
    int report = atoi(argv[1]);
    uid_t uid = (uid_t)strtoul(argv[2], NULL, 10);
    const char *dir = argv[3];
    unsigned long long cpu_s = strtoull(argv[4], NULL, 10);
    unsigned long long fsize = strtoull(argv[5], NULL, 10);
    unsigned long long nofile = strtoull(argv[6], NULL, 10);
    unsigned long long nproc = strtoull(argv[7], NULL, 10);
    unsigned long long stack = strtoull(argv[8], NULL, 10);
    unsigned long long data = strtoull(argv[9], NULL, 10);
    if (uid == 0) {
        fprintf(stderr, "launch: refusing to run as root\n");
        return 2;
    }
    /* Orphans of the program come to us, not to the supervisor, so that we reap (and count) them. */
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) fail("PR_SET_CHILD_SUBREAPER");
    int abi = landlock_abi();
    int ruleset = make_ruleset(abi);
    dprintf(report, "landlock %d\n", ruleset >= 0 ? abi : 0);

    pid_t pid = fork();
    if (pid < 0) fail("fork");
    if (pid == 0) {
        close(report);
        int fd = open("/proc/self/oom_score_adj", O_WRONLY);
        if (fd >= 0) {
            /* If the container runs out of memory, the user's program goes first. */
            (void)!write(fd, "1000", 4);
            close(fd);
        }
        limit(RLIMIT_CPU, cpu_s, cpu_s + 1);
        limit(RLIMIT_FSIZE, fsize, fsize);
        limit(RLIMIT_NOFILE, nofile, nofile);
        limit(RLIMIT_NPROC, nproc, nproc);
        limit(RLIMIT_STACK, stack, stack);
        limit(RLIMIT_CORE, 0, 0);
        if (data > 0) limit(RLIMIT_DATA, data, data);
        if (setgroups(0, NULL) != 0 || setgid((gid_t)uid) != 0 || setuid(uid) != 0) fail("dropping privileges");
        if (setuid(0) == 0) {
            fprintf(stderr, "launch: privileges were not dropped\n");
            _exit(126);
        }
        if (chdir(dir) != 0) fail("chdir");
        if (ruleset >= 0) {
            if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail("PR_SET_NO_NEW_PRIVS");
            if (syscall(__NR_landlock_restrict_self, ruleset, 0) != 0) fail("landlock_restrict_self");
            close(ruleset);
        }
        execvpe(argv[11], &argv[11], environ);
        fprintf(stderr, "launch: cannot execute %s: %s\n", argv[11], strerror(errno));
        _exit(127);
    }
    if (ruleset >= 0) close(ruleset);

    dprintf(report, "pid %d\n", (int)pid);
    int status = 0;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) fail("wait4");
    }
    dprintf(report, "exit %d %lld %lld %ld\n", status, micros(ru.ru_utime), micros(ru.ru_stime), ru.ru_maxrss);
    /* The supervisor now kills whatever the program left; collect every one of them. */
    for (;;) {
        int ignored;
        if (waitpid(-1, &ignored, 0) < 0) {
            if (errno == EINTR) continue;
            if (errno == ECHILD) break;
            fail("waitpid");
        }
    }
    struct rusage all;
    getrusage(RUSAGE_CHILDREN, &all);
    dprintf(report, "done %lld %lld %ld\n", micros(all.ru_utime), micros(all.ru_stime), all.ru_maxrss);
    return 0;
}
