#!/usr/bin/env bash
# Shared-data peer comparison: Benign Lab's engines against NumPy, on the same data, in one invocation.
#
#   benchmarks/run-peer-comparison.sh [--n 100] [--p 20000] [--m 200] [--steps 200] [--seed 1] [--test 100]
#       [--threads 2] [--sketch-n 100] [--sketch-m 100] [--sketch-p 1000000000] [--sketch-p-small 1000]
#       [--sketch-steps 2000] [--sketch-test 20000] [--large-n 1000,2000] [--large-m 100] [--large-steps 200]
#       [--large-test 1000] [--repeat 1] [--skip-explicit] [--skip-sketch] [--out DIR]
#       [--java-blas-threads 1|N|unset]
#
# 1. explicit data: PeerComparison generates X, y, a, W0 (and a small test set) exactly as the engines do,
#    writes them as little-endian float64 files, and trains the dense and span engines (span twice: recording
#    what NumPy records, span-lean, and recording every metric, span); peer_numpy.py loads
#    the files and trains the NumPy dense reference, the NumPy span algorithm, and (for comparison only) the
#    span algorithm recording the same metrics as the engines (span-norms).
# 2. sketch: the sketch engine (-Xmx1g) at p = sketch-p and at p = sketch-p-small, and peer_numpy.py's own
#    Gaussian sketch at p = sketch-p (its own random draws: times compare, losses do not), recording at each
#    recorded step what the Java sketch records (||W||_F, ||W||_2, the stable rank, the errors: equal work).
# 3. large-n sketch: for each n of --large-n (empty: none), the sketch engine and NumPy's sketch with
#    m = large-m, p = sketch-p, large-steps steps, large-test test points (the step is a real B K product there).
# Prints a table with wall times, the ratio against the NumPy reference, final train losses and the
# relative loss difference, then the targets. Needs java 17+, Maven (to build once), python3 with NumPy.
# The Java side runs as the benign launcher runs it: OPENBLAS_NUM_THREADS=1 (its own threads run the fixed
# blocks of the products); --java-blas-threads N sets another value, "unset" leaves the environment's.
# NumPy keeps OpenBLAS's own threads (one per core). A benchmark: nothing here gates CI.
# Every JVM gets an initial heap (-Xms): PeerComparison collects garbage (System.gc()) before each timed run, and a
# full collection shrinks a heap without -Xms to a few MB, which the run would then pay to grow again; the benign
# launcher's JVM starts with the default initial heap (1/64 of the memory) and collects nothing first.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
n=100 p=20000 m=200 steps=200 seed=1 test=100 threads=2 repeat=1
sk_n=100 sk_m=100 sk_p=1000000000 sk_p_small=1000 sk_steps=2000 sk_test=20000
large_n=1000,2000 large_m=100 large_steps=200 large_test=1000
skip_explicit=0 skip_sketch=0 out="$here/target/peer" java_blas=1
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n=$2; shift 2 ;;
    --p) p=$2; shift 2 ;;
    --m) m=$2; shift 2 ;;
    --steps) steps=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --test) test=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --sketch-n) sk_n=$2; shift 2 ;;
    --sketch-m) sk_m=$2; shift 2 ;;
    --sketch-p) sk_p=$2; shift 2 ;;
    --sketch-p-small) sk_p_small=$2; shift 2 ;;
    --sketch-steps) sk_steps=$2; shift 2 ;;
    --sketch-test) sk_test=$2; shift 2 ;;
    --large-n) large_n=$2; shift 2 ;;
    --large-m) large_m=$2; shift 2 ;;
    --large-steps) large_steps=$2; shift 2 ;;
    --large-test) large_test=$2; shift 2 ;;
    --skip-explicit) skip_explicit=1; shift ;;
    --skip-sketch) skip_sketch=1; shift ;;
    --out) out=$2; shift 2 ;;
    --java-blas-threads) java_blas=$2; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

jar="$here/target/benchmarks.jar"
# rebuilt when any source or POM of the modules it bundles (api, plugins, engine, benchmarks) is newer
if [ ! -f "$jar" ] || [ -n "$(find "$here/src" "$here/pom.xml" "$root/pom.xml" "$root"/api "$root"/engine \
    "$root"/activations "$root"/distributions "$root"/optimizers -path '*/target' -prune -o -newer "$jar" \
    -type f -print -quit 2>/dev/null)" ]; then
  echo "# building $jar"
  # in the reactor, without installing: the SNAPSHOT jars in ~/.m2 stay as they were
  if grep -q '<module>benchmarks</module>' "$root/pom.xml"; then
    (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
  else
    (cd "$root" && mvn -B -q -f benchmarks/pom.xml package)
  fi
fi
python3 -c 'import numpy' 2>/dev/null || { echo "python3 with NumPy is needed for the peer side" >&2; exit 1; }

mkdir -p "$out"
log="$out/results.txt"
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git -C "$root" status --porcelain 2>/dev/null)" ]; then
  commit="$commit+uncommitted"
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
{
  echo "# commit $commit; $(nproc) processors ($cpu); $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# explicit: n=$n p=$p m=$m steps=$steps seed=$seed test=$test threads=$threads repeat=$repeat"
  echo "# sketch: n=$sk_n m=$sk_m p=$sk_p (and $sk_p_small) steps=$sk_steps test=$sk_test"
  echo "# large-n sketch: n=${large_n:-none} m=$large_m p=$sk_p steps=$large_steps test=$large_test"
  echo "# java side: OPENBLAS_NUM_THREADS=$java_blas; numpy side: OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-unset}"
} | tee "$log"

# NumPy runs without the machine's OpenBLAS tuning variables (only in these commands).
numpy() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$here/peer_numpy.py" "$@"; }
# The JVM runs with OPENBLAS_NUM_THREADS as the benign launcher sets it (see --java-blas-threads).
jvm() {
  if [ "$java_blas" = unset ]; then java "$@"; else env OPENBLAS_NUM_THREADS="$java_blas" java "$@"; fi
}
# Runs a command, tags its RESULT lines with a section and adds the process wall time.
tagged() {
  local section=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$out/last.txt"
  t1=$(date +%s.%N)
  local wall
  wall=$(python3 -c "print('%.3f' % ($t1 - $t0))")
  grep -v '^RESULT' "$out/last.txt" | tee -a "$log"
  grep '^RESULT' "$out/last.txt" | sed "s/^RESULT /RESULT section=$section process_s=$wall /" | tee -a "$log"
}

if [ "$skip_explicit" = 0 ]; then
  tagged explicit jvm -Xms2g -Xmx4g -cp "$jar" org.benignlab.benchmarks.PeerComparison --n "$n" --p "$p" \
    --m "$m" --steps "$steps" --seed "$seed" --test "$test" --threads "$threads" --repeat "$repeat" \
    --engines dense,span-lean,span --out "$out/data"
  tagged explicit numpy --data "$out/data" --algos dense,span,span-norms --repeat "$repeat"
fi
if [ "$skip_sketch" = 0 ]; then
  tagged sketch jvm -Xms512m -Xmx1g -cp "$jar" org.benignlab.benchmarks.PeerComparison --n "$sk_n" --p "$sk_p" \
    --m "$sk_m" --steps "$sk_steps" --seed "$seed" --test "$sk_test" --threads "$threads" --repeat "$repeat" \
    --engines sketch
  tagged sketch-small-p jvm -Xms512m -Xmx1g -cp "$jar" org.benignlab.benchmarks.PeerComparison --n "$sk_n" \
    --p "$sk_p_small" --m "$sk_m" --steps "$sk_steps" --seed "$seed" --test "$sk_test" --threads "$threads" \
    --repeat "$repeat" --engines sketch
  tagged sketch numpy --sketch --n "$sk_n" --m "$sk_m" --p "$sk_p" --steps "$sk_steps" --test "$sk_test" \
    --seed "$seed" --repeat "$repeat"
fi

if [ "$skip_sketch" = 0 ] && [ -n "$large_n" ]; then
  for ln in ${large_n//,/ }; do
    tagged "sketch-n$ln" jvm -Xms1g -Xmx2g -cp "$jar" org.benignlab.benchmarks.PeerComparison --n "$ln" --p "$sk_p" \
      --m "$large_m" --steps "$large_steps" --seed "$seed" --test "$large_test" --threads "$threads" \
      --repeat "$repeat" --engines sketch
    tagged "sketch-n$ln" numpy --sketch --n "$ln" --m "$large_m" --p "$sk_p" --steps "$large_steps" \
      --test "$large_test" --seed "$seed" --repeat "$repeat"
  done
fi

python3 "$here/peer_table.py" "$log" | tee "$out/table.txt"
echo "# log: $log; table: $out/table.txt"
