#!/bin/bash
# Scale-out of a distributed run on one machine (docs/performance.md, "Distributed runs"): 100 clients of
# examples/no_attack.yaml (FedAvg, MNIST, the CNN) over 4 fedsec client processes on 127.0.0.1, then the same
# experiment simulated by fedsec run. Every process runs under /usr/bin/time -v (CPU seconds, peak RSS); the server
# prints its message bytes per round. Usage: bench/distributed/scale_out.sh OUTPUT_DIR [TRAIN_SAMPLES [ROUNDS [KEY=VALUE...]]]
# (the KEY=VALUE pairs are more --set overrides for both runs, e.g. train_args.exact_sum=true for streamed aggregation).
set -euo pipefail
out=${1:?usage: scale_out.sh OUTPUT_DIR [TRAIN_SAMPLES [ROUNDS [KEY=VALUE...]]]}
samples=${2:-20000}
rounds=${3:-3}
extra=()
for kv in "${@:4}"; do extra+=(--set "$kv"); done
repo=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$repo/src/FedSec.Cli" -c Release > /dev/null
F=(dotnet "$repo/src/FedSec.Cli/bin/Release/net10.0/fedsec.dll")
CFG="$repo/examples/no_attack.yaml"
SETS=(--set train_args.client_num_in_total=100 --set train_args.client_num_per_round=100 --set "train_args.comm_round=$rounds" --set "data_args.train_samples=$samples" ${extra[@]+"${extra[@]}"})
port=${PORT:-50271}
mkdir -p "$out" && cd "$out"
/usr/bin/time -v "${F[@]}" server "$CFG" "${SETS[@]}" --insecure --listen "http://127.0.0.1:$port" --output net --save-model > server.log 2> server.time &
sleep 3
for i in 0 1 2 3; do
  /usr/bin/time -v "${F[@]}" client --server "http://127.0.0.1:$port" --insecure --clients $((i*25))-$((i*25+24)) --name "n$i" --parallel 1 > "node$i.log" 2> "node$i.time" &
done
wait
/usr/bin/time -v "${F[@]}" run "$CFG" "${SETS[@]}" --parallel 2 --output sim --save-model > sim.log 2> sim.time
grep -h Traffic server.log
for f in server node0 node1 node2 node3 sim; do
  echo "$f: $(grep -E 'User time|System time|Elapsed|Maximum resident' "$f.time" | sed 's/^\s*//' | tr '\n' ';')"
done
for d in sim net; do echo "$d round seconds: $(grep -o '"seconds":[0-9.]*' "$d/rounds.jsonl" | cut -d: -f2 | tr '\n' ' ')"; done
cmp -s sim/final_model.npy net/final_model.npy && echo "final models: identical" || echo "final models: DIFFER"
