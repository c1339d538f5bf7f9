package org.singlewindow.node.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.AsyncListener;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** Asynchronous requests in MockMvc, answered with the nodes' error handling, and timed out as Tomcat does. */
public final class AsyncRequests {

    private AsyncRequests() {
    }

    /** MockMvc over {@code controller} with the nodes' problem details ({@link ApiExceptionHandler}). */
    public static MockMvc mvc(Object controller) {
        return MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ApiExceptionHandler(new RequestRefusals(new SimpleMeterRegistry()))).build();
    }

    /** What Tomcat does to a request held open past its time limit, or still open when the node stops. */
    public static void timeOut(MvcResult held) throws Exception {
        for (AsyncListener listener : ((MockAsyncContext) held.getRequest().getAsyncContext()).getListeners()) {
            listener.onTimeout(null);
        }
    }
}
