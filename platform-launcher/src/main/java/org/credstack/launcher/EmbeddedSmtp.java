package org.credstack.launcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A GreenMail SMTP server that keeps every message it receives (in memory, for as long as it
 * runs), with IMAP to read them; run as its own JVM by the launcher. Authentication is disabled:
 * any login works and a mailbox is made for every recipient.
 */
public final class EmbeddedSmtp {

    private EmbeddedSmtp() {}

    /**
     * Serves SMTP and IMAP on localhost until the JVM ends (SIGTERM, SIGINT, or the parent process
     * ending).
     *
     * @param args {@code [<smtp port>, default 3025] [<imap port>, default 3143]}
     */
    public static void main(String[] args) {
        int smtpPort = args.length > 0 ? Integer.parseInt(args[0]) : 3025;
        int imapPort = args.length > 1 ? Integer.parseInt(args[1]) : 3143;
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(imapPort, "localhost", ServerSetup.PROTOCOL_IMAP)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "smtp-shutdown"));
        ParentWatchdog.exitWhenParentDies();
        System.out.println("GreenMail SMTP on localhost:" + smtpPort + ", IMAP on localhost:" + imapPort);
    }
}
