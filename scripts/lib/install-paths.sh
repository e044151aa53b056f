# Where scripts/install and scripts/uninstall put each file, for a prefix: where the program
# that reads the file looks.

install_paths() {
  local prefix=$1
  bindir=$prefix/bin
  libdir=$prefix/lib/kubeplay
  datadir=$prefix/share
  case $prefix in
    /usr)
      # Podman's own podman-kube@.service is in /usr/lib/systemd: an override goes to /etc.
      systemunitdir=/etc/systemd/system
      userunitdir=/etc/systemd/user
      dbuspolicydir=/usr/share/dbus-1/system.d
      polkitdir=/usr/share/polkit-1/actions
      ;;
    /usr/local)
      # systemd reads /usr/local/lib/systemd before /usr/lib/systemd, so these override
      # Podman's; dbus-daemon reads system.d policies and polkit its actions only from
      # /etc or /usr/share, never from /usr/local.
      systemunitdir=$prefix/lib/systemd/system
      userunitdir=$prefix/lib/systemd/user
      dbuspolicydir=/etc/dbus-1/system.d
      polkitdir=/usr/share/polkit-1/actions
      ;;
    *)
      # A prefix of its own (a sandbox, a test): everything stays under it, for a bus and a
      # manager configured to read it there.
      systemunitdir=$prefix/lib/systemd/system
      userunitdir=$prefix/lib/systemd/user
      dbuspolicydir=$datadir/dbus-1/system.d
      polkitdir=$datadir/polkit-1/actions
      ;;
  esac
}
