package dev.wixbridge.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource whose callers are people in a browser (often in a window Wix opened):
 * it gets {@link BrowserFacingHeaders}, and its failures are rendered as HTML pages.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BrowserFacing {
}
