/**
 * The closed loop: components, deployments and advisories, so a vulnerability found in production
 * leads to every affected deployment.
 */
@NullMarked
@CheckReturnValue
package dev.ssc.api.loop;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
