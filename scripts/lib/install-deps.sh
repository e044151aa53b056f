# Installs the Debian packages kubeplay's build and tests need, when any is missing.
# Sourced by scripts/test and scripts/demo; needs root on a Debian 12 machine.

# catatonit is only recommended by podman, yet without it podman cannot build the pause
# image that every pod's infra container runs.
kubeplay_packages=(
  openjdk-17-jdk-headless maven gcc libc6-dev
  podman runc catatonit busybox-static docker-registry skopeo
  dbus-daemon dbus-user-session systemd polkitd procps psmisc iproute2 groff-base mandoc
)

install_missing_packages() {
  local missing=() pkg
  for pkg in "${kubeplay_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  # The registry package starts a service on all interfaces where systemd runs; kubeplay
  # only ever runs its own copy on loopback.
  if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    systemctl disable --now docker-registry >/dev/null 2>&1 || true
  fi
}
