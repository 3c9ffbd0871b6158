/*
 * Makes every fsync and fdatasync take SLOW_FSYNC_US microseconds longer (default 2000), to see the enqueue
 * benchmark on a disk as slow to sync as a Raspberry Pi's SD card (2 to 20 ms) from a machine whose disk
 * syncs in 0.15 ms. Both the raw loop and submit() get the same added wait, as they would on that disk.
 *
 *   gcc -shared -fPIC -O2 -o /tmp/slow-fsync.so bench/tools/slow-fsync.c -ldl
 *   SLOW_FSYNC_US=2000 LD_PRELOAD=/tmp/slow-fsync.so ./kiosk bench enqueue --count 1200 --warmup 300
 *
 * Not used by any test: a tool for docs/benchmarks.md.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>

static void wait_extra(void) {
    static long us = -1;
    if (us < 0) {
        const char *v = getenv("SLOW_FSYNC_US");
        us = v ? atol(v) : 2000;
    }
    struct timespec t = {us / 1000000, (us % 1000000) * 1000};
    nanosleep(&t, NULL);
}

int fsync(int fd) {
    static int (*real)(int);
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    int r = real(fd);
    wait_extra();
    return r;
}

int fdatasync(int fd) {
    static int (*real)(int);
    if (!real) real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    int r = real(fd);
    wait_extra();
    return r;
}
