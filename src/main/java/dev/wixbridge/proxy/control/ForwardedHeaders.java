package dev.wixbridge.proxy.control;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which headers cross the proxy, each way. Towards Wix an allow-list: a caller's credentials,
 * cookies and connection details are never Wix's business. Back from Wix everything but cookies
 * and the hop-by-hop headers of RFC 9110 §7.6.1, which belong to one connection, not to the answer.
 */
public final class ForwardedHeaders {

    private static final Set<String> TO_WIX = Set.of("content-type", "accept", "accept-language", "if-match", "if-none-match");
    private static final String WIX_PREFIX = "wix-";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding",
            "upgrade");
    private static final Set<String> NEVER_BACK = Set.of("set-cookie", "set-cookie2", "authorization");

    private ForwardedHeaders() {
    }

    /** The caller's headers Wix gets: the allow-list, less any header {@code Connection} names. */
    public static Map<String, List<String>> toWix(Map<String, List<String>> callers) {
        Set<String> named = namedByConnection(callers);
        return only(callers, name -> (TO_WIX.contains(name) || name.startsWith(WIX_PREFIX)) && !named.contains(name));
    }

    /** Wix's headers the caller gets: all but cookies, hop-by-hop headers and those {@code Connection} names. */
    public static Map<String, List<String>> fromWix(Map<String, List<String>> wixs) {
        Set<String> named = namedByConnection(wixs);
        return only(wixs, name -> !NEVER_BACK.contains(name) && !isHopByHop(name) && !named.contains(name)
                && !name.startsWith(":"));
    }

    private static boolean isHopByHop(String name) {
        return HOP_BY_HOP.contains(name) || name.startsWith("proxy-");
    }

    private static Set<String> namedByConnection(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("connection"))
                .flatMap(header -> header.getValue().stream())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    private static Map<String, List<String>> only(Map<String, List<String>> headers,
                                                  java.util.function.Predicate<String> lowerCaseName) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (lowerCaseName.test(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, values);
            }
        });
        return kept;
    }
}
