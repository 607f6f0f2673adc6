package dev.ssc.attest.predicate;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import dev.ssc.api.artifact.ResourceDescriptor;
import dev.ssc.api.internal.Checks;
import dev.ssc.api.internal.SscStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * in-toto Test Result v0.1 ({@value #URI}): the outcome of a test run against the subjects.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SscStyle
public abstract class TestResult {
  /** The predicate type URI. */
  public static final String URI = "https://in-toto.io/attestation/test-result/v0.1";

  /** The predicate type, for {@link PredicateRegistry} and {@link Predicate#as}. */
  public static final PredicateType<TestResult> PREDICATE = new TestResultType();

  /** {@code result}. */
  public enum Result {
    /** Every test passed. */
    PASSED,
    /** Tests passed with warnings. */
    WARNED,
    /** At least one test failed. */
    FAILED
  }

  TestResult() {}

  /** {@code result}. */
  public abstract Result result();

  /** {@code configuration}: the configuration the tests ran with. */
  public abstract List<ResourceDescriptor> configuration();

  /** {@code url}: the test run, such as a CI job. */
  public abstract Optional<String> url();

  /** {@code passedTests}. */
  public abstract List<String> passedTests();

  /** {@code warnedTests}. */
  public abstract List<String> warnedTests();

  /** {@code failedTests}. */
  public abstract List<String> failedTests();

  /** A new builder. */
  public static Builder builder() {
    return ImmutableTestResult.builder();
  }

  /** Builds a {@link TestResult}; the result is required. */
  public interface Builder {
    /** Sets the result. */
    @CanIgnoreReturnValue
    Builder result(Result result);

    /** Adds a configuration descriptor. */
    @CanIgnoreReturnValue
    Builder addConfiguration(ResourceDescriptor configuration);

    /** Adds configuration descriptors. */
    @CanIgnoreReturnValue
    Builder addAllConfiguration(Iterable<? extends ResourceDescriptor> configuration);

    /** Sets the URL of the run. */
    @CanIgnoreReturnValue
    Builder url(String url);

    /** Adds passed tests. */
    @CanIgnoreReturnValue
    Builder addAllPassedTests(Iterable<String> tests);

    /** Adds tests that warned. */
    @CanIgnoreReturnValue
    Builder addAllWarnedTests(Iterable<String> tests);

    /** Adds failed tests. */
    @CanIgnoreReturnValue
    Builder addAllFailedTests(Iterable<String> tests);

    /**
     * Builds the test result.
     *
     * @throws IllegalStateException if the result is missing
     * @throws IllegalArgumentException if the result is PASSED while failed tests are listed
     */
    TestResult build();
  }

  @Value.Check
  void check() {
    List<String> problems = new ArrayList<>();
    if (result() == Result.PASSED && !failedTests().isEmpty()) {
      problems.add("result PASSED contradicts " + failedTests().size() + " failedTests");
    }
    Checks.throwIfAny("TestResult", problems);
  }
}
