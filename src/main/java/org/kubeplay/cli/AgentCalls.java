package org.kubeplay.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import org.kubeplay.agent.AgentClient;
import org.kubeplay.agent.AgentError;
import org.kubeplay.agent.AgentException;
import org.kubeplay.agent.BusKind;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a command against kubeplayd and turns its failures into a message and an exit code. */
final class AgentCalls {
  private AgentCalls() {}

  /** What a command does with the client; returns its exit code. */
  interface Body {
    int run(AgentClient client, PrintWriter out) throws AgentException;
  }

  static int run(CommandSpec spec, BusKind bus, Body body) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (AgentClient client = AgentClient.connect(bus)) {
      return body.run(client, out);
    } catch (AgentException e) {
      err.println("kubeplay " + spec.name() + ": " + e.getMessage());
      return exitCode(e.error());
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Exit codes scripts can rely on; see kubeplay(1). */
  static int exitCode(AgentError error) {
    return switch (error) {
      case NO_SUCH_WORKLOAD -> Kubeplay.EXIT_NO_SUCH_WORKLOAD;
      case INVALID_ARGS -> Kubeplay.EXIT_USAGE;
      default -> Kubeplay.EXIT_FAILED;
    };
  }

  /** Writes a value as one line of JSON. */
  static void printJson(PrintWriter out, Object value) {
    try {
      out.println(JSON.std.asString(value));
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON of " + value, e);
    }
  }
}
