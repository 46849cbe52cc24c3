#!/bin/sh
# Installs what the browser tests need from Debian when it is missing (Playwright cannot download browsers here):
# Chromium, and a Japanese font so ja-JP pages render text instead of empty boxes in screenshots.
set -eu
packages=''
if [ ! -x /usr/bin/chromium ]; then
    packages="$packages chromium"
fi
if ! fc-list :lang=ja 2>/dev/null | grep -q .; then
    packages="$packages fonts-ipafont-gothic"
fi
if [ -z "$packages" ]; then
    echo "browser test dependencies present: $(/usr/bin/chromium --version)"
    exit 0
fi
SUDO=''
if [ "$(id -u)" != 0 ]; then
    SUDO='sudo'
fi
$SUDO apt-get update
# shellcheck disable=SC2086 # the package list is meant to split
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y $packages
/usr/bin/chromium --version
