# The demo's steps, run by scripts/demo inside scripts/sandbox, where kubeplay is installed
# into the sandbox's own prefix and kubeplayd is activated on the session bus when called.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/demo.XXXXXX)
trap 'rm -rf "$work"' EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; }
unit_of() { echo "podman-kube@$(systemd-escape "$1").service"; }
examples=(notify-ready web multi)

step "kubeplay installed in the sandbox's prefix"
show command -v kubeplay kubeplayd

# The multi-container example's "registry" policy checks the sandbox's registry.
cp "$top"/examples/*.yaml "$work/"
podman tag "$KUBEPLAY_TEST_IMAGE" "$KUBEPLAY_REGISTRY/kubeplay-test:latest"
podman push -q --tls-verify=false "$KUBEPLAY_REGISTRY/kubeplay-test:latest"

step "validate the examples"
show kubeplay validate "$work"/*.yaml

for example in "${examples[@]}"; do
  step "play $example.yaml through kubeplayd (D-Bus activated on the session bus)"
  show kubeplay --user play --wait "$work/$example.yaml"
done

step "what kubeplayd, systemd and podman see"
show kubeplay --user list
show kubeplay --user status web
show systemctl --user show -p ActiveState -p SubState -p MainPID -p StatusText \
  "$(unit_of "$work/notify-ready.yaml")"
show busctl --user call org.kubeplay.Agent1 /org/kubeplay/Agent1 \
  org.kubeplay.Agent1.Manager ListWorkloads
show podman ps --format '{{.Names}}\t{{.Status}}\t{{.Labels.PODMAN_SYSTEMD_UNIT}}'

step "the web example answers"
show wget -q -O- http://127.0.0.1:18080/

step "auto-update: nothing new yet"
show kubeplay --user auto-update --dry-run

step "auto-update: a new image under the same tag in the registry"
image=localhost:${KUBEPLAY_REGISTRY##*:}/kubeplay-test:latest
show podman commit -q multi-pod-sidecar "$image"
show podman push -q --tls-verify=false "$image"
show kubeplay --user auto-update --dry-run
show kubeplay --user auto-update
show kubeplay --user status multi

step "stop everything"
for example in "${examples[@]}"; do
  show kubeplay --user stop --wait "$work/$example.yaml"
done
show kubeplay --user list
show podman ps -a --format '{{.Names}}'
echo
echo "demo: done; the sandbox goes away now"
