#!/usr/bin/env bash
# One sweep as a job array under Slurm: each array task runs one shard of the planned runs into a
# folder of its own; a last job (or you, by hand) merges the shards into one results folder.
#
#   sbatch --array=0-7 examples/job-array/slurm-array.sh examples/sweep.yaml results/sweep-mu
#   # when every task has ended:
#   ./benign merge results/sweep-mu/shards/* --out results/sweep-mu
#
# Or let Slurm run the merge after the array:
#   jid=$(sbatch --parsable --array=0-7 examples/job-array/slurm-array.sh examples/sweep.yaml results/sweep-mu)
#   sbatch --dependency=afterany:$jid --wrap "./benign merge results/sweep-mu/shards/* --out results/sweep-mu"
#
# Shard i of k holds the runs at positions i, i+k, i+2k, ... of the sorted run keys: the same split on
# every machine, shards differ in size by at most one run. A task that is killed (time limit,
# preemption) resumes where it stopped when resubmitted with the same index (finished runs are
# skipped); a merge reports the runs still missing. Under PBS/Torque use $PBS_ARRAYID, under LSF
# $LSB_JOBINDEX (which counts from 1: pass $((LSB_JOBINDEX-1))) instead of $SLURM_ARRAY_TASK_ID.
#SBATCH --job-name=benign-sweep
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=benign-%A_%a.log
set -euo pipefail
file=${1:?usage: slurm-array.sh EXPERIMENT.yaml RESULTS_DIR}
out=${2:?usage: slurm-array.sh EXPERIMENT.yaml RESULTS_DIR}
index=${SLURM_ARRAY_TASK_ID:?run me with sbatch --array=0-(K-1)}
count=${SLURM_ARRAY_TASK_COUNT:?run me with sbatch --array=0-(K-1)}
# build once on the login node (./benign builds if needed) so that tasks do not race to build
./benign run "$file" --shard "$index/$count" --out "$out/shards/$index" \
  --threads "${SLURM_CPUS_PER_TASK:-2}" --progress log --progress-interval 60
