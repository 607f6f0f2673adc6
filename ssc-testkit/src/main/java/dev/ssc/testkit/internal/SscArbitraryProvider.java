package dev.ssc.testkit.internal;

import dev.ssc.api.artifact.Artifact;
import dev.ssc.api.artifact.ImageReference;
import dev.ssc.api.digest.Digest;
import dev.ssc.api.digest.DigestSet;
import dev.ssc.testkit.SscArbitraries;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.providers.ArbitraryProvider;
import net.jqwik.api.providers.TypeUsage;

/** Supplies ssc's values to {@code @ForAll} parameters. Registered in META-INF/services. */
public final class SscArbitraryProvider implements ArbitraryProvider {
  private static final Map<Class<?>, Supplier<Arbitrary<?>>> ARBITRARIES =
      Map.of(
          Digest.class, SscArbitraries::digests,
          DigestSet.class, SscArbitraries::digestSets,
          ImageReference.class, SscArbitraries::imageReferences,
          Artifact.class, SscArbitraries::artifacts);

  /** Creates the provider; jqwik calls this through the service loader. */
  public SscArbitraryProvider() {}

  @Override
  public boolean canProvideFor(TypeUsage targetType) {
    return ARBITRARIES.keySet().stream().anyMatch(targetType::isOfType);
  }

  @Override
  public Set<Arbitrary<?>> provideFor(TypeUsage targetType, SubtypeProvider subtypeProvider) {
    for (Map.Entry<Class<?>, Supplier<Arbitrary<?>>> e : ARBITRARIES.entrySet()) {
      if (targetType.isOfType(e.getKey())) {
        return Collections.singleton(e.getValue().get());
      }
    }
    return Collections.emptySet();
  }
}
