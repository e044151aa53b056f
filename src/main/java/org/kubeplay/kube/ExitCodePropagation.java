package org.kubeplay.kube;

/**
 * How the supervisor's exit code follows its containers', from the annotation {@code
 * io.kubeplay.exit-code-propagation}, like podman's {@code --service-exit-code-propagation}: {@code
 * none} exits 0, {@code all} fails when every container failed, {@code any} when one did.
 */
public enum ExitCodePropagation implements WireName {
  NONE("none"),
  ALL("all"),
  ANY("any");

  /** Annotation naming the policy of a pod. */
  public static final String ANNOTATION = "io.kubeplay.exit-code-propagation";

  private final String wireName;

  ExitCodePropagation(String wireName) {
    this.wireName = wireName;
  }

  @Override
  public String wireName() {
    return wireName;
  }

  /** Returns the constant with the given wire name, or throws listing the valid ones. */
  public static ExitCodePropagation fromWire(String text) {
    return WireName.lookup(ExitCodePropagation.class, text, "exit-code propagation");
  }
}
