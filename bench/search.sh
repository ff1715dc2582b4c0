#!/usr/bin/env bash
# Whole-process timings of `citelint statutes search`, printed as a markdown
# table.
#
#   bench/search.sh            # RUNS=5 cold runs, 3×RUNS warm runs
#   RUNS=7 bench/search.sh
#
# cold: a new, empty CITELINT_CACHE_DIR for every run, so the search index
#       is built from the embedded corpus (what a fresh machine does once);
# warm: the index is in the cache and its files in the page cache.
# hyperfine when installed (apt-get install hyperfine), else a shell loop;
# medians. The machine's load is printed because other work on a 2-core
# machine changes the cold figure a lot; the CPU time (user+sys, from
# hyperfine) changes little and divided by the cores bounds an idle run.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
QUERY=${QUERY:-以欺诈、伪造证明材料或者其他手段骗取社会保险待遇}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/citelint" ./cmd/citelint
cl="$work/citelint"

have_hyperfine=0
command -v hyperfine >/dev/null && have_hyperfine=1

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure LABEL RUNS COLD ARGS...: prints one table row
measure() {
	local label=$1 runs=$2 cold=$3
	shift 3
	local cache="$work/cache-warm" prepare="true" warmup=1
	if [ "$cold" = 1 ]; then
		cache="$work/cache-cold"
		prepare="rm -rf $cache"
		warmup=0
	fi
	local med lo hi cpu
	if [ $have_hyperfine = 1 ]; then
		# hyperfine splits the command on spaces; the query has none.
		hyperfine -N --style none --runs "$runs" --warmup "$warmup" --prepare "$prepare" \
			--export-json "$work/h.json" "env CITELINT_CACHE_DIR=$cache $cl $*" >/dev/null 2>&1
		med=$(grep -o '"median": *[0-9.e+-]*' "$work/h.json" | head -1 | awk -F: '{print $2}')
		lo=$(grep -o '"min": *[0-9.e+-]*' "$work/h.json" | head -1 | awk -F: '{print $2}')
		hi=$(grep -o '"max": *[0-9.e+-]*' "$work/h.json" | head -1 | awk -F: '{print $2}')
		cpu=$(awk -F: '/"user"/ {u=$2+0} /"system"/ {s=$2+0} END {printf "%.3f s", u+s}' "$work/h.json")
	else
		cpu="n/a"
		[ "$cold" = 1 ] || CITELINT_CACHE_DIR=$cache "$cl" "$@" >/dev/null 2>&1
		: >"$work/t"
		for _ in $(seq "$runs"); do
			bash -c "$prepare"
			local s e
			s=$(date +%s%N)
			CITELINT_CACHE_DIR=$cache "$cl" "$@" >/dev/null 2>&1
			e=$(date +%s%N)
			echo "scale=6; ($e - $s) / 1000000000" | bc >>"$work/t"
		done
		med=$(median <"$work/t")
		lo=$(sort -g "$work/t" | head -1)
		hi=$(sort -g "$work/t" | tail -1)
	fi
	printf '| %s | %s | %.3f s | %.3f s | %.3f s | %s |\n' "$label" "$runs" "$med" "$lo" "$hi" "$cpu"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "Machine: $cpu, $(nproc) cores; $(go version | awk '{print $3}'); $(date -u +%Y-%m-%d); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Timer: $([ $have_hyperfine = 1 ] && hyperfine --version || echo 'shell loop'); query: $QUERY"
echo
echo "| case | runs | median wall | min | max | CPU user+sys (mean) |"
echo "|---|---:|---:|---:|---:|---:|"
measure "first search, empty cache (builds the index)" "$RUNS" 1 statutes search "$QUERY"
measure "later search" "$((RUNS * 3))" 0 statutes search "$QUERY"
measure "later search --statute 社会保险法" "$((RUNS * 3))" 0 statutes search "$QUERY" --statute 社会保险法
measure "later search --format json --limit 50" "$((RUNS * 3))" 0 statutes search "$QUERY" --format json --limit 50
echo
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
