package dev.polyphony.neo4j;

import java.util.regex.Pattern;

/**
 * Validation, quoting and naming conventions for the names Polyphony puts into Cypher text: labels,
 * relationship types and property keys. Values never go into Cypher text (they are passed as
 * parameters); names cannot be parameters in Neo4j 5, so every name is checked against
 * {@code [A-Za-z_][A-Za-z0-9_]*} and then back-quoted. A name that fails the check is rejected, never
 * escaped, so a name taken from a schema file or a user cannot change a statement.
 */
public final class CypherNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,254}");

  private CypherNames() {}

  /** True when {@code name} is a safe label, relationship type or property key. */
  public static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * Checks {@code name} and returns it back-quoted for Cypher text.
   *
   * @param what what the name is, for the message ("label", "relationship type", "property")
   * @throws IllegalArgumentException quoting the rejected name
   */
  public static String quote(String what, String name) {
    return "`" + require(what, name) + "`";
  }

  /** Checks {@code name} and returns it unchanged. */
  public static String require(String what, String name) {
    if (!isValid(name)) {
      throw new IllegalArgumentException(what + " must be a letter or '_' followed by letters, digits or '_',"
          + " at most 255 characters (got '" + name + "')");
    }
    return name;
  }

  /**
   * The conventional label of a node type: its name in upper camel case, {@code track -> Track},
   * {@code audio_feature -> AudioFeature}.
   */
  public static String labelOf(String nodeTypeName) {
    require("node type", nodeTypeName);
    StringBuilder sb = new StringBuilder(nodeTypeName.length());
    boolean upper = true;
    for (int i = 0; i < nodeTypeName.length(); i++) {
      char c = nodeTypeName.charAt(i);
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.length() == 0 ? nodeTypeName : sb.toString();
  }

  /**
   * The conventional relationship type of a relation: upper snake case, {@code contains -> CONTAINS},
   * {@code by_artist -> BY_ARTIST}, {@code byArtist -> BY_ARTIST}.
   */
  public static String relationshipTypeOf(String relation) {
    require("relation", relation);
    StringBuilder sb = new StringBuilder(relation.length() + 4);
    for (int i = 0; i < relation.length(); i++) {
      char c = relation.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = relation.charAt(i - 1);
        if (Character.isLowerCase(prev) || Character.isDigit(prev)) {
          sb.append('_');
        }
      }
      sb.append(Character.toUpperCase(c));
    }
    return sb.toString();
  }
}
