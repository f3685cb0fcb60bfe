package org.credstack.catalog.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The requests {@code samples/import-catalog.sh} sends, in its order, with its query parameters and bodies: the
 * CTDL files with a provider name, then every BadgeClass of each folder in a JSON array with the folder's issuer
 * Profile (alone when the folder has none).
 */
final class SampleImports {

    /**
     * One request of the script.
     *
     * @param label the script's label of the line, e.g. {@code badgeclasses/skmch/bls.json (+issuer)}
     * @param query the query string, encoded as the script encodes it
     */
    record Request(String label, String contentType, String query, byte[] body) {

        String path() {
            return "/api/v1/imports?" + query;
        }
    }

    private static final List<String[]> CTDL = List.of(
            new String[] {"uakron_physics-polymer_bachelor.json", "University of Akron"},
            new String[] {"coffeyville-cc_medical-lab-tech_aas.sandbox.graph.json", "Coffeyville Community College"},
            new String[] {"iu-south-bend_bsn_bachelor.sandbox.graph.json", "Indiana University South Bend"},
            new String[] {"comptia-a-plus_certification.json", "CompTIA"},
            new String[] {"nocti-21st-century-skills_certification.graph.json", "NOCTI"},
            new String[] {"nbcot-cota_certification.2017-import.json", "NBCOT"},
            new String[] {"comptia-it-networking-specialist_pathway.jsonld", "CompTIA"},
            new String[] {"usu-empowering-teaching-excellence_badge-pathway.json", "Utah State University"},
            new String[] {"unt-french-ba-marketable-skills_badge-pathway.json", "University of North Texas"});

    private static final List<String> BADGE_FOLDERS = List.of(
            "institute-of-coding",
            "skmch",
            "jackson-state-univ",
            "ai4good-mx",
            "cognipilot-ob3",
            "software-carpentry",
            "fresno-state-library");

    private SampleImports() {}

    static List<Request> all() {
        List<Request> requests = new ArrayList<>();
        for (String[] ctdl : CTDL) {
            String file = ctdl[0];
            requests.add(new Request(
                    "ctdl/" + file,
                    file.endsWith(".jsonld") ? "application/ld+json" : "application/json",
                    "format=ctdl&source=" + urlencode("ctdl/" + file) + "&provider=" + urlencode(ctdl[1]),
                    withoutBom(Samples.bytes("ctdl/" + file))));
        }
        BADGE_FOLDERS.forEach(folder -> requests.addAll(badges(folder)));
        return requests;
    }

    private static List<Request> badges(String folder) {
        List<String> files = files("badgeclasses/" + folder);
        String issuer =
                files.stream().filter(f -> f.startsWith("issuer")).findFirst().orElse(null);
        List<Request> requests = new ArrayList<>();
        for (String file : files) {
            if (file.equals(issuer)) {
                continue;
            }
            String source = "badgeclasses/" + folder + "/" + file;
            byte[] badge = withoutBom(Samples.bytes(source));
            String query = "format=openbadges&source=" + urlencode(source);
            if (issuer == null) {
                requests.add(new Request(source, "application/json", query, badge));
            } else {
                byte[] profile = withoutBom(Samples.bytes("badgeclasses/" + folder + "/" + issuer));
                requests.add(new Request(source + " (+issuer)", "application/json", query, array(badge, profile)));
            }
        }
        return requests;
    }

    /** The {@code *.json} files of a sample folder in the order of the script's glob (C collation). */
    private static List<String> files(String folder) {
        try (Stream<Path> listed = Files.list(
                Path.of(Samples.class.getResource("/samples/catalog/" + folder).toURI()))) {
            return listed.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] array(byte[] first, byte[] second) {
        String joined = "[" + new String(first, StandardCharsets.UTF_8) + ","
                + new String(second, StandardCharsets.UTF_8) + "]";
        return joined.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withoutBom(byte[] bytes) {
        boolean bom = bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        return bom ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }

    /** The script's {@code urlencode}: unreserved characters as they are, every other one as {@code %XX}. */
    static String urlencode(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || ".~_-".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }
}
