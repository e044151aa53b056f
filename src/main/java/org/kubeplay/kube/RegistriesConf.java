package org.kubeplay.kube;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads containers-registries.conf(5): the short-name aliases of its {@code [aliases]} table and
 * the insecure registries of its {@code [[registry]]} tables, with a TOML subset of {@code key =
 * value} lines and comments; the rest of the file is skipped.
 */
public final class RegistriesConf {
  private static final System.Logger LOG = System.getLogger(RegistriesConf.class.getName());

  static final String ENVIRONMENT = "CONTAINERS_REGISTRIES_CONF";
  static final Path SYSTEM_FILE = Path.of("/etc/containers/registries.conf");
  static final Path SYSTEM_DROP_INS = Path.of("/etc/containers/registries.conf.d");

  /** Largest registries.conf read: real ones are a few KiB. */
  static final long MAX_FILE_BYTES = 1024 * 1024;

  private static final Pattern TABLE = Pattern.compile("\\[\\s*([^\\[\\]]*?)\\s*\\]");
  private static final Pattern ENTRY =
      Pattern.compile(
          "(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z0-9_.-]+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");

  private static final Pattern REGISTRY_KEY =
      Pattern.compile("(location|prefix|insecure)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|true|false)");

  private RegistriesConf() {}

  /**
   * Returns the locations and prefixes of the registries the system's registries.conf marks {@code
   * insecure = true}: they are reached over plain http, as podman does.
   */
  public static Set<String> insecureRegistries() {
    Set<String> insecure = new LinkedHashSet<>();
    for (Path file : files(System.getenv(ENVIRONMENT))) {
      try {
        insecure.addAll(parseInsecure(read(file)));
      } catch (NoSuchFileException e) {
        LOG.log(System.Logger.Level.DEBUG, "no registries.conf at ''{0}''", file);
      } catch (IOException e) {
        LOG.log(
            System.Logger.Level.WARNING, "reading registries of ''{0}'': {1}, ignoring", file, e);
      }
    }
    return Collections.unmodifiableSet(insecure);
  }

  /** Returns the system's aliases, loaded on first use and then kept. */
  static ShortNameAliases system() {
    return new ShortNameAliases() {
      private Map<String, String> aliases;

      @Override
      public synchronized Optional<String> resolve(String shortName) {
        if (aliases == null) {
          aliases = load(files(System.getenv(ENVIRONMENT)));
        }
        return Optional.ofNullable(aliases.get(shortName));
      }
    };
  }

  /** Returns the files to read, later ones overriding earlier ones. */
  static List<Path> files(String environmentValue) {
    if (environmentValue != null && !environmentValue.isEmpty()) {
      return List.of(Path.of(environmentValue));
    }
    List<Path> files = new ArrayList<>(List.of(SYSTEM_FILE));
    files.addAll(dropIns(SYSTEM_DROP_INS));
    return files;
  }

  /** Returns the {@code *.conf} files of a drop-in folder in name order. */
  static List<Path> dropIns(Path folder) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.conf")) {
      entries.forEach(found::add);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "listing ''{0}'': {1}, ignoring", folder, e);
    }
    found.sort(null);
    return found;
  }

  /** Reads the aliases of every file; a missing file has none, a broken one is skipped. */
  static Map<String, String> load(List<Path> files) {
    Map<String, String> aliases = new HashMap<>();
    for (Path file : files) {
      try {
        aliases.putAll(parseAliases(read(file)));
      } catch (NoSuchFileException e) {
        LOG.log(System.Logger.Level.DEBUG, "no registries.conf at ''{0}''", file);
      } catch (IOException | IllegalArgumentException e) {
        LOG.log(System.Logger.Level.WARNING, "reading aliases of ''{0}'': {1}, ignoring", file, e);
      }
    }
    return aliases;
  }

  private static String read(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
    }
    return Files.readString(file);
  }

  /**
   * Returns the {@code [aliases]} table of a registries.conf text.
   *
   * @throws IllegalArgumentException naming the line of an entry of that table it cannot read
   */
  static Map<String, String> parseAliases(String text) {
    Map<String, String> aliases = new HashMap<>();
    boolean inAliases = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripComment(lines[i]).strip();
      Matcher table = TABLE.matcher(line);
      if (line.startsWith("[") && table.matches()) {
        inAliases = table.group(1).equals("aliases");
      } else if (line.startsWith("[[")) {
        inAliases = false;
      } else if (inAliases && !line.isEmpty()) {
        addEntry(line, i + 1, aliases);
      }
    }
    return aliases;
  }

  private static void addEntry(String line, int number, Map<String, String> aliases) {
    Matcher entry = ENTRY.matcher(line);
    if (!entry.matches()) {
      throw new IllegalArgumentException(
          "line " + number + ": expected \"short-name\" = \"registry/name\", got '" + line + "'");
    }
    aliases.put(unquote(entry.group(1)), unquote(entry.group(2)));
  }

  /**
   * Returns the location and the prefix of each {@code [[registry]]} table of a registries.conf
   * text that says {@code insecure = true}; other keys are skipped.
   */
  static Set<String> parseInsecure(String text) {
    Set<String> insecure = new LinkedHashSet<>();
    Map<String, String> table = null;
    for (String raw : text.split("\n", -1)) {
      String line = stripComment(raw).strip();
      if (line.startsWith("[")) {
        addIfInsecure(table, insecure);
        table = line.replace(" ", "").equals("[[registry]]") ? new HashMap<>() : null;
      } else if (table != null) {
        Matcher entry = REGISTRY_KEY.matcher(line);
        if (entry.matches()) {
          table.put(entry.group(1), unquote(entry.group(2)));
        }
      }
    }
    addIfInsecure(table, insecure);
    return insecure;
  }

  private static void addIfInsecure(Map<String, String> table, Set<String> insecure) {
    if (table != null && "true".equals(table.get("insecure"))) {
      Stream.of(table.get("location"), table.get("prefix"))
          .filter(name -> name != null && !name.isEmpty())
          .forEach(insecure::add);
    }
  }

  /** Drops a {@code #} comment that is not inside a quoted string. */
  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unquote(String token) {
    if (!token.startsWith("\"")) {
      return token;
    }
    return token.substring(1, token.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
