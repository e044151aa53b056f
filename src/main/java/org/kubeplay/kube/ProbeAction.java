package org.kubeplay.kube;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a probe does to check a container. */
public sealed interface ProbeAction {
  /** Runs a command in the container; exit status 0 passes. */
  record Exec(List<String> command) implements ProbeAction {
    public Exec {
      command = List.copyOf(command);
      if (command.isEmpty()) {
        throw new IllegalArgumentException("exec probe without command");
      }
    }
  }

  /**
   * Sends an HTTP GET; a status from 200 to 399 passes. A named port is already resolved to its
   * number; {@code host} empty means the pod's own address.
   */
  record HttpGet(
      String path, int port, Optional<String> host, HttpScheme scheme, List<HttpHeader> headers)
      implements ProbeAction {
    public HttpGet {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(scheme, "scheme");
      headers = List.copyOf(headers);
    }
  }

  /** Opens a TCP connection; connecting passes. */
  record TcpSocket(int port, Optional<String> host) implements ProbeAction {
    public TcpSocket {
      Objects.requireNonNull(host, "host");
    }
  }

  /** One request header of an httpGet probe. */
  record HttpHeader(String name, String value) {
    public HttpHeader {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
