package org.benignlab.engine;

import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A native BLAS (JNI through dev.ludovic.netlib, the binding Spark MLlib uses) for the large products (the dense
 * engine's step and evaluation, the span engine's setup and products, the sketch's Gram product). The engines reach
 * it only through the {@link Products} they are given ({@link Products#nativeBlas()}); this class loads the library,
 * once per process (a JNI library cannot be loaded twice). Which library, chosen when this class initialises by
 * {@code -Dbenign.blas}:
 * <ul>
 *   <li>unset or {@code bundled} (the default): the OpenBLAS the build ships ({@link BundledOpenBlas}, bytedeco's
 *       platform jar, extracted once into a cache folder), else (unset only) as for {@code system};</li>
 *   <li>{@code system}: the system's {@code libblas.so.3} (e.g. Debian's {@code libopenblas0-pthread}), or the
 *       path in the binding's own property {@value #LIB_PATH_PROPERTY}, which also wins over the bundled one;</li>
 *   <li>{@code java}: none; the engines use their own Java kernels ({@link ParallelNetworkOps}), as they do
 *       whenever no native library loads.</li>
 * </ul>
 * A load failure is caught and remembered ({@link #description()}), never thrown. The pure-Java fallbacks of the
 * binding (F2J, and VectorBLAS, which needs {@code --add-modules jdk.incubator.vector}) are never used.
 *
 * <p><b>How a product is split.</b> Fixed by the sizes and by the environment when this class initialises, never
 * by the engine's thread count ({@link #splitting()}):
 * <ul>
 *   <li><b>small products</b> (fewer than {@link #SMALL_PRODUCT} multiply-adds: the span step's B K, the norms'
 *       products, a recorded step's few test points) are cut into blocks of rows of at most
 *       {@link #SERIAL_BLOCK} multiply-adds, run one after the other on the calling thread: each is below
 *       OpenBLAS's own threshold for threading a call, and handing a few microseconds of work to other threads
 *       (ours or OpenBLAS's) costs more than it saves;</li>
 *   <li><b>blocks</b> (larger products when OpenBLAS runs one thread, {@code OPENBLAS_NUM_THREADS=1} as the
 *       {@code benign} launcher and the tests set it, or the BLAS is not OpenBLAS): cut into pieces fixed by the
 *       sizes alone, one BLAS call each, our threads taking whole pieces ({@link ParallelNetworkOps#forEachBlock}).
 *       A B^T and the lower triangle of A A^T (the latter in {@link GramPipeline}, piece by piece through
 *       {@link #gramPiece}): the output's rows and columns each cut into groups of about {@value #PIECE}
 *       ({@link #groups}), so a piece is a sizeable dgemm (or, on the diagonal of A A^T, a dsyrk) that reads its
 *       rows of A and B once, and the pieces are about equal (fixed-height row blocks would read B once per
 *       block and leave unequal blocks for the threads); C X: {@link #columnBlocks} blocks of at most
 *       {@value #COL_BLOCK} output columns;</li>
 *   <li><b>one call</b> (larger products when OpenBLAS runs more than one thread of its own, e.g.
 *       {@code OPENBLAS_NUM_THREADS} unset on a multi-core machine): one BLAS call from the calling thread,
 *       split by OpenBLAS's threads. Our threads calling a multi-threaded OpenBLAS at the same time oversubscribe
 *       the cores.</li>
 * </ul>
 * Either way the numbers do not depend on the engine's thread count, on which thread computes which block, or
 * on machine load. What they do depend on is the BLAS itself: library, version, CPU kernel and OpenBLAS's own
 * thread count (fixed when the library loads, from {@code OPENBLAS_NUM_THREADS}, {@code GOTO_NUM_THREADS},
 * {@code OMP_NUM_THREADS} or the number of cores: different OpenBLAS thread counts may give different last bits),
 * and with it the splitting.
 * Run with {@code OPENBLAS_NUM_THREADS=1} to take OpenBLAS's threading out of the numbers (our threads still
 * run the blocks in parallel). The native and the Java kernels sum in different orders, so they agree to
 * about 1e-12 relative, not bit for bit.
 *
 * <p>All matrices are flat row-major arrays. BLAS is column-major: a row-major r x c matrix is the
 * column-major c x r matrix with leading dimension c.
 */
public final class NativeBlas {
    /** System property that forces the Java kernels: {@code -Dbenign.blas=java}. */
    public static final String PROPERTY = "benign.blas";

    /** About how many output rows (and columns) a piece of a large A B^T or A A^T has ({@link #groups}). */
    static final int PIECE = 128;

    /** Most output columns per dgemm call in {@link #multiply} ({@link #columnBlocks}). */
    static final int COL_BLOCK = 2048;

    /**
     * Fewest column blocks of a large C X with at least that many groups of {@value #PIECE} columns: four, enough
     * for four threads; narrower blocks make each dgemm less efficient (the sketch's B K at n = 1000 in 8 blocks of
     * 125 columns took 12% longer on two threads than in 4 of 250; benchmarks/README.md).
     */
    static final int MIN_COL_BLOCKS = 4;

    /**
     * A product of fewer multiply-adds than this is small (the span step's B K, the norms' products) and is cut
     * into serial calls of at most {@link #SERIAL_BLOCK} multiply-adds each, whatever the splitting.
     */
    static final long SMALL_PRODUCT = 1L << 23;

    /**
     * Most multiply-adds of one call of a small product: at most OpenBLAS's own threshold for
     * threading a dgemm (at most 65536 · GEMM_MULTITHREAD_THRESHOLD = 262144 in its default build), so OpenBLAS runs
     * it on the calling thread: waking its threads for a few microseconds of work costs more than it saves.
     */
    static final long SERIAL_BLOCK = 1L << 18;

    // kept strongly reachable so the level set below sticks
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");
    /** The binding's system property naming the BLAS library to load by path. */
    static final String LIB_PATH_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";

    // declared before BLAS: load() sets them during class initialisation
    private static String failure = "";
    /** Where the library came from: "bundled", "system" or the binding's property the user set. */
    private static String source = "";
    private static String libraries = "";
    private static final NativeBLAS BLAS = load();
    /** OpenBLAS's own thread count as the environment sets it, 1 for another library or none. */
    private static final int LIBRARY_THREADS = BLAS == null ? 1 : libraryThreads(libraries);

    private NativeBlas() {
    }

    private static NativeBLAS load() {
        if ("java".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim())) {
            failure = "forced by -D" + PROPERTY + "=java";
            return null;
        }
        String mode = System.getProperty(PROPERTY, "").trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.isEmpty() && !mode.equals("system") && !mode.equals("bundled")) {
            failure = "-D" + PROPERTY + "=" + mode + " is not one of bundled, system, java";
            return null;
        }
        String bundledFailure = null;
        // the binding dlopen()s the path in this property when its JNI part loads; a path the user set wins
        if (!mode.equals("system") && System.getProperty(LIB_PATH_PROPERTY) == null) {
            try {
                Path lib = BundledOpenBlas.library(NativeBlas.class.getClassLoader());
                System.setProperty(LIB_PATH_PROPERTY, lib.toString());
                source = "bundled";
            } catch (IOException | RuntimeException e) {
                bundledFailure = "no bundled OpenBLAS (" + e.getMessage() + ")";
                if (mode.equals("bundled")) {
                    failure = bundledFailure;
                    return null;
                }
            }
        }
        if (source.isEmpty()) {
            source = System.getProperty(LIB_PATH_PROPERTY) != null ? "-D" + LIB_PATH_PROPERTY : "system";
        }
        Level level = NETLIB_LOG.getLevel();
        NETLIB_LOG.setLevel(Level.OFF); // the binding logs each implementation it fails to load
        try {
            NativeBLAS blas = NativeBLAS.getInstance();
            libraries = loadedBlasLibraries();
            return blas;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, RuntimeException, ...
            failure = (bundledFailure == null ? "" : bundledFailure + "; ")
                    + "no native BLAS found: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage());
            return null;
        } finally {
            NETLIB_LOG.setLevel(level);
        }
    }

    /** The BLAS shared objects mapped into this process (Linux: from /proc/self/maps), for provenance. */
    private static String loadedBlasLibraries() {
        Set<String> found = new LinkedHashSet<>();
        Path maps = Path.of("/proc/self/maps");
        if (Files.isReadable(maps)) {
            try (Stream<String> lines = Files.lines(maps)) {
                lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                        .filter(f -> f.startsWith("/"))
                        .filter(f -> {
                            String name = f.substring(f.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
                            return (name.contains("blas") || name.contains("mkl")) && !name.contains("netlibblasjni");
                        })
                        .forEach(found::add);
            } catch (IOException | RuntimeException e) {
                // provenance detail only
            }
        }
        return found.isEmpty() ? "libblas.so.3" : String.join(", ", found);
    }

    /**
     * The threads OpenBLAS gives itself when it loads: the first of {@code OPENBLAS_NUM_THREADS},
     * {@code GOTO_NUM_THREADS}, {@code OMP_NUM_THREADS} that is a number &gt;= 1, else the number of processors,
     * at most the number of processors (OpenBLAS's {@code blas_get_cpu_number}); 1 when the loaded library is
     * not OpenBLAS or is its serial build.
     */
    static int libraryThreads(String loaded) {
        String lower = loaded.toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("openblas") || lower.contains("serial")) {
            return 1;
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        for (String name : new String[] {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
            String v = System.getenv(name);
            if (v != null) {
                try {
                    int t = Integer.parseInt(v.trim().split(",")[0].trim());
                    if (t >= 1) {
                        return Math.min(t, cpus);
                    }
                } catch (NumberFormatException e) {
                    // OpenBLAS reads such a value as 0, i.e. unset
                }
            }
        }
        return cpus;
    }

    /** How products are split: {@code "blocks"} or {@code "one call"} (class comment). */
    static String splitting() {
        return oneCall() ? "one call" : "blocks";
    }

    /**
     * Into how many groups a large product's output dimension of {@code size} rows is cut: {@code size /}
     * {@value #PIECE}, rounded, at least 1 (the pieces of a group differ by at most one row: {@link #bound}).
     */
    static int groups(int size) {
        return Math.max(1, (size + PIECE / 2) / PIECE);
    }

    /** Start of group g of {@code groups} over {@code size} rows. */
    static int bound(int size, int groups, int g) {
        return (int) ((long) size * g / groups);
    }

    /** Rows per block of a small product whose rows cost {@code perRow} multiply-adds each. */
    private static int smallRows(long perRow) {
        return (int) Math.max(1, SERIAL_BLOCK / Math.max(1, perRow));
    }

    /** Whether each product is one BLAS call (OpenBLAS threads itself) rather than fixed blocks. */
    static boolean oneCall() {
        return LIBRARY_THREADS > 1;
    }

    /** Whether the native library is in use. */
    public static boolean available() {
        return BLAS != null;
    }

    /**
     * Which kernels run the large products, for provenance: {@code "native BLAS (...)"} with the binding,
     * the loaded library files and OpenBLAS's thread setting, or {@code "Java kernels (...)"} with the
     * reason (no native library, with the load error, or forced by {@code -Dbenign.blas=java}).
     */
    public static String description() {
        if (BLAS == null) {
            return "Java kernels (" + failure + ")";
        }
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        return "native BLAS (dev.ludovic.netlib " + BLAS.getClass().getSimpleName() + " -> " + source + " " + libraries
                + "; OPENBLAS_NUM_THREADS=" + (threads == null ? "unset" : threads) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; "
                + (oneCall() ? "one call per product on OpenBLAS's " + LIBRARY_THREADS + " threads"
                        : "fixed pieces of about " + PIECE + " x " + PIECE + " / at most " + COL_BLOCK + " columns") + ")";
    }

    /**
     * out = A B^T: out (rowsA x rowsB) from a (rowsA x inner) and b (rowsB x inner), e.g. Z^T = W X^T.
     * A small product: serial blocks of rows of A (and of out) of at most {@link #SERIAL_BLOCK} multiply-adds;
     * else a grid of pieces, {@link #groups}(rowsA) x {@link #groups}(rowsB) (at least two), on the threads, or
     * one call (class comment); each dgemm("T", "N", cols, rows, inner) on the column-major views
     * (B_cols A_rows^T column-major = the piece of out row-major, leading dimension rowsB).
     *
     * @param a   A, row-major rowsA x inner (not modified)
     * @param b   B, row-major rowsB x inner (not modified)
     * @param out receives A B^T, row-major rowsA x rowsB (modified)
     * @param ops runs the blocks (its thread count does not change the result)
     */
    static void multiplyTransB(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                               ParallelNetworkOps ops) {
        multiplyTransB(a, b, out, rowsA, rowsB, inner, ops, oneCall());
    }

    /** {@link #multiplyTransB(double[], double[], double[], int, int, int, ParallelNetworkOps)}, split as asked. */
    static void multiplyTransB(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                               ParallelNetworkOps ops, boolean oneCall) {
        multiplyTransB(a, b, out, rowsA, rowsB, inner, ops, oneCall, 0.0);
    }

    /**
     * out = out + A B^T: as {@link #multiplyTransB(double[], double[], double[], int, int, int, ParallelNetworkOps)}
     * (same blocks) with the product added to what {@code out} holds (dgemm's beta = 1).
     *
     * @param out holds the addend, receives out + A B^T, row-major rowsA x rowsB (modified)
     */
    static void multiplyTransBAdd(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                                  ParallelNetworkOps ops) {
        multiplyTransB(a, b, out, rowsA, rowsB, inner, ops, oneCall(), 1.0);
    }

    /**
     * Whether a rows x cols product of {@code inner} terms per entry needs no BLAS call: it is empty, or it has no
     * terms, so that the output is zero (beta = 0, filled here) or unchanged (beta = 1).
     */
    private static boolean withoutTerms(double[] out, int rows, int cols, int inner, double beta) {
        if (rows == 0 || cols == 0) {
            return true;
        }
        if (inner == 0 && beta == 0.0) {
            java.util.Arrays.fill(out, 0, rows * cols, 0.0);
        }
        return inner == 0;
    }

    /**
     * out = A op(B) (plus out when beta = 1) in serial dgemm calls, for A rows x inner (row-major) and op(B) inner x
     * cols read from b with leading dimension ldb ("T": b is cols x inner, "N": b is inner x cols): row blocks of
     * {@link #smallRows} rows for a small product, one call for a large one when OpenBLAS threads its calls itself.
     * False, with nothing done, for a large product cut into fixed blocks.
     */
    private static boolean serially(String transB, double[] a, double[] b, int ldb, double[] out, int rows, int cols,
                                    int inner, boolean oneCall, double beta) {
        long perRow = (long) cols * inner;
        boolean small = perRow * rows < SMALL_PRODUCT;
        if (!small && !oneCall) {
            return false;
        }
        int step = small ? smallRows(perRow) : rows;
        for (int r0 = 0; r0 < rows; r0 += step) {
            int block = Math.min(step, rows - r0);
            BLAS.dgemm(transB, "N", cols, block, inner, 1.0, b, 0, ldb, a, r0 * inner, inner, beta, out, r0 * cols,
                    cols);
        }
        return true;
    }

    private static void multiplyTransB(double[] a, double[] b, double[] out, int rowsA, int rowsB, int inner,
                                       ParallelNetworkOps ops, boolean oneCall, double beta) {
        if (withoutTerms(out, rowsA, rowsB, inner, beta)) {
            return;
        }
        if (serially("T", a, b, inner, out, rowsA, rowsB, inner, oneCall, beta)) {
            return;
        }
        // a grid of ga x gb pieces of about PIECE x PIECE, at least two when there are two rows to split
        int ga = groups(rowsA);
        int gb = groups(rowsB);
        if (ga * gb == 1 && Math.max(rowsA, rowsB) > 1) {
            if (rowsB >= rowsA) {
                gb = 2;
            } else {
                ga = 2;
            }
        }
        int groupsA = ga;
        int groupsB = gb;
        ops.forEachBlock(groupsA * groupsB, new java.util.function.IntConsumer() { // no lambda: ParallelNetworkOps
            @Override
            public void accept(int piece) {
                int r0 = bound(rowsA, groupsA, piece / groupsB);
                int r1 = bound(rowsA, groupsA, piece / groupsB + 1);
                int c0 = bound(rowsB, groupsB, piece % groupsB);
                int c1 = bound(rowsB, groupsB, piece % groupsB + 1);
                if (r1 > r0 && c1 > c0) {
                    BLAS.dgemm("T", "N", c1 - c0, r1 - r0, inner, 1.0, b, c0 * inner, inner, a, r0 * inner, inner,
                            beta, out, r0 * rowsB + c0, rowsB);
                }
            }
        });
    }

    /**
     * G = C X: g (m x p) from c (m x n) and x (n x p), e.g. the gradient. A small product: serial blocks of rows
     * of C (and of G) of at most {@link #SERIAL_BLOCK} multiply-adds; else {@link #columnBlocks}(p) blocks of
     * columns of X (and of G) on the threads, or one call (class comment); each dgemm("N", "N", cols, rows, n) on the
     * column-major views (X_block^T C^T = G_block^T column-major = the block of G row-major, leading dimension p).
     *
     * @param c   C, row-major m x n (not modified)
     * @param x   X, row-major n x p (not modified)
     * @param g   receives C X, row-major m x p (modified)
     * @param ops runs the blocks (its thread count does not change the result)
     */
    static void multiply(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops) {
        multiply(c, x, g, m, n, p, ops, oneCall());
    }

    /** {@link #multiply(double[], double[], double[], int, int, int, ParallelNetworkOps)}, split as asked. */
    static void multiply(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops,
                         boolean oneCall) {
        multiply(c, x, g, m, n, p, ops, oneCall, 0.0);
    }

    /**
     * G = G + C X, e.g. Z^T = Z0^T + B K: as {@link #multiply(double[], double[], double[], int, int, int,
     * ParallelNetworkOps)} (same blocks) with the product added to what {@code g} holds (dgemm's beta = 1).
     *
     * @param g holds the addend, receives G + C X, row-major m x p (modified)
     */
    static void multiplyAdd(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops) {
        multiply(c, x, g, m, n, p, ops, oneCall(), 1.0);
    }

    private static void multiply(double[] c, double[] x, double[] g, int m, int n, int p, ParallelNetworkOps ops,
                                 boolean oneCall, double beta) {
        if (withoutTerms(g, m, p, n, beta)) {
            return;
        }
        if (serially("N", c, x, p, g, m, p, n, oneCall, beta)) {
            return;
        }
        int blocks = columnBlocks(p);
        ops.forEachBlock(blocks, new java.util.function.IntConsumer() { // no lambda: ParallelNetworkOps
            @Override
            public void accept(int blk) {
                int k0 = bound(p, blocks, blk);
                int cols = bound(p, blocks, blk + 1) - k0;
                BLAS.dgemm("N", "N", cols, m, n, 1.0, x, k0, p, c, 0, n, beta, g, k0, p);
            }
        });
    }

    /**
     * Into how many column blocks a large C X with p output columns is cut: p / {@value #COL_BLOCK} rounded up,
     * but at least {@value #MIN_COL_BLOCKS} (or {@link #groups}(p) when that is fewer), so that a product with few
     * columns and a long inner dimension (the sketch's B K at n in the thousands) still spreads over the threads.
     * Fixed by p alone; the blocks differ in width by at most one column ({@link #bound}).
     */
    static int columnBlocks(int p) {
        return Math.max((p + COL_BLOCK - 1) / COL_BLOCK, Math.min(MIN_COL_BLOCKS, groups(p)));
    }

    /**
     * out = A A^T (rows x rows, symmetric: both triangles written, bit-for-bit equal) from a (rows x inner) as one
     * dsyrk, in about half the multiply-adds of A A^T, then the lower triangle copied onto the upper one: the span
     * setup's V V^T when OpenBLAS threads its calls itself ({@link #oneCall()}); with one OpenBLAS thread the
     * setup cuts it into pieces of its own ({@link GramPipeline}, {@link #gramPiece}).
     *
     * @param a   A, row-major rows x inner (not modified)
     * @param out receives A A^T, row-major rows x rows (modified)
     */
    static void gram(double[] a, double[] out, int rows, int inner) {
        if (rows == 0) {
            return;
        }
        if (inner == 0) {
            java.util.Arrays.fill(out, 0, rows * rows, 0.0);
            return;
        }
        // column-major: A' = A^T (inner x rows), C = A'^T A', upper triangle = row-major lower triangle
        BLAS.dsyrk("U", "T", rows, inner, 1.0, a, 0, inner, 0.0, out, 0, rows);
        for (int j = 0; j < rows; j++) {
            for (int k = j + 1; k < rows; k++) {
                out[j * rows + k] = out[k * rows + j];
            }
        }
    }

    /**
     * One piece of the lower triangle of out = A A^T (rows x rows, row-major) on the calling thread: rows
     * [r0, r1) against rows [c0, c1) of A, with c1 &lt;= r0 (dgemm) or the diagonal block r0 = c0, r1 = c1 (dsyrk into
     * a scratch array, its lower triangle copied). The pieces of {@link GramPipeline}.
     *
     * @param a     A, row-major with rows of length inner (rows [r0, r1) and [c0, c1) read)
     * @param out   receives the piece, row-major with rows of length ld (&gt;= c1): out[r·ld + c] for r in [r0, r1),
     *              c in [c0, c1), c &lt;= r (modified)
     */
    static void gramPiece(double[] a, double[] out, int ld, int inner, int r0, int r1, int c0, int c1) {
        gramPiece(a, 0, inner, inner, out, ld, r0, r1, c0, c1);
    }

    /**
     * {@link #gramPiece(double[], double[], int, int, int, int, int, int)} for A read from {@code offset} with rows of
     * length {@code lda}, of which only the first {@code extent} (&lt;= lda) enter the sums: the rest of each row
     * read is zero, as for the pieces of a lower-triangular A ({@link NativeProducts#lowerGram}).
     */
    static void gramPiece(double[] a, int offset, int lda, int extent, double[] out, int ld, int r0, int r1, int c0,
                          int c1) {
        int count = r1 - r0;
        if (count <= 0 || c1 <= c0) {
            return;
        }
        if (r0 == c0) {
            // column-major upper triangle of the group's Gram = its row-major lower triangle; a scratch array
            // because the binding's bounds check of dsyrk asks for ldc * count entries after the offset
            double[] diagonal = new double[count * count];
            BLAS.dsyrk("U", "T", count, extent, 1.0, a, offset + r0 * lda, lda, 0.0, diagonal, 0, count);
            for (int r = 0; r < count; r++) {
                System.arraycopy(diagonal, r * count, out, (r0 + r) * ld + r0, r + 1);
            }
            return;
        }
        if (c1 > r0) {
            throw new IllegalArgumentException("gramPiece: columns [" + c0 + ", " + c1 + ") reach past rows ["
                    + r0 + ", " + r1 + ")");
        }
        BLAS.dgemm("T", "N", c1 - c0, count, extent, 1.0, a, offset + c0 * lda, lda, a, offset + r0 * lda, lda,
                0.0, out, r0 * ld + c0, ld);
    }

    /**
     * Rows [r0, r1) of out = A L^T for a lower-triangular L, in place: {@code a} holds rows [r0, r1) of A (rows of
     * length {@code size}) and receives those rows of A L^T. One dtrmm on the column-major views (row-major L is the
     * column-major upper-triangular L^T, and (A L^T)^T = L A^T): the entries of L above the diagonal are not read,
     * and about half the multiply-adds of a dgemm are done.
     */
    static void multiplyTransLowerRows(double[] a, double[] lower, int size, int r0, int r1) {
        if (r1 > r0 && size > 0) {
            BLAS.dtrmm("L", "U", "T", "N", size, r1 - r0, 1.0, lower, 0, size, a, r0 * size, size);
        }
    }

    /** Rows [from, from + rows) of {@code x} as one row-major array (reusing {@code buffer} when it fits). */
    static double[] flatten(double[][] x, int from, int rows, int cols, double[] buffer) {
        double[] flat = buffer != null && buffer.length >= rows * cols ? buffer : new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x[from + r], 0, flat, r * cols, cols);
        }
        return flat;
    }

    /** The first {@code rows} rows of a row-major array into {@code out}. */
    static void unflatten(double[] flat, double[][] out, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
    }
}
