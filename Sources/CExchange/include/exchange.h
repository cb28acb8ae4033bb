#ifndef PORTAL_EXCHANGE_H
#define PORTAL_EXCHANGE_H

/// Atomically swaps two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where
/// the kernel or file system cannot exchange).
int portal_exchange_paths(const char *from, const char *to);

#endif
