package org.credstack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The images docker-compose.yml runs, as platform-bom's Jib configuration builds them (docs/deploy-compose.md, "Build
 * the images"): checked in the poms, since this machine cannot pull the base image to build them.
 */
class ComposeImagesTest {

    static final Path ROOT = ComposePlatform.repositoryRoot();

    @Test
    void buildsOnATemurin25Jre() {
        assertThat(ComposePlatform.jib(ROOT).baseImage()).isEqualTo("eclipse-temurin:25-jre");
    }

    @Test
    void runsAsANumericUserThatIsNotRoot() {
        String user = ComposePlatform.jib(ROOT).user();

        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
    }

    @Test
    void buildsNoImageInTheLifecycleSoVerifyNeedsNoRegistry() {
        assertThat(ComposePlatform.jib(ROOT).boundToLifecycle()).isFalse();
    }

    @Test
    void tagsEachImageWithTheBuildVersionAndExposesTheServerPort() {
        for (ComposePlatform.Image image : ComposePlatform.images(ROOT)) {
            assertThat(image.image()).isEqualTo("credstack/" + image.module() + ":0.1.0-SNAPSHOT");
            assertThat(image.exposedPort()).as(image.module()).isEqualTo(image.serverPort());
        }
    }
}
