package org.credstack.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class BrowserTest {

    @TempDir
    Path folder;

    @AfterEach
    void clearSkipProperty() {
        System.clearProperty(Browser.SKIP_IF_MISSING);
    }

    @Test
    void failsNamingTheDebianPackagesWhenTheBrowserIsMissing() throws IOException {
        Path driver = executable("chromedriver");

        assertThatThrownBy(() -> Browser.requireInstalled(folder.resolve("chromium"), driver))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Chromium at " + folder.resolve("chromium") + " (Debian package chromium)")
                .hasMessageNotContaining("chromium-driver)")
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }

    @Test
    void failsNamingTheDriverPackageWhenTheDriverIsMissing() throws IOException {
        Path binary = executable("chromium");

        assertThatThrownBy(() -> Browser.requireInstalled(binary, folder.resolve("chromedriver")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(Debian package chromium-driver)");
    }

    @Test
    void skipsInsteadOutsideCiOnlyWhenTheSkipPropertyAllowsIt() {
        assumeTrue(System.getenv("CI") == null, "in CI a missing browser always fails");
        System.setProperty(Browser.SKIP_IF_MISSING, "true");

        assertThatThrownBy(() -> Browser.requireInstalled(folder.resolve("chromium"), folder.resolve("driver")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Browser tests need");
    }

    @Test
    void failsEvenWithTheSkipPropertyInCi() {
        assumeTrue(System.getenv("CI") != null, "only CI has the CI variable");
        System.setProperty(Browser.SKIP_IF_MISSING, "true");

        assertThatThrownBy(() -> Browser.requireInstalled(folder.resolve("chromium"), folder.resolve("driver")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void acceptsAnExecutableBrowserAndDriver() throws IOException {
        Path binary = executable("chromium");
        Path driver = executable("chromedriver");

        assertThatCode(() -> Browser.requireInstalled(binary, driver)).doesNotThrowAnyException();
    }

    private Path executable(String name) throws IOException {
        return Files.createFile(
                folder.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
