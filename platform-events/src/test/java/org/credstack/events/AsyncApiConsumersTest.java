package org.credstack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The readers of each topic that {@code asyncapi.yaml} lists ({@code action: receive} operations with their
 * {@code x-consumer-group}) are exactly the Kafka bindings the services declare ({@code *-in-0} destinations in
 * their {@code application.yml}, the group being the service's {@code spring.application.name}): a new consumer
 * cannot be added without saying so in the contract, and the contract cannot name one that does not exist.
 */
class AsyncApiConsumersTest {

    private static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final List<String> SERVICES =
            List.of("catalog-service", "enrollment-service", "badge-service", "notification-service");

    @Test
    void theReceiveOperationsAreTheServicesBindings() throws IOException {
        assertThat(documented()).isNotEmpty().isEqualTo(bound());
    }

    @Test
    void aBindingMissingFromTheContractIsNoticed() throws IOException {
        Set<String> documented = documented();
        documented.remove("notification-service <- enrollment.events.v1");

        assertThat(documented).isNotEqualTo(bound());
    }

    /** {@code "<group> <- <topic>"} for every receive operation. */
    @SuppressWarnings("unchecked")
    private static Set<String> documented() throws IOException {
        Map<String, Object> doc =
                AsyncApiContract.parse(Files.readString(ROOT.resolve("platform-events/asyncapi.yaml")));
        Map<String, Object> channels = (Map<String, Object>) doc.get("channels");
        Set<String> pairs = new TreeSet<>();
        ((Map<String, Object>) doc.get("operations")).values().forEach(o -> {
            Map<String, Object> operation = (Map<String, Object>) o;
            if ("receive".equals(operation.get("action"))) {
                String ref = (String) ((Map<String, Object>) operation.get("channel")).get("$ref");
                Map<String, Object> channel =
                        (Map<String, Object>) channels.get(ref.substring(ref.lastIndexOf('/') + 1));
                pairs.add(operation.get("x-consumer-group") + " <- " + channel.get("address"));
            }
        });
        return pairs;
    }

    /** {@code "<group> <- <topic>"} for every input binding of every service. */
    @SuppressWarnings("unchecked")
    private static Set<String> bound() throws IOException {
        Set<String> pairs = new TreeSet<>();
        for (String service : SERVICES) {
            Map<String, Object> yaml = AsyncApiContract.parse(
                    Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
            Map<String, Object> spring = (Map<String, Object>) yaml.get("spring");
            String group = (String) ((Map<String, Object>) spring.get("application")).get("name");
            Map<String, Object> cloud = (Map<String, Object>) spring.get("cloud");
            if (cloud == null) {
                continue;
            }
            Map<String, Object> stream = (Map<String, Object>) cloud.get("stream");
            Map<String, Object> bindings = stream == null ? null : (Map<String, Object>) stream.get("bindings");
            if (bindings == null) {
                continue;
            }
            bindings.forEach((name, binding) -> {
                if (name.endsWith("-in-0")) {
                    pairs.add(group + " <- " + ((Map<String, Object>) binding).get("destination"));
                }
            });
        }
        return pairs;
    }
}
