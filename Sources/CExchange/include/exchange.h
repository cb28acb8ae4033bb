#ifndef PORTAL_EXCHANGE_H
#define PORTAL_EXCHANGE_H

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

#endif
