package org.kubeplay.kube;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields the Kubernetes API defines for one object type, split by what kubeplay does with them.
 *
 * @param type the object type as the API documentation names it, for messages
 * @param read fields kubeplay reads and honours
 * @param unsupported fields Kubernetes defines that kubeplay cannot honour: a warning
 * @param inert fields Kubernetes defines that have no effect here (status, bookkeeping)
 */
record Schema(String type, Set<String> read, Set<String> unsupported, Set<String> inert) {
  Schema {
    read = Set.copyOf(read);
    unsupported = Set.copyOf(unsupported);
    inert = Set.copyOf(inert);
  }

  /** Builds a schema from space-separated field lists, to keep the tables compact. */
  static Schema of(String type, String read, String unsupported, String inert) {
    return new Schema(type, words(read), words(unsupported), words(inert));
  }

  /** Returns the same schema with more fields that kubeplay reads. */
  Schema reading(String more) {
    Set<String> all =
        Stream.concat(read.stream(), words(more).stream()).collect(Collectors.toSet());
    return new Schema(type, all, unsupported, inert);
  }

  boolean defines(String field) {
    return read.contains(field) || unsupported.contains(field) || inert.contains(field);
  }

  /** Returns every defined field, sorted, for suggestions. */
  Set<String> allFields() {
    Set<String> all = new TreeSet<>(read);
    all.addAll(unsupported);
    all.addAll(inert);
    return all;
  }

  private static Set<String> words(String list) {
    return Arrays.stream(list.trim().split("\\s+"))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toSet());
  }
}
