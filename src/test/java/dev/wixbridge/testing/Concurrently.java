package dev.wixbridge.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many HTTP calls at once, one thread each, all answers back in order. */
public final class Concurrently {

    private Concurrently() {
    }

    /** One call; {@code index} tells the callers apart. */
    public interface Call {
        HttpResponse<String> make(int index);
    }

    public static List<HttpResponse<String>> call(int count, Call call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> call.make(index));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : clients.invokeAll(calls)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            clients.shutdownNow();
        }
    }
}
