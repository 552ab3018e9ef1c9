#!/bin/sh
# Builds the Debian package from a build tree, unpacks it into a throw-away
# root and checks what an administrator would rely on: the FHS layout, the
# configuration file marked as a conffile, the maintainer scripts, the
# systemd units (systemd-analyze verify), and that the installed binary finds
# its rules and web app under its own prefix rather than in a source checkout.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
work=$(mktemp -d /tmp/chibo-deb-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A package from this build tree, written outside it.
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack did not build the package"; }
deb=$(ls "$work"/out/chibo_*.deb | head -1)
[ -f "$deb" ] || fail "no .deb produced"
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"

root="$work/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$work/control"

for f in usr/bin/chibo etc/chibo/chibo.ini usr/lib/systemd/system/chibo.service \
         usr/lib/systemd/system/chibo-backup.service usr/lib/systemd/system/chibo-backup.timer \
         usr/share/chibo/rules usr/share/doc/chibo/operations.md; do
  [ -e "$root/$f" ] || fail "missing /$f"
done
[ -x "$root/usr/bin/chibo" ] || fail "/usr/bin/chibo not executable"
ls "$root"/usr/share/chibo/rules/*.json >/dev/null 2>&1 || fail "no rule files in /usr/share/chibo/rules"
grep -qx /etc/chibo/chibo.ini "$work/control/conffiles" || fail "chibo.ini is not a conffile"
for s in postinst prerm postrm; do [ -x "$work/control/$s" ] || fail "no $s script"; done
grep -q "adduser --system" "$work/control/postinst" || fail "postinst does not create the chibo user"
grep -q "^Depends:.*libsqlite3" "$work/control/control" || fail "Depends lacks the shared libraries: $(grep ^Depends "$work/control/control")"

unit="$root/usr/lib/systemd/system/chibo.service"
for want in "User=chibo" "ProtectSystem=strict" "ReadWritePaths=/var/lib/chibo" "NoNewPrivileges=yes" \
            "Restart=on-failure" "ExecStart=/usr/bin/chibo"; do
  grep -q "^$want" "$unit" || fail "chibo.service lacks $want"
done

# systemd's own checker, on the units as installed. The ExecStart binary must
# exist at its absolute path for verify, so it runs against a copy whose
# paths point into the unpacked root.
if command -v systemd-analyze >/dev/null 2>&1; then
  mkdir -p "$work/units"
  for u in chibo.service chibo-backup.service chibo-backup.timer; do
    sed "s#/usr/bin/chibo#$root/usr/bin/chibo#g" "$root/usr/lib/systemd/system/$u" >"$work/units/$u"
  done
  # verify warns about the unit's User= not existing on this machine; only
  # errors about the units' own syntax and directives fail the test.
  (cd "$work/units" && SYSTEMD_LOG_LEVEL=warning systemd-analyze verify ./chibo.service ./chibo-backup.service \
      ./chibo-backup.timer >"$work/verify.log" 2>&1) || true
  if grep -Ei "unknown (key|section)|failed to parse|invalid|bad " "$work/verify.log"; then
    fail "systemd-analyze verify found problems"
  fi
  echo "systemd-analyze verify: $(wc -l <"$work/verify.log") line(s) of notes"
else
  echo "systemd-analyze not installed: units checked by the greps above only"
fi

# The installed binary's defaults come from its prefix, not the checkout.
out=$("$root/usr/bin/chibo" config check 2>&1 || true)
case "$out" in *"rules = $root/usr/share/chibo/rules"*) ;; *) fail "installed chibo does not default to its prefix: $out";; esac
case "$out" in *"$src"*) fail "installed chibo points into the source checkout: $out";; esac
# And it runs: a database, a backup, a restore, all with the installed binary.
"$root/usr/bin/chibo" --db "$work/var/chibo.db" migrate >/dev/null || fail "migrate on a new database"
"$root/usr/bin/chibo" --db "$work/var/chibo.db" --backup-dir "$work/var/backups" backup >/dev/null || fail "backup"
echo "ok"
