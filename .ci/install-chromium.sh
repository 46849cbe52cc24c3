#!/bin/sh
# Installs Debian's Chromium for the browser tests when it is missing (Playwright cannot download browsers here).
set -eu
if [ -x /usr/bin/chromium ]; then
    echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi
SUDO=''
if [ "$(id -u)" != 0 ]; then
    SUDO='sudo'
fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
/usr/bin/chromium --version
