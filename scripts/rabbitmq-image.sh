#!/usr/bin/env bash
# Build a RabbitMQ image with no registry: debootstrap a minimal bookworm with Debian's
# rabbitmq-server, imported as an image. Prints the image's name; does nothing if it exists
# already (about a minute). It takes the official image's settings: RABBITMQ_DEFAULT_USER and
# RABBITMQ_DEFAULT_PASS (required here: there is no guest account), and
# RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS, which rabbitmq-server reads itself.
#   bash scripts/rabbitmq-image.sh [NAME]     (needs debootstrap and a Docker engine, as root)
set -euo pipefail
. "$(dirname "$0")/debian-root.sh"
name=${1:-gw-test-rabbitmq:bookworm}
debian_root "$name" rabbitmq-server
cat >"$root/usr/local/bin/rabbitmq-start" <<'START'
#!/bin/sh
# The one account is the deployer's; RabbitMQ then makes no guest account at all.
: "${RABBITMQ_DEFAULT_USER:?set RABBITMQ_DEFAULT_USER}" "${RABBITMQ_DEFAULT_PASS:?set RABBITMQ_DEFAULT_PASS}"
printf 'default_user = %s\ndefault_pass = %s\n' "$RABBITMQ_DEFAULT_USER" "$RABBITMQ_DEFAULT_PASS" \
  >/etc/rabbitmq/rabbitmq.conf
chown rabbitmq /etc/rabbitmq/rabbitmq.conf && chmod 600 /etc/rabbitmq/rabbitmq.conf
exec rabbitmq-server
START
chmod 755 "$root/usr/local/bin/rabbitmq-start"
import_root "$name" --change 'CMD ["/usr/local/bin/rabbitmq-start"]'
