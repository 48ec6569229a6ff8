#!/bin/sh
# Runs a command in a fresh network namespace whose only interface is loopback (`lo`, brought up), so
# every ICE candidate and packet of the call journeys stays on 127.0.0.1. As root: `unshare -n`.
# Otherwise: `unshare -rn`, a user namespace mapping the caller to root inside it (needs unprivileged
# user namespaces, e.g. kernel.unprivileged_userns_clone=1 / no AppArmor restriction).
# Usage: scripts/in-loopback-netns.sh <command> [args...]
set -eu
if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi
if [ "$(id -u)" -eq 0 ]; then
  flags=-n
else
  flags=-rn
fi
# Inside: bring lo up, then replace the shell with the command (its exit status is ours).
exec unshare "$flags" sh -c 'ip link set lo up && exec "$@"' in-loopback-netns "$@"
