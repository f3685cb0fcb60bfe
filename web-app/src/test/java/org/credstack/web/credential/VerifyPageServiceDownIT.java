package org.credstack.web.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.credstack.web.Accessibility;
import org.credstack.web.Fixtures;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /verify} with badge-service stopped (its port refuses connections): "could not check now", never "invalid". */
@SpringBootTest
@AutoConfigureMockMvc
class VerifyPageServiceDownIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.badge-url", StubService::refusing);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void saysTheCredentialCouldNotBeCheckedNowWith503AndNeverThatItIsInvalid() throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/verify")
                        .param("credential", Fixtures.credential(null))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        String html = response.getContentAsString();

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(html)
                .contains("<title>Could not check now – Verify a credential – CredStack</title>")
                .contains("The credential could not be checked right now: the verification service did not answer.")
                .contains("This says nothing about")
                .doesNotContain("Invalid")
                .doesNotContain("id=\"result\"")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        Accessibility.assertBasics(html);
    }
}
