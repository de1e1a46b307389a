# Debian packages and users the local stack needs; idempotent.

STACK_PACKAGES=(mariadb-server mariadb-client postgresql-15 postgresql-client-15 unzip curl procps)

stack_missing_packages() {
  local p
  for p in "${STACK_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf '%s\n' "$p"
  done
}

stack_install() {
  local missing
  mapfile -t missing < <(stack_missing_packages)
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "installing ${missing[*]} needs root (apt-get)"
    info "Installing Debian packages: ${missing[*]}"
    apt-get update -q || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
      || die "apt-get install ${missing[*]} failed"
  fi
  if ! id -u "$STACK_USER" >/dev/null 2>&1; then
    info "Creating the unprivileged user $STACK_USER (runs Elasticsearch)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$STACK_USER" \
      || die "useradd $STACK_USER failed"
  fi
}

stack_install_check() {
  local missing
  mapfile -t missing < <(stack_missing_packages)
  if [ ${#missing[@]} -gt 0 ] || ! id -u "$STACK_USER" >/dev/null 2>&1; then
    stack_install
  fi
}
