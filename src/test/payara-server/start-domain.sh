#!/usr/bin/env bash
# Provisions the Payara Server of the it-payara-server runs (PayaraServerSetupIT runs it): a new domain on the test ports,
# started, our own loggers at FINEST (the log scan must see every level). Everything an admin
# does for Wix Bridge itself (password aliases, server-config/payara-server/setup.asadmin) is
# done by PayaraServerSetupIT, which knows this run's secrets.
set -euo pipefail
: "${PAYARA_HOME:?}" "${DOMAIN:?}" "${PORT_BASE:?}"
asadmin() { "$PAYARA_HOME/bin/asadmin" "$@"; }

# A domain left by an earlier run (killed before its stop) goes first.
asadmin stop-domain "$DOMAIN" >/dev/null 2>&1 || true
rm -rf "$PAYARA_HOME/glassfish/domains/$DOMAIN"

empty=$(mktemp)
trap 'rm -f "$empty"' EXIT
echo 'AS_ADMIN_PASSWORD=' > "$empty"
asadmin --user admin --passwordfile "$empty" create-domain --nopassword=true --portbase "$PORT_BASE" "$DOMAIN" >/dev/null
asadmin start-domain "$DOMAIN"
asadmin --port $((PORT_BASE + 48)) set-log-levels dev.wixbridge=FINEST
