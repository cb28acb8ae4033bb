#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include "exchange.h"

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
