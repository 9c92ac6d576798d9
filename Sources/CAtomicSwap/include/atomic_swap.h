#ifndef GONGKAI_ATOMIC_SWAP_H
#define GONGKAI_ATOMIC_SWAP_H

/// Atomically exchanges two paths (both must exist) on the same file system.
/// Returns 0 on success, else -1 with errno set (ENOSYS/EINVAL where the
/// kernel or file system cannot exchange; the caller then falls back).
int gongkai_exchange_paths(const char *a, const char *b);

#endif
