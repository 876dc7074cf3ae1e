#!/bin/sh
# Starts one sentinel of StatefulSet redis-sentinel. It monitors the master the other sentinels name
# (after a failover that is the promoted replica), else pod 0 of StatefulSet redis. Sentinel rewrites
# its configuration as it learns, so it lives on the pod's volume, written here only when absent.
set -eu
: "${REDIS_PASSWORD:?}" "${MASTER_NAME:?}" "${REDIS_SERVICE:?}" "${SENTINEL_SERVICE:?}" "${SENTINEL_HEADLESS:?}" "${QUORUM:=2}"
conf=/data/sentinel.conf
if [ ! -s "$conf" ]; then
  master=$(REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h "$SENTINEL_SERVICE" -p 26379 --raw sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null | head -n 1 || true)
  [ -n "$master" ] || master="redis-0.$REDIS_SERVICE"
  {
    echo "port 26379"
    echo "dir /data"
    echo "requirepass $REDIS_PASSWORD"
    echo "sentinel resolve-hostnames yes"
    echo "sentinel announce-hostnames yes"
    echo "sentinel announce-ip $(hostname).$SENTINEL_HEADLESS"
    echo "sentinel monitor $MASTER_NAME $master 6379 $QUORUM"
    echo "sentinel auth-pass $MASTER_NAME $REDIS_PASSWORD"
    echo "sentinel down-after-milliseconds $MASTER_NAME ${DOWN_AFTER_MS:-5000}"
    echo "sentinel failover-timeout $MASTER_NAME 60000"
    echo "sentinel parallel-syncs $MASTER_NAME 1"
  } > "$conf"
fi
exec redis-server "$conf" --sentinel
