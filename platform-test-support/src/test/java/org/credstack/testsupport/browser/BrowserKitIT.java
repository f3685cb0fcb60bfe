package org.credstack.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The browser kit on pages written here: axe-core finds what a page breaks, and screenshots show the whole page. */
class BrowserKitIT {

    @RegisterExtension
    static final Browsers BROWSERS = Browsers.forTestClass(BrowserKitIT.class);

    static final String BROKEN = """
            <!DOCTYPE html>
            <html><head><title>Broken</title></head>
            <body><main>
              <h1>Broken</h1>
              <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="no-alt">
              <input id="no-label" type="text">
              <p style="color:#aaa;background:#fff" id="faint">Faint text.</p>
            </main></body></html>
            """;

    static final String SOUND = """
            <!DOCTYPE html>
            <html lang="en"><head><title>Sound</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main>
              <h1>Sound</h1>
              <label for="name">Name</label> <input id="name" type="text">
              <div style="height:3000px">A tall page.</div>
            </main></body></html>
            """;

    @TempDir
    Path pages;

    @Test
    void listsEachViolationWithItsRuleImpactTargetAndHelp() throws IOException {
        Browser browser = BROWSERS.at(Viewport.DESKTOP);
        browser.visit(page("broken.html", BROKEN).toUri());

        assertThat(Axe.violations(browser.driver()))
                .extracting(Axe.Violation::rule)
                .contains("html-has-lang", "image-alt", "label", "color-contrast");
        assertThatThrownBy(() -> browser.check("broken"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("WCAG 2.2 AA violation(s) on broken at desktop width")
                .hasMessageContaining("image-alt (critical): Images must have alternative text")
                .hasMessageContaining("at #no-alt")
                .hasMessageContaining("label (critical)")
                .hasMessageContaining("at #no-label")
                .hasMessageContaining("color-contrast (serious)")
                .hasMessageContaining("at #faint");
    }

    @Test
    void passesASoundPageAndSavesAScreenshotOfAllOfItAtPhoneWidth() throws IOException {
        Browser browser = BROWSERS.at(Viewport.PHONE);
        browser.visit(page("sound.html", SOUND).toUri());

        browser.check("sound");

        Path shot = Path.of("target", "screenshots", "BrowserKitIT", "sound-phone.png");
        var image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(390);
        assertThat(image.getHeight()).as("the whole page, not only the screen").isGreaterThan(3000);
    }

    private Path page(String name, String html) throws IOException {
        return Files.writeString(pages.resolve(name), html);
    }
}
