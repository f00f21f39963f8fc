package dev.wixbridge.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks every resource of the protected API: {@link ApiRoleCheck} refuses a caller without the
 * role {@link ApiRoles#API_CLIENT}, whatever URL reached the resource. Every class whose path
 * starts with {@code api/} carries it (a unit test lists them).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiClientsOnly {
}
