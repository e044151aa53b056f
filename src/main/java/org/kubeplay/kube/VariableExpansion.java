package org.kubeplay.kube;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes' {@code $(NAME)} references in env values, command and args. A reference to a known
 * variable becomes its value; an unknown one stays as written; {@code $$} is one {@code $}, so
 * {@code $$(NAME)} is the literal text {@code $(NAME)}.
 */
public final class VariableExpansion {
  private VariableExpansion() {}

  /** Expands every reference in {@code text} with {@code variables}. */
  public static String expand(String text, Map<String, String> variables) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      int close = next == '(' ? text.indexOf(')', i + 2) : -1;
      if (c == '$' && next == '$') {
        out.append('$');
        i += 2;
      } else if (c == '$' && close > 0) {
        String name = text.substring(i + 2, close);
        String value = variables.get(name);
        out.append(value != null ? value : text.substring(i, close + 1));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Expands each item of a command or argument list. */
  public static List<String> expand(List<String> items, Map<String, String> variables) {
    return items.stream().map(item -> expand(item, variables)).toList();
  }
}
