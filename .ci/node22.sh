#!/usr/bin/env bash
# Brings a Node 22 LTS binary from the npm registry into .ci/node22/ (no system install, no root) and
# prints the folder that holds `node`, for PATH:   export PATH="$(bash .ci/node22.sh):$PATH"
# How: .ci/node-bin.sh.
set -euo pipefail

version="${NODE22_VERSION:-22.23.3}"
case "$version" in 22.*) ;; *) echo "node22.sh: NODE22_VERSION must be a 22.x.y version, got '$version'" >&2; exit 1 ;; esac
exec bash "$(dirname "$0")/node-bin.sh" "$version" node22.sh
