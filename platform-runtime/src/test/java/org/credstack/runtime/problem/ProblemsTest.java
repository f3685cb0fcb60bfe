package org.credstack.runtime.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

    @Test
    void aSyntaxErrorSaysWhatIsWrongWithTheJsonAndNothingOfTheParser() {
        JacksonException unclosed = catchThrowableOfType(
                JacksonException.class, () -> JsonMapper.shared().readTree("{"));

        String detail = Problems.syntaxError(unclosed);

        assertThat(unclosed.getOriginalMessage()).contains("start marker");
        assertThat(detail).isEqualTo("the text ends before its JSON is complete (line 1, column 2)");
    }
}
