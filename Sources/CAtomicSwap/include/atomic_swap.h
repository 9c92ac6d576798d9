#ifndef GONGKAI_ATOMIC_SWAP_H
#define GONGKAI_ATOMIC_SWAP_H

/// Atomically exchanges two paths (both must exist) on the same file system.
/// Returns 0 on success, else -1 with errno set (ENOSYS/EINVAL where the
/// kernel or file system cannot exchange; the caller then falls back).
int gongkai_exchange_paths(const char *a, const char *b);

/// Keeps large allocations on the heap for reuse instead of mapping and
/// unmapping each (glibc's mallopt; nothing elsewhere). Call once, early.
void gongkai_tune_memory(void);

#endif
