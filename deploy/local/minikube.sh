#!/usr/bin/env bash
# Thmnayah on minikube, with Calico so NetworkPolicies are enforced. ingress-nginx gets a
# LoadBalancer Service: run `minikube tunnel -p thmnayah` in another terminal for ports 80/443 on
# 127.0.0.1. Needs minikube, kubectl, helm (and docker or podman for the image).
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
PROFILE=${PROFILE:-thmnayah}

minikube status -p "$PROFILE" >/dev/null 2>&1 || minikube start -p "$PROFILE" --cni=calico --cpus=4 --memory=8g
install_addons
build_image
minikube -p "$PROFILE" image load "$IMAGE"
deploy_thmnayah
