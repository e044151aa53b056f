package org.kubeplay.update;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an auto-update run as podman auto-update does: a table with the columns UNIT, CONTAINER,
 * IMAGE, POLICY, UPDATED, or a JSON array of the same rows; reasons and errors go apart, one line
 * each.
 */
public final class UpdateReport {
  /** The table's header, podman's words. */
  static final List<String> COLUMNS = List.of("UNIT", "CONTAINER", "IMAGE", "POLICY", "UPDATED");

  private static final String GAP = "  ";

  private UpdateReport() {}

  /** The rows as a table, a header line first, each line ending in a newline. */
  public static String table(List<UpdateRow> rows) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(COLUMNS);
    rows.forEach(row -> lines.add(cells(row)));
    int[] widths = new int[COLUMNS.size()];
    for (List<String> line : lines) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder table = new StringBuilder();
    lines.forEach(line -> appendLine(table, line, widths));
    return table.toString();
  }

  /**
   * The rows as a JSON array of objects with podman's keys (Unit, Container, ContainerID,
   * ContainerName, Image, Policy, Updated), and Reason where there is one.
   */
  public static String json(List<UpdateRow> rows) {
    List<Map<String, String>> objects = rows.stream().map(UpdateReport::object).toList();
    try {
      return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(objects) + "\n";
    } catch (IOException e) {
      // Only lists, maps and strings reach the writer.
      throw new UncheckedIOException("writing auto-update rows as JSON", e);
    }
  }

  /** Why each failed or rolled back row ended so, then the run's other errors: one line each. */
  public static List<String> problems(UpdateRun run) {
    List<String> lines = new ArrayList<>();
    for (UpdateRow row : run.rows()) {
      row.reason().ifPresent(why -> lines.add(row.unit() + " " + row.container() + ": " + why));
    }
    lines.addAll(run.errors());
    return lines;
  }

  private static List<String> cells(UpdateRow row) {
    return List.of(
        row.unit(),
        row.container(),
        row.image(),
        row.policy().wireName(),
        row.updated().wireName());
  }

  private static Map<String, String> object(UpdateRow row) {
    Map<String, String> object = new LinkedHashMap<>();
    object.put("Unit", row.unit());
    object.put("Container", row.container());
    object.put("ContainerID", row.containerId());
    object.put("ContainerName", row.containerName());
    object.put("Image", row.image());
    object.put("Policy", row.policy().wireName());
    object.put("Updated", row.updated().wireName());
    row.reason().ifPresent(why -> object.put("Reason", why));
    return object;
  }

  private static void appendLine(StringBuilder table, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length())).append(GAP);
      }
    }
    table.append(line).append('\n');
  }
}
