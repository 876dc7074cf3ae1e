#!/usr/bin/env bash
# Thmnayah on kind: a one-node cluster whose ports 80/443 reach ingress-nginx, the pinned add-ons,
# the image built here and loaded into the node, the local overlay. Needs docker, kind, kubectl, helm.
# kindnet enforces NetworkPolicies from kind v0.24 on.
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
CLUSTER=${CLUSTER:-thmnayah}

if ! kind get clusters | grep -qx "$CLUSTER"; then
  kind create cluster --name "$CLUSTER" --config - <<'YAML'
kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
  - role: control-plane
    labels: { ingress-ready: "true" }
    extraPortMappings:
      - { containerPort: 80, hostPort: 80 }
      - { containerPort: 443, hostPort: 443 }
YAML
fi
# The controller binds the node's ports 80/443 (mapped to the host above).
INGRESS_NGINX_ARGS=(--set controller.hostPort.enabled=true --set controller.service.type=NodePort
  --set-string controller.nodeSelector.ingress-ready=true)
install_addons
build_image
kind load docker-image "$IMAGE" --name "$CLUSTER"
deploy_thmnayah
