package dev.wixbridge.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that bounds its request bodies itself (the Wix API proxy streams bodies up to
 * its own {@code wix.proxy.max-body}; the webhook endpoint reads its JWT up to its own bound), so
 * {@link RequestBodyLimit} leaves them alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnBodyLimit {
}
