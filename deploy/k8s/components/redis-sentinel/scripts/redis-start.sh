#!/bin/sh
# Starts one Redis data node of StatefulSet redis. The current master is whatever the sentinels say
# (after a failover that may be any pod); with no sentinel answering yet (first start of the whole
# set), pod 0 is the master and the others replicate it. Every node has the password, and the
# replica's masterauth, so that a demoted master can rejoin as a replica.
set -eu
: "${REDIS_PASSWORD:?}" "${MASTER_NAME:?}" "${REDIS_SERVICE:?}" "${SENTINEL_SERVICE:?}"
self="$(hostname).$REDIS_SERVICE"
conf=/data/redis.conf
{
  echo "port 6379"
  echo "dir /data"
  echo "requirepass $REDIS_PASSWORD"
  echo "masterauth $REDIS_PASSWORD"
  echo "replica-announce-ip $self"
  # A cache: nothing needs to survive a restart, and no fork stalls the master.
  echo "save \"\""
  echo "appendonly no"
  echo "maxmemory ${REDIS_MAXMEMORY:-1gb}"
  echo "maxmemory-policy allkeys-lru"
} > "$conf"
master=$(REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h "$SENTINEL_SERVICE" -p 26379 --raw sentinel get-master-addr-by-name "$MASTER_NAME" 2>/dev/null | head -n 1 || true)
if [ -z "$master" ]; then
  master="$(hostname | sed 's/-[0-9]*$//')-0.$REDIS_SERVICE"
fi
if [ "$master" != "$self" ]; then
  echo "replicaof $master 6379" >> "$conf"
  echo "starting as a replica of $master"
else
  echo "starting as the master"
fi
exec redis-server "$conf"
