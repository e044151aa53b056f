package org.kubeplay.agent;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Finds a workload by file path, unit name or short name among the known ones. */
final class NameResolver {
  private NameResolver() {}

  /**
   * Returns the one workload the query names.
   *
   * @throws AgentException {@link AgentError#NO_SUCH_WORKLOAD} if none matches, {@link
   *     AgentError#INVALID_ARGS} if the query is empty or a name matches several workloads
   */
  static WorkloadRef resolve(String query, Collection<WorkloadRef> known) throws AgentException {
    if (query.isEmpty()) {
      throw new AgentException(
          AgentError.INVALID_ARGS, "workload is empty: give a file, unit or name");
    }
    List<WorkloadRef> matches =
        known.stream().filter(matcher(query)).sorted(NameResolver::byFile).toList();
    if (matches.isEmpty()) {
      throw new AgentException(
          AgentError.NO_SUCH_WORKLOAD, "no workload '" + query + "' is loaded");
    }
    if (matches.size() > 1) {
      String files =
          matches.stream().map(m -> m.file().toString()).collect(Collectors.joining(", "));
      throw new AgentException(
          AgentError.INVALID_ARGS,
          "workload name '" + query + "' is ambiguous: " + files + "; give the file or the unit");
    }
    return matches.get(0);
  }

  /** Tells which field the query names: a path starts with '/', a unit ends in .service. */
  private static Predicate<WorkloadRef> matcher(String query) {
    if (query.startsWith("/")) {
      return ref -> ref.file().toString().equals(query);
    }
    if (query.endsWith(".service")) {
      return ref -> ref.unit().equals(query);
    }
    return ref -> ref.name().equals(query);
  }

  private static int byFile(WorkloadRef a, WorkloadRef b) {
    return a.file().compareTo(b.file());
  }
}
