#!/usr/bin/env bash
# Installs the Debian 12 packages peermap builds, tests and runs with; does nothing when all are present.
set -euo pipefail
packages=(
  build-essential cmake pkg-config clang-format clang-tidy clang-14 libclang-rt-14-dev
  libgtest-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev
  libgraphviz-dev graphviz libigraph-dev
  libcairo2-dev libpango1.0-dev libpng-dev libpugixml-dev libzip-dev poppler-utils libreoffice-impress
  libsqlite3-dev libpq-dev postgresql
  systemd
  libsodium-dev libpwquality-dev cracklib-runtime libicu-dev libcpp-httplib-dev zlib1g-dev wrk python3
  fonts-dejavu-core fonts-noto-core fonts-droid-fallback fonts-nanum
  chromium
)
# The browser workspace (web/) is built with Node and npm; Debian's own packages only when there
# is no Node at all (a NodeSource Node brings its own npm, which Debian's npm would conflict with).
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "peermap: missing packages: ${missing[*]}; run as root or install them" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ((node_major < 20)); then
  echo "peermap: the browser workspace needs Node 20 or later (found $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
