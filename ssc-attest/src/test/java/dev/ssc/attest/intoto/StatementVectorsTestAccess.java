package dev.ssc.attest.intoto;

import dev.ssc.api.json.JsonObject;
import java.util.List;

/** Test access to the validation vector cases for tests in other packages. */
public final class StatementVectorsTestAccess {
  private StatementVectorsTestAccess() {}

  public static List<JsonObject> cases(String group) {
    return StatementVectorsTest.cases(group);
  }
}
