#!/usr/bin/env bash
# Runs the Hilt.Aop benchmarks; results go to ./BenchmarkDotNet.Artifacts/results (Markdown, CSV) at the repo root.
#
#   benchmarks/run.sh                 short mode: every case, a few minutes on 2 cores (noisy: for checks, not for docs)
#   benchmarks/run.sh --full          the measured run for docs/performance.md (long: run it on a quiet machine)
#   benchmarks/run.sh --dry           each case once: proves the harness works, measures nothing
#   benchmarks/run.sh --short --filter '*Throughput*'   any other argument goes to BenchmarkDotNet
#
# The caller's enqueue latency and the peak memory of a 1 M event burst are a separate mode:
#   dotnet run -c Release --project benchmarks/Hilt.Aop.Benchmarks -- --enqueue-latency
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mode=(--short)
args=()
for arg in "$@"; do
  case "$arg" in
    --full) mode=() ;;
    --short | --dry) mode=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

has_filter=0
for arg in "${args[@]+"${args[@]}"}"; do
  [ "$arg" = "--filter" ] && has_filter=1
done
[ "$has_filter" -eq 1 ] || args+=(--filter '*')

dotnet run -c Release --project benchmarks/Hilt.Aop.Benchmarks -- "${mode[@]+"${mode[@]}"}" "${args[@]}"
echo "Results: $(pwd)/BenchmarkDotNet.Artifacts/results"
