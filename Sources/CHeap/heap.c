#include <malloc.h>
#include "heap.h"

int portal_pad_heap_growth(int bytes) {
    return mallopt(M_TOP_PAD, bytes);
}
