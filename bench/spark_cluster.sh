#!/usr/bin/env bash
# spark-submit against a real standalone Spark cluster on this machine: starts Spark's standalone
# master and one worker (from the Spark jars regen-spark builds with, laid out as SPARK_HOME/jars),
# submits README's spark-submit command (org.apache.spark.deploy.SparkSubmit, the class the
# spark-submit script runs) to restore N noisy Fashion-MNIST images with a conv VAE, and compares
# the table's images with those of `regen restore`. The executors are JVMs of their own that the
# worker starts, get Regen's jars by --jars and the model by SparkContext.addFile, as on a cluster.
# Run it alone; it stops the master and the worker when done.
# Usage: bench/spark_cluster.sh [DATA=/tmp/datasets/fashion-mnist] [N=1000] [WORK=/tmp/spark-cluster] [CORES=2]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA=${1:-/tmp/datasets/fashion-mnist}
N=${2:-1000}
WORK=${3:-/tmp/spark-cluster}
CORES=${4:-2}
LIB="$ROOT/regen-spark/target/lib"
read -r -a OPENS < "$ROOT/etc/spark-opens.txt"
mkdir -p "$WORK"
[ -f "$WORK/vae/model.regen" ] || "$ROOT/regen" train --data "$DATA" --epochs 1 --out "$WORK/vae" > "$WORK/train.log" 2>&1
[ -d "$WORK/noisy" ] || "$ROOT/regen" corrupt --input "$DATA" --corruption noise:0.2 --n "$N" --out "$WORK/noisy" > /dev/null
rm -rf "$WORK/cli" "$WORK/table" "$WORK/home" "$WORK/worker"
# A Spark installation is its jars folder; the worker builds each executor's class path from it.
mkdir -p "$WORK/home/jars" "$WORK/worker"
ln -s "$LIB"/*.jar "$WORK/home/jars/"
export SPARK_HOME="$WORK/home" SPARK_SCALA_VERSION=2.13
source "$ROOT/etc/allocator.sh"
spark_class() { exec java -Xmx1g "${OPENS[@]}" -cp "$SPARK_HOME/jars/*" "$@"; }
spark_class org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 18080 \
  > "$WORK/master.log" 2>&1 &
MASTER_PID=$!
spark_class org.apache.spark.deploy.worker.Worker --cores "$CORES" --memory 8g --work-dir "$WORK/worker" \
  --webui-port 18081 spark://127.0.0.1:7077 > "$WORK/worker.log" 2>&1 &
WORKER_PID=$!
trap 'kill $WORKER_PID $MASTER_PID 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  grep -q "Successfully registered with master" "$WORK/worker.log" && break
  sleep 1
done
grep -q "Successfully registered with master" "$WORK/worker.log" ||
  { echo "the worker did not register with the master (logs: $WORK)" >&2; exit 1; }
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $N images; a master and one worker of $CORES cores"
"$ROOT/regen" restore "$WORK/vae/model.regen" --input "$WORK/noisy" --task denoise --sigma 0.2 --method projection \
  --out "$WORK/cli" | tail -1
JARS=$(ls "$LIB"/*.jar | grep -v '/spark-' | tr '\n' , | sed 's/,$//')
start=$(date +%s.%N)
java -Xmx2g "${OPENS[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master spark://127.0.0.1:7077 --class dev.regen.spark.SparkMain \
  --conf spark.executor.extraJavaOptions="${OPENS[*]}" --conf spark.executor.memory=4g \
  --conf spark.executorEnv.MALLOC_ARENA_MAX=1 --jars "$JARS" "$ROOT/regen-spark/target/regen-spark.jar" \
  restore "$WORK/vae/model.regen" --input "$WORK/noisy" --task denoise --sigma 0.2 --method projection \
  --out "$WORK/table" 2> "$WORK/submit.log" || { tail -1 "$WORK/submit.log"; exit 1; }
printf 'spark-submit to spark://127.0.0.1:7077: %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
echo "executors started by the worker: $(ls -d "$WORK/worker"/app-*/*/ | wc -l)"
java -cp "$LIB/*" "$ROOT/bench/SparkCompare.java" "$WORK/table" "$WORK/cli" 2>/dev/null | grep compared
