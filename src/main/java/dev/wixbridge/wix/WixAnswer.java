package dev.wixbridge.wix;

/** What became of a call to a Wix API made with a site's access token. */
public sealed interface WixAnswer<T> {

    record Answered<T>(T body) implements WixAnswer<T> {
    }

    /** 401: the access token is expired or revoked; a fresh one may work. */
    record TokenRejected<T>() implements WixAnswer<T> {
    }

    /** Another 4xx: Wix refuses the request itself. */
    record Refused<T>(int status) implements WixAnswer<T> {
    }

    record Unavailable<T>(WixOutage outage) implements WixAnswer<T> {
    }
}
