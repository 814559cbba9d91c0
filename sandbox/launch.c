/*
 * launch: start one untrusted program under an unprivileged uid and report how it ended.
 *
 *   launch REPORT_FD UID DIR CPU_S FSIZE_B NOFILE NPROC STACK_B DATA_B -- PROGRAM ARG...
 *
 * Run by the supervisor (container root holding only CAP_SETUID/CAP_SETGID). It forks; the
 * child drops to UID, applies the limits, and execs PROGRAM with the environment it was given.
 * The parent waits and writes "pid PID\n" then "exit STATUS UTIME_US STIME_US MAXRSS_KB\n" to
 * REPORT_FD. It exists as a separate small binary because a process forked from the (Python)
 * supervisor would inherit the supervisor's peak RSS into its own ru_maxrss across exec.
 * DATA_B = 0 leaves RLIMIT_DATA unlimited (JVM and V8 reserve far more than they use).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void limit(int resource, unsigned long long soft, unsigned long long hard) {
    struct rlimit rl = {soft, hard};
    if (setrlimit(resource, &rl) != 0) {
        perror("launch: setrlimit");
        _exit(126);
    }
}

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

    pid_t pid = fork();
    if (pid < 0) {
        perror("launch: fork");
        return 1;
    }
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
        if (setgroups(0, NULL) != 0 || setgid((gid_t)uid) != 0 || setuid(uid) != 0) {
            perror("launch: dropping privileges");
            _exit(126);
        }
        if (setuid(0) == 0) {
            fprintf(stderr, "launch: privileges were not dropped\n");
            _exit(126);
        }
        if (chdir(dir) != 0) {
            perror("launch: chdir");
            _exit(126);
        }
        execvpe(argv[11], &argv[11], environ);
        fprintf(stderr, "launch: cannot execute %s: %s\n", argv[11], strerror(errno));
        _exit(127);
    }

    dprintf(report, "pid %d\n", (int)pid);
    int status = 0;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("launch: wait4");
            return 1;
        }
    }
    long long utime = (long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec;
    long long stime = (long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
    dprintf(report, "exit %d %lld %lld %ld\n", status, utime, stime, ru.ru_maxrss);
    return 0;
}
