#!/usr/bin/env bash
# Steps shared by kind.sh, k3d.sh and minikube.sh: the cluster add-ons at the chart versions Argo CD
# pins for production (deploy/k8s/argocd/addons/*.yaml, read here so there is one list of versions),
# the image, the local CA and the local overlay. Sourced, not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ADDONS="$ROOT/deploy/k8s/argocd/addons"
IMAGE=${IMAGE:-thmnayah/server:dev} # the tag overlays/local names
DOCKER=${DOCKER:-docker}            # or podman

# The first value of a field in an add-on's Application, e.g. `addon_field keda targetRevision`.
addon_field() {
  sed -n "s/^ *$2: *//p" "$ADDONS/$1.yaml" | head -n 1
}

# The Helm values block of an add-on's Application (source.helm.values), unindented.
addon_values() {
  awk '/^      values: \|/ { inside = 1; next }
       inside && /^        / { print substr($0, 9); next }
       inside && !/^[[:space:]]*$/ { inside = 0 }' "$ADDONS/$1.yaml"
}

# helm upgrade --install of one add-on at its pinned version, with its production values plus "$@".
addon() {
  local name=$1
  shift
  echo "== $name $(addon_field "$name" targetRevision)"
  helm upgrade --install "$name" "$(addon_field "$name" chart)" \
    --repo "$(addon_field "$name" repoURL)" --version "$(addon_field "$name" targetRevision)" \
    --namespace "$(addon_field "$name" namespace)" --create-namespace \
    --values <(addon_values "$name") --wait --timeout 10m "$@"
}

# Extra values for ingress-nginx: how a cluster exposes ports 80 and 443 differs (kind.sh sets them).
INGRESS_NGINX_ARGS=()

# Every add-on. kube-prometheus-stack first: the others create ServiceMonitors, its CRD.
install_addons() {
  addon kube-prometheus-stack
  addon cert-manager
  addon ingress-nginx "${INGRESS_NGINX_ARGS[@]}"
  addon keda
  addon metrics-server --set 'args={--kubelet-insecure-tls}' # kubelets of laptop clusters have self-signed certificates
}

build_image() {
  "$DOCKER" build -f "$ROOT/deploy/docker/Dockerfile" -t "$IMAGE" \
    --build-arg REVISION="$(git -C "$ROOT" rev-parse HEAD)" --build-arg CREATED="$(date -u +%FT%TZ)" "$ROOT"
}

# The local CA, then Thmnayah and its dependencies; waits for the demo catalogue.
deploy_thmnayah() {
  kubectl apply -k "$ROOT/deploy/k8s/cluster/local"
  kubectl -n cert-manager wait --for=condition=Ready certificate/thmnayah-local-ca --timeout=2m
  # A Job's pod template cannot change: drop finished Jobs of an earlier apply first.
  kubectl -n thmnayah delete job thmnayah-migrate thmnayah-seed minio-bucket --ignore-not-found
  kubectl apply -k "$ROOT/deploy/k8s/overlays/local"
  kubectl -n thmnayah wait --for=condition=complete job/thmnayah-seed --timeout=15m
  kubectl -n thmnayah get pods
  echo "Ready: curl http://thmnayah.localhost/api/discovery/programs"
}
