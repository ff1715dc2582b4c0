#!/usr/bin/env bash
# Whole-process timings of `citelint lint`, printed as a markdown table.
#
#   bench/run.sh                 # seeds, generated catalogs of 1,000 / 10,000 / 100,000 entries
#   SIZES="1000 10000" RUNS=3 bench/run.sh
#
# Builds citelint and catgen once, generates the catalogs (seed 1), then
# times each case: hyperfine when installed (apt-get install hyperfine),
# else a loop; medians over RUNS runs (default 5; 3 for 100,000 entries).
# Peak memory is /usr/bin/time's maximum resident set size, median of 3.
#
# warm: the search cache (CITELINT_CACHE_DIR) is filled and the files are
#       in the page cache (a warm-up run precedes the timed ones);
# cold: a new, empty CITELINT_CACHE_DIR for every run, so the first run's
#       work (building the search index, if lint needs it) is timed. The
#       page cache cannot be dropped here, so the binary and corpus files
#       are in memory either way.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZES=${SIZES:-"1000 10000 100000"}
FORMATS=${FORMATS:-"docx xlsx csv"} # also timed at 10,000 entries
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/citelint" ./cmd/citelint
go build -o "$work/catgen" ./cmd/catgen
cl="$work/citelint"
for n in $SIZES; do
	f=txt
	[ "$n" = 10000 ] && f="txt,${FORMATS// /,}"
	"$work/catgen" -n "$n" -seed 1 -out "$work/gen-$n" -formats "$f" >/dev/null
done
export CITELINT_CACHE_DIR="$work/cache-warm"
"$cl" lint testdata/seeds/*.txt --format json --no-fail >/dev/null

have_hyperfine=0
command -v hyperfine >/dev/null && have_hyperfine=1
have_time=0
[ -x /usr/bin/time ] && have_time=1

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# measure LABEL ENTRIES RUNS COLD FILE: prints one table row
measure() {
	local label=$1 entries=$2 runs=$3 cold=$4 file=$5
	local cache=$CITELINT_CACHE_DIR prepare="true"
	if [ "$cold" = 1 ]; then
		cache="$work/cache-cold"
		prepare="rm -rf $cache"
	fi
	local cmd="CITELINT_CACHE_DIR=$cache $cl lint $file --format json --no-fail >/dev/null"
	local med lo hi
	if [ $have_hyperfine = 1 ]; then
		local warmup=1
		[ "$cold" = 1 ] && warmup=0
		hyperfine -N --style none --runs "$runs" --warmup "$warmup" --prepare "$prepare" \
			--export-json "$work/h.json" "env CITELINT_CACHE_DIR=$cache $cl lint $file --format json --no-fail" >/dev/null 2>&1 ||
			hyperfine --style none --runs "$runs" --warmup "$warmup" --prepare "$prepare" --export-json "$work/h.json" "$cmd" >/dev/null
		med=$(grep -o '"median": *[0-9.e+-]*' "$work/h.json" | head -1 | awk -F: '{print $2}')
		lo=$(grep -o '"min": *[0-9.e+-]*' "$work/h.json" | head -1 | awk -F: '{print $2}')
		hi=$(grep -o '"max": *[0-9.e+-]*' "$work/h.json" | head -1 | awk -F: '{print $2}')
	else
		[ "$cold" = 1 ] || bash -c "$cmd"
		: >"$work/t"
		for _ in $(seq "$runs"); do
			bash -c "$prepare"
			local s e
			s=$(date +%s%N)
			bash -c "$cmd"
			e=$(date +%s%N)
			echo "scale=6; ($e - $s) / 1000000000" | bc >>"$work/t"
		done
		med=$(median <"$work/t")
		lo=$(sort -g "$work/t" | head -1)
		hi=$(sort -g "$work/t" | tail -1)
	fi
	local rss="n/a"
	if [ $have_time = 1 ]; then
		: >"$work/m"
		for _ in 1 2 3; do
			bash -c "$prepare"
			/usr/bin/time -f %M -o "$work/m1" bash -c "exec env CITELINT_CACHE_DIR=$cache $cl lint $file --format json --no-fail >/dev/null"
			tail -1 "$work/m1" >>"$work/m"
		done
		rss="$(median <"$work/m" | awk '{printf "%.0f MB", $1/1024}')"
	fi
	local size
	size=$(du -k "$file" | awk '{printf "%.1f MB", $1/1024}')
	local eps
	eps=$(awk -v n="$entries" -v t="$med" 'BEGIN {printf "%.0f", n/t}')
	printf '| %s | %s | %s | %.3f s | %.3f s | %.3f s | %s | %s |\n' "$label" "$entries" "$size" "$med" "$lo" "$hi" "$rss" "$eps"
	echo "$label $med" >>"$work/results"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem=$(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo)
echo "Machine: $cpu, $(nproc) cores, $mem RAM; $(go version | awk '{print $3}'); $(date -u +%Y-%m-%d)"
echo "Timer: $([ $have_hyperfine = 1 ] && hyperfine --version || echo 'shell loop'); runs: $RUNS (3 at 100,000 entries); peak memory: median of 3"
echo
echo "| case | entries | input | median wall | min | max | peak RSS | entries/s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for s in testdata/seeds/000_cc42e2149e1dc4a3.txt testdata/seeds/003_63d24b8c8a735c5c.txt; do
	n=$(basename "$s" | cut -c1-3)
	entries=$([ "$n" = 000 ] && echo 20 || echo 12)
	measure "seed $n warm" "$entries" "$RUNS" 0 "$s"
	measure "seed $n cold" "$entries" "$RUNS" 1 "$s"
done
for n in $SIZES; do
	runs=$RUNS
	[ "$n" -ge 100000 ] && runs=3
	measure "generated $n .txt warm" "$n" "$runs" 0 "$work/gen-$n/catalog.txt"
	if [ "$n" = 10000 ]; then
		measure "generated $n .txt cold" "$n" "$runs" 1 "$work/gen-$n/catalog.txt"
		for f in $FORMATS; do
			measure "generated $n .$f warm" "$n" "$runs" 0 "$work/gen-$n/catalog.$f"
		done
	fi
done
t10=$(awk '$0 ~ /^generated 10000 .txt warm/ {print $NF}' "$work/results")
t100=$(awk '$0 ~ /^generated 100000 .txt warm/ {print $NF}' "$work/results")
if [ -n "$t10" ] && [ -n "$t100" ]; then
	echo
	awk -v a="$t10" -v b="$t100" 'BEGIN {printf "Growth: 100,000 entries take %.1f× the 10,000-entry time (target: under 10×).\n", b/a}'
fi
