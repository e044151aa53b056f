# Functions of scripts/sandbox. Sourced; `top` is the checkout.
# The facts behind each step (cgroup layout, podman settings) are in the README's
# "Sandbox" section.

state=${KUBEPLAY_SANDBOX_STATE:-$top/build/sandbox}
registry_addr=${KUBEPLAY_REGISTRY_ADDR:-127.0.0.1:5000}
test_image=localhost/kubeplay-test:latest

die() {
  echo "scripts/sandbox: $*" >&2
  exit 1
}

require_commands() {
  local missing=()
  for c in "$@"; do command -v "$c" >/dev/null || missing+=("$c"); done
  ((${#missing[@]} == 0)) || die "missing commands: ${missing[*]} (scripts/test installs them)"
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND every 50 ms until it succeeds.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "timed out after ${seconds}s waiting for $what"
    sleep 0.05
  done
}

prepare_state_dirs() {
  mkdir -p "$state"/{etc,storage,home,units,log,registry}
  : >"$state/log/units.log"
}

# Mounts every cgroup hierarchy afresh on a private tmpfs, adds the controllers that the
# host leaves unmounted (podman pods need net_cls, net_prio, perf_event and hugetlb), and
# makes a cgroup of our own for systemd --user to manage.
setup_cgroups() {
  mount -t tmpfs -o mode=755 cgroup /sys/fs/cgroup
  local -A hierarchy
  local unmounted=() name id _rest
  while read -r name id _rest; do
    [[ $name == \#* ]] && continue
    if ((id)); then
      hierarchy[$id]+="${hierarchy[$id]:+,}$name"
    else
      unmounted+=("$name")
    fi
  done </proc/cgroups
  for id in "${!hierarchy[@]}"; do mount_v1 "${hierarchy[$id]}"; done
  local controllers=" ${unmounted[*]} "
  if [[ $controllers == *" net_cls "* && $controllers == *" net_prio "* ]]; then
    mount_v1 net_cls,net_prio
    controllers=${controllers/ net_cls / }
    controllers=${controllers/ net_prio / }
  fi
  for name in $controllers; do mount_v1 "$name"; done
  mkdir -p /sys/fs/cgroup/systemd /sys/fs/cgroup/unified
  mount -t cgroup -o none,name=systemd cgroup /sys/fs/cgroup/systemd
  mount -t cgroup2 cgroup2 /sys/fs/cgroup/unified

  remove_stale_cgroups
  sandbox_cgroup=kubeplay-sandbox.$(date +%s%N)
  mkdir /sys/fs/cgroup/{systemd,unified}/"$sandbox_cgroup"
}

# With KUBEPLAY_SANDBOX_INFO set, writes what identifies this sandbox to that file, so that a
# test can check afterwards that none of it is left: its namespaces and its cgroup.
write_sandbox_info() {
  [[ -n ${KUBEPLAY_SANDBOX_INFO:-} ]] || return 0
  printf 'pidns=%s\nmntns=%s\ncgroup=%s\n' "$(readlink /proc/self/ns/pid)" \
    "$(readlink /proc/self/ns/mnt)" "$sandbox_cgroup" >"$KUBEPLAY_SANDBOX_INFO"
}

# mount_v1 CONTROLLERS: one v1 hierarchy, with a link per controller when they are joined,
# the way a booted systemd lays them out.
mount_v1() {
  local controllers=$1
  mkdir -p "/sys/fs/cgroup/$controllers"
  mount -t cgroup -o "$controllers" cgroup "/sys/fs/cgroup/$controllers"
  if [[ $controllers == *,* ]]; then
    local c
    for c in ${controllers//,/ }; do ln -s "$controllers" "/sys/fs/cgroup/$c"; done
  fi
}

# join_cgroup NAME: moves the calling shell into NAME below our own cgroup.
join_cgroup() {
  local hierarchy
  for hierarchy in systemd unified; do
    mkdir -p "/sys/fs/cgroup/$hierarchy/$sandbox_cgroup/$1"
    echo "$BASHPID" >"/sys/fs/cgroup/$hierarchy/$sandbox_cgroup/$1/cgroup.procs"
  done
}

# Private tmpfs for everything a run leaves in /run, so two sandboxes never share it.
setup_runtime_dirs() {
  local dir
  for dir in /run/systemd /run/user /run/containers /run/libpod /run/netns /run/cni; do
    mkdir -p "$dir"
    mount -t tmpfs -o mode=755 tmpfs "$dir"
  done
  mkdir -p /run/systemd/system /var/lib/cni
  mount -t tmpfs -o mode=755 tmpfs /var/lib/cni
  install -d -m 0700 /run/user/0
  export XDG_RUNTIME_DIR=/run/user/0
  export HOME=$state/home
  export DBUS_SESSION_BUS_ADDRESS=unix:path=$XDG_RUNTIME_DIR/bus
  # The freshly built kubeplay, installed as on a host: on PATH, units on the unit path.
  if [[ -f $top/target/kubeplay.jar ]]; then
    rm -rf "$state/prefix"
    "$top/scripts/install" --prefix "$state/prefix"
  fi
  export PATH=$state/prefix/bin:$PATH
  export KUBEPLAY_SANDBOX=1 KUBEPLAY_TEST_IMAGE=$test_image KUBEPLAY_SANDBOX_STATE=$state
  export KUBEPLAY_TEST_UNIT_DIR=$state/units
  join_cgroup shell
}

write_podman_config() {
  cat >"$state/etc/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "/run/libpod"
CONF
  cat >"$state/etc/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$state/storage"
runroot = "/run/containers/storage"
CONF
  cat >"$state/etc/registries.conf" <<CONF
unqualified-search-registries = []

[[registry]]
location = "$registry_addr"
insecure = true

[[registry]]
location = "localhost:${registry_addr##*:}"
insecure = true

[aliases]
"kubeplay-test" = "localhost/kubeplay-test"
CONF
  export CONTAINERS_CONF=$state/etc/containers.conf
  export CONTAINERS_STORAGE_CONF=$state/etc/storage.conf
  export CONTAINERS_REGISTRIES_CONF=$state/etc/registries.conf
  export KUBEPLAY_REGISTRY=$registry_addr
  podman rm --all --force --time 0 >/dev/null 2>&1 || true
  podman pod rm --all --force --time 0 >/dev/null 2>&1 || true
}

start_user_manager() {
  cat >"$state/units/default.target" <<UNIT
[Unit]
Description=kubeplay sandbox
Wants=dbus.socket dbus.service
UNIT
  # There is no journald here: every service writes to one log file instead.
  mkdir -p "$state/units/service.d"
  cat >"$state/units/service.d/10-sandbox-log.conf" <<UNIT
[Service]
StandardOutput=append:$state/log/units.log
StandardError=inherit
UNIT
  export SYSTEMD_UNIT_PATH=$state/units:$state/prefix/lib/systemd/user:
  # The session bus finds activatable services in $XDG_DATA_DIRS/dbus-1/services: kubeplayd
  # starts on the first call to org.kubeplay.Agent1, as kubeplayd.service of systemd --user.
  export XDG_DATA_DIRS=$state/prefix/share:/usr/local/share:/usr/share
  (join_cgroup manager && exec systemd --user >"$state/log/systemd.log" 2>&1) &
  manager_pid=$!
  wait_for 20 "systemd --user on the session bus" busctl --user call org.freedesktop.systemd1 \
    /org/freedesktop/systemd1 org.freedesktop.DBus.Peer Ping
}

start_registry() {
  # Another sandbox's registry would answer our readiness check and take our pushes.
  if bash -c "exec 3<>/dev/tcp/${registry_addr/://}" 2>/dev/null; then
    die "$registry_addr is already in use: set KUBEPLAY_REGISTRY_ADDR to a free address"
  fi
  cat >"$state/etc/registry.yml" <<CONF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $state/registry
  delete:
    enabled: true
http:
  addr: $registry_addr
CONF
  docker-registry serve "$state/etc/registry.yml" >"$state/log/registry.log" 2>&1 &
  registry_pid=$!
  wait_for 10 "the registry on $registry_addr" bash -c "exec 3<>/dev/tcp/${registry_addr/://}"
  kill -0 "$registry_pid" 2>/dev/null || die "the registry failed: $(cat "$state/log/registry.log")"
}

ensure_test_image() {
  source "$top/scripts/lib/test-image.sh"
  build_test_image_if_stale "$test_image"
}

# Stops what the sandbox started, then whatever is left in its PID namespace, then
# removes the cgroups it made.
stop_all() {
  trap - INT TERM
  local ids
  ids=$(podman_ids_of_this_sandbox)
  # The manager first: it stops the units still running, as a shutdown would, so their
  # supervisors stop their pods; whatever is left then goes by force.
  if [[ -n ${manager_pid:-} ]] && kill -TERM "$manager_pid" 2>/dev/null; then
    wait_gone "$manager_pid" 90
  fi
  podman pod rm --all --force --time 0 >/dev/null 2>&1 || true
  podman rm --all --force --time 0 >/dev/null 2>&1 || true
  [[ -n ${registry_pid:-} ]] && kill -TERM "$registry_pid" 2>/dev/null || true
  # As init of the PID namespace, `kill -1` reaches every other process in it.
  kill -KILL -1 2>/dev/null || true
  wait 2>/dev/null || true
  remove_cgroups $ids
}

# Every pod and container this sandbox's podman made, gone or not: its events log has them
# all, and podman's cgroupfs manager can leave an empty cgroup behind for each.
podman_ids_of_this_sandbox() {
  {
    grep -o '"ID":"[0-9a-f]\{64\}"' /run/libpod/events/events.log 2>/dev/null | cut -d'"' -f4
    podman ps --all --quiet --no-trunc 2>/dev/null
    podman pod ps --quiet --no-trunc 2>/dev/null
  } | sort -u
}

wait_gone() {
  local pid=$1 deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.05; done
}

# remove_cgroups [ID...]: our own cgroup tree, and podman's cgroups of containers and pods
# with the given IDs (cgroupfs puts them in the hierarchies' shared libpod_parent).
remove_cgroups() {
  local hierarchy id
  [[ -n ${sandbox_cgroup:-} ]] || return 0
  for hierarchy in systemd unified; do
    echo "$BASHPID" >"/sys/fs/cgroup/$hierarchy/cgroup.procs"
    remove_cgroup_tree "/sys/fs/cgroup/$hierarchy/$sandbox_cgroup"
  done
  (($#)) || return 0
  # Children come before their parents in find's -depth order, so rmdir can take them all.
  find /sys/fs/cgroup/*/libpod_parent -mindepth 1 -depth -type d 2>/dev/null |
    grep -F -f <(printf '%s\n' "$@") | xargs -r rmdir 2>/dev/null || true
}

remove_cgroup_tree() {
  if [[ -d $1 ]]; then
    find "$1" -depth -type d -exec rmdir {} + 2>/dev/null || true
  fi
}

# A sandbox killed with SIGKILL cannot clean up; the next one removes its cgroups, once no
# process is left in them and they are over a minute old (a younger one may belong to a
# sandbox that is starting; another sandbox still running always has a process in its own).
remove_stale_cgroups() {
  local dir born now
  now=$(date +%s)
  for dir in /sys/fs/cgroup/{systemd,unified}/kubeplay-sandbox.*; do
    [[ -d $dir ]] || continue
    born=${dir##*.}
    ((now - ${born:0:10} > 60)) || continue
    if ! find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null | grep -q .; then
      remove_cgroup_tree "$dir"
    fi
  done
}
