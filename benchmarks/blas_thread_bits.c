/*
 * Does OpenBLAS's own threading change the bits of a dgemm? And how fast are the engine's fixed single-threaded
 * pieces against OpenBLAS's own two threads? (benchmarks/README.md, issue 19, fifth session.)
 *
 * The product is the sketch's step at n = 1000, m = 100: G = Z0 + B K (B 100 x 1000, K 1000 x 1000, row-major,
 * beta = 1), on pseudo-random numbers from a fixed seed. It is computed
 *   - as one call with openblas_set_num_threads(1), (2), (3), (4), (8), and the bits of each compared with one thread's
 *     and with two threads';
 *   - as the engine computes it (NativeBlas.multiply): OpenBLAS on one thread, 4 column blocks of 250, two on each of
 *     two threads; then also 2 blocks of 500 and 8 of 125, for comparison;
 * and each way timed over 100 products, five times.
 *
 * Build and run against the library a run of the engine extracted (its path is in provenance.json, "products"):
 *   lib=$HOME/.cache/benign-lab/openblas-0.3.31-1.5.13-linux-x86_64
 *   gcc -O2 benchmarks/blas_thread_bits.c -o /tmp/blas_thread_bits $lib/libopenblas.so.0 -lpthread -Wl,-rpath,$lib
 *   /tmp/blas_thread_bits [m n]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern void cblas_dgemm(int order, int transA, int transB, int m, int n, int k, double alpha, const double *a,
                        int lda, const double *b, int ldb, double beta, double *c, int ldc);
extern void openblas_set_num_threads(int threads);

enum { ROW_MAJOR = 101, NO_TRANS = 111 };

static int m = 100, n = 1000, blocks = 4;
static double *b, *k, *z0, *g;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* G = Z0 + B K as one call on OpenBLAS's threads (as many as last set). */
static void one_call(void) {
    memcpy(g, z0, sizeof(double) * m * n);
    cblas_dgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, n, 1.0, b, n, k, n, 1.0, g, n);
}

/* Column blocks [from, to) of `blocks`, each one single-threaded call (the engine's fixed pieces). */
static void column_blocks(int from, int to) {
    for (int q = from; q < to; q++) {
        int c0 = (int) ((long) n * q / blocks), c1 = (int) ((long) n * (q + 1) / blocks);
        cblas_dgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m, c1 - c0, n, 1.0, b, n, k + c0, n, 1.0, g + c0, n);
    }
}

static void *second_half(void *unused) {
    (void) unused;
    column_blocks(blocks / 2, blocks);
    return NULL;
}

/* The pieces on two threads: this one takes the first half of the blocks, a second thread the rest. */
static void pieces(void) {
    pthread_t other;
    memcpy(g, z0, sizeof(double) * m * n);
    pthread_create(&other, NULL, second_half, NULL);
    column_blocks(0, blocks / 2);
    pthread_join(other, NULL);
}

/* How many entries of g differ in bits from those of ref. */
static long differing(const double *ref) {
    long differ = 0;
    for (long i = 0; i < (long) m * n; i++) {
        differ += memcmp(&ref[i], &g[i], sizeof(double)) != 0;
    }
    return differ;
}

static double ms_per_product(void (*product)(void)) {
    double t0 = now();
    for (int i = 0; i < 100; i++) {
        product();
    }
    return (now() - t0) * 10.0;
}

int main(int argc, char **argv) {
    if (argc == 3) {
        m = atoi(argv[1]);
        n = atoi(argv[2]);
    }
    b = malloc(sizeof(double) * m * n);
    k = malloc(sizeof(double) * n * n);
    z0 = malloc(sizeof(double) * m * n);
    g = malloc(sizeof(double) * m * n);
    double *one = malloc(sizeof(double) * m * n);
    double *two = malloc(sizeof(double) * m * n);
    srand(1);
    for (long i = 0; i < (long) m * n; i++) {
        b[i] = rand() / (double) RAND_MAX - 0.5;
        z0[i] = rand() / (double) RAND_MAX;
    }
    for (long i = 0; i < (long) n * n; i++) {
        k[i] = rand() / (double) RAND_MAX - 0.5;
    }
    printf("G = Z0 + B K, m = %d, n = %d\n", m, n);
    int counts[] = {1, 2, 3, 4, 8};
    for (int c = 0; c < 5; c++) {
        int threads = counts[c];
        openblas_set_num_threads(threads);
        one_call();
        if (threads == 1) {
            memcpy(one, g, sizeof(double) * m * n);
        } else if (threads == 2) {
            memcpy(two, g, sizeof(double) * m * n);
        }
        if (threads > 1) {
            printf("one call on %d OpenBLAS threads: %ld of %ld entries differ in bits from one thread's, %ld from "
                   "two threads'\n", threads, differing(one), (long) m * n, differing(two));
        }
    }
    for (int rep = 0; rep < 5; rep++) {
        openblas_set_num_threads(2);
        double own_ms = ms_per_product(one_call);
        openblas_set_num_threads(1);
        blocks = 4;
        double four_ms = ms_per_product(pieces);
        blocks = 2;
        double two_ms = ms_per_product(pieces);
        blocks = 8;
        double eight_ms = ms_per_product(pieces);
        printf("ms a product: OpenBLAS's own 2 threads %.3f | fixed pieces on 2 threads: 4 blocks %.3f, 2 blocks %.3f, "
               "8 blocks %.3f\n", own_ms, four_ms, two_ms, eight_ms);
    }
    return 0;
}
