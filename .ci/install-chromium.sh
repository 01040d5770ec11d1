#!/usr/bin/env bash
# Installs Debian's chromium for the real-browser tests (never a downloaded browser).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium missing and not root: run 'sudo apt-get install -y chromium' (browser tests will be skipped)" >&2
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
