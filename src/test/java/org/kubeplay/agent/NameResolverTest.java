package org.kubeplay.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameResolverTest {
  private static final WorkloadRef WEB = WorkloadRef.ofFile("/srv/web.yaml");
  private static final WorkloadRef OTHER_WEB = WorkloadRef.ofFile("/opt/web.yml");
  private static final WorkloadRef DB = WorkloadRef.ofFile("/srv/db.yaml");

  @ParameterizedTest
  @ValueSource(strings = {"db", "/srv/db.yaml", "podman-kube@-srv-db.yaml.service"})
  void fileUnitOrNameFindsTheWorkload(String query) throws Exception {
    assertEquals(DB, NameResolver.resolve(query, List.of(WEB, DB)));
  }

  @Test
  void fileDisambiguatesASharedName() throws Exception {
    assertEquals(WEB, NameResolver.resolve("/srv/web.yaml", List.of(WEB, OTHER_WEB)));
  }

  @Test
  void sharedNameIsInvalidArgsListingTheCandidates() {
    AgentException e =
        assertThrows(
            AgentException.class, () -> NameResolver.resolve("web", List.of(WEB, OTHER_WEB, DB)));

    assertEquals(AgentError.INVALID_ARGS, e.error());
    assertEquals(
        "workload name 'web' is ambiguous: /opt/web.yml, /srv/web.yaml; give the file or the unit",
        e.getMessage());
  }

  @Test
  void unknownWorkloadIsNoSuchWorkload() {
    AgentException e =
        assertThrows(AgentException.class, () -> NameResolver.resolve("cache", List.of(WEB)));

    assertEquals(AgentError.NO_SUCH_WORKLOAD, e.error());
    assertEquals("no workload 'cache' is loaded", e.getMessage());
  }

  @Test
  void emptyQueryIsInvalidArgs() {
    AgentException e =
        assertThrows(AgentException.class, () -> NameResolver.resolve("", List.of(WEB)));

    assertEquals(AgentError.INVALID_ARGS, e.error());
  }
}
