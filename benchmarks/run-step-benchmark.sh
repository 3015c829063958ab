#!/usr/bin/env bash
# JMH step benchmark of the three engines (StepBenchmark via StepTable): time per gradient step measured as
# (T(2k) - T(k)) / k over the (engine, n, p, m) grid. About 8 minutes on 2 cores; --quick: n = 100, m = 200 only.
#
#   benchmarks/run-step-benchmark.sh [--quick]
#
# Writes benchmarks/target/steps.csv and prints a table. Plain JMH also works:
#   java -jar benchmarks/target/benchmarks.jar StepBenchmark -p engine=span -p n=100 -p p=20000 -p m=200
# A benchmark: nothing here gates CI.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
jar="$here/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$here/src" "$here/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "# building $jar"
  if grep -q '<module>benchmarks</module>' "$root/pom.xml"; then
    (cd "$root" && mvn -B -q -DskipTests -pl benchmarks -am package)
  else
    (cd "$root" && mvn -B -q -f benchmarks/pom.xml package)
  fi
fi
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git -C "$root" status --porcelain 2>/dev/null)" ]; then
  commit="$commit+uncommitted"
fi
echo "# $(nproc) processors ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), commit $commit"
java -cp "$jar" org.benignlab.benchmarks.StepTable --commit "$commit" --csv "$here/target/steps.csv" "$@"
