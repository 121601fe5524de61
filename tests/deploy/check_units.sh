#!/usr/bin/env bash
# The unit files of deploy/ as systemd reads them: `systemd-analyze verify` on each, where any
# message at all (an unknown key is only a warning, exit 0) fails the test; the sandboxing that
# docs/deploy.md promises; no secret on a command line. A negative control first proves that a
# wrong unit fails. Never skipped: without systemd-analyze the test fails (scripts/install-deps.sh
# installs systemd).
#
#   tests/deploy/check_units.sh SOURCE_DIR PEERMAP_BINARY
set -euo pipefail
source_dir=$1
binary=$2
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "check_units: systemd-analyze is missing: install systemd (scripts/install-deps.sh)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The units name the installed binary; verify checks that it exists, so the copies name the
# one just built. Nothing else is changed.
for unit in "$source_dir"/deploy/*.service "$source_dir"/deploy/*.timer; do
  sed "s|/usr/local/bin/peermap|$binary|g" "$unit" >"$work/$(basename "$unit")"
done

# verify DIR UNIT...: fails on a non-zero exit or on any message.
verify() {
  local output dir=$1
  shift
  if ! output=$(cd "$dir" && systemd-analyze verify "$@" 2>&1) || [[ -n $output ]]; then
    echo "$output"
    return 1
  fi
}

mkdir "$work/bad"
cp "$work/peermap.service" "$work/bad/peermap.service"
sed -i 's/^NoNewPrivileges=yes/NoNewPrivilege=yes/' "$work/bad/peermap.service"
if verify "$work/bad" ./peermap.service >/dev/null; then
  echo "check_units: a unit with a misspelt key passed: the check cannot fail" >&2
  exit 1
fi

status=0
for unit in peermap.service peermap-postgres@8081.service peermap-backup.service peermap-backup.timer; do
  if ! verify "$work" "./$unit"; then
    echo "check_units: $unit: systemd-analyze verify complained (above)" >&2
    status=1
  fi
done

for unit in peermap.service peermap-postgres@.service peermap-backup.service; do
  for line in DynamicUser=yes ProtectSystem=strict NoNewPrivileges=yes User=peermap; do
    grep -qx "$line" "$work/$unit" || { echo "check_units: $unit: no $line" >&2; status=1; }
  done
  if grep -E '^Exec' "$work/$unit" | grep -qiE 'password|secret|PGPASSWORD'; then
    echo "check_units: $unit: a secret on a command line" >&2
    status=1
  fi
done
for unit in peermap.service peermap-backup.service; do
  grep -qx 'StateDirectoryMode=0700' "$work/$unit" || { echo "check_units: $unit: state directory not 0700" >&2; status=1; }
done
grep -q -- '--behind-tls-proxy' "$work/peermap.service" || { echo "check_units: no --behind-tls-proxy" >&2; status=1; }
grep -qx 'LoadCredential=pgpass:/etc/peermap/pgpass' "$work/peermap-postgres@.service" || { echo "check_units: the PostgreSQL password is not a credential" >&2; status=1; }
# The flags the units pass are ones `peermap serve` takes.
help=$("$binary" serve --help)
for flag in --db --listen --behind-tls-proxy --council-name; do
  grep -q -- "$flag" <<<"$help" || { echo "check_units: peermap serve has no $flag" >&2; status=1; }
done
exit $status
