# The demo's steps, run by scripts/demo inside scripts/sandbox.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/kubeplay-demo.XXXXXX)
trap 'rm -rf "$work"' EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }
unit_of() { echo "podman-kube@$(systemd-escape "$1").service"; }

# The examples, copied where the demo may change them; the sandbox's registry serves the
# image that the multi-container example's auto-update policy checks.
cp "$top"/examples/*.yaml "$work/"
podman tag "$KUBEPLAY_TEST_IMAGE" "$KUBEPLAY_REGISTRY/kubeplay-test:latest"
podman push -q --tls-verify=false "$KUBEPLAY_REGISTRY/kubeplay-test:latest"
podman rmi -f "$KUBEPLAY_REGISTRY/kubeplay-test:latest" >/dev/null

step "validate the examples"
show kubeplay validate "$work"/*.yaml

for example in notify-ready web multi; do
  file=$work/$example.yaml
  step "play $example.yaml under systemd"
  show systemctl --user start "$(unit_of "$file")"
  show systemctl --user show -p ActiveState -p SubState -p MainPID -p StatusText "$(unit_of "$file")"
done

step "what podman sees"
show podman ps --format '{{.Names}}\t{{.Status}}\t{{.Labels.PODMAN_SYSTEMD_UNIT}}'

step "the web example answers"
show wget -q -O- http://127.0.0.1:18080/

step "stop everything"
for example in notify-ready web multi; do
  show systemctl --user stop "$(unit_of "$work/$example.yaml")"
done
show systemctl --user list-units --all --no-pager 'podman-kube@*'
show podman ps -a --format '{{.Names}}'
echo
echo "demo: done"
