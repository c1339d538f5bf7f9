package org.singlewindow.node.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A request held open that times out before it sent anything gets a bilingual 503 (an event stream that has sent
 * its first bytes just ends: {@code SseHubTest}).
 */
class AsyncTimeoutTest {

    @Test
    void a_request_timing_out_before_any_byte_should_get_a_503_problem() throws Exception {
        MockMvc mvc = AsyncRequests.mvc(new Silent());
        MvcResult held = mvc.perform(get("/silent")).andExpect(request().asyncStarted()).andReturn();

        AsyncRequests.timeOut(held);

        mvc.perform(asyncDispatch(held)).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TIMED_OUT"))
                .andExpect(jsonPath("$.detailZh").value("请求保持时间过长，请重新发送"));
    }

    @RestController
    static class Silent {
        @GetMapping("/silent")
        SseEmitter silent() {
            return new SseEmitter(60_000L);
        }
    }
}
