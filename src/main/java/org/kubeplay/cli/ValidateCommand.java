package org.kubeplay.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kubeplay.kube.AutoUpdatePolicy;
import org.kubeplay.kube.Container;
import org.kubeplay.kube.ManifestException;
import org.kubeplay.kube.Pod;
import org.kubeplay.kube.SdNotifyPolicy;
import org.kubeplay.kube.Workload;
import org.kubeplay.kube.WorkloadJson;
import org.kubeplay.kube.WorkloadReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kubeplay validate FILE...}: checks manifests without running them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks Kubernetes YAML files and summarises what they would run.")
final class ValidateCommand implements Callable<Integer> {
  /** Exit code when a file has errors. */
  static final int EXIT_INVALID = 1;

  @Spec private CommandSpec spec;

  @Option(names = "--json", description = "Print the whole workload model as JSON.")
  private boolean json;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Manifest files to check.")
  private List<Path> files = new ArrayList<>();

  private final WorkloadReader reader;

  ValidateCommand() {
    this(new WorkloadReader());
  }

  ValidateCommand(WorkloadReader reader) {
    this.reader = reader;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exitCode = 0;
    for (Path file : files) {
      exitCode = Math.max(exitCode, validate(file, out, err));
    }
    out.flush();
    err.flush();
    return exitCode;
  }

  private int validate(Path file, PrintWriter out, PrintWriter err) {
    Workload workload;
    try {
      workload = reader.read(file);
    } catch (ManifestException e) {
      e.diagnostics().forEach(err::println);
      err.println(file + ": invalid: " + e.errors().size() + " error(s)");
      return EXIT_INVALID;
    }
    workload.warnings().forEach(err::println);
    out.println(json ? WorkloadJson.toJson(workload) : summary(workload));
    return 0;
  }

  /** One line: {@code web.yaml: ok: 1 pod (web), 2 containers; sdnotify web/server=...}. */
  static String summary(Workload workload) {
    List<Pod> pods = workload.pods();
    int containers = pods.stream().mapToInt(p -> p.containers().size()).sum();
    String text =
        workload.file()
            + ": ok: "
            + count(pods.size(), "pod")
            + (pods.isEmpty()
                ? ""
                : " (" + pods.stream().map(Pod::name).collect(Collectors.joining(", ")) + ")")
            + ", "
            + count(containers, "container");
    List<String> policies = new ArrayList<>();
    policy(
            "sdnotify",
            pods,
            c -> c.sdNotify() == SdNotifyPolicy.CONMON ? null : c.sdNotify().wireName())
        .ifPresent(policies::add);
    policy(
            "autoupdate",
            pods,
            c -> c.autoUpdate() == AutoUpdatePolicy.DISABLED ? null : c.autoUpdate().wireName())
        .ifPresent(policies::add);
    return policies.isEmpty() ? text : text + "; " + String.join(", ", policies);
  }

  private static java.util.Optional<String> policy(
      String label, List<Pod> pods, java.util.function.Function<Container, String> value) {
    List<String> entries = new ArrayList<>();
    for (Pod pod : pods) {
      for (Container container : pod.containers()) {
        String wire = value.apply(container);
        if (wire != null) {
          entries.add(pod.name() + "/" + container.name() + "=" + wire);
        }
      }
    }
    return entries.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(label + " " + String.join(" ", entries));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
