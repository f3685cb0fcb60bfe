package org.credstack.runtime.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

class ProblemAdviceTest {

    record Draft(String title, int credits) {}

    @ResponseStatus(HttpStatus.GONE)
    static class Withdrawn extends RuntimeException {
        Withdrawn() {
            super("internal note: withdrawn by job 42");
        }
    }

    @RestController
    static class Failing {

        @GetMapping("/lost-race")
        String lostRace() {
            throw new OptimisticLockingFailureException("Version 3 of credential ce-1 in credentials was not 2");
        }

        @GetMapping("/broken")
        String broken() {
            throw new IllegalStateException("mongodb://admin:secret@store failed at org.credstack.Internal");
        }

        @GetMapping("/withdrawn")
        String withdrawn() {
            throw new Withdrawn();
        }

        @PostMapping("/drafts")
        Draft draft(@RequestBody Draft draft) {
            return draft;
        }

        @PostMapping("/documents")
        int document(@RequestBody JsonNode document) {
            return document.size();
        }

        @GetMapping("/page")
        int page(@RequestParam int size) {
            return size;
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemAdvice())
            .build();

    @Test
    void answersAConflictThatOutlivedItsRetriesWith409() throws Exception {
        mvc.perform(get("/lost-race"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:credstack:problem:conflict"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.title").value("Concurrent modification"))
                .andExpect(content().string(not(containsString("ce-1"))));
    }

    @Test
    void answersAnUnexpectedFailureWith500ShowingNoInternals() throws Exception {
        mvc.perform(get("/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:credstack:problem:internal-error"))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(
                        jsonPath("$.detail").value("the service failed to answer this request; the failure is logged"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("org.credstack"))));
    }

    @Test
    void keepsTheStatusAnExceptionDeclaresInsteadOf500() throws Exception {
        mvc.perform(get("/withdrawn"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value("urn:credstack:problem:gone"))
                .andExpect(content().string(not(containsString("job 42"))));
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() throws Exception {
        mvc.perform(post("/drafts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"A\",\"credits\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:credstack:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("credits"))
                .andExpect(jsonPath("$.errors[0].message").value("'x' is not a number"))
                .andExpect(jsonPath("$.errors[0].pointer").doesNotExist());
    }

    @Test
    void namesTheWholeBodyWhenItIsNotJson() throws Exception {
        mvc.perform(post("/drafts").contentType(MediaType.APPLICATION_JSON).content("{\"title\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("$"));
    }

    @Test
    void describesABodyThatIsNotJsonInItsOwnWordsWithWhereTheParserStopped() throws Exception {
        mvc.perform(post("/drafts").contentType(MediaType.APPLICATION_JSON).content("not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("the request body is not valid JSON (line 1, column 1)"))
                .andExpect(jsonPath("$.errors[0].field").value("$"))
                .andExpect(content().string(not(containsString("Unrecognized token"))));
    }

    @Test
    void saysABodyNestedTooDeeplyIsNestedTooDeeplyWithoutTheParsersSettings() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        mvc.perform(post("/documents").contentType(MediaType.APPLICATION_JSON).content(deep))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail")
                        .value("the request body nests JSON arrays or objects too deeply (at most 500 levels)"))
                .andExpect(content().string(not(containsString("StreamReadConstraints"))));
    }

    @Test
    void namesTheParameterOfTheWrongType() throws Exception {
        mvc.perform(get("/page").param("size", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:credstack:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("'many' is not a number"));
    }

    @Test
    void givesSpringMvcsOwnProblemsATypeOfTheScheme() throws Exception {
        mvc.perform(post("/page"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:credstack:problem:method-not-allowed"));
        mvc.perform(post("/drafts").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:credstack:problem:unsupported-media-type"));
    }
}
