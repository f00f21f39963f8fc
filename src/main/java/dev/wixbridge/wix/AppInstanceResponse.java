package dev.wixbridge.wix;

/** The part of {@code GET /apps/v1/instance} the product reads. */
public record AppInstanceResponse(Instance instance) {

    public record Instance(String instanceId) {
    }
}
