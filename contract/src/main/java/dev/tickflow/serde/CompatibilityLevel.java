package dev.tickflow.serde;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** A subject's compatibility rule, with Confluent Schema Registry's names and meaning. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private static final int MAX_LISTED = 5;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /**
      * Why the candidate may not follow the registered versions (oldest first) under this rule;
      * empty when it may.
      */
    public List<String> problems(Schema candidate, List<Schema> registered) {
        List<String> problems = new ArrayList<>();
        if (registered.isEmpty()) {
            return problems;
        }
        List<Schema> against = transitive ? registered : List.of(registered.get(registered.size() - 1));
        for (Schema old : against) {
            if (newReadsOld) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), "new schema cannot read data written with an old one", problems);
            }
            if (oldReadsNew) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), "old schema cannot read data written with the new one", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String what, List<String> problems) {
        List<Incompatibility> found = pair.getResult().getIncompatibilities();
        for (Incompatibility incompatibility : found.subList(0, Math.min(found.size(), MAX_LISTED))) {
            problems.add(what + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
        if (found.size() > MAX_LISTED) {
            problems.add("and " + (found.size() - MAX_LISTED) + " more");
        }
    }
}
