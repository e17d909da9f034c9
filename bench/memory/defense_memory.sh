#!/bin/bash
# Memory of defenses (docs/results.md, "Memory of defenses"): tiny runs of each defense, varying one thing at a time
# (rounds, clients, model size), and each defense's state after the last round and largest per-round scratch from
# summary.json's defense_memory. Usage: bench/memory/defense_memory.sh cnn|llm OUTPUT_DIR [DEFENSE...]
#   cnn: examples/defenses/DEFENSE.yaml (krum: examples/byzantine_no_defense.yaml + krum), MNIST, 2 rounds of 10
#        clients on 1 000 samples; variants: 4 rounds, 20 clients, the lr model (7 850 parameters instead of 1.2 M).
#   llm: bench/memory/llm.yaml (examples/paper/llm.yaml's model, LoRA and training, 2 rounds, 7 clients, one seed) with
#        the defense; variants: 4 rounds, LoRA rank 16 (twice the exchanged parameters).
# Run from anywhere; the pretraining of examples/lm/pretrain-brown.yaml must be cached (fedsec lm pretrain) for llm.
set -euo pipefail
setting=${1:?usage: defense_memory.sh cnn|llm OUTPUT_DIR [DEFENSE...]}
out=${2:?usage: defense_memory.sh cnn|llm OUTPUT_DIR [DEFENSE...]}
shift 2
repo=$(cd "$(dirname "$0")/../.." && pwd)
dotnet build "$repo/src/FedSec.Cli" -c Release > /dev/null
F=(dotnet "$repo/src/FedSec.Cli/bin/Release/net10.0/fedsec.dll")
mkdir -p "$out"
cd "$repo"   # model_args.pretrain is a relative path

if [ "$setting" = cnn ]; then
  defenses=("${@:-krum foolsgold fldetector cclip fltrust flame crfl trimmed_mean 3sigma bulyan norm_diff_clipping rfa}")
  read -r -a defenses <<< "${defenses[*]}"
  BASE=(--set train_args.comm_round=2 --set data_args.train_samples=1000 --set data_args.test_samples=500)
  declare -A VARIANT=(
    [base]=""
    [rounds4]="--set train_args.comm_round=4"
    [clients20]="--set train_args.client_num_in_total=20 --set train_args.client_num_per_round=20"
    [lr]="--set model_args.model=lr"
  )
  order=(base rounds4 clients20 lr)
else
  defenses=("${@:-krum foolsgold fldetector cclip flame trimmed_mean}")
  read -r -a defenses <<< "${defenses[*]}"
  BASE=()
  declare -A VARIANT=(
    [base]=""
    [rounds4]="--set train_args.comm_round=4"
    [lora16]="--set lora_args.lora_r=16"
  )
  order=(base rounds4 lora16)
fi

for defense in "${defenses[@]}"; do
  if [ "$setting" = cnn ]; then
    if [ "$defense" = krum ]; then
      CFG=(examples/byzantine_no_defense.yaml --set defense_args.enable_defense=true --set defense_args.defense_type=krum --set defense_args.krum_param_m=1)
    else
      CFG=("examples/defenses/$defense.yaml")
    fi
  else
    CFG=(bench/memory/llm.yaml --set defense_args.defense_type="$defense")
    [ "$defense" = krum ] && CFG+=(--set defense_args.krum_param_m=2)
  fi
  for v in "${order[@]}"; do
    dir="$out/$setting-$defense-$v"
    # shellcheck disable=SC2086
    "${F[@]}" run "${CFG[@]}" "${BASE[@]}" ${VARIANT[$v]} --output "$dir" > "$dir.log" 2>&1 || { echo "$defense $v failed: see $dir.log"; continue; }
    jq -r --arg d "$defense" --arg v "$v" '.defense_memory[] | [$d, $v, .defense, .final_state_bytes, .peak_state_bytes, .peak_allocated_bytes] | @tsv' "$dir/summary.json"
  done
done | tee "$out/$setting.tsv"
