#!/usr/bin/env bash
# A throwaway two-shard ClickHouse cluster for the tests: `source tests/clickhouse.sh` starts two servers on free
# loopback ports (own config, data and log folders in a temporary folder; 127.0.0.1 only), a cluster `segmentation`
# of one server per shard in each one's remote_servers (and `segmentation_broken`, whose second shard is down), exports SEGMENTATION_TEST_CLICKHOUSE (the first server's
# HTTP URL) and SEGMENTATION_TEST_CLICKHOUSE_SHARDS (both HTTP URLs, comma-separated), and stops both by PID and
# removes the folder when the calling shell exits. Installs Debian's clickhouse-server and clickhouse-client when
# they are missing (Debian 12 serves 18.16). Run directly (`bash tests/clickhouse.sh --foreground`) it keeps the
# cluster up until interrupted, for trying things by hand.
if ! command -v clickhouse-server >/dev/null 2>&1 || ! command -v clickhouse-client >/dev/null 2>&1; then
  ch_sudo=""; [ "$(id -u)" -ne 0 ] && ch_sudo="sudo"
  echo "Installing clickhouse-server clickhouse-client" >&2
  $ch_sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $ch_sudo apt-get install -y -qq clickhouse-server clickhouse-client >/dev/null
fi

ch_dir=$(mktemp -d /tmp/segmentation-ch.XXXXXX)
ch_free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ch_tcp=() ch_http=() ch_pids=()
for shard in 0 1; do
  ch_tcp[$shard]=$(ch_free_port); ch_http[$shard]=$(ch_free_port)
  while [ "${ch_http[$shard]}" = "${ch_tcp[$shard]}" ]; do ch_http[$shard]=$(ch_free_port); done
done
ch_cluster=""
for shard in 0 1; do
  ch_cluster+="<shard><replica><host>127.0.0.1</host><port>${ch_tcp[$shard]}</port></replica></shard>"
done
# A second cluster whose other shard is a port nothing listens on: a shard that is down, for the tests of that case.
ch_dead=$(ch_free_port)
ch_broken="<shard><replica><host>127.0.0.1</host><port>${ch_tcp[0]}</port></replica></shard><shard><replica><host>127.0.0.1</host><port>$ch_dead</port></replica></shard>"

for shard in 0 1; do
  d="$ch_dir/shard$shard"
  mkdir -p "$d/data" "$d/tmp" "$d/user_files" "$d/log"
  cat > "$d/users.xml" <<EOF
<yandex>
  <profiles>
    <default><max_threads>2</max_threads><log_queries>1</log_queries></default>
    <readonly><readonly>2</readonly><max_threads>2</max_threads><log_queries>1</log_queries></readonly>
  </profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default>
    <reader><password>reader-secret</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>readonly</profile><quota>default</quota></reader>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
EOF
  cat > "$d/config.xml" <<EOF
<yandex>
  <logger><level>warning</level><log>$d/log/server.log</log><errorlog>$d/log/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>${ch_tcp[$shard]}</tcp_port>
  <http_port>${ch_http[$shard]}</http_port>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers><segmentation>$ch_cluster</segmentation><segmentation_broken>$ch_broken</segmentation_broken></remote_servers>
  <query_log><database>system</database><table>query_log</table><flush_interval_milliseconds>500</flush_interval_milliseconds></query_log>
</yandex>
EOF
  clickhouse-server --config-file="$d/config.xml" >"$d/log/stdout.log" 2>&1 &
  ch_pids[$shard]=$!
done

ch_stop() {
  for pid in "${ch_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${ch_pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$ch_dir"
}

for shard in 0 1; do
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:${ch_http[$shard]}/ping" >/dev/null 2>&1 && break
    if ! kill -0 "${ch_pids[$shard]}" 2>/dev/null; then
      echo "error: ClickHouse shard $shard did not start; its log:" >&2; cat "$ch_dir/shard$shard/log/"*.log >&2; ch_stop; return 1 2>/dev/null || exit 1
    fi
    sleep 0.1
  done
done

export SEGMENTATION_TEST_CLICKHOUSE="http://127.0.0.1:${ch_http[0]}"
export SEGMENTATION_TEST_CLICKHOUSE_SHARDS="http://127.0.0.1:${ch_http[0]},http://127.0.0.1:${ch_http[1]}"
echo "ClickHouse $(clickhouse-client --version 2>/dev/null | grep -Eo '[0-9]+(\.[0-9]+)+' | head -1) for the tests: 2 shards, http ${ch_http[0]} and ${ch_http[1]} (pids ${ch_pids[*]})" >&2

if [ "${1:-}" = "--foreground" ]; then
  trap ch_stop EXIT
  echo "Ctrl-C stops it." >&2
  wait
else
  # Chains with an EXIT trap already set by the caller (tests/postgres.sh sets one).
  ch_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
  trap "ch_stop; $ch_previous_trap" EXIT
fi
