#!/usr/bin/env bash
# Installs the Debian packages Whistle builds with, only when one is missing.
# Non-interactive and idempotent: a machine that has everything runs no apt at all.
set -euo pipefail

packages=(
  cmake g++ make
  mold                   # the linker (CMakeLists.txt, WHISTLE_MOLD)
  libboost1.81-dev       # Beast + Asio with working C++20 coroutines on g++ 12
  nlohmann-json3-dev
  libsqlitecpp-dev libsqlite3-dev
  libspdlog-dev
  libgtest-dev
  libssl-dev
  libtomlplusplus-dev
  libmimalloc-dev        # the server's malloc (CMakeLists.txt, WHISTLE_MIMALLOC)
)
if [[ "${WHISTLE_SETUP_EXTRA:-}" != "" ]]; then
  read -r -a extra <<<"$WHISTLE_SETUP_EXTRA"
  packages+=("${extra[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
