#!/usr/bin/env bash
# bench/bench.sh [RUNS] [SIZES]: times `ctrace trace --profile cn-9` side by side with the DuckDB
# and pandas peers of ../shared/peers on the same generated files, checks that the lists agree,
# and prints wall time, events per second and peak RSS (median of RUNS, default 3).
#   SIZES: a comma-separated subset of 1m,10m,100m (default: all three)
#     1m   : 1M events, dense  (2M persons, 2,000 cases, 21 days)      ctrace, DuckDB, pandas
#     10m  : 10M events, dense (the same city and cases)                 ctrace, DuckDB, pandas
#     100m : 100M events, haystack: one day of a city, 1% of events from the outbreak
#            (--case-share 0.01 --circle 20 --noise far)                 ctrace with -Xmx1g, DuckDB
# Inputs go to $BENCH_DIR (default /tmp/ctrace-bench; about 7 GB for all sizes) and are made
# once with `ctrace simulate`; outputs and /usr/bin/time logs go there too.
# Needs: /usr/bin/time (Debian's `time`), python3; pandas from Debian's python3-pandas
# (apt-get install -y python3-pandas time); DuckDB's JDBC jar is fetched by the peer's run.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
peers=$(cd "$here/../shared/peers" && pwd)
runs=${1:-3}
sizes=${2:-1m,10m,100m}
dir=${BENCH_DIR:-/tmp/ctrace-bench}
mkdir -p "$dir"
export LC_ALL=C.UTF-8
results="$dir/results.tsv"
: > "$results"

(cd "$here" && ./mvnw -q -B -DskipTests package 1>&2)
jar="$here/target/ctrace.jar"

# An input made by another version of the generator, or with other arguments, is made again:
# the stamp beside it names both (the generator's last commit and the arguments).
generator=$(cd "$here" && git log -1 --format=%h -- src/main/java/org/ctrace/domain/simulate \
    src/main/java/org/ctrace/io/SimulationFiles.java src/main/java/org/ctrace/cli/SimulateCommand.java 2> /dev/null \
    || echo unknown)
make_input() {  # make_input NAME ARGS...
    local name=$1; shift
    local stamp="generator $generator: ctrace simulate $*"
    if [ ! -f "$dir/$name/contacts.csv" ] || [ "$(cat "$dir/$name/.made-by" 2> /dev/null)" != "$stamp" ]; then
        echo "== generating $name: ctrace simulate $*" >&2
        rm -rf "${dir:?}/$name"
        java -jar "$jar" simulate "$@" --out "$dir/$name"
        echo "$stamp" > "$dir/$name/.made-by"
    fi
}

measure() {  # measure SIZE TOOL EVENTS OUT COMMAND...
    local size=$1 tool=$2 events=$3 out=$4; shift 4
    for i in $(seq 1 "$runs"); do
        /usr/bin/time -v -o "$dir/time.log" "$@" > /dev/null 2> "$dir/stderr.log" || {
            echo "FAILED: $*" >&2; tail -5 "$dir/stderr.log" >&2; return 1; }
        local wall rss
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
                for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s}' "$dir/time.log")
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$dir/time.log")
        printf '%s\t%s\t%d\t%s\t%s\t%s\n' "$size" "$tool" "$i" "$wall" "$rss" "$events" | tee -a "$results" >&2
    done
}

median() {  # median SIZE TOOL COLUMN
    awk -F'\t' -v s="$1" -v t="$2" -v c="$3" '$1 == s && $2 == t {print $c}' "$results" | sort -g |
        awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'
}

bench_size() {  # bench_size SIZE INPUT AS_OF EVENTS TOOLS
    local size=$1 input=$2 as_of=$3 events=$4 tools=$5
    local opts="-XX:+UseParallelGC -Xmn200m -XX:InitialRAMPercentage=12 -XX:MaxTenuringThreshold=1"  # as the ctrace launcher runs it
    [ "$size" = 100m ] && opts="$opts -Xmx1g"
    measure "$size" ctrace "$events" "$dir/$size-ctrace.csv" \
        java $opts -jar "$jar" trace --in "$input" --as-of "$as_of" --zone UTC --profile cn-9 --quiet \
        -o "$dir/$size-ctrace.csv"
    measure "$size" duckdb "$events" "$dir/$size-duckdb.csv" \
        "$peers/duckdb/run.sh" "$input" "$as_of" "$dir/$size-duckdb.csv"
    if [[ $tools == *pandas* ]]; then
        measure "$size" pandas "$events" "$dir/$size-pandas.csv" \
            "$peers/pandas/trace_cn9.py" "$input" "$as_of" "$dir/$size-pandas.csv"
    fi
    echo "== $size: lists compared (ctrace vs duckdb$([[ $tools == *pandas* ]] && echo ', ctrace vs pandas'))" >&2
    python3 "$peers/compare.py" "$dir/$size-duckdb.csv" "$dir/$size-ctrace.csv" | tail -1 >&2
    if [[ $tools == *pandas* ]]; then
        python3 "$peers/compare.py" "$dir/$size-pandas.csv" "$dir/$size-ctrace.csv" | tail -1 >&2
    fi
}

city="--persons 2000000 --cases 2000 --seed 1"
if [[ ,$sizes, == *,1m,* ]]; then
    make_input dense-1m $city --events 1000000
    bench_size 1m "$dir/dense-1m" 2024-03-21 1000000 ctrace,duckdb,pandas
fi
if [[ ,$sizes, == *,10m,* ]]; then
    make_input dense-10m $city --events 10000000
    bench_size 10m "$dir/dense-10m" 2024-03-21 10000000 ctrace,duckdb,pandas
fi
if [[ ,$sizes, == *,100m,* ]]; then
    make_input haystack-100m --persons 2000000 --cases 2000 --seed 7 --events 100000000 \
        --case-share 0.01 --circle 20 --noise far --days 1
    bench_size 100m "$dir/haystack-100m" 2024-03-01 100000000 ctrace,duckdb
fi

echo
echo "| input | tool | wall s (median of $runs) | events/s | peak RSS MiB | vs DuckDB wall | vs DuckDB RSS |"
echo "|---|---|---|---|---|---|---|"
for size in 1m 10m 100m; do
    [[ ,$sizes, == *,$size,* ]] || continue
    dw=$(median "$size" duckdb 4); dr=$(median "$size" duckdb 5)
    for tool in ctrace duckdb pandas; do
        w=$(median "$size" "$tool" 4); r=$(median "$size" "$tool" 5)
        [ -n "$w" ] || continue
        ev=$(awk -F'\t' -v s="$size" '$1 == s {print $6; exit}' "$results")
        awk -v s="$size" -v t="$tool" -v w="$w" -v r="$r" -v ev="$ev" -v dw="$dw" -v dr="$dr" 'BEGIN {
            printf "| %s | %s | %.1f | %.2fM | %d | %.2f | %.2f |\n", s, t, w, ev / w / 1e6, r, w / dw, r / dr }'
    done
done
