package org.kubeplay.update;

import java.util.Objects;
import java.util.Optional;

/**
 * What a registry's {@code WWW-Authenticate: Bearer ...} answer asks for: a token from the realm
 * for the service and scope.
 *
 * @param realm the token server's URL
 * @param service the registry's name for itself, passed to the token server
 * @param scope what the token must allow, e.g. {@code repository:app:pull}, when given
 */
public record BearerChallenge(String realm, Optional<String> service, Optional<String> scope) {
  public BearerChallenge {
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(scope, "scope");
    if (realm.isEmpty()) {
      throw new IllegalArgumentException("bearer challenge without a realm");
    }
  }
}
