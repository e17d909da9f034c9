#!/usr/bin/env bash
# Fuzzes FedSec's readers of outside input with afl++ and SharpFuzz (issue 13, item 6).
#
#   fuzz/run.sh MINUTES [TARGET...]
#
# targets: config grid npy idx cifar femnist shakespeare stackoverflow update task secagg (fuzz/FedSec.Fuzz) and safetensors hf-config
# (fuzz/FedSec.Fuzz.Language, which needs libtorch and is built only when one of them is asked for); default: all.
#
# Installs what is missing (Debian's afl++, the SharpFuzz.CommandLine tool into fuzz/.tools), publishes
# fuzz/FedSec.Fuzz into fuzz/bin, instruments the FedSec assemblies and the parsers they use, runs afl-fuzz on each
# target for MINUTES (JOBS targets at a time, default 2), and prints executions, paths and crashes per target.
# MINUTES 0 only builds and instruments. REUSE=1 keeps an instrumented build from an earlier run (to fuzz more targets
# beside a run in progress, whose build a fresh publish would replace under it).
# Findings go to fuzz/findings/TARGET/default/{crashes,hangs,queue}. Replay one with the uninstrumented build (the
# instrumented one only runs under afl-fuzz: outside it, its coverage writes fault):
#   dotnet run --project fuzz/FedSec.Fuzz -- TARGET FILE      (fuzz/FedSec.Fuzz.Language for the language targets)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
minutes="${1:?usage: fuzz/run.sh MINUTES [TARGET...]}"
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(config grid npy idx cifar femnist shakespeare stackoverflow update task secagg safetensors hf-config)
jobs="${JOBS:-2}"

if ! command -v afl-fuzz >/dev/null; then
  apt-get update && apt-get install -y afl++
fi

sharpfuzz="$here/.tools/sharpfuzz"
if [ ! -x "$sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$here/.tools"
fi

# A fresh publish each time: SharpFuzz refuses an assembly it instrumented already. Instrumented: FedSec's assemblies
# and the parsers they hand outside bytes to (YamlDotNet, Google.Protobuf, PureHDF, TorchSharp.PyBridge).
publish() { # project output assemblies...
  local project="$1" out="$2"
  shift 2
  if [ "${REUSE:-0}" = 1 ] && [ -f "$out/.instrumented" ]; then
    return
  fi
  rm -rf "$out"
  dotnet publish "$here/$project/$project.csproj" -c Release -o "$out" --nologo -v quiet
  for dll in "$@"; do
    "$sharpfuzz" "$out/$dll.dll"
  done
  touch "$out/.instrumented"
}
is_language() { [ "$1" = safetensors ] || [ "$1" = hf-config ]; }
need_core=0 need_language=0
for target in "${targets[@]}"; do
  if is_language "$target"; then need_language=1; else need_core=1; fi
done
[ "$need_core" = 0 ] || publish FedSec.Fuzz "$here/bin" FedSec.Core FedSec.Results FedSec.Network YamlDotNet Google.Protobuf PureHDF
[ "$need_language" = 0 ] || publish FedSec.Fuzz.Language "$here/bin-language" FedSec.Language TorchSharp.PyBridge
[ "$minutes" != 0 ] || exit 0

export AFL_SKIP_BIN_CHECK=1             # the target is dotnet, instrumented by SharpFuzz rather than afl-cc
export AFL_NO_AFFINITY=1                # a shared machine: do not pin to a core
export AFL_SKIP_CPUFREQ=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_NO_UI=1
# A hostile length must not take the machine's memory: past 2 GiB the runtime throws OutOfMemoryException, which the
# harness lets through as a crash. (afl's -m limits address space, which .NET reserves far beyond its use.)
export DOTNET_GCHeapHardLimit=0x80000000

fuzz_one() {
  local target="$1" out="$here/findings/$1" harness="$here/bin/FedSec.Fuzz.dll"
  if is_language "$target"; then harness="$here/bin-language/FedSec.Fuzz.Language.dll"; fi
  [ -d "$here/seeds/$target" ] && [ -n "$(ls -A "$here/seeds/$target")" ] || { echo "$target: no seeds in fuzz/seeds/$target" >&2; return 1; }
  rm -rf "$out"
  afl-fuzz -i "$here/seeds/$target" -o "$out" -t 10000 -m none -V $((minutes * 60)) \
    -- dotnet "$harness" "$target" >"$here/findings/$target.log" 2>&1
}

mkdir -p "$here/findings"
running=0
for target in "${targets[@]}"; do
  echo "fuzzing $target for $minutes min (log: fuzz/findings/$target.log)"
  fuzz_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

stat() { sed -n "s/^$2 *: *//p" "$1" | head -n1; }
printf '%-8s %8s %12s %7s %8s %6s\n' target minutes executions paths crashes hangs
for target in "${targets[@]}"; do
  s="$here/findings/$target/default/fuzzer_stats"
  if [ ! -f "$s" ]; then
    printf '%-8s %s\n' "$target" "no fuzzer_stats: see fuzz/findings/$target.log"
    continue
  fi
  paths="$(stat "$s" corpus_count)"; [ -n "$paths" ] || paths="$(stat "$s" paths_total)"
  crashes="$(stat "$s" saved_crashes)"; [ -n "$crashes" ] || crashes="$(stat "$s" unique_crashes)"
  hangs="$(stat "$s" saved_hangs)"; [ -n "$hangs" ] || hangs="$(stat "$s" unique_hangs)"
  run_time="$(stat "$s" run_time)"
  printf '%-8s %8s %12s %7s %8s %6s\n' "$target" "$(( ${run_time:-0} / 60 ))" "$(stat "$s" execs_done)" "$paths" "$crashes" "$hangs"
done
