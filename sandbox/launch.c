/*
 * launch: start untrusted programs under an unprivileged uid, account for every process they
 * make, and report how each ended.
 *
 *   launch REPORT_FD UID
 *
 * Started once by the supervisor (container root holding only CAP_SETUID/CAP_SETGID), it serves
 * one command at a time from its stdin, so that a test costs one fork and one exec, as running
 * the program by hand would. A command is a decimal byte count and a newline, then that many
 * bytes of NUL-terminated fields:
 *   run DIR CPU_S FSIZE_B NOFILE NPROC STACK_B DATA_B STDIN STDOUT STDERR RESULT ENVC ENV... ARGC ARGV...
 *   clean ROOT...
 * STDIN, STDOUT and STDERR are files the supervisor made (STDERR may name STDOUT: one file).
 * RESULT, unless it is "-", is one more, opened as the program's file descriptor 3: the channel a
 * function problem's harness writes its result to, apart from everything the user's code prints.
 * DATA_B = 0 leaves RLIMIT_DATA unlimited (JVM and V8 reserve far more than they use).
 * clean removes, as UID, everything UID owns under each ROOT (on the ROOT's own file system),
 * then looks again: between submissions, the reset of every place the program could write.
 *
 * It writes to REPORT_FD, one line each:
 *   "landlock ABI"          once: the Landlock ABI programs are confined with (0: none)
 *   "exit STATUS UTIME_US STIME_US MAXRSS_KB"   the program's main process ended
 *   "done UTIME_US STIME_US MAXRSS_KB"          every process it made is gone and reaped: their
 *                                               CPU summed, the largest peak memory of any one
 *   "clean LEFT"            after a clean: how many entries of UID's are left (0: all gone; at
 *                           most 100 counted; -1: the cleaning failed)
 *
 * launch is the child subreaper of everything a program starts, so a grandchild orphaned by its
 * parent, or a daemon that setsid()s away, is reparented here and reaped here; the supervisor
 * kills the runner's processes once the main process has ended, and "done" comes when the last
 * of them is collected.
 *
 * The child drops to UID, applies the limits, and confines itself with Landlock when the kernel
 * has it: it may read and execute what its uid may, but write only beneath /code, /tmp and
 * /dev/shm (and to /dev/null and friends). So it cannot write /proc/self/oom_score_adj (which
 * an unprivileged process may otherwise lower back to its inherited minimum), nor leave files in
 * /dev/mqueue, nor signal processes outside its own Landlock domain.
 *
 * It is a small binary of its own because a process forked from the (Python) supervisor would
 * inherit the supervisor's peak RSS into its own ru_maxrss across exec.
 *
 * Built with -DLAUNCH_LIBRARY it is the core of Node's fork server (sandbox/node/): the same
 * commands, limits, confinement and reports, but launch_serve() returns in the forked child, set
 * up short of the exec, and the Node.js it runs in then runs the program itself.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <grp.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

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

#define MAX_COMMAND (1 << 20)
#define MAX_FIELDS 4096

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

/* The ruleset every program is confined with, made once while still root, or -1. */
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

/* Read exactly `size` bytes from stdin; 0 at a clean end of input before any byte. */
static int read_exactly(char *buffer, size_t size) {
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(0, buffer + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (got == 0) return 0;
            fprintf(stderr, "launch: a command ended early\n");
            exit(2);
        }
        got += (size_t)n;
    }
    return 1;
}

/* The next command's fields, or 0 when the supervisor closed our stdin. */
static int next_command(char *buffer, char **fields, int *count) {
    char digits[16];
    size_t length = 0;
    for (;;) {
        if (!read_exactly(digits + length, 1)) return 0;
        if (digits[length] == '\n') break;
        if (++length >= sizeof(digits) - 1) {
            fprintf(stderr, "launch: bad command header\n");
            exit(2);
        }
    }
    digits[length] = 0;
    size_t size = strtoul(digits, NULL, 10);
    if (size == 0 || size > MAX_COMMAND) {
        fprintf(stderr, "launch: bad command size %zu\n", size);
        exit(2);
    }
    if (!read_exactly(buffer, size) || buffer[size - 1] != 0) {
        fprintf(stderr, "launch: a command must end with NUL\n");
        exit(2);
    }
    *count = 0;
    for (size_t i = 0; i < size && *count < MAX_FIELDS; i += strlen(buffer + i) + 1) fields[(*count)++] = buffer + i;
    fields[*count] = NULL; /* ends ARGV */
    return 1;
}

static void drop_privileges(uid_t uid) {
    if (setgroups(0, NULL) != 0 || setgid((gid_t)uid) != 0 || setuid(uid) != 0) fail("dropping privileges");
    if (setuid(0) == 0) {
        fprintf(stderr, "launch: privileges were not dropped\n");
        _exit(126);
    }
}

/* Remove `path` and all it holds; the caller owns it, though the program may have taken away
 * its own permissions. 0 when it is gone. */
static int remove_tree(const char *path) {
    struct stat st;
    if (lstat(path, &st) != 0) return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode)) return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
    if (chmod(path, 0700) != 0) return -1;
    DIR *dir = opendir(path);
    if (dir == NULL) return -1;
    int failed = 0;
    struct dirent *entry;
    char child[PATH_MAX];
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        if (snprintf(child, sizeof(child), "%s/%s", path, entry->d_name) >= (int)sizeof(child)) failed = 1;
        else if (remove_tree(child) != 0) failed = 1;
    }
    closedir(dir);
    return failed || rmdir(path) != 0 ? -1 : 0;
}

/* Under `path` (on device `dev`): with `remove`, delete every entry `uid` owns; either way, the
 * number of `uid`'s entries left. */
static long sweep(const char *path, uid_t uid, dev_t dev, int remove) {
    DIR *dir = opendir(path);
    if (dir == NULL) return 0;
    long left = 0;
    struct dirent *entry;
    char child[PATH_MAX];
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        if (snprintf(child, sizeof(child), "%s/%s", path, entry->d_name) >= (int)sizeof(child)) {
            left++;
            continue;
        }
        struct stat st;
        if (lstat(child, &st) != 0) continue;
        if (st.st_uid == uid) {
            if (!remove || remove_tree(child) != 0) left++;
        } else if (S_ISDIR(st.st_mode) && st.st_dev == dev) {
            left += sweep(child, uid, dev, remove);
        }
    }
    closedir(dir);
    return left;
}

static void clean(int report, uid_t uid, char **roots, int count) {
    pid_t pid = fork();
    if (pid < 0) fail("fork");
    if (pid == 0) {
        drop_privileges(uid);
        long left = 0;
        for (int i = 0; i < count; i++) {
            struct stat st;
            if (lstat(roots[i], &st) != 0) continue;
            sweep(roots[i], uid, st.st_dev, 1);
            left += sweep(roots[i], uid, st.st_dev, 0);
        }
        _exit(left > 100 ? 100 : (int)left);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) fail("waitpid");
    }
    /* Said once the child is gone, so that no process of UID's is left when the supervisor reads it. */
    dprintf(report, "clean %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

#ifdef LAUNCH_LIBRARY
/* Provided by the fork server: called in the server just before each fork. */
void launch_before_fork(void);
#endif

/* Run one program; with `program` (the library), return 1 in the child, set up short of the
 * exec, with *program its argv; 0 once the program is reported on. */
static int run(int report, uid_t uid, int ruleset, char **f, int count, char ***program) {
    /* run DIR CPU_S FSIZE_B NOFILE NPROC STACK_B DATA_B STDIN STDOUT STDERR RESULT ENVC ENV... ARGC ARGV... */
    if (count < 14 || strcmp(f[0], "run") != 0) {
        fprintf(stderr, "launch: bad command\n");
        exit(2);
    }
    const char *dir = f[1];
    unsigned long long cpu_s = strtoull(f[2], NULL, 10), fsize = strtoull(f[3], NULL, 10);
    unsigned long long nofile = strtoull(f[4], NULL, 10), nproc = strtoull(f[5], NULL, 10);
    unsigned long long stack = strtoull(f[6], NULL, 10), data = strtoull(f[7], NULL, 10);
    int envc = atoi(f[12]);
    if (envc < 0 || 13 + envc >= count) {
        fprintf(stderr, "launch: bad environment count\n");
        exit(2);
    }
    char **env = &f[13];
    int argc = atoi(f[13 + envc]);
    if (argc < 1 || 14 + envc + argc != count) {
        fprintf(stderr, "launch: bad argument count\n");
        exit(2);
    }
    char **argv = &f[14 + envc];
    int in = open(f[8], O_RDONLY | O_CLOEXEC);
    int out = open(f[9], O_WRONLY | O_CLOEXEC);
    int err = strcmp(f[9], f[10]) == 0 ? fcntl(out, F_DUPFD_CLOEXEC, 3) : open(f[10], O_WRONLY | O_CLOEXEC);
    int result = strcmp(f[11], "-") == 0 ? -1 : open(f[11], O_WRONLY | O_CLOEXEC);
    if (in < 0 || out < 0 || err < 0 || (result < 0 && strcmp(f[11], "-") != 0)) fail("opening the program's files");

#ifdef LAUNCH_LIBRARY
    launch_before_fork();
#endif
    pid_t pid = fork();
    if (pid < 0) fail("fork");
    if (pid == 0) {
        if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) fail("dup2");
        close(report);
        if (result >= 0 && dup2(result, 3) < 0) fail("dup2"); /* after the report's fd (3) is closed */
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
        drop_privileges(uid);
        if (chdir(dir) != 0) fail("chdir");
        if (ruleset >= 0) {
            if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) fail("PR_SET_NO_NEW_PRIVS");
            if (syscall(__NR_landlock_restrict_self, ruleset, 0) != 0) fail("landlock_restrict_self");
        }
        env[envc] = NULL; /* the ARGC field that follows the environment is not needed any more */
        environ = env;
        if (program != NULL) {
            close(in);
            close(out);
            close(err);
            if (result >= 0) close(result);
            *program = argv;
            return 1;
        }
        execvp(argv[0], argv);
        fprintf(stderr, "launch: cannot execute %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(in);
    close(out);
    close(err);
    if (result >= 0) close(result);
    int status = 0;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) fail("wait4");
    }
    char exited[128];
    snprintf(exited, sizeof(exited), "exit %d %lld %lld %ld\n", status, micros(ru.ru_utime), micros(ru.ru_stime),
             ru.ru_maxrss);
    long long utime = micros(ru.ru_utime), stime = micros(ru.ru_stime);
    long maxrss = ru.ru_maxrss;
    int ignored;
    struct rusage other;
    pid_t more = wait4(-1, &ignored, WNOHANG, &other);
    if (more < 0 && errno == ECHILD) {
        /* The program left nothing behind (the common case): both lines in one write. */
        dprintf(report, "%sdone %lld %lld %ld\n", exited, utime, stime, maxrss);
        return 0;
    }
    dprintf(report, "%s", exited);
    if (more > 0) {
        utime += micros(other.ru_utime);
        stime += micros(other.ru_stime);
        if (other.ru_maxrss > maxrss) maxrss = other.ru_maxrss;
    }
    /* The supervisor now kills whatever the program left; collect every one of them. */
    for (;;) {
        if (wait4(-1, &ignored, 0, &other) < 0) {
            if (errno == EINTR) continue;
            if (errno == ECHILD) break;
            fail("wait4");
        }
        utime += micros(other.ru_utime);
        stime += micros(other.ru_stime);
        if (other.ru_maxrss > maxrss) maxrss = other.ru_maxrss;
    }
    dprintf(report, "done %lld %lld %ld\n", utime, stime, maxrss);
    return 0;
}

/* Serve commands from stdin until it closes (0); with `program`, return 1 in the child of a run
 * (see run). `uid` is not 0. */
int launch_serve(int report, uid_t uid, char ***program) {
    /* Orphans of a program come to us, not to the supervisor, so that we reap (and count) them. */
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) fail("PR_SET_CHILD_SUBREAPER");
    int abi = landlock_abi();
    int ruleset = make_ruleset(abi);
    dprintf(report, "landlock %d\n", ruleset >= 0 ? abi : 0);
    static char buffer[MAX_COMMAND];
    static char *fields[MAX_FIELDS + 1];
    int count;
    while (next_command(buffer, fields, &count)) {
        if (strcmp(fields[0], "clean") == 0) clean(report, uid, &fields[1], count - 1);
        else if (run(report, uid, ruleset, fields, count, program)) return 1;
    }
    return 0;
}

#ifndef LAUNCH_LIBRARY
int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: launch REPORT_FD UID   (commands on stdin)\n");
        return 2;
    }
    int report = atoi(argv[1]);
    uid_t uid = (uid_t)strtoul(argv[2], NULL, 10);
    if (uid == 0) {
        fprintf(stderr, "launch: refusing to run programs as root\n");
        return 2;
    }
    return launch_serve(report, uid, NULL);
}
#endif
