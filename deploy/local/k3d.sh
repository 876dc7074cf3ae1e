#!/usr/bin/env bash
# Thmnayah on k3d: k3s without its Traefik and metrics-server (the pinned ingress-nginx and
# metrics-server replace them), ports 80/443 through k3d's load balancer. k3s enforces
# NetworkPolicies. Needs docker, k3d, kubectl, helm.
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
CLUSTER=${CLUSTER:-thmnayah}

if ! k3d cluster list "$CLUSTER" >/dev/null 2>&1; then
  k3d cluster create "$CLUSTER" -p "80:80@loadbalancer" -p "443:443@loadbalancer" \
    --k3s-arg "--disable=traefik@server:0" --k3s-arg "--disable=metrics-server@server:0"
fi
install_addons # a LoadBalancer Service: k3s' service load balancer binds 80/443
build_image
k3d image import "$IMAGE" --cluster "$CLUSTER"
deploy_thmnayah
