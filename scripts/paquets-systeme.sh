#!/usr/bin/env bash
# Install the Debian packages the tests need, only when missing (PostgreSQL server, Redis, Chromium,
# espeak-ng for the kiosk's read-aloud audio in languages the browser has no voice for — issue 13).
set -euo pipefail
manquants=()
command -v chromium >/dev/null 2>&1 || manquants+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || manquants+=(postgresql)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || manquants+=(redis-server)
command -v espeak-ng >/dev/null 2>&1 || manquants+=(espeak-ng)
# une police qui a toutes les lettres du pachto et du dari (ټ ډ ړ ښ ږ ګ ڼ ې ۍ…) pour les captures RTL
fc-list 2>/dev/null | grep -qi scheherazade || manquants+=(fonts-sil-scheherazade)
if [ ${#manquants[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Paquets manquants : ${manquants[*]}. Installez-les : sudo apt-get install ${manquants[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${manquants[@]}" fonts-dejavu-core >/dev/null
