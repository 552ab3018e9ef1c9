#!/usr/bin/env bash
# Installs whatever Debian 12 packages and npm modules chibo needs and are missing.
# Idempotent and quiet when everything is present, so `make` can call it every time.
set -euo pipefail
PKGS=(build-essential cmake pkg-config git
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  libboost1.81-dev libboost-json1.81-dev libssl-dev
  libsqlite3-dev sqlite3 libsoci-dev libsodium-dev
  libgtest-dev libgmock-dev libcpp-httplib-dev
  libpango1.0-dev libcairo2-dev libxlsxwriter-dev libzip-dev libqrencode-dev
  libspdlog-dev libcli11-dev
  fonts-noto-core fonts-dejavu-core fonts-liberation2
  poppler-utils unzip chromium chromium-driver nodejs npm curl
  libcurl4-openssl-dev python3-aiosmtpd   # reminders and notices: e-mail over SMTP; tests' SMTP server
  clang libclang-rt-14-dev    # make fuzz: clang + libFuzzer, ASan, UBSan (docs/security.md)
  libexpat1-dev libfreexl-dev zlib1g-dev   # roster import (.xlsx XML, .xls), gzip answers
  dpkg-dev systemd            # make deb (dpkg-shlibdeps) and its test (systemd-analyze verify)
  libreoffice-writer-nogui libreoffice-calc-nogui)  # tests read our DOCX and XLSX back with soffice
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A node that is already on PATH (e.g. from nodesource) is good enough; do not fight it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  keep=(); for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || keep+=("$p"); done
  missing=("${keep[@]+"${keep[@]}"}")
fi
if ((${#missing[@]})); then
  echo "chibo: installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
