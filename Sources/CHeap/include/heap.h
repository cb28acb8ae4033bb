#ifndef PORTAL_HEAP_H
#define PORTAL_HEAP_H

/// Makes glibc's allocator grow each heap by at least `bytes` at a time
/// (mallopt M_TOP_PAD). Returns 1 on success, 0 otherwise.
int portal_pad_heap_growth(int bytes);

#endif
