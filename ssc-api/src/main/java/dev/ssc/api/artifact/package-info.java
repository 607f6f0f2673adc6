/**
 * What flows through a supply chain: in-toto resource descriptors, artifacts pinned by digest, and
 * OCI image references.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.artifact;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
