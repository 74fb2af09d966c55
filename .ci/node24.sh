#!/usr/bin/env bash
# Brings a Node 24 LTS binary from the npm registry into .ci/node24/ and prints its folder, for the
# start-up smoke run of .ci/run on the other LTS line package.json's engines accepts. How: .ci/node-bin.sh.
set -euo pipefail

version="${NODE24_VERSION:-24.22.3}"
case "$version" in 24.*) ;; *) echo "node24.sh: NODE24_VERSION must be a 24.x.y version, got '$version'" >&2; exit 1 ;; esac
exec bash "$(dirname "$0")/node-bin.sh" "$version" node24.sh
