#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include "exchange.h"

extern char **environ;

int portal_exchange_paths(const char *from, const char *to) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
#else
    (void)from;
    (void)to;
    errno = ENOSYS;
    return -1;
#endif
}

int portal_set_lease(int descriptor, int type) {
#if defined(__linux__) && defined(F_SETLEASE)
    return fcntl(descriptor, F_SETLEASE, type);
#else
    (void)descriptor;
    (void)type;
    errno = ENOSYS;
    return -1;
#endif
}

int portal_spawn_in(int folder, const char *path, char *const argv[]) {
    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0) return -1;
    pid_t pid = -1;
    int result = posix_spawn_file_actions_addfchdir_np(&actions, folder);
    if (result == 0) result = posix_spawn(&pid, path, &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (result != 0) {
        errno = result;
        return -1;
    }
    return pid;
}

ssize_t portal_read_directory(int descriptor, void *buffer, size_t size) {
    return getdents64(descriptor, buffer, size);
}
