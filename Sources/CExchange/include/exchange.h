#ifndef PORTAL_EXCHANGE_H
#define PORTAL_EXCHANGE_H

#include <sys/types.h>

/// Atomically swaps two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where
/// the kernel or file system cannot exchange).
int portal_exchange_paths(const char *from, const char *to);

/// Takes (F_WRLCK, F_RDLCK) or gives up (F_UNLCK) a lease on an open file
/// (Linux fcntl F_SETLEASE). Returns 0 on success, -1 with errno set
/// otherwise (EAGAIN while another descriptor of the file is open; ENOSYS
/// where there are no leases).
int portal_set_lease(int descriptor, int type);

/// Starts `path` with `argv` (NULL-terminated) in the folder open at
/// `folder` (its working directory; posix_spawn with addfchdir), with this
/// process's environment. Returns the child's pid, or -1 with errno set.
int portal_spawn_in(int folder, const char *path, char *const argv[]);

/// Reads the entries of the folder open at `descriptor` into `buffer` as
/// `struct linux_dirent64` records (getdents64): without `fdopendir`, which
/// costs an `fstat` and an `fcntl` a folder. Returns the bytes read, 0 at
/// the end, or -1 with errno set.
ssize_t portal_read_directory(int descriptor, void *buffer, size_t size);

#endif
