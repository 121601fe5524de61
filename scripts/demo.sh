#!/usr/bin/env bash
# make demo: renders every example map into out/, then starts the server on the embedded
# default (SQLite, var/demo.db) with the examples loaded, and prints the URL and a first login.
# The server runs in the foreground; Ctrl-C stops it.
set -euo pipefail
binary=${1:-build/release/peermap}
listen=${PEERMAP_DEMO_LISTEN:-127.0.0.1:8080}
mkdir -p out
for example in examples/*.json; do
  name=$(basename "$example" .json)
  "$binary" validate "$example" >/dev/null
  for format in svg png pdf; do
    "$binary" render "$example" -o "out/$name.$format"
  done
  echo "rendered $example -> out/$name.{svg,png,pdf}"
done
# The ecomap example is also drawn as the child's ecomap (guidance Appendix 1).
"$binary" render examples/ecomap-child.json --ecomap p1 -o out/ecomap-child-ecomap.png
"$binary" render examples/peer-group.json --redact -o out/peer-group-redacted.png
echo "rendered out/ecomap-child-ecomap.png and out/peer-group-redacted.png"

# A fresh demo database: one practitioner, one manager, the three example maps.
mkdir -p var
db="sqlite:var/demo.db"
rm -f var/demo.db var/demo.db-wal var/demo.db-shm
password=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)
manager_password=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)
printf '%s\n' "$password" |
  "$binary" user add --db "$db" --username demo --team "Exploitation Team" --role practitioner \
    --display-name "Owen Castellano" >/dev/null
printf '%s\n' "$manager_password" |
  "$binary" user add --db "$db" --username demo-manager --team "Exploitation Team" --role manager \
    --display-name "Gwen Llewellyn" >/dev/null
"$binary" map import --db "$db" --as demo examples/*.json

url="http://$listen/"
cat <<TEXT

peermap is starting at $url (SQLite: var/demo.db)
  workspace:    open $url in a browser and sign in (docs/workspace.md)
  first login:  username demo          password $password
  manager:      username demo-manager  password $manager_password
  API:          ${url}api/openapi.json (docs/api.md)
  try:          curl -c /tmp/peermap.jar -H 'Content-Type: application/json' \\
                  -d '{"username":"demo","password":"$password"}' ${url}api/session
                curl -b /tmp/peermap.jar ${url}api/maps
Press Ctrl-C to stop.

TEXT
exec "$binary" serve --db "$db" --listen "$listen" --council-name "${PEERMAP_DEMO_COUNCIL:-Demo Council}"
