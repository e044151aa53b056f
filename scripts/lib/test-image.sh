# Builds the image that tests and examples run, from this machine's own files: no pull.
# busybox-static gives a shell, httpd, nc and friends; Debian's systemd-notify (with the
# libraries ldd lists for it) is the real sd_notify sender.

test_image_recipe() {
  # Anything whose change should rebuild the image.
  cat "$top/scripts/lib/test-image.sh"
  sha256sum /bin/busybox /usr/bin/systemd-notify
}

build_test_image_if_stale() {
  local image=$1 recipe current
  recipe=$(test_image_recipe | sha256sum | cut -c1-16)
  current=$(podman image inspect --format '{{index .Labels "io.kubeplay.recipe"}}' "$image" \
    2>/dev/null || true)
  [[ $current == "$recipe" ]] && return 0

  local root
  root=$(mktemp -d)
  make_test_rootfs "$root"
  tar -C "$root" -c . | podman import --quiet \
    --change 'ENV=PATH=/bin:/usr/bin' \
    --change 'CMD=["/bin/sh"]' \
    --change "LABEL=io.kubeplay.recipe=$recipe" \
    - "$image" >/dev/null
  rm -rf "$root"
}

make_test_rootfs() {
  local root=$1 applet lib
  mkdir -p "$root"/{bin,usr/bin,etc,www,proc,sys,dev,run} 
  install -d -m 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [[ -e $root/bin/$applet ]] || ln -s busybox "$root/bin/$applet"
  done
  cp /usr/bin/systemd-notify "$root/usr/bin/systemd-notify"
  for lib in $(ldd /usr/bin/systemd-notify | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' \
    >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  echo '<h1>kubeplay test page</h1>' >"$root/www/index.html"
}
