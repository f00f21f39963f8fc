package dev.wixbridge.api;

import java.util.regex.Pattern;

import dev.wixbridge.installation.entity.InstanceIds;

/** Reads the parameters API resources share, refusing what is malformed with a 400. */
public final class ApiParameters {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private ApiParameters() {
    }

    /** A whole number from {@code min} to {@code max}; {@code otherwise} when the parameter is absent. */
    public static int wholeNumber(String value, String name, int min, int max, int otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new InvalidApiParameter(name + " must be a whole number from " + min + " to " + max + ".");
        }
        return Integer.parseInt(value);
    }

    /** The instance id in the stored spelling. */
    public static String instanceId(String value) {
        return InstanceIds.parse(value)
                .orElseThrow(() -> new InvalidApiParameter("instanceId must be a Wix instance id (a UUID)."));
    }
}
